import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { CopyLinkButton } from './copy-link-button';
import { ShareIcon, type ShareIconName } from './share-icons';

/** Plain share links: no third-party scripts, no tracking pixels. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const t = useTranslations('ShareLinks');
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  const networks: { icon: ShareIconName; label: string; href: string }[] = [
    { icon: 'whatsapp', label: t('whatsapp'), href: `https://wa.me/?text=${text}%20${u}` },
    { icon: 'telegram', label: t('telegram'), href: `https://t.me/share/url?url=${u}&text=${text}` },
    { icon: 'facebook', label: t('facebook'), href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { icon: 'x', label: t('x'), href: `https://x.com/intent/post?url=${u}&text=${text}` },
  ];
  const round =
    'inline-flex size-10 items-center justify-center rounded-full border border-rule text-ink-900 hover:border-ink-900 hover:bg-ink-50 focus-visible:border-ink-900 focus-visible:bg-ink-50';
  const icon = (name: ShareIconName, label: string): ReactNode => (
    <>
      <ShareIcon name={name} />
      <span className="sr-only">{label}</span>
    </>
  );
  return (
    <div className="flex flex-wrap items-center gap-2" data-share-links>
      <h2 className="me-1 text-sm font-bold text-muted">{t('title')}</h2>
      {networks.map((n) => (
        <a
          key={n.icon}
          href={n.href}
          className={round}
          rel="noopener noreferrer nofollow"
          target="_blank"
          title={n.label}
        >
          {icon(n.icon, n.label)}
        </a>
      ))}
      <a href={`mailto:?subject=${text}&body=${u}`} className={round} title={t('email')}>
        {icon('email', t('email'))}
      </a>
      <CopyLinkButton
        url={url}
        label={t('copyLink')}
        copiedLabel={t('copied')}
        icon={<ShareIcon name="link" />}
        className="inline-flex h-10 items-center gap-2 rounded-full border border-rule px-3.5 text-sm font-semibold text-ink-900 hover:border-ink-900 hover:bg-ink-50 focus-visible:border-ink-900 focus-visible:bg-ink-50"
      />
    </div>
  );
}
