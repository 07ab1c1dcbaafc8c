import { describe, expect, it } from 'vitest';
import {
  looksSerialized,
  phpArrayString,
  PhpUnserializeError,
  unserializePhp,
  type PhpValue,
} from '@/lib/import/wordpress/php-unserialize';
import { readWxr } from '@/lib/import/wordpress/wxr-reader';
import { realExport, WP_FIXTURES } from '@/tests/helpers/wp-fixtures';

/** PHP's serialize() of a string: the length counts UTF-8 bytes. */
const s = (text: string) => `s:${Buffer.byteLength(text)}:"${text}";`;

describe('unserializePhp', () => {
  it('reads Polylang’s language description (parchlinux)', () => {
    expect(unserializePhp('a:3:{s:6:"locale";s:5:"fa_IR";s:3:"rtl";i:1;s:9:"flag_code";s:2:"ir";}')).toEqual(
      new Map<string | number, PhpValue>([
        ['locale', 'fa_IR'],
        ['rtl', 1],
        ['flag_code', 'ir'],
      ]),
    );
  });

  it('reads Polylang’s translation pairs (language → post id)', () => {
    expect(unserializePhp('a:2:{s:2:"en";i:325;s:2:"fa";i:349;}')).toEqual(
      new Map([
        ['en', 325],
        ['fa', 349],
      ]),
    );
  });

  it('counts string lengths in UTF-8 bytes, not characters (tagDiv’s Arabic subtitle)', () => {
    const subtitle = 'وزير الزراعة: «الموسم المقبل أفضل»';
    const value = `a:3:{${s('td_subtitle')}${s(subtitle)}${s('td_source')}${s('سانا')}${s('td_source_url')}${s('https://sana.sy/')}}`;
    expect(Buffer.byteLength(subtitle)).toBeGreaterThan(subtitle.length);
    const parsed = unserializePhp(value);
    expect(phpArrayString(parsed, 'td_subtitle')).toBe(subtitle);
    expect(phpArrayString(parsed, 'td_source')).toBe('سانا');
  });

  it.each([
    ['i:-42;', -42],
    ['d:0.5;', 0.5],
    ['d:1.0E+25;', 1e25],
    ['d:-INF;', -Infinity],
    ['b:1;', true],
    ['b:0;', false],
    ['N;', null],
    ['s:0:"";', ''],
    ['s:5:"a";b"";', 'a";b"'], // quotes inside are counted, not searched for
  ])('%s', (input, value) => {
    expect(unserializePhp(input)).toEqual(value);
  });

  it('keeps int and string keys apart, in order, nested', () => {
    expect(unserializePhp('a:2:{i:0;a:1:{s:1:"x";N;}s:1:"0";b:1;}')).toEqual(
      new Map<string | number, PhpValue>([
        [0, new Map([['x', null]])],
        ['0', true],
      ]),
    );
  });

  it.each([
    ['O:8:"stdClass":0:{}', /objects are refused/],
    ['C:11:"ArrayObject":21:{x:i:0;a:0:{};m:a:0:{}}', /objects are refused/],
    ['a:1:{i:0;O:1:"X":0:{}}', /objects are refused/],
    ['a:2:{i:0;i:1;i:1;r:2;}', /references are refused/],
    ['E:7:"Foo:Bar";', /enums are refused/],
  ])('refuses %s', (input, message) => {
    expect(() => unserializePhp(input)).toThrow(PhpUnserializeError);
    expect(() => unserializePhp(input)).toThrow(message);
  });

  it.each([
    ['s:10:"short";'], // a search-and-replace changed the text, not the count
    ['a:2:{i:0;i:1;}'],
    ['a:99999999:{}'],
    ['i:1'],
    ['i:1;extra'],
    ['x:1;'],
    [''],
    ['b:2;'],
    ['a:1:{a:0:{}i:1;}'], // an array is not a key
  ])('throws a clear error on %j', (input) => {
    expect(() => unserializePhp(input)).toThrow(PhpUnserializeError);
  });

  it('repairs byte counts a search-and-replace broke, only when asked (pelican’s attachment metadata)', () => {
    const broken = 'a:2:{s:4:"file";s:20:"2012/02/pelican.png";s:5:"width";s:3:"150";}';
    expect(() => unserializePhp(broken)).toThrow(/string of 20 bytes does not end where its length says/);
    expect(unserializePhp(broken, { repairLengths: true })).toEqual(
      new Map([
        ['file', '2012/02/pelican.png'],
        ['width', '150'],
      ]),
    );
    // A count that is too small: the string runs on to its real end.
    expect(unserializePhp('a:1:{s:1:"k";s:2:"دمشق";}', { repairLengths: true })).toEqual(
      new Map([['k', 'دمشق']]),
    );
    expect(() => unserializePhp('s:3:"no end', { repairLengths: true })).toThrow(PhpUnserializeError);
  });

  it('refuses nesting deep enough to exhaust the stack', () => {
    const deep = 'a:1:{i:0;'.repeat(100) + 'N;' + '}'.repeat(100);
    expect(() => unserializePhp(deep)).toThrow(/nested too deep/);
  });

  it('tells serialised values from plain ones', () => {
    expect(looksSerialized('a:0:{}')).toBe(true);
    expect(looksSerialized('s:1:"x";')).toBe(true);
    expect(looksSerialized('274')).toBe(false);
    expect(looksSerialized('a: note;x')).toBe(false);
  });
});

describe.skipIf(!WP_FIXTURES)(
  'unserializePhp (repairing lengths) on every serialised value of the real exports',
  () => {
    it.each([
      'parchlinux-fa-en-polylang.xml',
      'jahanworld-subdir-rss2head-extras.xml',
      'pelican-wxr11-test-export.xml',
      'themeix-political-theme-demo.xml',
    ])('%s', async (file) => {
      let read = 0;
      const failures: string[] = [];
      for await (const r of readWxr(realExport(file))) {
        const values =
          r.type === 'item'
            ? r.meta.map((m) => [m.key, m.value])
            : r.type === 'term'
              ? [[r.taxonomy, r.description]]
              : [];
        for (const [key, value] of values) {
          if (!looksSerialized(value!)) continue;
          try {
            unserializePhp(value!, { repairLengths: true });
            read++;
          } catch (err) {
            failures.push(`${key}: ${(err as Error).message}`);
          }
        }
      }
      expect(read).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    });

    it('reads tiny_compress_images doubles (jahanworld)', async () => {
      let ratio: PhpValue = null;
      for await (const r of readWxr(realExport('jahanworld-subdir-rss2head-extras.xml'))) {
        const v = r.type === 'item' ? r.meta.find((m) => m.key === 'tiny_compress_images')?.value : undefined;
        if (!v) continue;
        const first = [...(unserializePhp(v) as Map<string | number, PhpValue>).values()][0] as Map<
          string,
          PhpValue
        >;
        ratio = (first.get('output') as Map<string, PhpValue> | undefined)?.get('ratio') ?? null;
        if (ratio !== null) break;
      }
      expect(typeof ratio).toBe('number');
      expect(ratio).toBeGreaterThan(0);
      expect(ratio).toBeLessThan(1);
    });
  },
);
