import { describe, expect, it } from 'vitest';
import { indexForms } from '@/lib/search/index-forms';
import { normaliseForSearch } from '@/lib/search/normalise';
import { htmlToPlainText } from '@/lib/search/plain-text';
import { MAX_TERMS, parseSearchQuery } from '@/lib/search/query';
import { buildSnippet, highlightText, segmentsToHtml } from '@/lib/search/snippet';
import { cliticForms, stemArabic, stemEnglish, stemWord } from '@/lib/search/stem';

const stem = (word: string) => stemWord(normaliseForSearch(word));

describe('normaliseForSearch', () => {
  it.each([
    ['harakat and tanwin', 'أَحْمَدُ', 'احمد'],
    ['shadda and sukun', 'الطُّلّابْ', 'الطلاب'],
    ['tanwin fatha on alef', 'قانوناً', 'قانونا'],
    ['dagger alef', 'هٰذا', 'هذا'],
    ['Quranic marks', 'قُلۡ ٱلۡحَمۡدُ', 'قل الحمد'],
    ['Quranic signs U+0610–U+061A', 'محمد\u0610', 'محمد'],
    ['tatweel', 'جـــديد', 'جديد'],
    ['hamza above alef', 'أمين', 'امين'],
    ['hamza below alef', 'إسلام', 'اسلام'],
    ['madda', 'آثار', 'اثار'],
    ['wasla', 'ٱلرحمن', 'الرحمن'],
    ['alef and a combining hamza', 'ا\u0654من', 'امن'],
    ['alef maksura', 'مستشفى', 'مستشفي'],
    ['ta marbuta', 'مدرسة', 'مدرسه'],
    ['hamza on waw', 'مسؤول', 'مسوول'],
    ['hamza on yeh', 'رئيس', 'رييس'],
    ['Persian yeh and kaf', 'کتابی', 'كتابي'],
    ['Arabic-Indic digits', '٢٠٢٦', '2026'],
    ['Extended Arabic-Indic digits', '۱۴۰۳', '1403'],
    ['Latin case and accents', 'Café BBC', 'cafe bbc'],
    ['presentation forms', 'ﻻ', 'لا'],
    ['zero-width joiners and bidi marks', 'مي\u200Cخواهم \u200Fنعم', 'ميخواهم نعم'],
    ['text without anything to fold', 'مجلس النواب', 'مجلس النواب'],
  ])('folds %s', (_what, input, expected) => {
    expect(normaliseForSearch(input)).toBe(expected);
  });

  it('gives NFC and is idempotent', () => {
    const samples = ['أَحْمَدُ', 'Crème brûlée', 'ﻻ ٢٠٢٦', 'e\u0301'];
    for (const s of samples) {
      const once = normaliseForSearch(s);
      expect(once).toBe(once.normalize('NFC'));
      expect(normaliseForSearch(once)).toBe(once);
    }
  });

  it('leaves nothing of text made only of marks', () => {
    expect(normaliseForSearch('\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652')).toBe('');
  });
});

describe('Arabic light stemmer', () => {
  it.each([
    ['مدرس', ['المدرسة', 'مدرسة', 'والمدرسة', 'بالمدرسة', 'للمدرسة', 'فالمدرسة', 'كالمدرسة', 'مدرسه']],
    ['معلم', ['المعلمات', 'معلمات', 'المعلمين', 'معلمون', 'معلم']],
    ['انتخاب', ['الانتخابات', 'الإنتخابات', 'انتخابات', 'وبالانتخابات']],
    ['سياس', ['سياسية', 'سياسي', 'سياسة', 'السياسة']],
    ['مستشف', ['مستشفى', 'المستشفى', 'مستشفيات', 'مستشفي']],
    ['قان', ['قانوناً', 'قانون', 'القانون', 'قانونا']],
    ['وزير', ['الوزير', 'وزير', 'والوزير', 'للوزير']],
    ['مدرست', ['مدرستها', 'مدرستي', 'مدرسته']],
    ['روس', ['روسيا', 'روسي', 'الروس']],
  ])('brings the forms of %s together', (expected, words) => {
    for (const w of words) expect([w, stem(w)]).toEqual([w, expected]);
  });

  it.each([
    // A suffix goes only if three letters stay.
    ['بين', 'بين'],
    ['دين', 'دين'],
    ['عمان', 'عمان'],
    // ال and لل may leave two letters, the longer articles three.
    ['اليد', 'يد'],
    ['والدة', 'والد'],
    ['الله', 'له'],
    // A lone و is not a prefix to the stemmer (see cliticForms).
    ['وزارة', 'وزار'],
    ['ولد', 'ولد'],
  ])('keeps short words whole: %s → %s', (word, expected) => {
    expect(stemArabic(normaliseForSearch(word))).toBe(expected);
  });

  it.each([
    ['مدرس', ['مدارس', 'المدارس', 'والمدارس', 'بالمدارس', 'مدارسها', 'مدرسة']],
    ['طفل', ['أطفال', 'الأطفال', 'للأطفال', 'طفل', 'الطفل']],
    ['سوق', ['أسواق', 'الأسواق', 'بالأسواق', 'سوق', 'السوق']],
    ['وزير', ['وزراء', 'الوزراء', 'الوزير']],
    ['مدين', ['مدن', 'المدن', 'مدينة', 'المدينة']],
    ['ماء', ['مياه', 'المياه', 'ماء']],
    ['مرا', ['نساء', 'النساء', 'المرأة']],
  ])('brings a broken plural to its singular: %s', (expected, words) => {
    for (const w of words) expect([w, stem(w)]).toEqual([w, expected]);
  });

  it('leaves words that only look like plurals of the lexicon alone', () => {
    // كتب is also "he wrote", أشهر "most famous", طرق "methods": not in the lexicon.
    expect(stem('كتب')).toBe('كتب');
    expect(stem('أشهر')).toBe('اشهر');
    expect(stem('طرق')).toBe('طرق');
  });

  it('leaves digits and other scripts alone', () => {
    expect(stemWord('2026')).toBe('2026');
    expect(stemWord('東京')).toBe('東京');
  });
});

describe('proclitics', () => {
  it.each([
    ['بدمج', ['دمج']],
    ['لدمج', ['دمج']],
    ['كدمج', ['دمج']],
    ['ودمج', ['دمج']],
    ['فدمج', ['دمج']],
    ['وبدمج', ['بدمج', 'دمج']],
    ['فلدمج', ['لدمج', 'دمج']],
    ['دمج', []],
    // A proclitic is cut only if three letters stay.
    ['ولد', []],
    ['بلد', []],
    // Nothing tells a proclitic from a root letter: the indexer keeps these beside the stem.
    ['كتاب', ['تاب']],
  ])('%s hides %j', (word, expected) => {
    expect(cliticForms(word)).toEqual(expected);
  });

  it('files a word behind its proclitic under the bare stem too, after the running text', () => {
    expect(indexForms('وبدمج الشركتين')).toEqual({
      exact: 'وبدمج الشركتين',
      stem: 'وبدمج شركت بدمج دمج',
    });
  });
});

describe('English stemmer', () => {
  it.each([
    ['elections', 'election'],
    ['policies', 'policy'],
    ['taxes', 'tax'],
    ['churches', 'church'],
    ['cases', 'case'],
    ['news', 'news'],
    ['crisis', 'crisis'],
    ['bus', 'bus'],
    ['running', 'running'],
    ['published', 'published'],
    ['children', 'child'],
    ['women', 'woman'],
    ['crises', 'crisis'],
  ])('%s → %s', (word, expected) => {
    expect(stemEnglish(word)).toBe(expected);
  });
});

/** The match expression with every quoted string taken out: only FTS5 operators may remain. */
function syntaxOutsideQuotes(match: string): string {
  return match.replace(/"(?:[^"]|"")*"/g, '').replace(/\{[a-z_ ]+\}|[():]|\b(?:AND|OR|NOT)\b|\s/g, '');
}

describe('parseSearchQuery', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['only harakat', 'ًٌٍَُِّْ'],
    ['only emoji', '😀🎉👍🏽'],
    ['only punctuation and FTS5 syntax', '( ) * : ^ " - +'],
    ['only exclusions', '-دمشق -"مجلس النواب"'],
    ['only stop words', 'في من "على" The'],
  ])('finds nothing to search for in %s', (_what, input) => {
    expect(parseSearchQuery(input)).toBeNull();
  });

  it.each([
    'NEAR(دمشق حلب)',
    'دمشق AND حلب OR NOT بيروت',
    'مجلس* ^النواب col:value',
    '"unbalanced quote',
    '"a""b" """',
    '{title_exact}: x',
    'x'.repeat(1000),
    'كلمة '.repeat(200),
    '😀 دمشق 🎉',
  ])('quotes every word of %j', (input) => {
    const parsed = parseSearchQuery(input);
    expect(parsed).not.toBeNull();
    expect(syntaxOutsideQuotes(parsed!.match)).toBe('');
  });

  it('keeps phrases together, excludes -words and drops stop words outside phrases', () => {
    const parsed = parseSearchQuery('"مجلس النواب" في دمشق -حلب')!;
    expect(parsed.match).toContain('"مجلس النواب"');
    // The stem phrase: النواب is a broken plural, filed under its singular نائب.
    expect(parsed.match).toContain('"مجلس نايب"');
    expect(parsed.match).toContain('"بمجلس نايب"');
    expect(parsed.match).toMatch(/\) NOT \(.*"حلب"/);
    expect(parsed.match).not.toContain('"في"');
    expect(parsed.highlight.exact).toEqual(['مجلس', 'النواب', 'دمشق']);
    expect(parseSearchQuery('"وزير في الحكومة"')!.match).toContain('"وزير في الحكومه"');
  });

  it('caps the number of terms, keeping wanted ones before exclusions', () => {
    const words = Array.from({ length: 30 }, (_, i) => `كلمة${i}`);
    expect(parseSearchQuery(words.join(' '))!.match.split(' AND ')).toHaveLength(MAX_TERMS);
    const excluded = words.map((w) => `-${w}`).join(' ');
    const parsed = parseSearchQuery(`${excluded.slice(0, 150)} دمشق`)!;
    expect(parsed.match).toMatch(/^\(\(\{title_exact dek_exact tags_exact body_exact\} : "دمشق"/);
  });

  it('searches a word by its normalised form and its stem', () => {
    expect(parseSearchQuery('المَدْرَسَة')!.match).toBe(
      '({title_exact dek_exact tags_exact body_exact} : "المدرسه" OR {title_stem dek_stem tags_stem body_stem} : ("مدرس"))',
    );
  });
});

describe('snippets', () => {
  const highlight = parseSearchQuery('مدرسة')!.highlight;

  it('marks hits in the text as written, harakat and proclitics included', () => {
    expect(highlightText('افتتاح المَدْرَسَةِ وبمدرسة أخرى', highlight)).toEqual([
      { text: 'افتتاح ', hit: false },
      { text: 'المَدْرَسَةِ', hit: true },
      { text: ' ', hit: false },
      { text: 'وبمدرسة', hit: true },
      { text: ' أخرى', hit: false },
    ]);
  });

  it('cuts a window around the hits of a long text', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `كلمة${i}`).join(' ');
    const segments = buildSnippet(`${filler} في المدرسة الجديدة ${filler}`, highlight, 20);
    const text = segments.map((s) => s.text).join('');
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['المدرسة']);
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text.split(' ').length).toBeLessThan(26);
  });

  it('opens the text when nothing in it matches', () => {
    expect(buildSnippet('لا شيء هنا', highlight)).toEqual([{ text: 'لا شيء هنا', hit: false }]);
  });

  it('escapes everything when made into HTML', () => {
    const html = segmentsToHtml(highlightText('<script>"مدرسة"</script> & مدرسة', highlight));
    expect(html).toBe('&lt;script&gt;&quot;<mark>مدرسة</mark>&quot;&lt;/script&gt; &amp; <mark>مدرسة</mark>');
  });

  it('reads the text of a stored body', () => {
    expect(htmlToPlainText('<p>أ&amp;ب</p><p>مد<strong>رسة</strong></p><h2>&#1593;&#x646;</h2>')).toBe(
      'أ&ب مدرسة عن',
    );
  });
});
