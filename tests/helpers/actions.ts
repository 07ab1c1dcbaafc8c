import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The id Next gave a server action in this build (as the browser would send it). */
export function actionId(name: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(ROOT, '.next/server/server-reference-manifest.json'), 'utf8'),
  ) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action named ${name}`);
  return id;
}

/** Calls a server action over HTTP, as a browser (or an attacker) would, and returns the raw answer. */
export async function callAction(
  base: string,
  name: string,
  args: unknown[],
  cookie?: string,
): Promise<string> {
  const res = await fetch(`${base}/admin/articles/new`, {
    method: 'POST',
    headers: {
      'Next-Action': actionId(name),
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: base,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: JSON.stringify(args),
  });
  return res.text();
}
