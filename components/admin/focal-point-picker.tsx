'use client';

import type { FocalPoint } from '@/lib/media/card-crop';

interface Props {
  src: string;
  width: number;
  height: number;
  focal: FocalPoint;
  /** The button's accessible name, e.g. «حدّد نقطة التركيز في: …». */
  label: string;
  describedBy?: string;
  disabled?: boolean;
  /** Only drawn (no button) for people who may not move the point. */
  readOnly?: boolean;
  onMove: (focal: FocalPoint) => void;
}

const clamp = (n: number) => Math.min(1, Math.max(0, n));
const STEP = 0.05;
const MOVES: Record<string, [number, number]> = {
  ArrowLeft: [-STEP, 0],
  ArrowRight: [STEP, 0],
  ArrowUp: [0, -STEP],
  ArrowDown: [0, STEP],
};

/**
 * The whole picture with its focal point marked: a click on the subject moves the point there;
 * with the keyboard, the arrow keys move it by 5 %. The box is exactly the drawn picture, so a
 * click's place in the box is its place in the image.
 */
export function FocalPointPicker({
  src,
  width,
  height,
  focal,
  label,
  describedBy,
  disabled,
  readOnly,
  onMove,
}: Props) {
  const marker = (
    <span
      aria-hidden="true"
      className="pointer-events-none absolute size-5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-accent-700/80 shadow"
      // The point is in the picture's own coordinates, which do not flip with the page's direction.
      style={{ left: `${focal.x * 100}%`, top: `${focal.y * 100}%` }}
    />
  );
  return (
    <div className="relative mx-auto w-fit">
      {/* eslint-disable-next-line @next/next/no-img-element -- a stored variant, drawn whole so the point can be placed */}
      <img
        src={src}
        alt=""
        width={width}
        height={height}
        className="block h-auto max-h-72 w-auto max-w-full rounded bg-ink-100"
      />
      {readOnly ? (
        marker
      ) : (
        <button
          type="button"
          disabled={disabled}
          aria-label={label}
          aria-describedby={describedBy}
          className="absolute inset-0 cursor-crosshair rounded focus-visible:outline-4 focus-visible:outline-ink-700"
          onClick={(e) => {
            if (e.detail === 0) return; // Enter or Space: the arrow keys move the point instead
            const box = e.currentTarget.getBoundingClientRect();
            onMove({
              x: clamp((e.clientX - box.left) / box.width),
              y: clamp((e.clientY - box.top) / box.height),
            });
          }}
          onKeyDown={(e) => {
            const move = MOVES[e.key];
            if (!move) return;
            e.preventDefault();
            onMove({ x: clamp(focal.x + move[0]), y: clamp(focal.y + move[1]) });
          }}
        >
          {marker}
        </button>
      )}
    </div>
  );
}
