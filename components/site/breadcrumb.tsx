import { useTranslations } from 'next-intl';

export interface Crumb {
  label: string;
  href?: string;
}

/** الرئيسية » القسم » العنوان: the last crumb is the current page. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  const t = useTranslations('Article');
  return (
    <nav aria-label={t('breadcrumb')} className="text-sm text-muted">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {items.map((item, i) => (
          <li key={i} className="flex min-w-0 items-center gap-2">
            {i > 0 && <span aria-hidden="true">»</span>}
            {item.href ? (
              <a href={item.href} className="text-ink-700 hover:underline">
                {item.label}
              </a>
            ) : (
              <span aria-current="page" className="line-clamp-1">
                <bdi>{item.label}</bdi>
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
