import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 10;

// CASE: scrypt with N=2^17, r=8, p=1 (128 MiB and a few hundred milliseconds per hash), the cost
// OWASP's cheat sheet and ASVS 5.0 ask for. Every stored hash names its own parameters, so a hash
// made at an older cost still verifies and is replaced at that person's next successful login.
export const PASSWORD_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
// Refuse stored parameters far outside what this code ever wrote: a tampered row must not make
// one login allocate gigabytes or spin for minutes.
const MAX_N = 2 ** 20;

type Params = { N: number; r: number; p: number };

/** Always the callback form of crypto.scrypt: it runs on libuv's pool and never blocks the event loop. */
function scrypt(password: string, salt: Buffer, opts: Params): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      // scrypt needs about 128·N·r·p bytes; Node's default ceiling (32 MiB) is below that at 2^17.
      { ...opts, maxmem: 2 * 128 * opts.N * opts.r * opts.p },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/** "scrypt$N$r$p$salt$hash", all that is needed to verify later even if the defaults change. */
export async function hashPassword(password: string, params: Params = PASSWORD_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

function parseHash(stored: string | null): (Params & { salt: Buffer; hash: Buffer }) | null {
  const parts = stored?.split('$') ?? [];
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const valid =
    Number.isInteger(N) &&
    N > 1 &&
    N <= MAX_N &&
    (N & (N - 1)) === 0 &&
    r >= 1 &&
    r <= 32 &&
    p >= 1 &&
    p <= 4;
  if (!valid) return null;
  return { N, r, p, salt: Buffer.from(parts[4]!, 'base64url'), hash: Buffer.from(parts[5]!, 'base64url') };
}

/** The scrypt cost a check of `stored` spends: a missing or broken hash costs today's. */
export function verificationCost(stored: string | null): Params {
  const parsed = parseHash(stored);
  return parsed ? { N: parsed.N, r: parsed.r, p: parsed.p } : PASSWORD_PARAMS;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = parseHash(stored);
  // CASE: no hash (unknown e-mail, invited but no password yet, a broken row) runs the same
  // scrypt at today's cost against a random salt, so a missing account is not told apart by timing.
  const actual = await scrypt(password, parsed?.salt ?? randomBytes(16), verificationCost(stored));
  if (!parsed) return false;
  return actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
}

/** True when a stored hash was made at a different cost than today's and should be replaced. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return (
    !parsed ||
    parsed.N !== PASSWORD_PARAMS.N ||
    parsed.r !== PASSWORD_PARAMS.r ||
    parsed.p !== PASSWORD_PARAMS.p
  );
}

export type PasswordProblem = 'tooShort' | 'tooCommon' | 'sameAsEmail';

/** Why a new password is refused, or null when it is acceptable. */
export function checkNewPassword(password: string, email = ''): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'tooShort';
  const lower = password.toLowerCase();
  if (
    COMMON_PASSWORDS.has(lower) ||
    /^(.)\1+$/.test(password) ||
    /^(?:0123456789|1234567890|9876543210)/.test(password)
  ) {
    return 'tooCommon';
  }
  if (email && lower === email.toLowerCase()) return 'sameAsEmail';
  return null;
}
