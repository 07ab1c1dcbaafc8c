'use server';

import { redirect } from 'next/navigation';
import { adminPath } from '@/lib/auth/guard';
import { endSession } from '@/lib/auth/session';

// End this session (or every session of this user) and go back to the login page.
export async function logoutAction(data: FormData): Promise<void> {
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  await endSession({ everywhere: data.get('everywhere') === '1' });
  redirect(adminPath(locale, '/login'));
}
