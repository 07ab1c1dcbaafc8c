/**
 * Newsroom accounts from the shell (DATA_DIR selects the database):
 *   npm run user -- create --email a@b.c --name "ليلى" --role editor   (password read from MIDAD_PASSWORD or prompted)
 *   npm run user -- reset-password --email a@b.c
 *   npm run user -- disable --email a@b.c
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { openDb } from '@/db/client';
import { EmailTakenError, createUser, setUserDisabled, setUserPassword } from '@/db/mutations/users';
import { getUserByEmailForLogin } from '@/db/queries/users';
import { USER_ROLES, type UserRole } from '@/db/schema';
import { asciiSlug } from '@/lib/arabic/slug';
import { checkNewPassword, hashPassword } from '@/lib/auth/password';
import { getDatabasePath } from '@/lib/config';

function fail(message: string): never {
  console.error(`user: ${message}`);
  process.exit(2);
}

async function readPassword(email: string): Promise<string> {
  let password = process.env.MIDAD_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) fail('set MIDAD_PASSWORD or run in a terminal to be asked');
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question('password: ');
    rl.close();
  }
  const problem = checkNewPassword(password, email);
  if (problem) fail(`password refused: ${problem}`);
  return hashPassword(password);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'writer' },
    },
  });
  const command = positionals[0];
  const email = values.email?.trim().toLowerCase();
  if (!command || !['create', 'reset-password', 'disable', 'enable'].includes(command)) {
    fail(
      'usage: npm run user -- create|reset-password|disable|enable --email EMAIL [--name NAME] [--role admin|editor|writer]',
    );
  }
  if (!email || !email.includes('@')) fail('--email is required');
  const db = openDb(getDatabasePath());
  const existing = await getUserByEmailForLogin(db, email);
  if (command === 'create') {
    if (!USER_ROLES.includes(values.role as UserRole)) fail(`--role must be one of ${USER_ROLES.join(', ')}`);
    const name = values.name?.trim() || email.split('@')[0]!;
    try {
      const id = await createUser(
        db,
        {
          email,
          name,
          slug: asciiSlug(email.split('@')[0]!) || 'user',
          role: values.role as UserRole,
          passwordHash: await readPassword(email),
        },
        null,
      );
      console.log(`user: created ${email} (${values.role}), id ${id}`);
    } catch (error) {
      if (error instanceof EmailTakenError) fail(`${email} already has an account`);
      throw error;
    }
    return;
  }
  if (!existing) fail(`no account for ${email}`);
  if (command === 'reset-password') {
    await setUserPassword(db, existing.id, await readPassword(email), null);
    console.log(`user: new password set for ${email}; all its sessions were ended`);
  } else {
    await setUserDisabled(db, existing.id, command === 'disable', null);
    console.log(
      `user: ${email} ${command === 'disable' ? 'disabled; all its sessions were ended' : 'enabled'}`,
    );
  }
}

void main();
