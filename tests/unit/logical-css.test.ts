import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

function files(dir: string, ext: RegExp): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .flatMap((e) => (e.isFile() && ext.test(e.name) ? [path.join(e.parentPath, e.name)] : []));
}

// Physical-direction utilities and properties that break in RTL; their logical twins are
// ms-/me-/ps-/pe-/start-/end-/text-start/border-s/rounded-s and margin-inline-start & co.
const PHYSICAL_CLASS =
  /(?<![\w-])(?:-?m[lr]-|p[lr]-|left-|right-|text-left|text-right|border-[lr](?:-|\b)|rounded-[lr](?:-|\b)|float-(?:left|right)|space-x-reverse)/;
const PHYSICAL_CSS =
  /\b(?:margin|padding|border)-(?:left|right)\b|(?<![-\w])(?:left|right)\s*:|text-align:\s*(?:left|right)/;

describe('logical CSS only', () => {
  it.each(
    files('components', /\.tsx$/)
      .concat(files('app', /\.tsx$/))
      .map((f) => [path.relative(ROOT, f), f]),
  )('%s uses no physical-direction classes', (_name, file) => {
    const classes = [...fs.readFileSync(file, 'utf8').matchAll(/className=(?:"([^"]*)"|\{`([^`]*)`\})/g)].map(
      (m) => m[1] ?? m[2] ?? '',
    );
    for (const c of classes) expect(c).not.toMatch(PHYSICAL_CLASS);
  });

  it('globals.css uses logical properties', () => {
    const css = fs.readFileSync(path.join(ROOT, 'app/globals.css'), 'utf8');
    expect(css).not.toMatch(PHYSICAL_CSS);
  });
});
