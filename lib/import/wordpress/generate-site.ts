/**
 * The fixed parts of the generated site: its authors, its category tree (2–3 levels, Arabic
 * names, a few ASCII slugs, the English edition's categories) and the term ids the export uses.
 */
import type { SectionKey } from './generate-text';

export interface AuthorDef {
  id: number;
  login: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export const AUTHORS: readonly AuthorDef[] = [
  { id: 1, login: 'admin', displayName: 'إدارة الموقع', firstName: '', lastName: '' },
  { id: 2, login: 'rana.haddad', displayName: 'رنا حداد', firstName: 'رنا', lastName: 'حداد' },
  { id: 3, login: 'samer.khalil', displayName: 'سامر خليل', firstName: 'سامر', lastName: 'خليل' },
  { id: 4, login: 'layla.mansour', displayName: 'ليلى منصور', firstName: 'ليلى', lastName: 'منصور' },
  { id: 5, login: 'karim.saleh', displayName: 'كريم صالح', firstName: 'كريم', lastName: 'صالح' },
  { id: 6, login: 'huda.nasser', displayName: 'هدى ناصر', firstName: 'هدى', lastName: 'ناصر' },
  { id: 7, login: 'desk', displayName: 'فريق التحرير', firstName: '', lastName: '' },
  { id: 9, login: 'john.miller', displayName: 'John Miller', firstName: 'John', lastName: 'Miller' },
];
/** Who writes the Arabic stories, and the English ones. */
export const ARABIC_WRITERS = AUTHORS.filter((a) => a.id >= 2 && a.id <= 7);
export const ENGLISH_WRITERS = AUTHORS.filter((a) => a.id === 9 || a.id === 2);

export interface CategoryDef {
  id: number;
  name: string;
  /** An ASCII slug the editors chose; otherwise the name's. */
  slug?: string;
  parent?: number;
  /** Stories of this section may be filed here. */
  section?: SectionKey;
  language: 'ar' | 'en';
}

const ar = (id: number, name: string, extra: Partial<CategoryDef> = {}): CategoryDef => ({
  id,
  name,
  language: 'ar',
  ...extra,
});

/** Parents before children, as WordPress's export orders them. */
export const CATEGORIES: readonly CategoryDef[] = [
  ar(1, 'غير مصنف'),
  ar(2, 'أخبار'),
  ar(3, 'محليات', { parent: 2, section: 'news' }),
  ar(4, 'العاصمة', { parent: 3, section: 'news' }),
  ar(5, 'المحافظات', { parent: 3, section: 'news' }),
  ar(6, 'عربي', { parent: 2, section: 'news' }),
  ar(7, 'دولي', { parent: 2, section: 'news' }),
  ar(8, 'اقتصاد'),
  ar(9, 'أسواق', { parent: 8, section: 'economy' }),
  ar(10, 'البورصة', { parent: 9, section: 'economy' }),
  ar(11, 'العملات', { parent: 9, section: 'economy' }),
  ar(12, 'طاقة', { parent: 8, section: 'economy' }),
  ar(13, 'شركات ناشئة', { parent: 8, section: 'economy', slug: 'startups' }),
  ar(14, 'رياضة'),
  ar(15, 'كرة القدم', { parent: 14, section: 'sports' }),
  ar(16, 'الدوري المحلي', { parent: 15, section: 'sports' }),
  ar(17, 'كأس العالم', { parent: 15, section: 'sports', slug: 'world-cup' }),
  ar(18, 'كرة السلة', { parent: 14, section: 'sports' }),
  ar(19, 'رياضات أخرى', { parent: 14, section: 'sports' }),
  ar(20, 'ثقافة وفنون'),
  ar(21, 'كتب', { parent: 20, section: 'culture' }),
  ar(22, 'سينما', { parent: 20, section: 'culture' }),
  ar(23, 'موسيقى', { parent: 20, section: 'culture' }),
  ar(24, 'تكنولوجيا', { section: 'tech', slug: 'tech' }),
  ar(25, 'هواتف وتطبيقات', { parent: 24, section: 'tech' }),
  ar(26, 'الذكاء الاصطناعي', { parent: 24, section: 'tech', slug: 'ai' }),
  ar(27, 'صحة', { section: 'health' }),
  ar(28, 'رأي'),
  ar(29, 'مقالات', { parent: 28, section: 'opinion' }),
  ar(30, 'كاريكاتير', { parent: 28 }),
  ar(31, 'منوعات', { section: 'misc' }),
  ar(32, 'فيديو', { slug: 'video' }),
  { id: 40, name: 'News', slug: 'news', language: 'en' },
  { id: 41, name: 'Economy', slug: 'economy', language: 'en' },
  { id: 42, name: 'Sports', slug: 'sports', language: 'en' },
];

export const UNCATEGORIZED = 1;
export const VIDEO_CATEGORY = 32;
/** Arabic top-level category → its English edition (Polylang's term_translations). */
export const CATEGORY_TRANSLATIONS: readonly [number, number][] = [
  [2, 40],
  [8, 41],
  [14, 42],
];
export const ENGLISH_CATEGORY: Partial<Record<SectionKey, number>> = { economy: 41, sports: 42 };

export const TERM_IDS = {
  languageAr: 50,
  languageEn: 51,
  termLanguageAr: 52,
  termLanguageEn: 53,
  termTranslations: 54,
  navMenu: 57,
  /** A deleted category that primary-category meta still names. */
  dangling: 59,
  firstTag: 100,
} as const;

export const SECTION_WEIGHTS: readonly [SectionKey, number][] = [
  ['news', 30],
  ['economy', 18],
  ['sports', 18],
  ['culture', 10],
  ['tech', 8],
  ['health', 7],
  ['opinion', 5],
  ['misc', 4],
];
