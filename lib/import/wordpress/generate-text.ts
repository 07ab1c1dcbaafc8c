/**
 * Text for the generated WordPress exports: an imaginary Arabic news site's headlines, leads,
 * paragraphs, quotes and captions, assembled from word lists and sentence templates written for
 * Midad (no text is taken from anywhere). Each template names its slots, and a story fills each
 * slot once, so the headline, the lead and the English headline of a translated story agree.
 */
import type { Rng } from './generate-rng';

export const SITE_NAME = 'صحيفة المدار';
export const SITE_NAME_EN = 'Al-Madar';
export const SITE_DESCRIPTION = 'أخبار محلية وعربية ودولية على مدار الساعة';

export type SectionKey = 'news' | 'economy' | 'sports' | 'culture' | 'tech' | 'health' | 'opinion' | 'misc';

export interface Place {
  ar: string;
  en: string;
}

export const CITIES: readonly Place[] = [
  { ar: 'بيروت', en: 'Beirut' },
  { ar: 'طرابلس', en: 'Tripoli' },
  { ar: 'صيدا', en: 'Sidon' },
  { ar: 'زحلة', en: 'Zahle' },
  { ar: 'عمّان', en: 'Amman' },
  { ar: 'إربد', en: 'Irbid' },
  { ar: 'العقبة', en: 'Aqaba' },
  { ar: 'القاهرة', en: 'Cairo' },
  { ar: 'الإسكندرية', en: 'Alexandria' },
  { ar: 'أسوان', en: 'Aswan' },
  { ar: 'تونس', en: 'Tunis' },
  { ar: 'صفاقس', en: 'Sfax' },
  { ar: 'سوسة', en: 'Sousse' },
  { ar: 'الرباط', en: 'Rabat' },
  { ar: 'فاس', en: 'Fez' },
  { ar: 'مراكش', en: 'Marrakesh' },
  { ar: 'طنجة', en: 'Tangier' },
  { ar: 'وهران', en: 'Oran' },
  { ar: 'قسنطينة', en: 'Constantine' },
  { ar: 'بغداد', en: 'Baghdad' },
  { ar: 'البصرة', en: 'Basra' },
  { ar: 'أربيل', en: 'Erbil' },
  { ar: 'دمشق', en: 'Damascus' },
  { ar: 'حلب', en: 'Aleppo' },
  { ar: 'حمص', en: 'Homs' },
  { ar: 'اللاذقية', en: 'Latakia' },
  { ar: 'الدوحة', en: 'Doha' },
  { ar: 'مسقط', en: 'Muscat' },
  { ar: 'المنامة', en: 'Manama' },
  { ar: 'نابلس', en: 'Nablus' },
  { ar: 'الخليل', en: 'Hebron' },
  { ar: 'جدة', en: 'Jeddah' },
];

const COUNTRIES: readonly (Place & { adj: string })[] = [
  { ar: 'لبنان', en: 'Lebanon', adj: 'اللبناني' },
  { ar: 'الأردن', en: 'Jordan', adj: 'الأردني' },
  { ar: 'مصر', en: 'Egypt', adj: 'المصري' },
  { ar: 'تونس', en: 'Tunisia', adj: 'التونسي' },
  { ar: 'المغرب', en: 'Morocco', adj: 'المغربي' },
  { ar: 'الجزائر', en: 'Algeria', adj: 'الجزائري' },
  { ar: 'العراق', en: 'Iraq', adj: 'العراقي' },
  { ar: 'سوريا', en: 'Syria', adj: 'السوري' },
  { ar: 'قطر', en: 'Qatar', adj: 'القطري' },
  { ar: 'الكويت', en: 'Kuwait', adj: 'الكويتي' },
  { ar: 'البحرين', en: 'Bahrain', adj: 'البحريني' },
  { ar: 'فلسطين', en: 'Palestine', adj: 'الفلسطيني' },
  { ar: 'ليبيا', en: 'Libya', adj: 'الليبي' },
  { ar: 'السودان', en: 'Sudan', adj: 'السوداني' },
];

const TEAMS: readonly Place[] = [
  { ar: 'الشروق', en: 'Al-Shurooq' },
  { ar: 'الفجر', en: 'Al-Fajr' },
  { ar: 'النجوم', en: 'Al-Nujoum' },
  { ar: 'الساحل', en: 'Al-Sahel' },
  { ar: 'الجبل', en: 'Al-Jabal' },
  { ar: 'الوادي', en: 'Al-Wadi' },
  { ar: 'الأمل', en: 'Al-Amal' },
  { ar: 'النهضة', en: 'Al-Nahda' },
  { ar: 'الكرامة', en: 'Al-Karama' },
  { ar: 'الصفاء', en: 'Al-Safaa' },
  { ar: 'الأنصار', en: 'Al-Ansar' },
  { ar: 'الرياضي', en: 'Al-Riyadi' },
];

export const MALE_NAMES = [
  'سامر',
  'كريم',
  'عمر',
  'خالد',
  'يوسف',
  'طارق',
  'مازن',
  'نبيل',
  'زياد',
  'وليد',
  'هشام',
  'رامي',
  'فادي',
  'جمال',
  'باسل',
  'أنس',
  'إياد',
  'حسام',
  'مروان',
  'عادل',
] as const;
export const FEMALE_NAMES = [
  'رنا',
  'ليلى',
  'هدى',
  'نور',
  'سلمى',
  'ريم',
  'دينا',
  'لينا',
  'مريم',
  'هالة',
  'سوسن',
  'منى',
  'رشا',
  'جمانة',
  'تالا',
  'ميساء',
  'سهى',
  'وفاء',
  'أمل',
  'ندى',
] as const;
export const FAMILY_NAMES = [
  'حداد',
  'خليل',
  'منصور',
  'ناصر',
  'صالح',
  'العلي',
  'الخطيب',
  'عبد الله',
  'الحسيني',
  'الشامي',
  'المصري',
  'التونسي',
  'بركات',
  'عيسى',
  'داود',
  'يعقوب',
  'سليمان',
  'النجار',
  'الحلبي',
  'القاسم',
  'الزين',
  'شاهين',
  'عثمان',
  'الأحمد',
  'جابر',
  'فرحات',
  'درويش',
  'سرحان',
  'الطويل',
  'الحكيم',
] as const;

export interface Person {
  name: string;
  female: boolean;
}

/** A person's name from the lists; `k` walks every pairing before repeating. */
export function personName(k: number): Person {
  const first = [...MALE_NAMES, ...FEMALE_NAMES];
  const given = first[k % first.length]!;
  const family = FAMILY_NAMES[Math.floor(k / first.length) % FAMILY_NAMES.length]!;
  return { name: `${given} ${family}`, female: k % first.length >= MALE_NAMES.length };
}

/** Speakers: a role in both genders. */
const ROLES: Record<SectionKey, readonly [string, string][]> = {
  news: [
    ['المتحدث باسم البلدية', 'المتحدثة باسم البلدية'],
    ['رئيس لجنة الأشغال', 'رئيسة لجنة الأشغال'],
    ['مدير المشروع', 'مديرة المشروع'],
    ['النائب', 'النائبة'],
  ],
  economy: [
    ['الخبير الاقتصادي', 'الخبيرة الاقتصادية'],
    ['رئيس غرفة التجارة', 'رئيسة غرفة التجارة'],
    ['المدير التنفيذي للشركة', 'المديرة التنفيذية للشركة'],
  ],
  sports: [
    ['المدرب', 'المدربة'],
    ['رئيس النادي', 'رئيسة النادي'],
    ['المدير الفني', 'المديرة الفنية'],
  ],
  culture: [
    ['مدير المهرجان', 'مديرة المهرجان'],
    ['الناقد', 'الناقدة'],
    ['الكاتب', 'الكاتبة'],
  ],
  tech: [
    ['مدير البرنامج', 'مديرة البرنامج'],
    ['الباحث', 'الباحثة'],
    ['مؤسس الشركة', 'مؤسسة الشركة'],
  ],
  health: [
    ['الطبيب', 'الطبيبة'],
    ['مدير المستشفى', 'مديرة المستشفى'],
    ['المسؤول في وزارة الصحة', 'المسؤولة في وزارة الصحة'],
  ],
  opinion: [['الكاتب', 'الكاتبة']],
  misc: [
    ['أحد الجيران', 'إحدى الجارات'],
    ['المتطوع', 'المتطوعة'],
  ],
};

/** Subjects with their gender, so the verb agrees ("أعلنت الوزارة", "أعلن المصرف"). */
interface Entity {
  ar: string;
  en: string;
  female: boolean;
}
const ENTITIES: readonly ((c: Place) => Entity)[] = [
  () => ({ ar: 'وزارة الزراعة', en: 'The agriculture ministry', female: true }),
  () => ({ ar: 'وزارة النقل', en: 'The transport ministry', female: true }),
  () => ({ ar: 'وزارة الطاقة', en: 'The energy ministry', female: true }),
  () => ({ ar: 'وزارة التربية', en: 'The education ministry', female: true }),
  () => ({ ar: 'وزارة الإسكان', en: 'The housing ministry', female: true }),
  () => ({ ar: 'وزارة السياحة', en: 'The tourism ministry', female: true }),
  (c) => ({ ar: `بلدية ${c.ar}`, en: `${c.en} municipality`, female: true }),
  (c) => ({ ar: `محافظة ${c.ar}`, en: `${c.en} governorate`, female: true }),
  (c) => ({ ar: `غرفة تجارة ${c.ar}`, en: `The ${c.en} chamber of commerce`, female: true }),
  () => ({ ar: 'مجلس الوزراء', en: 'The cabinet', female: false }),
  () => ({ ar: 'المصرف المركزي', en: 'The central bank', female: false }),
  (c) => ({ ar: `المجلس البلدي في ${c.ar}`, en: `The ${c.en} city council`, female: false }),
  () => ({ ar: 'صندوق التنمية', en: 'The development fund', female: false }),
];

const v = (female: boolean, m: string, f: string) => (female ? f : m);

/** "5 أحياء" but "15 حياً": Arabic counted nouns take the plural from 3 to 10, else the singular. */
function counted(n: number, plural: string, singular: string): string {
  return `${n} ${n >= 3 && n <= 10 ? plural : singular}`;
}

/** A story's slots: each is drawn once and reused wherever a template names it. */
export class Slots {
  private readonly memo = new Map<string, unknown>();
  constructor(readonly rng: Rng) {}

  private once<T>(name: string, make: () => T): T {
    if (!this.memo.has(name)) this.memo.set(name, make());
    return this.memo.get(name) as T;
  }

  pick<T>(name: string, list: readonly T[]): T {
    return this.once(name, () => this.rng.pick(list));
  }

  num(name: string, min: number, max: number): number {
    return this.once(name, () => this.rng.range(min, max));
  }

  /** A second pick from `list` that is not `first`. */
  private other<T>(name: string, list: readonly T[], first: T): T {
    return this.once(name, () => {
      const i = list.indexOf(first);
      return list[(i + 1 + this.rng.int(list.length - 1)) % list.length]!;
    });
  }

  get city(): Place {
    return this.pick('city', CITIES);
  }
  get country() {
    return this.pick('country', COUNTRIES);
  }
  get country2() {
    return this.other('country2', COUNTRIES, this.country);
  }
  get team(): Place {
    return this.pick('team', TEAMS);
  }
  get team2(): Place {
    return this.other('team2', TEAMS, this.team);
  }
  get entity(): Entity {
    return this.once('entity', () => this.rng.pick(ENTITIES)(this.city));
  }
  get person(): Person {
    return this.once('person', () => personName(this.rng.int(600)));
  }
}

interface Template {
  title: (s: Slots) => string;
  /** The first sentence of the story, after the dateline. */
  lead: (s: Slots) => string;
  /** The same headline for the English edition. */
  en: (s: Slots) => string;
  tags: readonly string[];
  /** The category (by name) an editor would file it in, with its subcategories; else any of the section's. */
  category?: string;
}

const PLANS = ['خطة جديدة', 'خطة طارئة', 'حزمة إجراءات', 'مبادرة وطنية', 'خطة شاملة'] as const;
const PURPOSES: readonly [string, string][] = [
  ['لدعم المزارعين', 'support farmers'],
  ['لتحسين خدمات النقل العام', 'improve public transport'],
  ['لخفض فاتورة الكهرباء', 'cut electricity bills'],
  ['لتأهيل المدارس الحكومية', 'refurbish state schools'],
  ['لتشجيع السياحة الداخلية', 'encourage domestic tourism'],
  ['لمعالجة أزمة السكن', 'tackle the housing shortage'],
  ['لتوفير فرص عمل للشباب', 'create jobs for young people'],
  ['لمكافحة التصحر', 'fight desertification'],
];
const DURATIONS = ['ستة أشهر', 'عاماً كاملاً', 'ثلاث سنوات', 'ثمانية عشر شهراً'] as const;
const ROADS = [
  'الطريق الساحلي',
  'شارع السوق القديم',
  'الطريق الدولي',
  'جسر المدينة',
  'الكورنيش البحري',
] as const;
const LAWS: readonly [string, string][] = [
  ['قانون الإيجارات الجديد', 'a new rent law'],
  ['تعديلات قانون السير', 'changes to the traffic law'],
  ['قانون حماية المستهلك', 'a consumer protection law'],
  ['قانون الضمان الصحي', 'a health insurance law'],
];
const PORTFOLIOS = ['الخارجية', 'الاقتصاد', 'الطاقة', 'النقل', 'الزراعة'] as const;
const TALKS = [
  'تعزيز التعاون التجاري',
  'تسهيل حركة الشحن بين البلدين',
  'مشاريع الربط الكهربائي',
  'ملف المياه المشتركة',
] as const;
const EVENTS: readonly [string, string][] = [
  ['مؤتمر المياه العربي', 'An Arab water conference'],
  ['منتدى المدن المستدامة', 'A sustainable cities forum'],
  ['قمة الشباب العربي', 'An Arab youth summit'],
  ['مؤتمر الأمن الغذائي', 'A food security conference'],
];
const FIRE_SITES = ['سوق شعبي', 'مستودع للأخشاب', 'حقول زراعية', 'مبنى سكني قيد الإنشاء'] as const;
const COMMODITIES: readonly [string, string][] = [
  ['الخضار', 'vegetables'],
  ['اللحوم', 'meat'],
  ['الدواجن', 'poultry'],
  ['الذهب', 'gold'],
  ['المحروقات', 'fuel'],
  ['مواد البناء', 'building materials'],
];
const ORDINALS_M = ['الثاني', 'الثالث', 'الرابع', 'الخامس'] as const;
const ORDINALS_F = ['الثالثة', 'الخامسة', 'السابعة', 'العاشرة', 'الثانية عشرة'] as const;
const REASONS = ['وفرة الإنتاج المحلي', 'تراجع الطلب', 'انخفاض كلفة الشحن', 'استقرار سعر الصرف'] as const;
const PRODUCTS: readonly [string, string][] = [
  ['منصة للتعليم عن بعد', 'an online learning platform'],
  ['تطبيق لتوصيل الطلبات', 'a delivery app'],
  ['نظام لإدارة المياه في المزارع', 'a farm water system'],
  ['خدمة للدفع الإلكتروني', 'an e-payment service'],
];
const SECTORS = ['المصارف', 'الاتصالات', 'العقارات', 'الصناعة'] as const;
const FACILITIES: readonly [string, string][] = [
  ['مصنع جديد للأدوية', 'A medicines factory'],
  ['مركز لوجستي', 'A logistics hub'],
  ['مرفأ للصيادين', 'A fishing harbour'],
  ['مصنع لتدوير النفايات', 'A recycling plant'],
];
const THEMES = [
  'مدينة ساحلية في زمن الحرب',
  'عائلة تعود إلى قريتها بعد غياب طويل',
  'جيل كامل من المهاجرين',
  'مكتبة قديمة في سوق المدينة',
] as const;
const VENUES = ['المسرح الروماني', 'دار الأوبرا', 'قلعة المدينة', 'ساحة البلدية'] as const;
const ERAS = ['الزمن الجميل', 'السبعينيات', 'الطرب الأصيل'] as const;
const BANDS = ['نغم', 'أصداء', 'الجذور', 'مقامات'] as const;
const MONUMENTS = ['السوق القديم', 'الخان الأثري', 'سور المدينة', 'البرج الأثري'] as const;
const SERVICES: readonly [string, string, string][] = [
  ['تجديد جوازات السفر', 'تجديد جوازات سفرهم', 'renew passports'],
  ['دفع فواتير الكهرباء', 'دفع فواتير الكهرباء', 'pay electricity bills'],
  ['حجز المواعيد في المستشفيات', 'حجز مواعيدهم في المستشفيات', 'book hospital appointments'],
  ['تسجيل الطلاب في المدارس', 'تسجيل أبنائهم في المدارس', 'enrol children in school'],
];
const AI_USES: readonly [string, string][] = [
  ['رصد تسرب المياه', 'detect water leaks'],
  ['تشخيص أمراض النخيل', 'diagnose palm diseases'],
  ['تنظيم إشارات المرور', 'time traffic lights'],
  ['ترجمة لغة الإشارة', 'translate sign language'],
];
const DISEASES: readonly [string, string][] = [
  ['الحصبة', 'measles'],
  ['شلل الأطفال', 'polio'],
  ['الإنفلونزا الموسمية', 'seasonal flu'],
];
const DEPARTMENTS = ['غسيل الكلى', 'علاج الأطفال حديثي الولادة', 'الطوارئ', 'أمراض القلب'] as const;
const RISKS = ['ضربات الشمس', 'التسمم الغذائي', 'الجفاف لدى كبار السن'] as const;
const MEDICINES = ['أدوية الأمراض المزمنة', 'حليب الأطفال', 'أدوية الضغط والسكري'] as const;
const CROPS = ['القمح', 'الزيتون', 'الحمضيات'] as const;
const HOOKS = ['مدينة تستحق أرصفة أوسع', 'عن الحدائق التي اختفت', 'حين يصبح الازدحام عادة'] as const;
const SILENT_TOPICS = ['الهدر', 'التعليم المهني', 'الفقر الصامت'] as const;

const TEMPLATES: Record<SectionKey, readonly Template[]> = {
  news: [
    {
      title: (s) =>
        `${s.entity.ar} ${v(s.entity.female, 'يعلن', 'تعلن')} ${s.pick('plan', PLANS)} ${s.pick('purpose', PURPOSES)[0]} في ${s.city.ar}`,
      lead: (s) =>
        `${v(s.entity.female, 'أعلن', 'أعلنت')} ${s.entity.ar} اليوم ${s.pick('plan', PLANS)} ${s.pick('purpose', PURPOSES)[0]} في ${s.city.ar}، تمتد ${s.pick('duration', DURATIONS)} وتبلغ كلفتها نحو ${counted(s.num('n', 3, 95), 'ملايين دولار', 'مليون دولار')}.`,
      en: (s) => `${s.entity.en} announces a plan to ${s.pick('purpose', PURPOSES)[1]} in ${s.city.en}`,
      tags: ['خدمات', 'الحكومة'],
      category: 'محليات',
    },
    {
      title: (s) =>
        `انقطاع المياه عن ${counted(s.num('n', 3, 10), 'أحياء', 'حياً')} في ${s.city.ar} بسبب أعمال صيانة`,
      lead: (s) =>
        `تنقطع المياه اعتباراً من صباح الغد عن ${counted(s.num('n', 3, 10), 'أحياء', 'حياً')} في ${s.city.ar} لمدة ${s.num('hours', 12, 48)} ساعة، بسبب أعمال صيانة في الشبكة الرئيسية.`,
      en: (s) => `Water cut to ${s.num('n', 3, 10)} districts of ${s.city.en} for repairs`,
      tags: ['المياه', 'خدمات'],
      category: 'محليات',
    },
    {
      title: (s) => `أمطار غزيرة تغمر شوارع ${s.city.ar} وتعطل حركة السير`,
      lead: (s) =>
        `غمرت الأمطار الغزيرة التي هطلت منذ ساعات الفجر شوارع رئيسية في ${s.city.ar}، ما أدى إلى ازدحام خانق وتأخر وصول الموظفين والطلاب.`,
      en: (s) => `Heavy rain floods streets in ${s.city.en}`,
      tags: ['الطقس', 'السير'],
      category: 'محليات',
    },
    {
      title: (s) => `بلدية ${s.city.ar} تبدأ تأهيل ${s.pick('road', ROADS)} بعد سنوات من الانتظار`,
      lead: (s) =>
        `بدأت بلدية ${s.city.ar} أعمال تأهيل ${s.pick('road', ROADS)}، في مشروع يمتد ${s.pick('duration', DURATIONS)} ويشمل توسيع الأرصفة وتجديد الإنارة وشبكة تصريف الأمطار.`,
      en: (s) => `${s.city.en} starts long-awaited road works`,
      tags: ['البلديات', 'الطرق'],
      category: 'محليات',
    },
    {
      title: (s) => `مجلس النواب يقر ${s.pick('law', LAWS)[0]} بأغلبية ${s.num('votes', 51, 99)} صوتاً`,
      lead: (s) =>
        `أقر مجلس النواب في جلسته اليوم ${s.pick('law', LAWS)[0]} بأغلبية ${s.num('votes', 51, 99)} صوتاً، بعد نقاش استمر ساعات وشهد اعتراضات من كتل عدة.`,
      en: (s) => `Parliament passes ${s.pick('law', LAWS)[1]} by ${s.num('votes', 51, 99)} votes`,
      tags: ['البرلمان', 'قوانين'],
      category: 'محليات',
    },
    {
      title: (s) =>
        `وزير ${s.pick('portfolio', PORTFOLIOS)} يبحث مع نظيره ${s.country.adj} ${s.pick('talk', TALKS)}`,
      lead: (s) =>
        `بحث وزير ${s.pick('portfolio', PORTFOLIOS)} مع نظيره ${s.country.adj} خلال لقاء في ${s.city.ar} ${s.pick('talk', TALKS)}، واتفق الجانبان على تشكيل لجنة مشتركة تجتمع كل ثلاثة أشهر.`,
      en: (s) => `Ministers from ${s.country.en} meet in ${s.city.en}`,
      tags: ['دبلوماسية', 'تعاون'],
      category: 'عربي',
    },
    {
      title: (s) =>
        `انطلاق ${s.pick('event', EVENTS)[0]} في ${s.city.ar} بمشاركة ${s.num('states', 11, 40)} دولة`,
      lead: (s) =>
        `انطلقت في ${s.city.ar} اليوم أعمال ${s.pick('event', EVENTS)[0]} بمشاركة ${s.num('states', 11, 40)} دولة وعشرات المنظمات، على أن تستمر ثلاثة أيام.`,
      en: (s) => `${s.pick('event', EVENTS)[1]} opens in ${s.city.en}`,
      tags: ['مؤتمرات', 'دبلوماسية'],
      category: 'دولي',
    },
    {
      title: (s) => `حريق في ${s.pick('site', FIRE_SITES)} بمدينة ${s.city.ar}، ولا إصابات`,
      lead: (s) =>
        `تمكنت فرق الدفاع المدني من إخماد حريق اندلع فجر اليوم في ${s.pick('site', FIRE_SITES)} بمدينة ${s.city.ar}، من دون تسجيل إصابات بشرية.`,
      en: (s) => `Firefighters put out a blaze in ${s.city.en}`,
      tags: ['حوادث', 'الدفاع المدني'],
      category: 'محليات',
    },
  ],
  economy: [
    {
      title: (s) =>
        `ارتفاع أسعار ${s.pick('commodity', COMMODITIES)[0]} في أسواق ${s.city.ar} للأسبوع ${s.pick('ord', ORDINALS_M)} على التوالي`,
      lead: (s) =>
        `سجلت أسعار ${s.pick('commodity', COMMODITIES)[0]} في أسواق ${s.city.ar} ارتفاعاً جديداً بنسبة ${s.num('pct', 3, 25)}% هذا الأسبوع، ليتواصل الغلاء للأسبوع ${s.pick('ord', ORDINALS_M)} على التوالي.`,
      en: (s) => `Prices of ${s.pick('commodity', COMMODITIES)[1]} keep rising in ${s.city.en}`,
      tags: ['أسعار', 'أسواق'],
      category: 'أسواق',
    },
    {
      title: (s) =>
        `تراجع أسعار ${s.pick('commodity', COMMODITIES)[0]} ${s.num('pct', 3, 25)}% مع ${s.pick('reason', REASONS)}`,
      lead: (s) =>
        `تراجعت أسعار ${s.pick('commodity', COMMODITIES)[0]} بنسبة ${s.num('pct', 3, 25)}% خلال الأيام الماضية مع ${s.pick('reason', REASONS)}، وفق ما أفاد به تجار في ${s.city.ar}.`,
      en: (s) => `Prices of ${s.pick('commodity', COMMODITIES)[1]} fall ${s.num('pct', 3, 25)}%`,
      tags: ['أسعار', 'تجارة'],
      category: 'أسواق',
    },
    {
      title: (s) => `المصرف المركزي يرفع سعر الفائدة ${s.pick('bp', [25, 50, 75])} نقطة أساس`,
      lead: (s) =>
        `قرر المصرف المركزي رفع سعر الفائدة الأساسي ${s.pick('bp', [25, 50, 75])} نقطة أساس، في خطوة قال إنها تهدف إلى كبح التضخم وحماية العملة المحلية.`,
      en: (s) => `Central bank raises rates by ${s.pick('bp', [25, 50, 75])} basis points`,
      tags: ['المصارف', 'التضخم'],
      category: 'العملات',
    },
    {
      title: (s) =>
        `شركة ناشئة من ${s.city.ar} تجمع ${counted(s.num('n', 3, 10), 'ملايين دولار', 'مليون دولار')} لتطوير ${s.pick('product', PRODUCTS)[0]}`,
      lead: (s) =>
        `أعلنت شركة ناشئة تتخذ من ${s.city.ar} مقراً لها أنها جمعت ${counted(s.num('n', 3, 10), 'ملايين دولار', 'مليون دولار')} في جولة تمويل جديدة، ستخصصها لتطوير ${s.pick('product', PRODUCTS)[0]} والتوسع في أسواق المنطقة.`,
      en: (s) => `${s.city.en} start-up raises $${s.num('n', 3, 10)}m for ${s.pick('product', PRODUCTS)[1]}`,
      tags: ['شركات ناشئة', 'استثمار'],
      category: 'شركات ناشئة',
    },
    {
      title: (s) =>
        `البورصة تغلق على ارتفاع ${s.num('pctA', 0, 3)}.${s.num('pctB', 1, 9)}% بدعم من أسهم ${s.pick('sector', SECTORS)}`,
      lead: (s) =>
        `أغلق المؤشر العام للبورصة تداولات اليوم مرتفعاً ${s.num('pctA', 0, 3)}.${s.num('pctB', 1, 9)}%، بدعم من أسهم ${s.pick('sector', SECTORS)} التي قادت الصعود وسط تداولات نشطة.`,
      en: () => `Stocks close higher, led by banks and telecoms`,
      tags: ['البورصة', 'أسواق'],
      category: 'البورصة',
    },
    {
      title: (s) =>
        `افتتاح ${s.pick('facility', FACILITIES)[0]} في ${s.city.ar} بكلفة ${s.num('n', 11, 90)} مليون دولار`,
      lead: (s) =>
        `افتتح في ${s.city.ar} اليوم ${s.pick('facility', FACILITIES)[0]} بكلفة ${s.num('n', 11, 90)} مليون دولار، ويتوقع أن يوفر نحو ${s.num('jobs', 120, 900)} فرصة عمل مباشرة.`,
      en: (s) => `${s.pick('facility', FACILITIES)[1]} opens in ${s.city.en}`,
      tags: ['صناعة', 'استثمار'],
      category: 'اقتصاد',
    },
    {
      title: (s) => `محطة للطاقة الشمسية في ${s.city.ar} تدخل الخدمة بقدرة ${s.num('mw', 11, 90)} ميغاواط`,
      lead: (s) =>
        `دخلت محطة الطاقة الشمسية الجديدة في ${s.city.ar} الخدمة رسمياً بقدرة ${s.num('mw', 11, 90)} ميغاواط، لتغطي جزءاً من حاجة المدينة إلى الكهرباء خلال ساعات النهار.`,
      en: (s) => `${s.num('mw', 11, 90)}MW solar plant goes online in ${s.city.en}`,
      tags: ['الطاقة', 'الكهرباء'],
      category: 'طاقة',
    },
  ],
  sports: [
    {
      title: (s) =>
        `${s.team.ar} يفوز على ${s.team2.ar} ${s.num('a', 2, 4)}-${s.num('b', 0, 1)} ويتصدر الدوري`,
      lead: (s) =>
        `حقق ${s.team.ar} فوزاً ثميناً على ضيفه ${s.team2.ar} بنتيجة ${s.num('a', 2, 4)}-${s.num('b', 0, 1)} في المباراة التي جمعتهما مساء أمس، ليعتلي صدارة الدوري برصيد ${s.num('pts', 11, 60)} نقطة.`,
      en: (s) => `${s.team.en} beat ${s.team2.en} ${s.num('a', 2, 4)}-${s.num('b', 0, 1)} to top the league`,
      tags: ['الدوري', 'كرة القدم'],
      category: 'كرة القدم',
    },
    {
      title: (s) => `تعادل سلبي بين ${s.team.ar} و${s.team2.ar} في قمة الجولة ${s.pick('round', ORDINALS_F)}`,
      lead: (s) =>
        `انتهت قمة الجولة ${s.pick('round', ORDINALS_F)} بين ${s.team.ar} و${s.team2.ar} بالتعادل السلبي، في مباراة غابت عنها الفرص الخطيرة.`,
      en: (s) => `${s.team.en} and ${s.team2.en} draw 0-0`,
      tags: ['الدوري', 'كرة القدم'],
      category: 'كرة القدم',
    },
    {
      title: (s) => `منتخب ${s.country.ar} يستعد لمواجهة ${s.country2.ar} في تصفيات كأس العالم`,
      lead: (s) =>
        `يواصل منتخب ${s.country.ar} تحضيراته لمواجهة منتخب ${s.country2.ar} في التصفيات المؤهلة إلى كأس العالم، بمعسكر مغلق في ${s.city.ar} يستمر عشرة أيام.`,
      en: (s) => `${s.country.en} prepare to face ${s.country2.en} in World Cup qualifiers`,
      tags: ['المنتخبات', 'كأس العالم'],
      category: 'كأس العالم',
    },
    {
      title: (s) =>
        `إصابة لاعب ${s.team.ar} ${s.pick('player', MALE_NAMES)} ${s.pick('family', FAMILY_NAMES)} تبعده عن الملاعب ${s.pick('weeks', ['ثلاثة أسابيع', 'شهراً كاملاً', 'ستة أسابيع', 'حتى نهاية الموسم'])}`,
      lead: (s) =>
        `تعرض لاعب ${s.team.ar} ${s.pick('player', MALE_NAMES)} ${s.pick('family', FAMILY_NAMES)} لإصابة في الركبة خلال التدريبات، وقال الجهاز الطبي للنادي إنها ستبعده عن الملاعب ${s.pick('weeks', ['ثلاثة أسابيع', 'شهراً كاملاً', 'ستة أسابيع', 'حتى نهاية الموسم'])}.`,
      en: (s) => `${s.team.en} lose a key player to injury`,
      tags: ['إصابات', 'كرة القدم'],
      category: 'كرة القدم',
    },
    {
      title: (s) => `${s.team.ar} يتأهل إلى نهائي كأس السلة بعد فوز مثير على ${s.team2.ar}`,
      lead: (s) =>
        `تأهل فريق ${s.team.ar} لكرة السلة إلى المباراة النهائية للكأس بعد فوزه على ${s.team2.ar} بفارق ${counted(s.num('n', 3, 9), 'نقاط', 'نقطة')} في مباراة حسمت في ثوانيها الأخيرة.`,
      en: (s) => `${s.team.en} reach the basketball cup final`,
      tags: ['كرة السلة', 'الكأس'],
      category: 'كرة السلة',
    },
    {
      title: (s) => `${s.city.ar} تستضيف بطولة عربية للسباحة بمشاركة ${s.num('n', 40, 99)} سباحاً`,
      lead: (s) =>
        `تستضيف ${s.city.ar} الأسبوع المقبل البطولة العربية للسباحة بمشاركة ${s.num('n', 40, 99)} سباحاً وسباحة من ${counted(s.num('m', 5, 10), 'دول', 'دولة')}.`,
      en: (s) => `${s.city.en} hosts an Arab swimming championship`,
      tags: ['السباحة', 'بطولات'],
      category: 'رياضات أخرى',
    },
  ],
  culture: [
    {
      title: (s) =>
        `افتتاح مهرجان ${s.city.ar} للسينما بمشاركة ${s.num('n', 20, 90)} فيلماً من ${s.num('m', 11, 30)} دولة`,
      lead: (s) =>
        `افتتحت مساء أمس الدورة ${s.pick('edition', ORDINALS_F)} من مهرجان ${s.city.ar} للسينما، بمشاركة ${s.num('n', 20, 90)} فيلماً من ${s.num('m', 11, 30)} دولة تتنافس على جوائز المهرجان.`,
      en: (s) => `${s.city.en} film festival opens with ${s.num('n', 20, 90)} films`,
      tags: ['سينما', 'مهرجانات'],
      category: 'سينما',
    },
    {
      title: (s) => `رواية جديدة لـ${s.person.name} تروي حكاية ${s.pick('theme', THEMES)}`,
      lead: (s) =>
        `صدرت حديثاً عن دار نشر في ${s.city.ar} رواية جديدة ${v(s.person.female, 'للكاتب', 'للكاتبة')} ${s.person.name} تروي حكاية ${s.pick('theme', THEMES)}، في ${s.num('pages', 120, 420)} صفحة.`,
      en: () => `A new novel tells a story of return and exile`,
      tags: ['كتب', 'روايات'],
      category: 'كتب',
    },
    {
      title: (s) => `معرض ${s.city.ar} للكتاب يستقبل ${s.num('n', 11, 90)} ألف زائر في أسبوعه الأول`,
      lead: (s) =>
        `قالت إدارة معرض ${s.city.ar} للكتاب إن عدد الزوار تجاوز ${s.num('n', 11, 90)} ألف زائر في الأسبوع الأول، بمشاركة أكثر من ${s.num('pubs', 1, 4) * 100} دار نشر.`,
      en: (s) => `${s.city.en} book fair draws ${s.num('n', 11, 90)},000 visitors in its first week`,
      tags: ['كتب', 'معارض'],
      category: 'كتب',
    },
    {
      title: (s) => `حفل موسيقي في ${s.pick('venue', VENUES)} يعيد أغاني ${s.pick('era', ERAS)} إلى الواجهة`,
      lead: (s) =>
        `أحيت فرقة «${s.pick('band', BANDS)}» مساء أمس حفلاً موسيقياً في ${s.pick('venue', VENUES)} بمدينة ${s.city.ar}، قدمت خلاله أغاني ${s.pick('era', ERAS)} أمام جمهور ملأ المدرجات.`,
      en: (s) => `A concert in ${s.city.en} brings old songs back`,
      tags: ['موسيقى', 'حفلات'],
      category: 'موسيقى',
    },
    {
      title: (s) => `ترميم ${s.pick('monument', MONUMENTS)} في ${s.city.ar} بعد أضرار الشتاء`,
      lead: (s) =>
        `بدأت أعمال ترميم ${s.pick('monument', MONUMENTS)} في ${s.city.ar} بعد الأضرار التي لحقت به خلال العواصف الأخيرة، بإشراف فريق من المختصين.`,
      en: (s) => `Restoration begins on a landmark in ${s.city.en}`,
      tags: ['تراث', 'آثار'],
    },
  ],
  tech: [
    {
      title: (s) => `إطلاق تطبيق حكومي لـ${s.pick('service', SERVICES)[0]} في ${s.country.ar}`,
      lead: (s) =>
        `أطلقت الحكومة في ${s.country.ar} تطبيقاً جديداً يتيح للمواطنين ${s.pick('service', SERVICES)[1]} عبر الهاتف، من دون الحاجة إلى مراجعة الدوائر الرسمية.`,
      en: (s) => `New app lets people in ${s.country.en} ${s.pick('service', SERVICES)[2]}`,
      tags: ['تطبيقات', 'الحكومة الإلكترونية'],
      category: 'هواتف وتطبيقات',
    },
    {
      title: (s) => `دورة مجانية في البرمجة لـ${s.num('n', 1, 9) * 100} شاب وشابة في ${s.city.ar}`,
      lead: (s) =>
        `تنطلق الشهر المقبل في ${s.city.ar} دورة مجانية لتعليم البرمجة تستهدف ${s.num('n', 1, 9) * 100} شاب وشابة، بالتعاون بين ${s.entity.ar} وشركات تقنية محلية.`,
      en: (s) => `Free coding course for ${s.num('n', 1, 9) * 100} young people in ${s.city.en}`,
      tags: ['البرمجة', 'تعليم'],
    },
    {
      title: (s) => `شبكة الجيل الخامس تصل إلى ${s.city.ar}`,
      lead: (s) =>
        `أعلنت شركة الاتصالات توسيع تغطية شبكة الجيل الخامس لتشمل ${s.city.ar}، على أن تصل إلى ${counted(s.num('n', 3, 10), 'مدن', 'مدينة')} أخرى قبل نهاية العام.`,
      en: (s) => `5G reaches ${s.city.en}`,
      tags: ['الاتصالات', '5G'],
      category: 'هواتف وتطبيقات',
    },
    {
      title: (s) => `باحثون في جامعة ${s.city.ar} يطورون نظاماً ذكياً لـ${s.pick('ai', AI_USES)[0]}`,
      lead: (s) =>
        `طور فريق من الباحثين في جامعة ${s.city.ar} نظاماً يعتمد على الذكاء الاصطناعي لـ${s.pick('ai', AI_USES)[0]}، وقالوا إن النتائج الأولى تجاوزت توقعاتهم.`,
      en: (s) => `${s.city.en} researchers use AI to ${s.pick('ai', AI_USES)[1]}`,
      tags: ['الذكاء الاصطناعي', 'جامعات'],
      category: 'الذكاء الاصطناعي',
    },
  ],
  health: [
    {
      title: (s) =>
        `حملة تلقيح ضد ${s.pick('disease', DISEASES)[0]} تستهدف ${s.num('n', 11, 90)} ألف طفل في ${s.city.ar}`,
      lead: (s) =>
        `أطلقت وزارة الصحة حملة تلقيح ضد ${s.pick('disease', DISEASES)[0]} تستهدف ${s.num('n', 11, 90)} ألف طفل في ${s.city.ar} وضواحيها، وتستمر أسبوعين.`,
      en: (s) =>
        `${s.pick('disease', DISEASES)[1]} vaccination drive targets ${s.num('n', 11, 90)},000 children in ${s.city.en}`,
      tags: ['اللقاحات', 'الأطفال'],
    },
    {
      title: (s) => `افتتاح قسم لـ${s.pick('dept', DEPARTMENTS)} في مستشفى ${s.city.ar} الحكومي`,
      lead: (s) =>
        `افتتح في مستشفى ${s.city.ar} الحكومي قسم جديد لـ${s.pick('dept', DEPARTMENTS)}، مجهز بـ${s.num('beds', 11, 40)} سريراً وفريق طبي متخصص.`,
      en: (s) => `${s.city.en} state hospital opens a new ward`,
      tags: ['المستشفيات', 'خدمات'],
    },
    {
      title: (s) => `أطباء يحذرون من ${s.pick('risk', RISKS)} مع ارتفاع درجات الحرارة`,
      lead: (s) =>
        `حذر أطباء في ${s.city.ar} من ${s.pick('risk', RISKS)} مع موجة الحر التي تضرب المنطقة، ودعوا إلى الإكثار من شرب الماء وتجنب الخروج وقت الظهيرة.`,
      en: () => `Doctors warn of heat risks`,
      tags: ['الطقس', 'الوقاية'],
    },
    {
      title: (s) => `نقص في ${s.pick('medicine', MEDICINES)} في صيدليات ${s.city.ar} والوزارة تعد بحل قريب`,
      lead: (s) =>
        `يشكو مرضى في ${s.city.ar} منذ أسابيع من نقص ${s.pick('medicine', MEDICINES)} في الصيدليات، فيما قالت وزارة الصحة إن شحنات جديدة ستصل قريباً.`,
      en: (s) => `Medicine shortage in ${s.city.en} pharmacies`,
      tags: ['الأدوية', 'الصيدليات'],
    },
  ],
  opinion: [
    {
      title: (s) => `لماذا ترتفع الإيجارات في ${s.city.ar} كل صيف؟`,
      lead: () => `يعرف كل من بحث عن شقة في الصيف أن الأسعار تقفز فجأة، وأن المالك يملك دائماً سبباً جاهزاً.`,
      en: (s) => `Why do rents in ${s.city.en} jump every summer?`,
      tags: ['السكن', 'مقالات'],
    },
    {
      title: (s) => `هل تنقذ الطاقة الشمسية موسم ${s.pick('crop', CROPS)}؟`,
      lead: () =>
        `على الورق تبدو الألواح الشمسية حلاً سحرياً لمزارع لا يجد الوقود، لكن الحقل لا يعيش على الورق.`,
      en: () => `Can solar power save the harvest?`,
      tags: ['الزراعة', 'مقالات'],
    },
    {
      title: (s) => `${s.city.ar} التي نحبها: ${s.pick('hook', HOOKS)}`,
      lead: () => `نتحدث عن مدينتنا كما نتحدث عن قريب نحبه، فنسامحها على كل شيء إلا على ما نفعله نحن بها.`,
      en: (s) => `The ${s.city.en} we love`,
      tags: ['المدن', 'مقالات'],
    },
    {
      title: (s) => `عن ${s.pick('silent', SILENT_TOPICS)} الذي لا يريد أحد الحديث عنه`,
      lead: () => `هناك موضوعات تمر في نشرات الأخبار مرور الكرام، مع أنها تمس كل بيت تقريباً.`,
      en: () => `The problem nobody wants to talk about`,
      tags: ['المجتمع', 'مقالات'],
    },
  ],
  misc: [
    {
      title: (s) =>
        `${s.person.name} ${v(s.person.female, 'يحول', 'تحول')} سطح منزل في ${s.city.ar} إلى حديقة خضراء`,
      lead: (s) =>
        `${v(s.person.female, 'قرر', 'قررت')} ${s.person.name} قبل عامين أن ${v(s.person.female, 'يستغل', 'تستغل')} سطح المبنى الذي ${v(s.person.female, 'يسكنه', 'تسكنه')} في ${s.city.ar}، واليوم صار السطح حديقة يقصدها الجيران.`,
      en: (s) => `A rooftop garden in ${s.city.en}`,
      tags: ['قصص ملهمة', 'البيئة'],
    },
    {
      title: (s) => `مائدة إفطار جماعية في ${s.city.ar} تجمع ${s.num('n', 2, 9) * 100} شخص من أبناء الحي`,
      lead: (s) =>
        `اجتمع ${s.num('n', 2, 9) * 100} شخص من أبناء الحي القديم في ${s.city.ar} حول مائدة إفطار واحدة امتدت على طول الشارع الرئيسي.`,
      en: (s) => `A street-long iftar in ${s.city.en}`,
      tags: ['رمضان', 'مجتمع'],
    },
    {
      title: (s) => `مكتبة متنقلة تجوب قرى ${s.city.ar} كل أسبوع`,
      lead: (s) =>
        `تنطلق كل يوم سبت حافلة صغيرة محملة بالكتب من وسط ${s.city.ar} نحو القرى المحيطة، حيث ينتظرها الأطفال عند مدخل المدرسة.`,
      en: (s) => `A mobile library tours villages around ${s.city.en}`,
      tags: ['كتب', 'قصص ملهمة'],
    },
  ],
};

const CLAIMS = [
  'العمل سيبدأ مطلع الشهر المقبل',
  'الكلفة ستتوزع على ثلاث مراحل',
  'الأولوية ستكون للمناطق الأكثر حاجة',
  'التمويل مؤمن بالكامل من الموازنة العامة',
  'النتائج الأولى ستظهر قبل نهاية العام',
  'الفرق الفنية أنهت دراسة المواقع',
  'التنسيق مستمر مع البلديات والجمعيات المحلية',
  'الأرقام تعكس تحسناً تدريجياً',
  'الطلب فاق التوقعات في الأسابيع الأولى',
  'الإجراءات الجديدة لن تمس أصحاب الدخل المحدود',
  'المشروع يوفر مئات فرص العمل',
  'الظروف الجوية أخرت الأعمال أسبوعين',
  'الخطة خضعت لمراجعة دقيقة قبل إعلانها',
  'الجهات المعنية ستنشر تقريراً شهرياً عن التقدم',
] as const;
const PAST_EVENTS = [
  'الاحتجاجات على غلاء المعيشة',
  'موجة الحر التي ضربت المنطقة',
  'إقرار الموازنة العامة',
  'انتهاء المرحلة الأولى من المشروع',
  'السيول التي شهدتها المنطقة',
  'تعيين مجلس إدارة جديد',
  'الانتخابات البلدية',
] as const;
const PERIODS = ['أسابيع قليلة', 'أشهر', 'عامين', 'أيام'] as const;
const STAT_SOURCES = [
  'الهيئة العامة للإحصاء',
  'غرفة التجارة',
  'وزارة المالية',
  'تقرير صدر الأسبوع الماضي',
] as const;
const EXPECTATIONS = [
  'تنتهي الأعمال',
  'تنخفض الأسعار تدريجياً',
  'يرتفع عدد المستفيدين',
  'تعلن الحكومة تفاصيل إضافية',
  'تتضح الصورة',
  'تبدأ المرحلة الثانية',
] as const;
const FUTURE_PERIODS = [
  'الأسابيع المقبلة',
  'الربع الأول من العام المقبل',
  'الأيام القليلة المقبلة',
  'فصل الصيف',
] as const;
const COUNTERS = [
  'يرى معارضون أن الخطوة جاءت متأخرة',
  'تقول جمعيات أهلية إن الأرقام الرسمية لا تعكس الواقع',
  'يطالب التجار بمهلة إضافية قبل تطبيق القرار',
  'يشكك خبراء في قدرة الموازنة على تحمل الكلفة',
  'يخشى السكان أن تتكرر وعود السنوات الماضية',
] as const;
const RESIDENTS_SAY = [
  'الخدمة تحسنت لكنها ما زالت أقل من المطلوب',
  'الأسعار ارتفعت أكثر من الرواتب',
  'الطريق كان ينتظر هذه الأعمال منذ سنوات',
  'أحداً لم يستشرهم قبل اتخاذ القرار',
] as const;
const PRIORITIES = [
  'حماية الفئات الأكثر ضعفاً',
  'إنجاز الأعمال في موعدها',
  'استعادة ثقة الناس',
  'ضبط الأسعار في الأسواق',
] as const;
const QUOTES = [
  'نحن أمام فرصة لا تتكرر، والمهم أن نحسن استخدامها',
  'العمل لم ينته بعد، وما زال أمامنا طريق طويل',
  'الأرقام جيدة، لكن الناس يقيسون النتائج في حياتهم اليومية',
  'لن نقبل أن يدفع المواطن ثمن التأخير',
  'كل ما نطلبه أن تكون القرارات واضحة ومعلنة',
  'ما تحقق حتى الآن خطوة أولى فقط',
  'نعمل بما هو متاح، ونحتاج إلى دعم أكبر',
  'الثقة تبنى بالأفعال لا بالتصريحات',
] as const;
const OPINION_SENTENCES = [
  'ليست المشكلة في الأرقام وحدها، بل في الطريقة التي نقرأها بها.',
  'يكفي أن تمشي في الشارع صباحاً لتفهم ما لا تقوله التقارير.',
  'قد يبدو الحل بسيطاً على الورق، لكنه يحتاج إلى إرادة لا إلى لجان جديدة.',
  'السؤال الذي ينبغي أن نطرحه: من يدفع الثمن في النهاية؟',
  'في كل مرة نعد أنفسنا بالتغيير، ثم نعود إلى العادات القديمة نفسها.',
  'ربما آن الأوان لنسمع من الناس قبل أن نقرر عنهم.',
  'لا أحد يطلب المستحيل، بل الحد الأدنى من الاحترام.',
  'والأسوأ أننا اعتدنا الأمر حتى صار جزءاً من المشهد.',
] as const;
const HEADINGS = [
  'خلفية',
  'ماذا بعد؟',
  'أرقام',
  'ردود فعل',
  'الكلفة والتمويل',
  'ما الذي تغير؟',
  'مطالب السكان',
  'الخطوة التالية',
] as const;
const LIST_ITEMS = [
  (s: Slots) => `تمويل بقيمة ${counted(s.num('n', 3, 95), 'ملايين دولار', 'مليون دولار')}`,
  (s: Slots) => `مدة التنفيذ ${s.pick('duration', DURATIONS)}`,
  () => `أولوية للمناطق الريفية والأحياء الشعبية`,
  () => `لجنة متابعة تصدر تقريراً كل شهر`,
  (s: Slots) => `مشاركة ${counted(s.num('partners', 3, 10), 'جمعيات', 'جمعية')} أهلية`,
  () => `موقع إلكتروني لتلقي الشكاوى والاقتراحات`,
] as const;
const CREDIT_ROLES = ['تصوير', 'عدسة'] as const;
const PHOTO_SUBJECTS = [
  'من موقع الحدث',
  'جانب من الاجتماع',
  'مشهد عام للمدينة',
  'أعمال ميدانية',
  'مواطنون في السوق',
  'صورة من الأرشيف',
] as const;
export const COMMENTS = [
  'شكراً على التغطية الدقيقة.',
  'متى يبدأ التنفيذ فعلاً؟ سمعنا هذا الكلام من قبل.',
  'الخبر ناقص، أين رأي السكان أنفسهم؟',
  'نتمنى أن تشمل الخطة قريتنا أيضاً.',
  'معلومات مفيدة، ونرجو متابعة الموضوع.',
  'الأرقام المذكورة تختلف عما نشرته الوزارة أمس.',
  'أحسنتم، هذا ما نحتاجه من الإعلام 👏',
  'الله يعطيكم العافية 🌹🌹',
  'هل من رابط للبيان الرسمي؟',
] as const;

export interface StoryText {
  section: SectionKey;
  title: string;
  titleEn: string;
  /** The dateline city, or null for opinion pieces. */
  place: Place | null;
  lead: string;
  /** Paragraphs after the lead, each 2–3 sentences. */
  paragraphs: string[];
  headings: string[];
  listIntro: string;
  listItems: string[];
  quote: { text: string; speaker: string };
  /** A hand-written summary (not the lead). */
  dek: string;
  subtitle: string;
  source: string;
  photo: { caption: string; alt: string; credit: string };
  /** Topic tags of the template (names), and the city's. */
  tags: string[];
  /** The category the story belongs in, by name, when the template says. */
  category: string | null;
  /** Words for an image file name, ASCII. */
  fileWords: string;
}

function sentence(s: Slots, speaker: Person, role: string, rng: Rng): string {
  const f = speaker.female;
  switch (rng.int(11)) {
    case 0:
      return `و${v(f, 'أوضح', 'أوضحت')} ${role} ${speaker.name}، في تصريح لـ«${SITE_NAME}»، أن ${rng.pick(CLAIMS)}.`;
    case 1:
      return `و${v(f, 'أضاف', 'أضافت')} أن ${rng.pick(CLAIMS)}، ${v(f, 'مشيراً', 'مشيرة')} إلى أن ${rng.pick(CLAIMS)}.`;
    case 2:
      return `ويأتي ذلك بعد ${rng.pick(PERIODS)} من ${rng.pick(PAST_EVENTS)}.`;
    case 3:
      return `وبحسب أرقام ${rng.pick(STAT_SOURCES)}، فإن ${rng.range(3, 40)}% من الأسر ${rng.pick(['تأثرت بالأزمة', 'استفادت من البرنامج', 'تنتظر دورها في القائمة'])}.`;
    case 4:
      return `ومن المتوقع أن ${rng.pick(EXPECTATIONS)} خلال ${rng.pick(FUTURE_PERIODS)}.`;
    case 5:
      return `في المقابل، ${rng.pick(COUNTERS)}.`;
    case 6:
      return `ولم يصدر أي تعليق رسمي على ذلك حتى ساعة إعداد هذا الخبر.`;
    case 7:
      return `و${v(f, 'تابع', 'تابعت')}: «${rng.pick(QUOTES)}».`;
    case 8:
      return `وشهدت ${s.city.ar} خلال الأشهر الماضية ${rng.pick(['نقاشاً واسعاً حول الموضوع', 'تحركات مشابهة', 'شكاوى متكررة من السكان'])}.`;
    case 9:
      return `ويقول سكان إن ${rng.pick(RESIDENTS_SAY)}.`;
    default:
      return `و${v(f, 'أكد', 'أكدت')} أن الأولوية الآن هي ${rng.pick(PRIORITIES)}.`;
  }
}

const SECTIONS_WITH_DATELINE: ReadonlySet<SectionKey> = new Set([
  'news',
  'economy',
  'sports',
  'culture',
  'tech',
  'health',
  'misc',
]);

/** One story of a section, from the stream `rng`. */
export function arabicStory(rng: Rng, section: SectionKey): StoryText {
  const s = new Slots(rng);
  const template = rng.pick(TEMPLATES[section]);
  const title = template.title(s).normalize('NFC');
  const lead = template.lead(s);
  const speaker = s.person;
  const role = rng.pick(ROLES[section])[speaker.female ? 1 : 0];
  const paragraphs: string[] = [];
  const count = rng.range(3, 6);
  for (let p = 0; p < count; p++) {
    const n = rng.range(2, 3);
    const parts: string[] = [];
    for (let k = 0; k < n; k++)
      parts.push(section === 'opinion' ? rng.pick(OPINION_SENTENCES) : sentence(s, speaker, role, rng));
    paragraphs.push(parts.join(' '));
  }
  const headings = rng.sample(HEADINGS, rng.range(1, 2));
  const listItems = rng.sample(LIST_ITEMS, rng.range(3, 4)).map((f) => f(s));
  const place = SECTIONS_WITH_DATELINE.has(section) ? s.city : null;
  const photographer = personName(rng.int(600)).name;
  const subject = rng.pick(PHOTO_SUBJECTS);
  return {
    section,
    title,
    titleEn: capitalise(template.en(s)),
    place,
    lead,
    paragraphs,
    headings,
    listIntro: rng.pick(['أبرز ما تتضمنه الخطة:', 'وتشمل الإجراءات:', 'ما نعرفه حتى الآن:']),
    listItems,
    quote: { text: rng.pick(QUOTES), speaker: `${speaker.name}، ${role}` },
    dek: rng.pick([
      `التفاصيل الكاملة وردود الفعل الأولى من ${s.city.ar}.`,
      `${rng.pick(CLAIMS)}، و${rng.pick(COUNTERS)}.`,
      `ما الذي يعنيه ذلك لسكان ${s.city.ar}؟ إليكم ما نعرفه حتى الآن.`,
    ]),
    subtitle: rng.pick(CLAIMS),
    source: rng.pick(['وكالات', `مراسل ${SITE_NAME} في ${s.city.ar}`, 'خاص', 'بيان رسمي']),
    photo: {
      caption: `${subject} في ${s.city.ar}`,
      alt: `${subject} في ${s.city.ar}`,
      credit: rng.chance(0.3) ? `أرشيف ${SITE_NAME}` : `${rng.pick(CREDIT_ROLES)}: ${photographer}`,
    },
    tags: [...template.tags, ...(place ? [place.ar] : [])],
    category: template.category ?? null,
    fileWords: `${s.city.en.toLowerCase()}-${rng.pick(['scene', 'street', 'meeting', 'market', 'event', 'view'])}`,
  };
}

/** Every topic tag the templates use (the channel declares them all). */
export function templateTags(): string[] {
  const all = new Set<string>();
  for (const list of Object.values(TEMPLATES)) for (const t of list) for (const tag of t.tags) all.add(tag);
  return [...all];
}

const EN_SENTENCES = [
  'Officials said work would begin early next month.',
  'The cost will be spread over three phases, according to the plan.',
  'Residents say they have heard similar promises before.',
  'Traders asked for more time before the new rules apply.',
  'Figures from the statistics office point to a gradual improvement.',
  'No official comment had been made by the time of publication.',
  'Local groups say the official numbers do not reflect what families face.',
  'The first results are expected before the end of the year.',
  'The project is expected to create hundreds of jobs.',
  'Engineers finished surveying the sites last week.',
] as const;
const EN_HEADINGS = ['Background', 'What comes next', 'Reactions', 'The numbers'] as const;

export interface EnglishText {
  lead: string;
  paragraphs: string[];
  heading: string;
  dek: string;
}

/** The English edition's body for a story whose headline is `title`. */
export function englishStory(rng: Rng, title: string, place: Place | null): EnglishText {
  const paragraphs: string[] = [];
  for (let p = rng.range(2, 4); p > 0; p--)
    paragraphs.push(rng.sample(EN_SENTENCES, rng.range(2, 3)).join(' '));
  return {
    lead: `${place ? `${place.en.toUpperCase()} – ` : ''}${title}, ${SITE_NAME_EN} has learned.`,
    paragraphs,
    heading: rng.pick(EN_HEADINGS),
    dek: rng.pick(EN_SENTENCES),
  };
}

/** Clauses a headline can end with, to make it long (the slugs cut at 200 bytes). */
export const TITLE_TAILS = [
  'وسط مطالب بتوضيح آليات التنفيذ والتمويل',
  'في ظل تساؤلات عن الجدول الزمني',
  'بعد اجتماع مطول حضره ممثلون عن الجهات المعنية',
  'رغم تحفظات أبداها عدد من الخبراء',
  'على أن تعلن النتائج الأولى مطلع الشهر المقبل',
  'في خطوة لاقت ترحيباً واسعاً بين السكان',
] as const;

const capitalise = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** "2025" as "٢٠٢٥": some Arabic sites write their headlines' numbers in Arabic-Indic digits. */
export const arabicIndicDigits = (t: string) =>
  t.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
