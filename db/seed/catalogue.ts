/** The demo newsroom: sections, people and sources. All names are invented for Midad. */
export const DEMO_SECTIONS = [
  { slug: 'local', nameAr: 'محليات', nameEn: 'Local', hue: 200 },
  { slug: 'world', nameAr: 'حول العالم', nameEn: 'World', hue: 215 },
  { slug: 'politics', nameAr: 'سياسة', nameEn: 'Politics', hue: 355 },
  { slug: 'economy', nameAr: 'اقتصاد', nameEn: 'Economy', hue: 150 },
  { slug: 'sports', nameAr: 'رياضة', nameEn: 'Sports', hue: 30 },
  { slug: 'culture', nameAr: 'ثقافة وفن', nameEn: 'Culture & Arts', hue: 280 },
  { slug: 'tech', nameAr: 'علوم وتكنولوجيا', nameEn: 'Science & Technology', hue: 185 },
  { slug: 'health', nameAr: 'صحة', nameEn: 'Health', hue: 120 },
] as const;

export type DemoSectionSlug = (typeof DEMO_SECTIONS)[number]['slug'];

export const DEMO_AUTHORS = [
  {
    slug: 'rana-haddad',
    name: 'رنا حداد',
    nameEn: 'Rana Haddad',
    role: 'editor',
    bio: 'محررة الشؤون المحلية، تكتب عن المدن وخدماتها.',
    bioEn: 'Local affairs editor, writing about cities and the services they run.',
  },
  {
    slug: 'omar-khatib',
    name: 'عمر الخطيب',
    nameEn: 'Omar Al-Khatib',
    role: 'writer',
    bio: 'مراسل الشؤون الدولية.',
    bioEn: 'International affairs correspondent.',
  },
  {
    slug: 'layla-nasser',
    name: 'ليلى ناصر',
    nameEn: 'Layla Nasser',
    role: 'writer',
    bio: 'صحفية اقتصادية تتابع الأسواق والطاقة.',
    bioEn: 'Economics reporter following markets and energy.',
  },
  {
    slug: 'sami-azzam',
    name: 'سامي عزام',
    nameEn: 'Sami Azzam',
    role: 'writer',
    bio: 'محرر رياضي يغطي الدوريات العربية.',
    bioEn: 'Sports editor covering the Arab leagues.',
  },
  {
    slug: 'hala-mansour',
    name: 'هالة منصور',
    nameEn: 'Hala Mansour',
    role: 'writer',
    bio: 'تكتب في الثقافة والفنون والكتب.',
    bioEn: 'Writes about culture, the arts and books.',
  },
  {
    slug: 'karim-youssef',
    name: 'كريم يوسف',
    nameEn: 'Karim Youssef',
    role: 'writer',
    bio: 'محرر العلوم والتكنولوجيا والصحة.',
    bioEn: 'Science, technology and health editor.',
  },
  {
    slug: 'newsroom',
    name: 'هيئة التحرير',
    nameEn: 'Midad newsroom',
    role: 'editor',
    bio: 'فريق التحرير في مداد.',
    bioEn: "Midad's editorial team.",
  },
] as const;

/** Which authors usually write for which section (the first is the desk's regular). */
export const SECTION_AUTHORS: Record<DemoSectionSlug, string[]> = {
  local: ['rana-haddad', 'newsroom'],
  world: ['omar-khatib', 'newsroom'],
  politics: ['omar-khatib', 'rana-haddad'],
  economy: ['layla-nasser', 'newsroom'],
  sports: ['sami-azzam', 'newsroom'],
  culture: ['hala-mansour', 'newsroom'],
  tech: ['karim-youssef', 'layla-nasser'],
  health: ['karim-youssef', 'rana-haddad'],
};

export const DEMO_OUTLET = 'مداد';
export const DEMO_AGENCIES = ['وكالة المشرق للأنباء', 'وكالة الضفتين', 'مراسل مداد', 'وكالات'];

/** Alt text and caption lines for the generated illustrations. */
export const IMAGE_MOTIFS = [
  { alt: 'رسم تجريدي بخطوط متوازية', caption: 'صورة تعبيرية' },
  { alt: 'رسم تجريدي بدوائر متداخلة', caption: 'صورة تعبيرية' },
  { alt: 'رسم تجريدي بأشكال هندسية', caption: 'صورة تعبيرية' },
] as const;

export const IMAGE_CREDIT = 'رسم: مداد';

/** The same illustrations described in English, for the English edition's stories. */
export const IMAGE_MOTIFS_EN = [
  { alt: 'Abstract drawing of parallel lines', caption: 'Illustration' },
  { alt: 'Abstract drawing of overlapping circles', caption: 'Illustration' },
  { alt: 'Abstract drawing of geometric shapes', caption: 'Illustration' },
] as const;
export const IMAGE_CREDIT_EN = 'Illustration: Midad';
export const DEMO_OUTLET_EN = 'Midad';
export const DEMO_AGENCIES_EN = [
  'Mashriq News Agency',
  'Two Banks Agency',
  'Midad correspondent',
  'Agencies',
];
