import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWxr } from '@/lib/import/wordpress/wxr-reader';

/** gc() without --expose-gc on the command line (vitest's workers are not started with it). */
function getGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const TARGET_BYTES = 50 * 1024 * 1024;
const MB = 1024 * 1024;

const paragraph =
  '<p>أعلنت وزارة الزراعة اليوم عن خطة وطنية لدعم المزارعين في المحافظات الشمالية، تشمل قروضاً ميسّرة وبذاراً محسّنة، ' +
  'وقال الوزير إن «الموسم المقبل سيكون أفضل» رغم شحّ الأمطار وارتفاع أسعار الوقود والأسمدة.</p>\n';

function item(id: number): string {
  const slug = encodeURIComponent(`خطة-وطنية-لدعم-المزارعين-${id}`).toLowerCase();
  return `<item>
<title><![CDATA[خطة وطنية لدعم المزارعين رقم ${id}]]></title>
<link>https://old.example/${slug}/</link>
<pubDate>Sat, 25 Jan 2025 22:07:46 +0000</pubDate>
<dc:creator><![CDATA[editor]]></dc:creator>
<guid isPermaLink="false">https://old.example/?p=${id}</guid>
<content:encoded><![CDATA[<!-- wp:paragraph -->\n${paragraph.repeat(14)}<!-- /wp:paragraph -->]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id>
<wp:post_date><![CDATA[2025-01-26 01:37:46]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2025-01-25 22:07:46]]></wp:post_date_gmt>
<wp:post_name><![CDATA[${slug}]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="%d8%a7%d9%82%d8%aa%d8%b5%d8%a7%d8%af"><![CDATA[اقتصاد]]></category>
<wp:postmeta><wp:meta_key><![CDATA[tie_views]]></wp:meta_key><wp:meta_value><![CDATA[${id * 3}]]></wp:meta_value></wp:postmeta>
</item>
`;
}

describe('readWxr memory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-wxr-big-'));
  const file = path.join(dir, 'big.xml');
  let count = 0;

  beforeAll(() => {
    const fd = fs.openSync(file, 'w');
    fs.writeSync(
      fd,
      '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" ' +
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
        'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>مداد</title>\n<wp:wxr_version>1.2</wp:wxr_version>\n',
    );
    let written = 0;
    while (written < TARGET_BYTES) {
      let batch = '';
      for (let k = 0; k < 200; k++) batch += item(++count);
      written += fs.writeSync(fd, batch);
    }
    fs.writeSync(fd, '</channel>\n</rss>\n');
    fs.closeSync(fd);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('streams a 50 MB export with flat memory', async () => {
    expect(fs.statSync(file).size).toBeGreaterThan(TARGET_BYTES);
    const gc = getGc();
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let items = 0;
    let lastId: number | null = null;
    let views = '';
    for await (const r of readWxr(file)) {
      if (r.type !== 'item') continue;
      items++;
      lastId = r.postId;
      views = r.meta[0]?.value ?? '';
      if (items % 1000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const growth = (peak - baseline) / MB;
    console.log(
      `wxr-memory: ${items} items, ${(fs.statSync(file).size / MB).toFixed(1)} MB, heap growth ${growth.toFixed(1)} MB`,
    );
    expect(items).toBe(count);
    expect(lastId).toBe(count);
    expect(views).toBe(String(count * 3));
    // Holding the items would take well over 100 MB (the text alone is 50 MB of UTF-8).
    expect(growth).toBeLessThan(64);
  }, 60_000);
});
