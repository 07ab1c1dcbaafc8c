'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { saveStaticPage } from '@/db/mutations/pages';
import { STATIC_PAGE_SLUGS } from '@/db/schema';
import { requirePermission } from '@/lib/auth/guard';
import { formValues } from '@/lib/forms';
import { sanitizeArticleHtml } from '@/lib/html/sanitize';

const PAGE_TITLE_MAX = 120;
const PAGE_BODY_MAX = 50_000;

export type StaticPageFormState = {
  status: 'saved' | 'invalid';
  fieldErrors: Partial<Record<'title' | 'body', string>>;
  values: { title: string; body: string };
} | null;

// Save one edition of about/contact/privacy (admins): sanitised, audited, live at once.
export async function saveStaticPageAction(
  _prev: StaticPageFormState,
  data: FormData,
): Promise<StaticPageFormState> {
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  const admin = await requirePermission('settings.manage', locale);
  const t = await getTranslations({ locale, namespace: 'Admin.pages' });
  const values = formValues(data, ['slug', 'edition', 'title', 'body'] as const);
  const parsed = z
    .object({
      slug: z.enum(STATIC_PAGE_SLUGS),
      edition: z.enum(['ar', 'en']),
      title: z
        .string()
        .trim()
        .min(1, t('titleRequired'))
        .max(PAGE_TITLE_MAX, t('titleTooLong', { max: PAGE_TITLE_MAX })),
      body: z
        .string()
        .trim()
        .min(1, t('bodyRequired'))
        .max(PAGE_BODY_MAX, t('bodyTooLong', { max: PAGE_BODY_MAX })),
    })
    .safeParse(values);
  const kept = { title: values.title, body: values.body };
  if (!parsed.success) {
    const fieldErrors: NonNullable<StaticPageFormState>['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if ((key === 'title' || key === 'body') && !fieldErrors[key]) fieldErrors[key] = issue.message;
    }
    return { status: 'invalid', fieldErrors, values: kept };
  }
  const { slug, edition, title, body } = parsed.data;
  await saveStaticPage(getDb(), admin.id, { slug, locale: edition, title, body });
  // What was kept, so the form shows the text as readers now get it.
  return { status: 'saved', fieldErrors: {}, values: { title, body: sanitizeArticleHtml(body) } };
}
