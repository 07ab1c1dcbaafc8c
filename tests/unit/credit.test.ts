import { describe, expect, it } from 'vitest';
import { cleanCredit } from '@/lib/media/credit';

describe('photo credits', () => {
  it.each([
    ['تصوير: رنا خوري', 'رنا خوري'],
    ['تصوير : رنا خوري', 'رنا خوري'],
    ['تصوير:رنا خوري', 'رنا خوري'],
    ['Photo: Rana Khoury', 'Rana Khoury'],
    ['photo by: AFP', 'AFP'],
    ['تصوير: Photo: سانا', 'سانا'],
    ['  سانا  ', 'سانا'],
    ['رنا خوري / مداد', 'رنا خوري / مداد'],
    // A name that merely starts with the word is kept.
    ['تصويري الخاص', 'تصويري الخاص'],
    ['', ''],
  ])('%j is stored and printed as %j', (typed, stored) => {
    expect(cleanCredit(typed)).toBe(stored);
  });
});
