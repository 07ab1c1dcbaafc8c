/**
 * Full-page Chromium screenshots of reader pages at phone and desktop widths, for looking at.
 *   npx tsx scripts/screenshots.ts http://localhost:3000 / /category/economy /latest
 * Writes PNGs to .test-output/screens/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/helpers/browser';

async function main() {
  const [base = 'http://localhost:3000', ...paths] = process.argv.slice(2);
  const dir = path.join(process.cwd(), '.test-output', 'screens');
  fs.mkdirSync(dir, { recursive: true });
  const browser = await launchBrowser();
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: width < 500 ? 812 : 900 } });
    for (const p of paths.length ? paths : ['/']) {
      await page.goto(base + p, { waitUntil: 'networkidle' });
      const name = `${p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${width}.png`.slice(
        -80,
      );
      await page.screenshot({ path: path.join(dir, name), fullPage: true });
      console.log(path.join(dir, name));
    }
    await page.close();
  }
  await browser.close();
}

void main();
