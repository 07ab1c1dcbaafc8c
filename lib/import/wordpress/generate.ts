/**
 * Generated WordPress exports (WXR 1.2) of an imaginary Arabic news site, for the importer's
 * tests and benchmarks: every case real exports show (../shared/fixtures), at any size, from a
 * seed. Pure and streaming: `generateWxr` yields the XML in chunks of about 64 KB and holds one
 * story at a time, so 50,000 posts take the memory of a few; what a test checks the import
 * against (the counts a WordPress admin shows, and each post's id, status, slug, link, image,
 * views, translation and category path) is handed out post by post and totalled at the end.
 *
 * Every story draws from a PRNG stream of its own (seed, story number), so a story reads the
 * same whatever the export's size.
 */
import type { Writable } from 'node:stream';
import { ExportBuilder } from './generate-builder';
import { writeFurniture } from './generate-furniture';
import { writeStory } from './generate-stories';
import type {
  ExportExpectations,
  ExportTotals,
  GenerateHooks,
  GenerateOptions,
  PostExpectation,
} from './generate-types';

export * from './generate-types';

/**
 * The export as text chunks (about 64 KB each), in file order; the return value totals what was
 * written. Throws RangeError on bad options before yielding anything.
 */
export function* generateWxr(
  options: GenerateOptions,
  hooks: GenerateHooks = {},
): Generator<string, ExportTotals> {
  const b = new ExportBuilder(options, hooks);
  b.header();
  writeFurniture(b);
  for (let i = 0; i < b.stories; i++) {
    writeStory(b, i);
    const chunk = b.take();
    if (chunk) yield chunk;
  }
  b.footer();
  const rest = b.take(true);
  if (rest) yield rest;
  return b.totals();
}

/** Writes the export to a stream, waiting when it is full; resolves with the totals. */
export async function writeWxr(
  out: Writable,
  options: GenerateOptions,
  hooks: GenerateHooks = {},
): Promise<ExportTotals> {
  const gen = generateWxr(options, hooks);
  for (let r = gen.next(); ; r = gen.next()) {
    if (r.done) return r.value;
    if (!out.write(r.value))
      await new Promise<void>((resolve, reject) => {
        const done = (err?: Error) => {
          out.off('drain', done);
          out.off('error', done);
          if (err) reject(err);
          else resolve();
        };
        out.once('drain', () => done());
        out.once('error', done);
      });
  }
}

/** A whole small export in memory, with its expectations (tests; not for large exports). */
export function generateExport(options: GenerateOptions): { xml: string; expectations: ExportExpectations } {
  const posts: PostExpectation[] = [];
  const chunks: string[] = [];
  const gen = generateWxr(options, { onPost: (p) => posts.push(p) });
  for (let r = gen.next(); ; r = gen.next()) {
    if (r.done) return { xml: chunks.join(''), expectations: { ...r.value, posts } };
    chunks.push(r.value);
  }
}
