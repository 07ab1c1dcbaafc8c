import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';

const t = createTranslator({ locale: 'ar', messages: ar, namespace: 'Admin' });

function pluralMessages(o: unknown, path = ''): [string, string][] {
  if (typeof o === 'string') return /\{count, plural,/.test(o) ? [[path, o]] : [];
  if (o && typeof o === 'object')
    return Object.entries(o).flatMap(([k, v]) => pluralMessages(v, path ? `${path}.${k}` : k));
  return [];
}

describe('newsroom counts in Arabic', () => {
  it.each([
    [0, 'لا أخبار'],
    [1, 'خبر واحد'],
    [2, 'خبران'],
    [3, '3 أخبار'],
    [11, '11 خبراً'],
    [100, '100 خبر'],
  ])('%i stories read «%s»', (count, text) => {
    expect(t('editor.list.count', { count, n: String(count) })).toBe(text);
  });

  it('says how many stories a bulk action changed and skipped', () => {
    expect(t('editor.list.bulkDone', { count: 2, n: '2' })).toBe('طُبّق الإجراء على خبرين.');
    expect(t('editor.list.bulkSkipped', { count: 11, n: '11' })).toContain('11 خبراً');
  });

  it('gives every Arabic plural in the newsroom all six forms, and English a plural too', () => {
    const found = pluralMessages(ar.Admin);
    expect(found.length).toBeGreaterThan(3);
    for (const [path, message] of found) {
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other'])
        expect(message, `${path} lacks ${form}`).toMatch(new RegExp(`\\b${form} \\{`));
      const english = path.split('.').reduce<unknown>((m, k) => (m as Record<string, unknown>)[k], en.Admin);
      expect(english, path).toMatch(/\{count, plural,/);
    }
  });
});
