import { useTranslations } from 'next-intl';
import { adminPath, homePath } from '@/lib/article-url';

interface Props {
  locale: string;
  user: { name: string; role: 'admin' | 'editor' | 'writer' };
  logout: (data: FormData) => Promise<void>;
}

export function AdminBar({ locale, user, logout }: Props) {
  const t = useTranslations('Admin');
  const button = 'rounded px-3 py-1.5 text-sm font-semibold hover:bg-ink-800';
  return (
    <header className="bg-ink-950 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <nav aria-label={t('title')} className="flex flex-wrap items-center gap-1">
          <a href={adminPath(locale)} className="me-3 text-xl font-bold">
            {t('title')}
          </a>
          <a href={adminPath(locale, '/articles')} className={button}>
            {t('editor.articles')}
          </a>
          <a href={adminPath(locale, '/articles/new')} className={button}>
            {t('editor.newArticle')}
          </a>
          <a href={adminPath(locale, '/media')} className={button}>
            {t('media.title')}
          </a>
        </nav>
        <div className="flex flex-wrap items-center gap-2">
          <p className="text-sm text-ink-100">
            {t('signedInAs', { name: user.name })} ({t(`roles.${user.role}`)})
          </p>
          <a href={homePath(locale)} className={button}>
            {t('viewSite')}
          </a>
          <form action={logout}>
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className={button}>
              {t('logout')}
            </button>
          </form>
          <form action={logout}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="everywhere" value="1" />
            <button type="submit" className={button}>
              {t('logoutEverywhere')}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
