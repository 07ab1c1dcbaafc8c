import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

export const metadata: Metadata = {
  robots: { index: false, follow: false },
};

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  // Only the newsroom's words (and the date fields') travel to its client components; reader pages ship none.
  return (
    <NextIntlClientProvider messages={{ Admin: messages.Admin, DateField: messages.DateField }}>
      <div className="min-h-screen bg-ink-50">{children}</div>
    </NextIntlClientProvider>
  );
}
