import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The image memo folder seeded test databases share for this run (lib/media/test-memo.ts). */
    imageMemoDir: string;
  }
}

/** One image memo folder for the whole unit run, removed at its end. */
export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-image-memo-'));
  project.provide('imageMemoDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
