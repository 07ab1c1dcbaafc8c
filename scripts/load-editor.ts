/**
 * One editor for scripts/load-with-writes.ts, in its own process with its own connection to the
 * database (as a second server instance or the user CLI would be): publishes a new story, edits
 * an earlier one, unpublishes an older one, in a loop, through the same mutations the newsroom
 * uses. Each acknowledged publish is reported to the parent, which checks when readers see it.
 */
import { eq } from 'drizzle-orm';
import { openDb } from '@/db/client';
import { createDraft, transitionArticle, updateArticle, type ArticleFields } from '@/db/mutations/articles';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { users } from '@/db/schema';
import { slugify } from '@/lib/arabic/slug';

const [file, indexArg, pauseArg] = process.argv.slice(2);
const index = Number(indexArg);
const pauseMs = Number(pauseArg);
const send = (message: unknown) => {
  if (process.connected) process.send?.(message);
};

const db = openDb(file!);
const editorSlug = index % 2 === 0 ? 'rana-haddad' : 'newsroom';
const editorId = db.select({ id: users.id }).from(users).where(eq(users.slug, editorSlug)).get()!.id;
let stopping = false;
// The parent gone (finished or crashed): stop after the current step.
process.on('disconnect', () => (stopping = true));
process.on('message', (m) => {
  if (m === 'stop') stopping = true;
});

function fields(sectionId: number, title: string, body: string): ArticleFields {
  return {
    title,
    locale: 'ar',
    slug: slugify(title),
    dek: 'موجز قصير لخبر كتب أثناء اختبار الضغط.',
    body,
    wordCount: body.split(/\s+/).length,
    tags: [],
    sourceOutlet: '',
    sourceAgency: '',
    heroMediaId: null,
    breaking: false,
    breakingUntil: null,
    featured: false,
    seoTitle: null,
    seoDescription: null,
    sectionId,
    authorIds: [editorId],
  };
}

async function main() {
  const sectionId = (await getSectionBySlug(db, 'local'))!.id;
  const mine: { id: number; title: string }[] = [];
  for (let n = 0; !stopping; n++) {
    try {
      // A word nobody else writes, so search finds exactly this story.
      const token = `ضغطتجريبي${'أبجدهوزحطي'[index % 10]}${n.toString(36)}ق${process.pid.toString(36)}`;
      const title = `خبر اختبار الضغط ${token}`;
      const body = `<p>نص الخبر ${token} كتبه المحرر رقم ${index + 1} أثناء القراءة المتزامنة.</p>`;
      const { id, slug } = await createDraft(db, editorId, fields(sectionId, title, body));
      const t0 = Date.now();
      await transitionArticle(db, editorId, id, 'publish');
      send({ kind: 'published', id, slug, title, token, at: Date.now(), ms: Date.now() - t0 });
      mine.push({ id, title });
      await new Promise((r) => setTimeout(r, pauseMs));
      if (mine.length >= 2) {
        const earlier = mine[mine.length - 2]!;
        await updateArticle(db, editorId, earlier.id, fields(sectionId, earlier.title, `<p>نص معدل ${n}.</p>`));
        send({ kind: 'edited', id: earlier.id });
      }
      await new Promise((r) => setTimeout(r, pauseMs));
      if (mine.length >= 4) {
        const older = mine.shift()!;
        await transitionArticle(db, editorId, older.id, 'unpublish');
        send({ kind: 'unpublished', id: older.id });
      }
      await new Promise((r) => setTimeout(r, pauseMs));
    } catch (error) {
      send({
        kind: 'error',
        message:
          error instanceof Error
            ? `${error.name}: ${error.message} ${(error.stack ?? '').split('\n').slice(1, 6).join(' |')}`
            : String(error),
      });
    }
  }
  db.$client.close();
  process.exit(0);
}

void main();
