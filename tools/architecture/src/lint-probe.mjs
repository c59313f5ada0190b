// Lints source snippets as if they lived in given projects; reads [{project, source, rule?}] as JSON
// on stdin, writes per case the messages of the rules whose id starts with `rule` (default: the
// boundary rule). A separate process because ESLint loads its
// flat config with a dynamic import, which Jest's module sandbox does not support.
import { join } from 'node:path';
import { ESLint } from 'eslint';

const workspace = process.argv[2];
const cases = JSON.parse(
  await new Promise((resolve) => {
    let input = '';
    process.stdin.on('data', (chunk) => (input += chunk));
    process.stdin.on('end', () => resolve(input));
  }),
);
const eslint = new ESLint({ cwd: workspace });
const results = [];
for (const { project, source, rule = '@nx/enforce-module-boundaries' } of cases) {
  const [result] = await eslint.lintText(source, { filePath: join(workspace, project, 'src/probe.ts') });
  results.push(result.messages.filter((m) => m.ruleId?.startsWith(rule)).map((m) => m.message));
}
process.stdout.write(JSON.stringify(results));
