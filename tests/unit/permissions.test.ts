import { describe, expect, it } from 'vitest';
import { ACTIONS, can, canEditArticle, canPreviewArticle, type Action } from '@/lib/auth/permissions';
import type { UserRole } from '@/db/schema';

// The whole role × action table, written out so a change to permissions is a visible change here.
const EXPECTED: Record<UserRole, Action[]> = {
  writer: ['article.create', 'article.submit', 'media.upload'],
  editor: [
    'article.create',
    'article.submit',
    'article.editAny',
    'article.publish',
    'article.schedule',
    'article.unpublish',
    'article.archive',
    'article.delete',
    'article.viewAll',
    'taxonomy.manage',
    'media.upload',
    'audit.view',
  ],
  admin: [...ACTIONS],
};

const cases = (Object.keys(EXPECTED) as UserRole[]).flatMap((role) =>
  ACTIONS.map((action) => [role, action, EXPECTED[role].includes(action)] as const),
);

describe('role × action matrix', () => {
  it.each(cases)('%s may %s: %s', (role, action, allowed) => {
    expect(can({ id: 1, role }, action)).toBe(allowed);
  });

  it.each(ACTIONS)('a logged-out client may not %s', (action) => {
    expect(can(null, action)).toBe(false);
  });
});

describe('canEditArticle', () => {
  const writer = { id: 7, role: 'writer' as const };
  it.each([
    [[7], 'draft', true],
    [[7], 'review', true],
    [[7], 'published', false],
    [[7], 'scheduled', false],
    [[8], 'draft', false],
  ] as const)('writer, authors %o, status %s → %s', (authorIds, status, expected) => {
    expect(canEditArticle(writer, { authorIds: [...authorIds], status })).toBe(expected);
  });

  it('lets editors edit anyone’s published work and refuses the logged-out', () => {
    expect(canEditArticle({ id: 1, role: 'editor' }, { authorIds: [9], status: 'published' })).toBe(true);
    expect(canEditArticle(null, { authorIds: [9], status: 'draft' })).toBe(false);
  });
});

describe('canPreviewArticle', () => {
  const writer = { id: 7, role: 'writer' as const };
  it.each([
    [[7], 'draft', true],
    [[7], 'review', true],
    [[7], 'scheduled', true],
    [[7], 'published', true],
    [[8], 'draft', false],
    [[8], 'review', false],
  ] as const)('writer, authors %o, status %s → %s', (authorIds, status, expected) => {
    expect(canPreviewArticle(writer, { authorIds: [...authorIds], status })).toBe(expected);
  });

  it('lets editors preview any story and refuses the logged-out', () => {
    expect(canPreviewArticle({ id: 1, role: 'editor' }, { authorIds: [9], status: 'scheduled' })).toBe(true);
    expect(canPreviewArticle(null, { authorIds: [9], status: 'draft' })).toBe(false);
  });
});
