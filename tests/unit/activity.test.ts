import { describe, expect, it } from 'vitest';
import { describeActivity, formatActivityTime, type ActivityInput } from '@/lib/admin/activity';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';

const row = (over: Partial<ActivityInput>): ActivityInput => ({
  action: 'article.publish',
  entity: 'article',
  entityId: 7,
  details: null,
  userName: 'رنا خوري',
  articleTitle: 'عنوان',
  articleDeleted: false,
  tagName: null,
  sectionName: null,
  sectionNameEn: null,
  subjectName: null,
  ...over,
});
const ctx = { locale: 'ar', system: 'النظام', roleName: (r: string) => `<${r}>`, formatAt: () => 'الساعة' };

function messageAt(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((m, k) => (m as Record<string, unknown> | undefined)?.[k], messages);
}

describe('audit rows as sentences', () => {
  it('links a live story, not a deleted one, and falls back for unknown actions', () => {
    expect(describeActivity(row({}), ctx)).toMatchObject({ key: 'article.publish', articleId: 7 });
    expect(describeActivity(row({ articleDeleted: true }), ctx).articleId).toBeNull();
    const unknown = describeActivity(row({ action: 'robot.dance' }), ctx);
    expect(unknown.key).toBe('generic');
    expect(unknown.values.action).toBe('robot.dance');
  });

  it('names the system when no one acted, and the schedule time when there is one', () => {
    expect(
      describeActivity(row({ userName: null, action: 'article.scheduledPublish' }), ctx).values.actor,
    ).toBe('النظام');
    const scheduled = describeActivity(
      row({ action: 'article.schedule', details: { at: '2026-12-01T10:00:00.000Z' } }),
      ctx,
    );
    expect(scheduled).toMatchObject({ key: 'article.schedule', values: { at: 'الساعة' } });
    expect(describeActivity(row({ action: 'article.schedule' }), ctx).key).toBe('article.scheduleNoTime');
  });

  it.each([
    'article.create',
    'article.update',
    'article.submit',
    'article.publish',
    'article.schedule',
    'article.unpublish',
    'article.archive',
    'article.delete',
    'article.scheduledPublish',
    'article.correction',
    'article.move',
    'user.create',
    'user.password',
    'user.disable',
    'user.enable',
    'user.role',
    'user.profile',
    'setup.complete',
    'section.create',
    'section.update',
    'tag.update',
    'media.upload',
    'settings.update',
  ])('%s has a sentence in both editions', (action) => {
    const { key } = describeActivity(row({ action, details: { at: '2026-12-01T10:00:00.000Z' } }), ctx);
    expect(key).toBe(action);
    expect(messageAt(ar.Admin.activity, key)).toEqual(expect.any(String));
    expect(messageAt(en.Admin.activity, key)).toEqual(expect.any(String));
  });
});

describe('when it happened', () => {
  const settings = { months: 'levantine', digits: 'latn', hijri: false, timeZone: 'Asia/Damascus' } as const;
  it('prints the site’s time zone in each edition’s words', () => {
    // 21:30 UTC is 00:30 the next day in Damascus (UTC+3).
    const at = new Date('2026-12-01T21:30:00Z');
    expect(formatActivityTime(at, 'ar', settings)).toContain('2 كانون الأول 2026');
    expect(formatActivityTime(at, 'en', settings)).toBe('2 Dec 2026, 00:30');
  });
});
