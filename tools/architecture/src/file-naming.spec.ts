import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { workspace } from './k8s-manifests';

/**
 * One name per role of file in every context (docs/naming.md): the suffixes other contexts once
 * used for the same role are refused, so the schemes do not drift apart again.
 */
const retiredSuffixes: readonly { readonly suffix: RegExp; readonly use: string }[] = [
  { suffix: /\/persistence\/[^/]+-rows\.ts$/, use: 'persistence/<aggregate>.rows.ts' },
  { suffix: /\.(response|responses|request|requests|schema)\.ts$/, use: 'http/<resource>.schemas.ts' },
  { suffix: /\.translator\.ts$/, use: 'acl/<upstream>-translation.ts' },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [relative(workspace, path).split(sep).join('/')] : [];
  });
}

describe('File names in libs/ and apps/', () => {
  const files = [...sourceFiles(join(workspace, 'libs')), ...sourceFiles(join(workspace, 'apps'))];

  it('use one suffix per role (docs/naming.md)', () => {
    const misnamed = files.flatMap((file) => retiredSuffixes.filter(({ suffix }) => suffix.test(file)).map(({ use }) => `${file}: use ${use}`));
    expect(misnamed).toEqual([]);
  });

  it('list every migration in persistence/migrations/index.ts', () => {
    const migrationDirs = new Set(files.filter((file) => /\/persistence\/migrations\/\d+-[^/]+\.ts$/.test(file)).map((file) => file.slice(0, file.lastIndexOf('/'))));
    expect([...migrationDirs].filter((dir) => !files.includes(`${dir}/index.ts`))).toEqual([]);
  });
});
