import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { workspace } from './k8s-manifests';

/**
 * Statements are prepared once per connection (PreparingClient), and PostgreSQL refuses to run a
 * prepared statement whose result columns changed: a `SELECT *` prepared by a running release
 * would fail after a migration adds a column. So the code under libs/ names the columns it reads.
 */
const starSelect = /\bSELECT\s+(?:\w+\.)?\*|\bRETURNING\s+\*|,\s*\w+\.\*/i;

const isComment = (line: string) => /^\s*(\/\/|\/?\*)/.test(line);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('SQL in libs/', () => {
  it('names the columns it reads (no SELECT * or RETURNING *: prepared statements outlive additive migrations)', () => {
    const offenders = sourceFiles(join(workspace, 'libs')).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, index) => (starSelect.test(line) && !isComment(line) ? [`${relative(workspace, path)}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it('would catch the forms it forbids', () => {
    for (const sql of ['SELECT * FROM carts', 'SELECT o.* FROM orders o', 'UPDATE t SET a = 1 RETURNING *', 'SELECT o.id, l.* FROM orders o']) {
      expect({ sql, caught: starSelect.test(sql) }).toEqual({ sql, caught: true });
    }
    expect(starSelect.test('SELECT count(*) FROM orders')).toBe(false);
  });
});
