import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { workspace } from '../k8s-manifests';
import { sourceFiles } from './facts';

/**
 * Every aggregate has a note next to its code (`README.md` in its folder): invariants, transaction
 * boundary, events. The note is hand-written, so these specs keep it honest: it must name every
 * error code and every domain event the folder defines.
 */
const aggregateFolders = [
  ...new Set(
    sourceFiles(join(workspace, 'libs'))
      .filter((path) => /\/libs\/[^/]+\/domain\/src\//.test(path))
      .filter((path) => /\bextends AggregateRoot\b/.test(readFileSync(path, 'utf8')))
      .map((path) => dirname(path)),
  ),
];

const folderText = (folder: string) =>
  sourceFiles(folder)
    .filter((path) => dirname(path) === folder)
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');

const cases = aggregateFolders.map((folder) => [relative(workspace, folder), folder] as const);

describe('Aggregate notes', () => {
  it('finds the aggregates (a class extending AggregateRoot in a domain library)', () => {
    expect(cases.map(([name]) => name)).toEqual(expect.arrayContaining(['libs/checkout/domain/src/order', 'libs/fulfillment/domain/src/shipment']));
  });

  it.each(cases)('%s has a README.md naming its transaction boundary, invariants and events', (_name, folder) => {
    const note = join(folder, 'README.md');
    expect(existsSync(note)).toBe(true);
    const text = readFileSync(note, 'utf8');
    expect(text).toMatch(/transaction/i);
    expect(text).toMatch(/invariant/i);
    expect(text).toMatch(/event/i);
  });

  it.each(cases)('%s: the note names every error code the folder defines', (_name, folder) => {
    const codes = [...folderText(folder).matchAll(/readonly code = '([a-z_]+)'/g)].map((match) => match[1] as string);
    const note = existsSync(join(folder, 'README.md')) ? readFileSync(join(folder, 'README.md'), 'utf8') : '';
    expect(codes.filter((code) => !note.includes(code))).toEqual([]);
  });

  it.each(cases)('%s: the note names every domain event the folder defines', (_name, folder) => {
    const events = [...folderText(folder).matchAll(/readonly type: '([A-Za-z]+)'/g)].map((match) => match[1] as string);
    const note = existsSync(join(folder, 'README.md')) ? readFileSync(join(folder, 'README.md'), 'utf8') : '';
    expect(events.filter((event) => !note.includes(event))).toEqual([]);
  });
});
