import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, whatever the directory Jest runs in. */
export const workspace = join(__dirname, '../../..');

/** A fresh directory under the repository's tmp/ (gitignored), for a spec to write into. */
export function scratchDir(prefix: string): string {
  mkdirSync(join(workspace, 'tmp'), { recursive: true });
  return mkdtempSync(join(workspace, 'tmp', prefix));
}
