/**
 * A small newsroom of short stories, written for these tests, to index on both engines and search
 * side by side (tests/integration/search-pg.test.ts): Arabic with harakat, every alef, ة/ه and
 * ى/ي, broken plurals, proclitics and Arabic-Indic digits; English with plurals and accents; tags,
 * section names, drafts, a deleted and a future story, and pairs that only ranking tells apart.
 * Ids are fixed, so a test names a story by its key and both databases agree on its id.
 */
import * as pgSchema from '@/db/schema/pg';
import * as sqliteSchema from '@/db/schema/sqlite';
import type { Db } from '@/db/client';
import type { PgDb } from '@/db/pg';

export const CORPUS_T0 = new Date('2026-10-01T08:00:00Z');
/** Readers search a month later, after every story but the future one went live. */
export const CORPUS_NOW = new Date(CORPUS_T0.getTime() + 30 * 86_400_000);
const at = (minutes: number) => new Date(CORPUS_T0.getTime() + minutes * 60_000);

const SECTIONS = [
  { id: 1, slug: 'local', nameAr: 'محليات', nameEn: 'Local', position: 0 },
  { id: 2, slug: 'world', nameAr: 'العالم', nameEn: 'World', position: 1 },
  { id: 3, slug: 'economy', nameAr: 'اقتصاد', nameEn: 'Economy', position: 2 },
] as const;
type SectionSlug = (typeof SECTIONS)[number]['slug'];

const TAGS = [
  { id: 1, slug: 'environment', name: 'البيئة' },
  { id: 2, slug: 'eagles', name: 'نسور' },
  { id: 3, slug: 'education', name: 'التعليم' },
  { id: 4, slug: 'elections', name: 'elections' },
  { id: 5, slug: 'markets', name: 'markets' },
  { id: 6, slug: 'water', name: 'المياه' },
] as const;
type TagSlug = (typeof TAGS)[number]['slug'];

interface Story {
  key: string;
  title: string;
  dek?: string;
  body: string;
  locale?: 'ar' | 'en';
  section?: SectionSlug;
  tags?: TagSlug[];
  /** Minutes after CORPUS_T0. */
  minute: number;
  status?: 'published' | 'draft';
  deleted?: boolean;
  image?: boolean;
}

const STORIES: Story[] = [
  {
    key: 'turtle',
    title: 'السُّلَحْفَاةُ البَحْرِيَّةُ تَعُودُ إِلَى الشَّاطِئِ',
    dek: 'عودة موسمية تفرح الصيادين',
    body: '<p>رصد متطوعون عشرات السلاحف على الرمال فجر الأحد، وسجلوا أعشاشها واحداً واحداً.</p>',
    section: 'world',
    tags: ['environment'],
    minute: 10,
    image: true,
  },
  {
    key: 'turtleBody',
    title: 'موسم الصيد يبدأ مبكراً هذا العام',
    body: '<p>قال الصيادون إن السلحفاة ظهرت قرب المرفأ قبل موعدها، وإن البحر أدفأ من المعتاد.</p>',
    section: 'world',
    minute: 900,
  },
  {
    key: 'library',
    title: 'مكتبة أحمد شوقي تفتح أبوابها من جديد',
    body: '<p>أعادت البلدية افتتاح المكتبة بعد ترميم استمر عامين، وأضافت قاعة للأطفال.</p>',
    tags: ['education'],
    minute: 20,
  },
  {
    key: 'archipelago',
    title: 'رحلة إلى أرخبيل الجزر البعيدة',
    body: '<p>يصل القارب إلى آرخبيل الصخور بعد ست ساعات من الإبحار.</p>',
    section: 'world',
    minute: 30,
  },
  {
    key: 'archMarbuta',
    title: 'ترميم القنطرة القديمة',
    body: '<p>تعود القنطرة إلى القرن الماضي.</p>',
    minute: 40,
  },
  { key: 'archHeh', title: 'جسر القنطره الحجري يستقبل المشاة', body: '<p>فتح الجسر أمس.</p>', minute: 41 },
  { key: 'portMaksura', title: 'توسعة المرسى الشمالي', body: '<p>تبدأ الأعمال في الربيع.</p>', minute: 50 },
  {
    key: 'portYeh',
    title: 'المرسي الجنوبي يستقبل القوارب',
    body: '<p>عشرون قارباً في اليوم الأول.</p>',
    minute: 51,
  },
  {
    key: 'schools',
    title: 'ترميم المدارس القديمة في حي الميدان',
    body: '<p>تشمل الخطة تسع مدارس وتنتهي قبل العام الدراسي.</p>',
    tags: ['education'],
    minute: 60,
  },
  {
    key: 'school',
    title: 'افتتاح مدرسة جديدة في حي الميدان',
    body: '<p>تستقبل المدرسة ثلاثمئة تلميذ في عامها الأول.</p>',
    tags: ['education'],
    minute: 60,
  },
  {
    key: 'mergeBi',
    title: 'قرار بدمج الشركتين',
    body: '<p>وافق المساهمون على الصفقة.</p>',
    section: 'economy',
    minute: 70,
  },
  {
    key: 'mergeLi',
    title: 'خطة لدمج البلديات الصغيرة',
    body: '<p>تناقش اللجنة الخطة الأسبوع المقبل.</p>',
    minute: 71,
  },
  {
    key: 'mergeWabi',
    title: 'وبدمج المؤسستين تنتهي الأزمة',
    body: '<p>قال المدير إن الموظفين باقون.</p>',
    section: 'economy',
    minute: 72,
  },
  {
    key: 'council',
    title: 'اجتماع طارئ في المساء',
    body: '<p>ناقش الأعضاء الخطة بمجلس الحكماء أمس، واتفقوا على موعد جديد.</p>',
    minute: 80,
  },
  { key: 'transport', title: 'خطة النقل حتى عام ٢٠٢٦', body: '<p>حافلات جديدة وخطوط أطول.</p>', minute: 90 },
  {
    key: 'waterCut',
    title: 'انقطاع المياه عن أحياء المدينة',
    body: '<p>انخفض منسوب النهر فتوقفت محطة الضخ ساعات.</p>',
    tags: ['water'],
    minute: 100,
  },
  {
    key: 'desalination',
    title: 'تحلية المياه على الساحل',
    body: '<p>محطة جديدة تنتج ما يكفي مدينتين.</p>',
    tags: ['water'],
    section: 'economy',
    minute: 101,
  },
  {
    key: 'market',
    title: 'جولة في السوق القديم',
    dek: 'باعة التوابل يستعدون للعيد',
    body: '<p>تزدحم الأزقة قبل العيد بأيام.</p>',
    tags: ['eagles'],
    minute: 110,
  },
  ...[0, 1, 2, 3, 4].map((day): Story => ({
    key: `kangaroo${day}`,
    title: `نشرة الكنغر رقم ${day}`,
    body: '<p>أخبار المحمية في أسبوعها.</p>',
    section: day % 2 ? 'world' : 'local',
    minute: 2000 + day * 1440,
  })),
  // Three years older than the rest: last of its series, whatever page size cuts the ranking.
  {
    key: 'kangarooArchive',
    title: 'نشرة الكنغر رقم 9',
    body: '<p>أخبار المحمية في أسبوعها.</p>',
    minute: -3 * 365 * 1440,
  },
  { key: 'draft', title: 'الزرافة تصل إلى الحديقة', body: '<p>مسودة.</p>', minute: 120, status: 'draft' },
  { key: 'deleted', title: 'البطريق يغادر الحديقة', body: '<p>حذف.</p>', minute: 121, deleted: true },
  // Scheduled past the readers' clock: in the index, never in a result before its time.
  { key: 'future', title: 'الفهد ينام في الحديقة', body: '<p>لاحقاً.</p>', minute: 60 * 24 * 40 },
  { key: 'reactorExact', title: 'افتتاح المفاعل في المدينة', body: '<p>نص الخبر.</p>', minute: 130 },
  { key: 'reactorStem', title: 'افتتاح مفاعل في المدينة', body: '<p>نص الخبر.</p>', minute: 130 },
  { key: 'whaleOld', title: 'حوت أزرق قرب الساحل', body: '<p>نص الخبر.</p>', minute: 140 },
  { key: 'whaleNew', title: 'حوت أزرق قرب الساحل', body: '<p>نص الخبر.</p>', minute: 600 },
  {
    key: 'owl',
    title: 'البومة تعود إلى البرج',
    dek: 'عودة طائر نادر',
    body: '<p>شوهدت البُومَةُ مساء أمس فوق البرج القديم &amp; الحديقة.</p>',
    minute: 150,
  },
  {
    key: 'stadium',
    title: 'افتتاح الملعب الكبير',
    dek: 'الجسر الجديد جاهز أيضاً',
    body: '<p>يتسع الملعب لأربعين ألف متفرج، وتصل إليه الحافلات من وسط المدينة كل عشر دقائق.</p>',
    minute: 160,
  },
  {
    key: 'electionsAr',
    title: 'انتخابات المدينة تسجل إقبالاً قياسياً',
    body: '<p>امتدت الطوابير أمام مراكز الاقتراع حتى المساء.</p>',
    minute: 170,
  },
  // The English edition.
  {
    key: 'elections',
    locale: 'en',
    title: 'City elections draw record turnout',
    dek: 'Queues outside every polling station',
    body: '<p>Officials kept the doors open an hour longer.</p>',
    tags: ['elections'],
    minute: 200,
    image: true,
  },
  {
    key: 'election',
    locale: 'en',
    title: 'Officials count ballots overnight',
    body: '<p>The election result is expected by noon.</p>',
    tags: ['elections'],
    minute: 201,
  },
  {
    key: 'children',
    locale: 'en',
    title: 'Children return to the rebuilt school',
    body: '<p>Teachers greeted every child at the gate.</p>',
    minute: 210,
  },
  {
    key: 'crisis',
    locale: 'en',
    title: 'Housing crisis deepens in the capital',
    body: '<p>Rents rose again.</p>',
    minute: 220,
  },
  {
    key: 'crises',
    locale: 'en',
    title: 'Two crises, one budget',
    body: '<p>The minister spoke late.</p>',
    minute: 221,
  },
  {
    key: 'cityCouncil',
    locale: 'en',
    title: 'City council approves new tram line',
    body: '<p>Work starts in spring.</p>',
    minute: 230,
  },
  {
    key: 'councilOfCity',
    locale: 'en',
    title: 'Council of the city meets on Monday',
    body: '<p>The agenda is short.</p>',
    minute: 231,
  },
  {
    key: 'stockMarket',
    locale: 'en',
    title: 'Stock market rallies on rate hopes',
    body: '<p>Shares rose.</p>',
    tags: ['markets'],
    section: 'economy',
    minute: 240,
  },
  {
    key: 'fishMarket',
    locale: 'en',
    title: 'Fish market reopens at dawn',
    body: '<p>Stalls were full by six.</p>',
    tags: ['markets'],
    minute: 241,
  },
  {
    key: 'cafe',
    locale: 'en',
    title: 'Café culture returns to the old quarter',
    body: '<p>Twelve new terraces opened this summer.</p>',
    minute: 250,
  },
];

/** Story ids by key (ids are positions in the list, from 1). */
export const CORPUS_IDS: Record<string, number> = Object.fromEntries(STORIES.map((s, i) => [s.key, i + 1]));

const sectionId = (slug: SectionSlug = 'local') => SECTIONS.find((s) => s.slug === slug)!.id;
const tagId = (slug: TagSlug) => TAGS.find((t) => t.slug === slug)!.id;

const MEDIA = [
  {
    id: 1,
    stem: 'shore',
    width: 1600,
    height: 900,
    variantWidths: [320, 640, 1280],
    alt: 'الشاطئ',
    caption: 'الشاطئ عند الفجر',
    credit: 'مداد',
    focalX: 0.5,
    focalY: 0.25,
    createdAt: CORPUS_T0,
  },
];

const ARTICLES = STORIES.map((s, i) => ({
  id: i + 1,
  locale: s.locale ?? 'ar',
  title: s.title,
  slug: `story-${i + 1}`,
  dek: s.dek ?? '',
  body: s.body,
  wordCount: s.body.split(' ').length,
  status: s.status ?? ('published' as const),
  publishedAt: s.status === 'draft' ? null : at(s.minute),
  updatedAt: at(s.minute),
  createdAt: at(s.minute),
  deletedAt: s.deleted ? at(s.minute + 1) : null,
  sectionId: sectionId(s.section),
  heroMediaId: s.image ? 1 : null,
}));

const ARTICLE_TAGS = STORIES.flatMap((s, i) =>
  (s.tags ?? []).map((t) => ({ articleId: i + 1, tagId: tagId(t) })),
);

/** Writes the corpus into a fresh, migrated SQLite database (index it afterwards). */
export function insertCorpusSqlite(db: Db): void {
  db.insert(sqliteSchema.sections)
    .values([...SECTIONS])
    .run();
  db.insert(sqliteSchema.tags)
    .values([...TAGS])
    .run();
  db.insert(sqliteSchema.media).values(MEDIA).run();
  db.insert(sqliteSchema.articles).values(ARTICLES).run();
  db.insert(sqliteSchema.articleTags).values(ARTICLE_TAGS).run();
}

/** The same rows into a fresh, migrated PostgreSQL database. */
export async function insertCorpusPg(db: PgDb): Promise<void> {
  await db.insert(pgSchema.sections).values([...SECTIONS]);
  await db.insert(pgSchema.tags).values([...TAGS]);
  await db.insert(pgSchema.media).values(MEDIA);
  await db.insert(pgSchema.articles).values(ARTICLES);
  await db.insert(pgSchema.articleTags).values(ARTICLE_TAGS);
}
