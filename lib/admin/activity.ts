import { formatArabicDate, formatArabicTime, type DateSettings } from '@/lib/arabic/dates';

/**
 * How an audit row becomes a sentence: which message (Admin.activity.<entity>.<verb>) and what
 * goes in it. Pure, so the mapping is tested without a page; the component renders it with links.
 */

export interface ActivityInput {
  action: string;
  entity: string;
  entityId: number | null;
  details: Record<string, unknown> | null;
  userName: string | null;
  articleTitle: string | null;
  articleDeleted: boolean | null;
  tagName: string | null;
  sectionName: string | null;
  sectionNameEn: string | null;
  subjectName: string | null;
}

export interface ActivitySentence {
  /** A key under Admin.activity (nested: "article.publish"), or "generic". */
  key: string;
  values: Record<string, string>;
  /** The story the sentence names, linked to its editor unless it is deleted. */
  articleId: number | null;
}

/** Every action the app writes to the audit log; anything else reads as the generic sentence. */
export const KNOWN_ACTIONS = new Set([
  'article.create',
  'article.update',
  'article.submit',
  'article.publish',
  'article.schedule',
  'article.unpublish',
  'article.archive',
  'article.delete',
  'article.restore',
  'article.return',
  'article.unschedule',
  'article.lockTakeover',
  'article.unsavedCopy',
  'article.scheduledPublish',
  'article.correction',
  'article.move',
  'user.create',
  'user.password',
  'user.disable',
  'user.enable',
  'user.role',
  'user.profile',
  'user.invite',
  'user.resetLink',
  'user.passwordFromLink',
  'setup.complete',
  'section.create',
  'section.update',
  'tag.update',
  'tag.merge',
  'tag.delete',
  'media.upload',
  'media.update',
  'media.focal',
  'media.delete',
  'settings.update',
  'page.update',
]);

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export function describeActivity(
  row: ActivityInput,
  ctx: { locale: string; system: string; roleName: (role: string) => string; formatAt: (d: Date) => string },
): ActivitySentence {
  const d = row.details ?? {};
  const section = ctx.locale === 'en' ? row.sectionNameEn || row.sectionName : row.sectionName;
  const at = typeof d.at === 'string' && !Number.isNaN(Date.parse(d.at)) ? ctx.formatAt(new Date(d.at)) : '';
  const values: Record<string, string> = {
    actor: row.userName ?? ctx.system,
    // A story whose row is gone keeps its number, so the sentence still says which one it was.
    title: row.articleTitle ?? (row.entityId ? `#${row.entityId}` : ''),
    name: row.subjectName || str(d.name) || str(d.title),
    role: d.role ? ctx.roleName(str(d.role)) : '',
    section: section || str(d.slug) || str(d.to),
    tag: row.tagName || str(d.toName) || str(d.to),
    from: str(d.fromName) || str(d.from),
    at,
    action: row.action,
  };
  if (!values.name) values.name = row.entityId ? `#${row.entityId}` : '';
  const known = KNOWN_ACTIONS.has(row.action);
  // CASE: a schedule row without a readable time still reads as a sentence (no empty «في »).
  const key = !known
    ? 'generic'
    : row.action === 'article.schedule' && !at
      ? 'article.scheduleNoTime'
      : row.action;
  const articleId = row.entity === 'article' && row.entityId && !row.articleDeleted ? row.entityId : null;
  return { key, values, articleId };
}

/**
 * When an audit row happened, in the site's zone: the Arabic newsroom in its month names and
 * digits, the English one in English.
 */
export function formatActivityTime(date: Date, locale: string, s: DateSettings): string {
  if (locale === 'en')
    return new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: s.timeZone,
    }).format(date);
  return `${formatArabicDate(date, s)} ${formatArabicTime(date, s)}`;
}
