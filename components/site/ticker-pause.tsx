'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * The ticker's pause button. Its name is what it will do — «إيقاف مؤقت» while the ticker runs,
 * «تشغيل» once paused — with no aria-pressed, so the name and a pressed state never contradict.
 * Server-rendered hidden: without JavaScript it could not work (hover and focus still pause).
 */
export function TickerPause({ pauseLabel, playLabel }: { pauseLabel: string; playLabel: string }) {
  // false in the server's HTML, true once hydrated: the button shows only when it can work.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [paused, setPaused] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const ticker = ref.current?.closest('.ticker');
    if (paused) ticker?.setAttribute('data-paused', '');
    else ticker?.removeAttribute('data-paused');
  }, [paused]);
  return (
    <button
      ref={ref}
      type="button"
      hidden={!ready}
      onClick={() => setPaused((p) => !p)}
      className="ticker-pause-control flex shrink-0 items-center gap-1.5 border-s border-rule px-3 text-sm font-semibold text-ink-900 hover:bg-ink-50"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="currentColor">
        {paused ? <path d="M4 2.5v11l9-5.5z" /> : <path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" />}
      </svg>
      {paused ? playLabel : pauseLabel}
    </button>
  );
}
