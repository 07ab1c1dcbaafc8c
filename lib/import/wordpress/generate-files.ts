/**
 * A generated export written to disk: the XML, its expectations as JSON beside it
 * (`out.xml.expect.json`, streamed post by post), and, when asked, the images its attachments
 * name under an uploads folder (`DIR/2025/05/name.jpg` and the resized copies), except those the
 * export says are missing. The images are real JPEG and PNG files made with sharp: a few are
 * drawn, and each file gets its own comment segment so that no two files are byte-identical.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import sharp from 'sharp';
import {
  describeGenerator,
  generateWxr,
  type ExportTotals,
  type GenerateOptions,
  type UploadFile,
} from './generate';

export interface WriteExportOptions extends GenerateOptions {
  /** Write the attachments' image files under this folder. */
  uploadsDir?: string;
  /** Where the expectations go; default `<xml>.expect.json`. */
  expectPath?: string;
}

export interface WriteExportResult {
  totals: ExportTotals;
  xmlBytes: number;
  expectPath: string;
  uploads: { files: number; bytes: number };
  ms: number;
  /** The largest resident set size seen while writing, in bytes. */
  peakRss: number;
}

function write(stream: Writable, text: string): Promise<void> | null {
  if (stream.write(text)) return null;
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      stream.off('drain', onDrain);
      reject(err);
    };
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

function finish(stream: fs.WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

/** Colours of the drawn photos: sky, ground. */
const PALETTE: readonly [string, string][] = [
  ['#9cc3e6', '#5b7f3a'],
  ['#f2c57c', '#8a5a2b'],
  ['#b7d3c9', '#3f6b5c'],
  ['#d9b8d9', '#6b4a6b'],
  ['#c9d6e3', '#50606e'],
  ['#f4a582', '#7a3b2e'],
];

/** A JPEG with a comment segment (FF FE) right after its start marker; PNGs are left alone. */
function withComment(image: Buffer, comment: string): Buffer {
  if (image[0] !== 0xff || image[1] !== 0xd8) return image;
  const text = Buffer.from(comment, 'utf8');
  const length = text.length + 2;
  return Buffer.concat([
    image.subarray(0, 2),
    Buffer.from([0xff, 0xfe, length >> 8, length & 0xff]),
    text,
    image.subarray(2),
  ]);
}

/** Writes an attachment's files; draws each (colour, size, format) once. */
export class UploadWriter {
  private readonly images = new Map<string, Promise<Buffer>>();
  private readonly dirs = new Set<string>();
  files = 0;
  bytes = 0;

  constructor(private readonly root: string) {}

  private draw(width: number, height: number, shade: number, png: boolean): Promise<Buffer> {
    const key = `${shade}:${width}x${height}:${png ? 'png' : 'jpg'}`;
    let image = this.images.get(key);
    if (!image) {
      const [sky, ground] = PALETTE[shade]!;
      const r = Math.round(Math.min(width, height) / 8);
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="${sky}"/>
<circle cx="${Math.round(width * 0.75)}" cy="${Math.round(height * 0.3)}" r="${r}" fill="#fff4c2"/>
<path d="M0 ${Math.round(height * 0.7)} Q ${Math.round(width * 0.3)} ${Math.round(height * 0.5)} ${Math.round(width * 0.6)} ${Math.round(height * 0.68)} T ${width} ${Math.round(height * 0.62)} V ${height} H 0 Z" fill="${ground}"/>
</svg>`;
      const pipeline = sharp(Buffer.from(svg));
      image = (png ? pipeline.png() : pipeline.jpeg({ quality: 70 })).toBuffer();
      this.images.set(key, image);
    }
    return image;
  }

  private async put(file: string, data: Buffer) {
    const target = path.join(this.root, file);
    const dir = path.dirname(target);
    if (!this.dirs.has(dir)) {
      await fs.promises.mkdir(dir, { recursive: true });
      this.dirs.add(dir);
    }
    await fs.promises.writeFile(target, data);
    this.files++;
    this.bytes += data.length;
  }

  async write(u: UploadFile): Promise<void> {
    const shade = u.attachmentId % PALETTE.length;
    const png = u.mime === 'image/png';
    const all = [{ file: u.file, width: u.width, height: u.height }, ...u.sizes];
    for (const f of all) {
      const image = await this.draw(f.width, f.height, shade, png);
      await this.put(f.file, withComment(image, `attachment ${u.attachmentId}: ${path.basename(f.file)}`));
    }
  }
}

const UPLOAD_BATCH = 8;

/** Writes the export, its expectations and (optionally) its uploads; see the file comment. */
export async function writeExportFiles(
  xmlPath: string,
  options: WriteExportOptions,
): Promise<WriteExportResult> {
  const started = Date.now();
  const info = describeGenerator(options);
  const expectPath = options.expectPath ?? `${xmlPath}.expect.json`;
  const xml = fs.createWriteStream(xmlPath);
  const expect = fs.createWriteStream(expectPath);
  const uploads = options.uploadsDir ? new UploadWriter(options.uploadsDir) : null;
  let peakRss = process.memoryUsage.rss();

  let posts: string[] = [];
  let pending: UploadFile[] = [];
  let firstPost = true;
  const gen = generateWxr(options, {
    onPost: (p) => {
      posts.push(`${firstPost ? '' : ',\n'}${JSON.stringify(p)}`);
      firstPost = false;
    },
    onUpload: uploads ? (u) => pending.push(u) : undefined,
  });

  await write(expect, `{\n"generator": ${JSON.stringify(info)},\n"posts": [\n`);
  let totals: ExportTotals;
  for (let r = gen.next(); ; r = gen.next()) {
    if (r.done) {
      totals = r.value;
      break;
    }
    await write(xml, r.value);
    if (posts.length > 0) {
      const text = posts.join('');
      posts = [];
      await write(expect, text);
    }
    if (uploads && pending.length > 0) {
      const batch = pending;
      pending = [];
      for (let k = 0; k < batch.length; k += UPLOAD_BATCH)
        await Promise.all(batch.slice(k, k + UPLOAD_BATCH).map((u) => uploads.write(u)));
    }
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  await write(
    expect,
    `${posts.join('')}\n],\n"admin": ${JSON.stringify(totals.admin)},\n"summary": ${JSON.stringify(totals.summary)}\n}\n`,
  );
  if (uploads) for (const u of pending) await uploads.write(u);
  await Promise.all([finish(xml), finish(expect)]);
  return {
    totals,
    xmlBytes: fs.statSync(xmlPath).size,
    expectPath,
    uploads: { files: uploads?.files ?? 0, bytes: uploads?.bytes ?? 0 },
    ms: Date.now() - started,
    peakRss,
  };
}
