import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspace } from './k8s-manifests';

/**
 * The checks `npm test` runs on the code itself, proven to bite: the secret scan finds a planted
 * credential, and the security lint rules refuse dangerous code in production libraries.
 */
describe('Supply-chain checks that run locally', () => {
  it('the secret scan fails on a committed database password and passes on clean text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secretlint-probe-'));
    try {
      // Assembled at run time, so this spec file itself holds no credential for the scan to find.
      const password = randomBytes(12).toString('base64url');
      writeFileSync(join(dir, 'leaked.env'), `DATABASE_URL=${['postgres', '://', 'admin:', password, '@db.internal.example.com:5432/app'].join('')}\n`);
      writeFileSync(join(dir, 'clean.md'), 'Nothing to see here.\n');
      const scan = (file: string) =>
        spawnSync(process.execPath, [join(workspace, 'node_modules/secretlint/bin/secretlint.js'), file, '--secretlintrc', join(workspace, '.secretlintrc.json')], {
          cwd: dir,
          encoding: 'utf8',
        });
      expect(scan('leaked.env').status).not.toBe(0);
      expect(scan('clean.md').status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the security lint rules refuse eval and a child process built from input in a production library', () => {
    const probe = (source: string) =>
      (
        JSON.parse(
          execFileSync(process.execPath, [join(__dirname, 'lint-probe.mjs'), workspace], {
            input: JSON.stringify([{ project: 'libs/checkout/infrastructure', source, rule: 'security/' }]),
            encoding: 'utf8',
          }),
        ) as string[][]
      )[0];
    expect(probe('export const run = (code: string) => eval(code);\n')).not.toEqual([]);
    expect(probe("import { exec } from 'node:child_process';\nexport const run = (cmd: string) => exec(cmd);\n")).not.toEqual([]);
    expect(probe('export const add = (a: number, b: number) => a + b;\n')).toEqual([]);
  });
});
