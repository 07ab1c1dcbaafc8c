import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createUser } from '@/db/mutations/users';
import { articles, media, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { cardUrl } from '@/lib/media/card-crop';
import { launchBrowser, loginAs, openPage } from '../helpers/browser';
import { confirmDialog } from '../helpers/site-time';
import { openServerDb } from '../helpers/server-db';

const base = inject('baseURL');
let browser: Browser;
let db: Db;
const stamp = Date.now();
const EDITOR = {
  email: `media-editor-${stamp}@midad.example`,
  password: 'عدسة-المصور-8',
  name: 'هالة المحررة',
};
const TITLE = `بائع الورد في ساحة المرجة يستقبل الربيع ${stamp}`;
const ALT = `بائع ورد يرتب باقاته قرب النافورة ${stamp}`;
// The subject: a red disc in the upper right of a grey portrait photo (1200×1600).
const SUBJECT = { x: 0.7, y: 0.19 };

let portrait: Buffer;

beforeAll(async () => {
  browser = await launchBrowser();
  db = openServerDb(inject('dataDir'));
  await createUser(
    db,
    {
      email: EDITOR.email,
      name: EDITOR.name,
      slug: `media-editor-${stamp}`,
      role: 'editor',
      passwordHash: await hashPassword(EDITOR.password),
    },
    null,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1600">
    <rect width="1200" height="1600" fill="#6f7377"/>
    <circle cx="${SUBJECT.x * 1200}" cy="${SUBJECT.y * 1600}" r="150" fill="#e3161b"/></svg>`;
  portrait = await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
});

afterAll(async () => {
  await db.delete(articles).where(eq(articles.title, TITLE));
  await db.delete(media).where(eq(media.alt, ALT));
  await db.delete(users).where(eq(users.email, EDITOR.email));
  await closeDb(db);
  await browser?.close();
});

/** The media row of an image, by its file stem. */
async function mediaByStem(stem: string) {
  return (await db.select().from(media).where(eq(media.stem, stem)).limit(1))[0];
}

/** Every image of `stem` on a reader page: its drawn box and the loaded file's natural size. */
async function cardImages(page: Page, url: string, stem: string) {
  await page.goto(base + url);
  const images = page.locator(`img[src*="/media/${stem}-"]`);
  await expect.poll(() => images.count()).toBeGreaterThan(0);
  const found = [];
  for (let i = 0; i < (await images.count()); i++) {
    const img = images.nth(i);
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0))
      .toBe(true);
    found.push(
      await img.evaluate((el: HTMLImageElement) => {
        const r = el.getBoundingClientRect();
        return { src: el.currentSrc, box: r.width / r.height, natural: el.naturalWidth / el.naturalHeight };
      }),
    );
  }
  return found;
}

describe('an image from inside the story', () => {
  let stem = '';
  let articleId = 0;

  it('is uploaded from the lead-image picker with alt, caption and credit; the story is published', async () => {
    const { page, errors, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    page.on('dialog', (d) => void d.accept());
    await loginAs(page, base, EDITOR);
    await page.goto(base + '/admin/articles/new');
    await page.getByLabel('العنوان').fill(TITLE);
    await page.getByLabel('الملخص').fill('أول باقات الموسم تصل من الغوطة.');
    await page.getByLabel('القسم').selectOption({ label: 'محليات' });
    await page.getByLabel('مختار من التحرير').check();
    await page.getByRole('textbox', { name: 'نص الخبر' }).click();
    await page.keyboard.type('امتلأت الساحة برائحة الورد منذ الصباح الباكر.');

    await page.getByRole('button', { name: 'اختيار صورة' }).click();
    const picker = page.getByRole('dialog', { name: 'اختيار الصورة الرئيسية' });
    await expect.poll(() => picker.isVisible()).toBe(true);

    // A page renamed .jpg is refused by its bytes, with a message that says why.
    let chooser = page.waitForEvent('filechooser');
    await picker.getByRole('button', { name: 'اختيار ملف من الجهاز' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'photo.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    await picker.getByLabel(/النص البديل/).fill('صفحة');
    await picker.getByRole('button', { name: 'رفع الصورة واستخدامها' }).click();
    await expect.poll(() => picker.getByRole('alert').textContent()).toContain('نوع الملف غير مقبول');
    await picker.getByRole('button', { name: 'إلغاء' }).click();

    // Alt text is required before anything is sent.
    chooser = page.waitForEvent('filechooser');
    await picker.getByRole('button', { name: 'اختيار ملف من الجهاز' }).click();
    await (await chooser).setFiles({ name: 'ورد.jpg', mimeType: 'image/jpeg', buffer: portrait });
    await picker.getByRole('button', { name: 'رفع الصورة واستخدامها' }).click();
    await expect.poll(() => picker.getByRole('alert').textContent()).toContain('اكتب وصفاً للصورة');
    await picker.getByLabel(/النص البديل/).fill(ALT);
    await picker.getByLabel('التعليق', { exact: true }).fill('باقات الربيع الأولى');
    await picker.getByLabel('المصدر / المصوّر').fill('عدسة مداد');
    await picker.getByRole('button', { name: 'رفع الصورة واستخدامها' }).click();
    // Chosen at once: the dialog closes and the field shows the new image by its alt text.
    await expect.poll(() => picker.isVisible()).toBe(false);
    const lead = page.getByRole('group', { name: 'الصورة الرئيسية' });
    await expect.poll(() => lead.getByText(ALT).isVisible()).toBe(true);
    const row = (await db.select().from(media).where(eq(media.alt, ALT)).limit(1))[0]!;
    expect(row).toMatchObject({
      width: 1200,
      height: 1600,
      caption: 'باقات الربيع الأولى',
      credit: 'عدسة مداد',
    });
    stem = row.stem;

    // The same picker inside the body: found by searching its alt text (folded: «النافوره»).
    await page.getByRole('textbox', { name: 'نص الخبر' }).click();
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'إدراج صورة' }).click();
    const inline = page.getByRole('dialog', { name: 'إدراج صورة في النص' });
    await inline.getByRole('searchbox').fill(`يرتب باقاته قرب النافوره ${stamp}`);
    await inline.getByRole('button', { name: ALT }).click();
    await expect.poll(() => inline.isVisible()).toBe(false);

    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    articleId = Number(page.url().split('/').pop());
    await page.getByRole('button', { name: 'نشر', exact: true }).click();
    await confirmDialog(page, 'نعم، انشر');
    await page.getByText('الحالة: منشور').waitFor();
    // Readers get the inline image with its size and srcset: nothing moves while it loads.
    const story = await (await fetch(`${base}/news/${articleId}`, { redirect: 'follow' })).text();
    const figure = /<figure><img [^>]*>/.exec(story)?.[0] ?? '';
    expect(figure).toContain(`src="/media/${stem}-960.webp"`);
    expect(figure).toMatch(/width="960" height="1280"/);
    expect(figure).toContain(`srcset="/media/${stem}-480.webp 480w, /media/${stem}-960.webp 960w"`);
    expect(
      (
        await db
          .select({ hero: articles.heroMediaId })
          .from(articles)
          .where(eq(articles.id, articleId))
          .limit(1)
      )[0]?.hero,
    ).toBe(row.id);
    // The refused upload's 415 is the only thing the console reports.
    expect(errors.filter((e) => !e.includes('status of 415'))).toEqual([]);
    await close();
  });

  it('an editor sets its focal point on the subject in the library; the library will not delete it while used', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await loginAs(page, base, EDITOR);
    // Readers have seen the pages with the default crop: they sit in the page cache.
    for (const url of ['/', '/category/local', '/latest']) expect((await fetch(base + url)).status).toBe(200);
    await page.goto(`${base}/admin/media?q=${encodeURIComponent(ALT)}`);
    const target = page.getByRole('button', { name: `حدّد نقطة التركيز في: ${ALT}` });
    const box = (await target.boundingBox())!;
    // The photo is drawn whole inside the button: aim at the subject within the drawn picture.
    const scale = Math.min(box.width / 1200, box.height / 1600);
    const [w, h] = [1200 * scale, 1600 * scale];
    await target.click({
      position: { x: (box.width - w) / 2 + SUBJECT.x * w, y: (box.height - h) / 2 + SUBJECT.y * h },
    });
    await page.getByText('حُفظت نقطة التركيز').waitFor();
    const row = (await mediaByStem(stem))!;
    expect(row.focalX).toBeCloseTo(SUBJECT.x, 1);
    expect(row.focalY).toBeCloseTo(SUBJECT.y, 1);

    // An editor corrects the caption right there.
    const item = page.getByRole('listitem').filter({ hasText: ALT });
    await item.getByText('تعديل البيانات').click();
    await item.getByLabel('التعليق', { exact: true }).fill('باقات الربيع الأولى في الساحة');
    await item.getByRole('button', { name: 'حفظ', exact: true }).click();
    await item.getByText('حُفظت بيانات الصورة.').waitFor();
    expect((await mediaByStem(stem))?.caption).toBe('باقات الربيع الأولى في الساحة');

    await page.getByRole('button', { name: 'حذف الصورة' }).click();
    await page.getByRole('button', { name: 'تأكيد الحذف' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'لا يمكن حذف الصورة' });
    await refusal.waitFor();
    await expect
      .poll(() => refusal.getByRole('link', { name: TITLE }).getAttribute('href'))
      .toBe(`/admin/articles/${articleId}`);
    expect(await mediaByStem(stem)).toBeDefined();
    await close();
  });

  it('appears as a 16:9 crop around its focal point on home, its section and latest', async () => {
    const row = (await mediaByStem(stem))!;
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    for (const url of ['/', '/category/local', '/latest']) {
      const images = await cardImages(page, url, stem);
      for (const img of images) {
        expect(img.box).toBeCloseTo(16 / 9, 1);
        expect(img.natural).toBeCloseTo(16 / 9, 1);
        // The crop of the focal point the editor set: the cached pages were refreshed when it moved.
        expect(img.src).toContain(cardUrl(row, 480).replace(/-480\.webp$/, '-'));
      }
    }
    // The 16:9 crop holds the subject: it is cut around the point, not around the middle.
    const card = await fetch(base + cardUrl(row, 960));
    const bytes = Buffer.from(await card.arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ width: 960, height: 540 });
    const { data } = await sharp(bytes).resize(32, 18).raw().toBuffer({ resolveWithObject: true });
    const red = [...Array(32 * 18).keys()].filter((i) => data[i * 3]! > 170 && data[i * 3 + 1]! < 80).length;
    expect(red).toBeGreaterThan(20);
    await close();
  });

  it('takes an image pasted (Ctrl+V) or dropped into the picker, then asks for its alt text', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 375, height: 812 } });
    await loginAs(page, base, EDITOR);
    // Back in the story, the lead image shows its current 16:9 crop.
    await page.goto(`${base}/admin/articles/${articleId}`);
    const lead = page.getByRole('group', { name: 'الصورة الرئيسية' });
    const thumb = lead.locator('figure img');
    await expect
      .poll(() => thumb.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth / el.naturalHeight))
      .toBeCloseTo(16 / 9, 1);
    // The focal point can be moved from the story too, with the keyboard.
    const before = (await mediaByStem(stem))!;
    await lead.getByText('نقطة التركيز').click();
    await lead.getByRole('button', { name: `حدّد نقطة التركيز في: ${ALT}` }).press('ArrowDown');
    await lead.getByText('حُفظت نقطة التركيز').waitFor();
    expect((await mediaByStem(stem))!.focalY).toBeCloseTo(before.focalY! + 0.05, 2);
    await page.getByRole('button', { name: 'إدراج صورة' }).click();
    const picker = page.getByRole('dialog', { name: 'إدراج صورة في النص' });
    await expect.poll(() => picker.isVisible()).toBe(true);
    const png = (
      await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a6' } })
        .png()
        .toBuffer()
    ).toString('base64');
    for (const kind of ['paste', 'drop'] as const) {
      await picker.evaluate(
        (dialog, [kind, data]) => {
          const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], `${kind}.png`, { type: 'image/png' }));
          const event =
            kind === 'paste'
              ? new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true })
              : new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
          dialog.dispatchEvent(event);
        },
        [kind, png] as const,
      );
      await expect.poll(() => picker.getByText(`${kind}.png`).isVisible()).toBe(true);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/-alt$/);
      await picker.getByRole('button', { name: 'إلغاء' }).click();
    }
    await close();
  });
});
