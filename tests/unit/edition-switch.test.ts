import { describe, expect, it } from 'vitest';
import { editionSwitchTarget } from '@/lib/edition-switch';

const pairs: Record<number, { id: number; slug: string; locale: string }> = {
  12: { id: 40, slug: 'harbour-reopens', locale: 'en' },
  40: { id: 12, slug: 'عودة-الميناء', locale: 'ar' },
};
const lookup = async (id: number) => pairs[id] ?? null;

describe('the header edition switch', () => {
  it.each([
    // a story with a live translation goes to it, both ways
    ['/news/12/%D8%B9%D9%88%D8%AF%D8%A9', 'en', '/en/news/40/harbour-reopens'],
    ['/en/news/40/harbour-reopens', 'ar', `/news/12/${encodeURIComponent('عودة-الميناء')}`],
    // a story without one goes to the other edition's home
    ['/news/13/x', 'en', '/en'],
    ['/en/news/41/y', 'ar', '/'],
    // pages both editions have keep their place; search keeps its words, not its page
    ['/category/sports?page=3', 'en', '/en/category/sports'],
    ['/en/latest', 'ar', '/latest'],
    ['/author/layla-nasser', 'en', '/en/author/layla-nasser'],
    ['/search?q=%D9%85%D8%AF%D8%A7%D8%B1%D8%B3&page=2', 'en', `/en/search?q=${encodeURIComponent('مدارس')}`],
    // tags are per edition; home and anything else go home
    ['/tag/%D8%B7%D8%A7%D9%82%D8%A9', 'en', '/en'],
    ['/', 'en', '/en'],
    ['/en', 'ar', '/'],
    ['/admin/articles', 'en', '/en'],
    [null, 'en', '/en'],
    ['//evil.example/x', 'ar', '/'],
  ] as const)('%s → (%s) %s', async (from, to, expected) => {
    await expect(editionSwitchTarget(from, to, lookup)).resolves.toBe(expected);
  });
});
