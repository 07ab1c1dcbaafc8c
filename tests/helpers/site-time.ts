import type { Page } from 'playwright-core';
import { parseWallClockValue } from '@/lib/time/site-zone';

/**
 * Types a site-time wall clock ("2026-12-02T22:00") into a DateTimeField, as an editor does: the
 * day, the month by its name's number, the year, then hour and minute.
 */
export async function fillSiteTime(page: Page, legend: RegExp, value: string) {
  const w = parseWallClockValue(value);
  if (!w) throw new Error(`not a wall clock: ${value}`);
  const field = page.getByRole('group', { name: legend });
  await field.getByLabel('اليوم').fill(String(w.day));
  await field.getByLabel('الشهر').selectOption(String(w.month));
  await field.getByLabel('السنة').fill(String(w.year));
  await field.getByLabel('الساعة').fill(String(w.hour).padStart(2, '0'));
  await field.getByLabel('الدقيقة').fill(String(w.minute).padStart(2, '0'));
}

/** Answers the in-page confirmation dialog with its confirm button. */
export async function confirmDialog(page: Page, confirmLabel: string) {
  await page.getByRole('dialog').getByRole('button', { name: confirmLabel }).click();
}
