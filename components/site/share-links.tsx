import { useTranslations } from 'next-intl';
import { CopyLinkButton } from './copy-link-button';

/** Plain share links: no third-party scripts, no tracking pixels. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const t = useTranslations('Article');
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  const networks = [
    { name: 'WhatsApp', href: `https://wa.me/?text=${text}%20${u}` },
    { name: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${text}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'X', href: `https://x.com/intent/post?url=${u}&text=${text}` },
  ];
  const chip =
    'inline-flex items-center rounded-full border border-rule px-3 py-1.5 text-sm font-semibold text-ink-900 hover:border-ink-900 hover:bg-ink-50';
  return (
    <div className="flex flex-wrap items-center gap-2">
      <h2 className="me-1 text-sm font-bold text-muted">{t('share')}</h2>
      {networks.map((n) => (
        <a
          key={n.name}
          href={n.href}
          className={chip}
          rel="noopener noreferrer nofollow"
          target="_blank"
          aria-label={t('shareOn', { network: n.name })}
        >
          <span lang="en" dir="ltr">
            {n.name}
          </span>
        </a>
      ))}
      <a href={`mailto:?subject=${text}&body=${u}`} className={chip}>
        {t('email')}
      </a>
      <CopyLinkButton url={url} label={t('copyLink')} copiedLabel={t('copied')} className={chip} />
    </div>
  );
}
