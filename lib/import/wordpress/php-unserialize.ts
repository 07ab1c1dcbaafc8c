/**
 * PHP's serialize() format, read as data only. Themes pack settings into one meta value this way
 * (tagDiv's td_post_theme_settings holds subtitle and source). Objects (`O:`, `C:`), enums (`E:`)
 * and references (`r:`, `R:`) are refused: reading them is how PHP's own unserialize() becomes
 * code execution, and no field we import needs them. Nothing here evaluates anything.
 *
 * String lengths in the format count bytes, so the input is read as UTF-8 bytes, not JS characters.
 */

export type PhpValue = string | number | boolean | null | PhpArray;
/** A PHP array in its order; keys are ints or strings, as PHP keeps them. */
export type PhpArray = Map<string | number, PhpValue>;

export class PhpUnserializeError extends Error {
  constructor(
    readonly reason: string,
    /** Byte offset in the UTF-8 form of the input. */
    readonly offset: number,
  ) {
    super(`cannot read serialised PHP at byte ${offset}: ${reason}`);
    this.name = 'PhpUnserializeError';
  }
}

/** Nesting beyond this is not settings data; it would only exhaust the stack. */
const MAX_DEPTH = 64;

const REFUSED: Record<string, string> = {
  O: 'objects are refused',
  C: 'objects are refused',
  E: 'enums are refused',
  r: 'references are refused',
  R: 'references are refused',
};

export interface UnserializeOptions {
  /**
   * Accept a string whose byte count is wrong, ending it at the next `";` that a value or the
   * array's end follows. A search-and-replace over the database (a new domain, a fixed typo)
   * changes the text and not the count; pelican's export has such lengths. Off by default.
   */
  repairLengths?: boolean;
}

/** What may follow a string inside serialised data: another value, or the array's end. */
function isContinuation(bytes: Buffer, at: number): boolean {
  if (at === bytes.length) return true;
  const next = String.fromCharCode(bytes[at] ?? 0);
  if (next === '}') return true;
  if (next === 'N') return bytes[at + 1] === 0x3b;
  return 'sibda'.includes(next) && bytes[at + 1] === 0x3a;
}

class Reader {
  pos = 0;
  constructor(
    private readonly bytes: Buffer,
    private readonly repairLengths = false,
  ) {}

  fail(reason: string, at = this.pos): never {
    throw new PhpUnserializeError(reason, at);
  }

  expect(ch: string) {
    if (this.bytes[this.pos] !== ch.charCodeAt(0)) this.fail(`expected "${ch}"`);
    this.pos++;
  }

  /** Bytes up to (not including) `end`, which is consumed. */
  until(end: string): string {
    const i = this.bytes.indexOf(end.charCodeAt(0), this.pos);
    if (i < 0) this.fail(`missing "${end}"`);
    const s = this.bytes.toString('latin1', this.pos, i);
    this.pos = i + 1;
    return s;
  }

  count(end: string): number {
    const at = this.pos;
    const s = this.until(end);
    if (!/^\d+$/.test(s)) this.fail('a length must be a whole number', at);
    return Number(s);
  }

  /** The first `";` after this.pos that a value or "}" follows, or -1. */
  findStringEnd(): number {
    for (let i = this.bytes.indexOf('";', this.pos); i >= 0; i = this.bytes.indexOf('";', i + 1)) {
      if (isContinuation(this.bytes, i + 2)) return i;
    }
    return -1;
  }

  value(depth: number): PhpValue {
    if (depth > MAX_DEPTH) this.fail('nested too deep');
    const at = this.pos;
    const tag = String.fromCharCode(this.bytes[this.pos] ?? 0);
    if (REFUSED[tag]) this.fail(REFUSED[tag]);
    if (tag === 'N') {
      this.pos++;
      this.expect(';');
      return null;
    }
    this.pos++;
    this.expect(':');
    switch (tag) {
      case 'b': {
        const s = this.until(';');
        if (s !== '0' && s !== '1') this.fail('a boolean is 0 or 1', at);
        return s === '1';
      }
      case 'i': {
        const s = this.until(';');
        if (!/^[+-]?\d+$/.test(s)) this.fail('not an integer', at);
        return Number(s);
      }
      case 'd': {
        const s = this.until(';');
        if (s === 'INF') return Infinity;
        if (s === '-INF') return -Infinity;
        if (s === 'NAN') return NaN;
        if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) this.fail('not a number', at);
        return Number(s);
      }
      case 's': {
        const length = this.count(':');
        this.expect('"');
        let end = this.pos + length;
        if (end + 2 > this.bytes.length || this.bytes[end] !== 0x22 || this.bytes[end + 1] !== 0x3b) {
          const repaired = this.repairLengths ? this.findStringEnd() : -1;
          if (repaired < 0) this.fail(`string of ${length} bytes does not end where its length says`, at);
          end = repaired;
        }
        const s = this.bytes.toString('utf8', this.pos, end);
        this.pos = end + 2;
        return s;
      }
      case 'a': {
        const n = this.count(':');
        // Each entry takes at least 4 bytes ("i:0;N;" is 6); a bigger count is a lie.
        if (n * 4 > this.bytes.length - this.pos)
          this.fail(`array of ${n} entries is longer than the input`, at);
        this.expect('{');
        const out: PhpArray = new Map();
        for (let k = 0; k < n; k++) {
          const keyAt = this.pos;
          const key = this.value(depth + 1);
          if (typeof key !== 'string' && typeof key !== 'number')
            this.fail('an array key is an int or a string', keyAt);
          out.set(key, this.value(depth + 1));
        }
        this.expect('}');
        return out;
      }
      default:
        return this.fail(`unknown type "${tag}"`, at);
    }
  }
}

/** The value of a serialised string; throws PhpUnserializeError on anything malformed or refused. */
export function unserializePhp(input: string, options: UnserializeOptions = {}): PhpValue {
  const r = new Reader(Buffer.from(input, 'utf8'), options.repairLengths);
  const v = r.value(0);
  if (r.pos !== Buffer.byteLength(input, 'utf8')) r.fail('trailing bytes after the value');
  return v;
}

/** True for values WordPress would have serialised (maybe_unserialize's test, loosely). */
export function looksSerialized(value: string): boolean {
  return /^(?:[abdiOCs]:|N;)/.test(value.trim()) && /[;}]$/.test(value.trim());
}

/** A string field of a serialised array (`td_subtitle` of td_post_theme_settings), or null. */
export function phpArrayString(value: PhpValue, key: string): string | null {
  if (!(value instanceof Map)) return null;
  const v = value.get(key);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}
