import type { ArticleStatus, UserRole } from '@/db/schema';

/**
 * Everything a newsroom user can ask the server to do. Each server action and route handler
 * names one of these and calls `can` (or `canEditArticle`) before touching anything.
 */
export const ACTIONS = [
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
  'users.manage',
  'settings.manage',
  'audit.view',
] as const;
export type Action = (typeof ACTIONS)[number];

const WRITER: Action[] = ['article.create', 'article.submit', 'media.upload'];
const EDITOR: Action[] = [
  ...WRITER,
  'article.editAny',
  'article.publish',
  'article.schedule',
  'article.unpublish',
  'article.archive',
  'article.delete',
  'article.viewAll',
  'taxonomy.manage',
  'audit.view',
];
const ADMIN: Action[] = [...EDITOR, 'users.manage', 'settings.manage'];

const MATRIX: Record<UserRole, ReadonlySet<Action>> = {
  writer: new Set(WRITER),
  editor: new Set(EDITOR),
  admin: new Set(ADMIN),
};

export interface Actor {
  id: number;
  role: UserRole;
}

export function can(actor: Actor | null, action: Action): boolean {
  return actor !== null && MATRIX[actor.role].has(action);
}

/**
 * CASE: editors and admins edit any article.
 * CASE: a writer edits only an article they author, and only before it is published or scheduled
 * (once an editor has taken it, changes go through an editor).
 */
export function canEditArticle(
  actor: Actor | null,
  article: { authorIds: number[]; status: ArticleStatus },
): boolean {
  if (!actor) return false;
  if (can(actor, 'article.editAny')) return true;
  return article.authorIds.includes(actor.id) && (article.status === 'draft' || article.status === 'review');
}

/**
 * CASE: editors and admins correct, re-crop and delete any image in the library.
 * CASE: a writer may do so only for images they uploaded themselves (media.uploaded_by); seeded
 * and older images (no uploader) and other people's uploads are the editors' to change.
 */
export function canManageMedia(actor: Actor | null, uploadedBy: number | null): boolean {
  if (!actor) return false;
  if (can(actor, 'article.editAny')) return true;
  return can(actor, 'media.upload') && uploadedBy !== null && uploadedBy === actor.id;
}

/**
 * Who may open /admin/articles/{id}/preview.
 * CASE: editors and admins preview any story, in any status.
 * CASE: a writer previews every story they author, whatever its status: they may still be asked to
 * change it (review, scheduled) and they answer for it once it is live. Another writer's story
 * is a 404 to them, as in the editor.
 */
export function canPreviewArticle(
  actor: Actor | null,
  article: { authorIds: number[]; status: ArticleStatus },
): boolean {
  if (!actor) return false;
  return can(actor, 'article.editAny') || article.authorIds.includes(actor.id);
}
