import { useTranslations } from 'next-intl';
import { adminPath, homePath } from '@/lib/article-url';
import { can } from '@/lib/auth/permissions';

interface Props {
  locale: string;
  user: { name: string; role: 'admin' | 'editor' | 'writer' };
  logout: (data: FormData) => Promise<void>;
}

export function AdminBar({ locale, user, logout }: Props) {
  const t = useTranslations('Admin');
  const actor = { id: 0, role: user.role };
  // Links follow the role; the pages and actions check again on the server.
  const canManage = {
    taxonomy: can(actor, 'taxonomy.manage'),
    users: can(actor, 'users.manage'),
    audit: can(actor, 'audit.view'),
    settings: can(actor, 'settings.manage'),
  };
  const button = 'rounded px-3 py-1.5 text-sm font-semibold hover:bg-ink-800';
  const links = (
    <>
      <a href={adminPath(locale, '/articles')} className={button}>
        {t('editor.articles')}
      </a>
      <a href={adminPath(locale, '/articles/new')} className={button}>
        {t('editor.newArticle')}
      </a>
      <a href={adminPath(locale, '/media')} className={button}>
        {t('media.title')}
      </a>
      {canManage.taxonomy && (
        <>
          <a href={adminPath(locale, '/sections')} className={button}>
            {t('taxonomy.sections')}
          </a>
          <a href={adminPath(locale, '/tags')} className={button}>
            {t('taxonomy.tags')}
          </a>
        </>
      )}
      {canManage.users && (
        <a href={adminPath(locale, '/users')} className={button}>
          {t('users.title')}
        </a>
      )}
      {canManage.settings && (
        <a href={adminPath(locale, '/settings')} className={button}>
          {t('settings.title')}
        </a>
      )}
      {canManage.audit && (
        <a href={adminPath(locale, '/audit')} className={button}>
          {t('audit.title')}
        </a>
      )}
    </>
  );
  const account = (
    <>
      <p className="px-3 text-sm text-ink-100">
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
    </>
  );
  // On a phone the links fold into a <details> menu: it opens with a tap, Enter or Space, with
  // JavaScript or without. From md up the same links sit in the bar and the menu is not rendered
  // (display: none keeps the hidden copy out of the accessibility tree and the tab order).
  return (
    <header className="relative bg-ink-950 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <a href={adminPath(locale)} className="me-3 text-xl font-bold">
          {t('title')}
        </a>
        <nav aria-label={t('menu')} className="hidden flex-1 flex-wrap items-center gap-1 md:flex">
          {links}
        </nav>
        <div className="hidden flex-wrap items-center gap-2 md:flex">{account}</div>
        <details className="group md:hidden">
          <summary className="flex cursor-pointer list-none items-center gap-2 rounded border border-ink-700 px-3 py-1.5 text-sm font-semibold hover:bg-ink-800 [&::-webkit-details-marker]:hidden">
            <span aria-hidden="true" className="text-base leading-none">
              ☰
            </span>
            <span>{t('menuButton')}</span>
          </summary>
          <div className="absolute inset-x-0 top-full z-30 border-t border-ink-800 bg-ink-950 px-4 pb-4 shadow-lg">
            <nav aria-label={t('menu')} className="flex flex-col items-stretch gap-1 py-2">
              {links}
            </nav>
            <div className="flex flex-col items-start gap-1 border-t border-ink-800 pt-2">{account}</div>
          </div>
        </details>
      </div>
    </header>
  );
}
