import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '@/lib/search/query';
import { termTsQueries } from '@/lib/search/tsquery';

/** The tsquery text with every quoted operand taken out: only tsquery operators may remain. */
function syntaxOutsideQuotes(text: string): string {
  return text.replace(/'(?:[^'\\]|''|\\.)*'(?::[A-D]+)?/g, '').replace(/<->|[|()\s]/g, '');
}

describe('termTsQueries', () => {
  it('seeks a word by its normalised form and a phrase by its stems, proclitics included', () => {
    const [word] = parseSearchQuery('المَدْرَسَة')!.wanted;
    expect(termTsQueries(word!)).toEqual({ exact: "'المدرسه'", stem: "('مدرس')" });
    const [phrase] = parseSearchQuery('"مجلس النواب"')!.wanted;
    const q = termTsQueries(phrase!);
    expect(q.exact).toBe("'مجلس' <-> 'النواب'");
    expect(q.stem.split(' | ')).toContain("('بمجلس' <-> 'نايب')");
    expect(q.stem.startsWith("('مجلس' <-> 'نايب') | ")).toBe(true);
  });

  it('keeps exclusions apart from wanted terms, as the FTS5 match does', () => {
    const parsed = parseSearchQuery('المياه -النهر -"السد العالي"')!;
    expect(parsed.wanted.map((t) => t.words)).toEqual([['المياه']]);
    expect(parsed.unwanted.map((t) => t.words)).toEqual([['النهر'], ['السد', 'العالي']]);
  });

  it('limits operands to fields by weight', () => {
    const [term] = parseSearchQuery('"مجلس الحكماء"')!.wanted;
    expect(termTsQueries(term!, 'A').exact).toBe("'مجلس':A <-> 'الحكماء':A");
  });

  it.each([
    "' & | ! <-> :* \\",
    "it's",
    'NEAR(دمشق حلب) AND OR NOT',
    '"unbalanced quote',
    '😀 دمشق 🎉',
    'x'.repeat(1000),
  ])('quotes every word of %j', (input) => {
    for (const term of parseSearchQuery(input)?.wanted ?? []) {
      const q = termTsQueries(term);
      expect(syntaxOutsideQuotes(q.exact)).toBe('');
      expect(syntaxOutsideQuotes(q.stem)).toBe('');
    }
  });
});
