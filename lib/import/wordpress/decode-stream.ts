/**
 * Bytes to text across chunk boundaries. A read stream cuts the file wherever its buffer ends,
 * often inside a two-byte Arabic letter or a four-byte emoji; decoding each chunk on its own would
 * turn both halves into U+FFFD. TextDecoder in streaming mode keeps the unfinished bytes for the
 * next chunk.
 */

/** Enough of the head to hold a BOM and the XML declaration. */
const HEAD_BYTES = 1024;

/**
 * The encoding a document declares: a byte-order mark first, then `<?xml … encoding="…"?>`,
 * else UTF-8 (XML's default). WordPress writes UTF-8, but sites on old Arabic hosting sometimes
 * declared windows-1256.
 */
export function detectXmlEncoding(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const start = new TextDecoder('latin1').decode(head.subarray(0, HEAD_BYTES));
  const m = /^\s*<\?xml[^?]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(start);
  return m ? m[1]!.toLowerCase() : 'utf-8';
}

export class UnsupportedEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`the file declares encoding "${encoding}", which this server cannot decode`);
    this.name = 'UnsupportedEncodingError';
  }
}

/**
 * Text chunks from byte chunks, whatever the chunk sizes (one byte at a time included). Invalid
 * byte sequences become U+FFFD rather than stopping the import: one damaged byte in a 500 MB
 * archive should cost one character, not the file.
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let head: Uint8Array[] = [];
  let headLength = 0;

  const open = (bytes: Uint8Array): TextDecoder => {
    const encoding = detectXmlEncoding(bytes);
    try {
      return new TextDecoder(encoding);
    } catch {
      throw new UnsupportedEncodingError(encoding);
    }
  };

  for await (const chunk of chunks) {
    if (!decoder) {
      head.push(chunk);
      headLength += chunk.byteLength;
      if (headLength < HEAD_BYTES) continue;
      const bytes = Buffer.concat(head);
      head = [];
      decoder = open(bytes);
      const text = decoder.decode(bytes, { stream: true });
      if (text) yield text;
      continue;
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  if (!decoder) {
    const bytes = Buffer.concat(head);
    decoder = open(bytes);
    const text = decoder.decode(bytes, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
