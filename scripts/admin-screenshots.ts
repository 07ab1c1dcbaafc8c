/**
 * Newsroom screenshots at phone and desktop widths, logged in, for looking at.
 *   npx tsx scripts/admin-screenshots.ts http://localhost:3000 admin@example.com 'password' /admin /admin/audit
 * Writes PNGs to .test-output/screens/ (admin-… names); a path ending in #menu opens the phone menu first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/helpers/browser';

async function main() {
  const [base = 'http://localhost:3000', email = '', password = '', ...paths] = process.argv.slice(2);
  const dir = path.join(process.cwd(), '.test-output', 'screens');
  fs.mkdirSync(dir, { recursive: true });
  const browser = await launchBrowser();
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: width < 500 ? 812 : 900 } });
    await page.goto(base + '/admin/login');
    await page.getByLabel('البريد الإلكتروني').fill(email);
    await page.getByLabel('كلمة المرور').fill(password);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.waitForURL(/\/admin$/);
    for (const p of paths.length ? paths : ['/admin']) {
      const [route, hash] = p.split('#');
      await page.goto(base + route, { waitUntil: 'networkidle' });
      if (hash === 'menu' && width < 768) await page.getByText('القائمة', { exact: true }).click();
      const width_ = await page.evaluate(() => document.documentElement.scrollWidth);
      const name = `admin-${p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '')}-${width}.png`.slice(-90);
      await page.screenshot({ path: path.join(dir, name), fullPage: true });
      console.log(path.join(dir, name), `document ${width_}px`);
    }
    await page.close();
  }
  await browser.close();
}

void main();
