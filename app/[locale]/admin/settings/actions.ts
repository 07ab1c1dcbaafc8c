'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { saveSettings } from '@/db/mutations/settings';
import { SETTING_KEYS } from '@/db/queries/settings';
import { DIGIT_STYLES, MONTH_STYLES } from '@/lib/arabic/dates';
import { adminPath } from '@/lib/article-url';
import { requirePermission } from '@/lib/auth/guard';

// Change how dates read on the site: month names, digits, Hijri date (admins).
export async function saveDateSettingsAction(data: FormData): Promise<void> {
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  const admin = await requirePermission('settings.manage', locale);
  const parsed = z
    .object({ months: z.enum(MONTH_STYLES), digits: z.enum(DIGIT_STYLES), hijri: z.enum(['true', 'false']) })
    .safeParse({
      months: data.get('months'),
      digits: data.get('digits'),
      hijri: data.get('hijri') === 'on' ? 'true' : 'false',
    });
  if (!parsed.success) redirect(adminPath(locale, '/settings?status=invalid'));
  await saveSettings(getDb(), admin.id, {
    [SETTING_KEYS.months]: parsed.data.months,
    [SETTING_KEYS.digits]: parsed.data.digits,
    [SETTING_KEYS.hijri]: parsed.data.hijri,
  });
  redirect(adminPath(locale, '/settings?status=saved'));
}
