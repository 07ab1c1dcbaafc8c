import { normaliseForSearch } from './normalise';

/**
 * Broken plurals change the inside of a word (مدرسة → مدارس), so no affix rule joins them to
 * their singulars. This is a short lexicon of the plurals news copy uses most, each mapped to its
 * singular; the stemmer swaps a plural for its singular before cutting suffixes, so both sides of
 * a search meet on the singular's stem ("مدارس" and "المدرسة" → "مدرس"). The exact column keeps
 * the word as written, so a story using the very word a reader typed still ranks first.
 *
 * Left out on purpose: plurals that are also common words of another meaning in news copy
 * (كتب "wrote", فرق "difference", معارض "opponent", مزارع "farmer", أسهم "contributed", أشهر
 * "most famous", طرق "methods", علماء → عالم "world", حدود → حد "extent", ديون → دين "religion",
 * أعوام → عام "public", أسر "captivity"), and sound plurals (ـون ـين ـات), which the suffix
 * rules already handle. نساء maps to مرأة, the form inside المرأة, the spelling news uses most.
 */
const PAIRS: [plural: string, singular: string][] = [
  // places
  ['مدارس', 'مدرسة'],
  ['مدن', 'مدينة'],
  ['قرى', 'قرية'],
  ['دول', 'دولة'],
  ['بلدان', 'بلد'],
  ['عواصم', 'عاصمة'],
  ['أقاليم', 'إقليم'],
  ['مناطق', 'منطقة'],
  ['أحياء', 'حي'],
  ['شوارع', 'شارع'],
  ['جسور', 'جسر'],
  ['أسواق', 'سوق'],
  ['متاجر', 'متجر'],
  ['مطاعم', 'مطعم'],
  ['فنادق', 'فندق'],
  ['مصانع', 'مصنع'],
  ['مكاتب', 'مكتب'],
  ['مراكز', 'مركز'],
  ['مواقع', 'موقع'],
  ['أماكن', 'مكان'],
  ['مساجد', 'مسجد'],
  ['كنائس', 'كنيسة'],
  ['متاحف', 'متحف'],
  ['مسارح', 'مسرح'],
  ['ملاعب', 'ملعب'],
  ['حدائق', 'حديقة'],
  ['بيوت', 'بيت'],
  ['منازل', 'منزل'],
  ['مبان', 'مبنى'],
  ['مباني', 'مبنى'],
  ['شقق', 'شقة'],
  ['أراض', 'أرض'],
  ['أراضي', 'أرض'],
  ['محاكم', 'محكمة'],
  ['سجون', 'سجن'],
  ['موانئ', 'ميناء'],
  ['سواحل', 'ساحل'],
  ['شواطئ', 'شاطئ'],
  ['جزر', 'جزيرة'],
  ['جبال', 'جبل'],
  ['أنهار', 'نهر'],
  ['بحار', 'بحر'],
  ['حقول', 'حقل'],
  ['آبار', 'بئر'],
  ['سدود', 'سد'],
  // people
  ['أطفال', 'طفل'],
  ['رجال', 'رجل'],
  ['نساء', 'مرأة'],
  ['طلاب', 'طالب'],
  ['أساتذة', 'أستاذ'],
  ['أطباء', 'طبيب'],
  ['مرضى', 'مريض'],
  ['عمال', 'عامل'],
  ['تجار', 'تاجر'],
  ['وزراء', 'وزير'],
  ['نواب', 'نائب'],
  ['سفراء', 'سفير'],
  ['رؤساء', 'رئيس'],
  ['زعماء', 'زعيم'],
  ['قادة', 'قائد'],
  ['شعراء', 'شاعر'],
  ['قضاة', 'قاض'],
  ['شهود', 'شاهد'],
  ['ضحايا', 'ضحية'],
  ['جرحى', 'جريح'],
  ['قتلى', 'قتيل'],
  ['أندية', 'نادي'],
  ['أحزاب', 'حزب'],
  ['جيوش', 'جيش'],
  // things and ideas
  ['أخبار', 'خبر'],
  ['تقارير', 'تقرير'],
  ['صحف', 'صحيفة'],
  ['أفلام', 'فيلم'],
  ['جوائز', 'جائزة'],
  ['ألقاب', 'لقب'],
  ['أهداف', 'هدف'],
  ['برامج', 'برنامج'],
  ['مشاريع', 'مشروع'],
  ['مشاكل', 'مشكلة'],
  ['أفكار', 'فكرة'],
  ['أسباب', 'سبب'],
  ['نتائج', 'نتيجة'],
  ['قوانين', 'قانون'],
  ['قواعد', 'قاعدة'],
  ['حقوق', 'حق'],
  ['أسلحة', 'سلاح'],
  ['حروب', 'حرب'],
  ['أجهزة', 'جهاز'],
  ['أدوية', 'دواء'],
  ['سفن', 'سفينة'],
  ['أسعار', 'سعر'],
  ['أموال', 'مال'],
  ['ضرائب', 'ضريبة'],
  ['قروض', 'قرض'],
  ['بنوك', 'بنك'],
  ['مصارف', 'مصرف'],
  ['سلع', 'سلعة'],
  ['بضائع', 'بضاعة'],
  ['محاصيل', 'محصول'],
  ['فواكه', 'فاكهة'],
  ['أشجار', 'شجرة'],
  ['مياه', 'ماء'],
  ['أمطار', 'مطر'],
  ['رياح', 'ريح'],
  ['ثلوج', 'ثلج'],
  ['أرقام', 'رقم'],
  ['أيام', 'يوم'],
  ['أسابيع', 'أسبوع'],
  ['شهور', 'شهر'],
  ['قرون', 'قرن'],
  ['ملايين', 'مليون'],
  ['آلاف', 'ألف'],
  ['دروس', 'درس'],
];

/** English irregular plurals, for the English edition. */
const ENGLISH_PAIRS: [plural: string, singular: string][] = [
  ['children', 'child'],
  ['women', 'woman'],
  ['men', 'man'],
  ['people', 'person'],
  ['mice', 'mouse'],
  ['teeth', 'tooth'],
  ['feet', 'foot'],
  ['lives', 'life'],
  ['wives', 'wife'],
  ['knives', 'knife'],
  ['leaves', 'leaf'],
  ['shelves', 'shelf'],
  ['thieves', 'thief'],
  ['crises', 'crisis'],
  ['analyses', 'analysis'],
];

const SINGULAR = new Map<string, string>(
  [...PAIRS, ...ENGLISH_PAIRS].map(([plural, singular]) => [
    normaliseForSearch(plural),
    normaliseForSearch(singular),
  ]),
);

/** The singular of a normalised broken plural, or the word itself. */
export function singularOf(word: string): string {
  return SINGULAR.get(word) ?? word;
}
