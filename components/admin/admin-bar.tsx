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
