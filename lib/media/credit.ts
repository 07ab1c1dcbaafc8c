/**
 * A photo credit as stored and printed: the site prints «تصوير: » (or "Photo: ") before it, so a
 * label the editor typed themselves is dropped, on save and again on render (for older rows),
 * and readers never see «تصوير: تصوير: …».
 */
const TYPED_LABEL = /^\s*(?:تصوير|الصورة|صورة|photo(?:graph)?(?:\s+by)?|credit|image)\s*[:：\-–—]\s*/iu;

export function cleanCredit(credit: string): string {
  let out = credit.trim();
  // «تصوير: Photo: …» once pasted from another page: strip every leading label.
  for (let i = 0; i < 3 && TYPED_LABEL.test(out); i++) out = out.replace(TYPED_LABEL, '').trim();
  return out;
}
