import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspace } from './k8s-manifests';

/**
 * The repository stands on its own: what a reader needs is in it (docs/, the code), so no file
 * points at design notes that live outside it. Built from parts so this file does not match itself.
 */
const outsideReferences = [new RegExp(['\\bBR', 'IEF\\b'].join('')), new RegExp(['shared', '/design'].join('')), new RegExp(['HOUSE', '-STYLE'].join(''))];

function trackedTextFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: workspace, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && file !== 'package-lock.json' && !/\.(png|jpe?g|gif|ico|woff2?|zip|jar|gz)$/i.test(file));
}

describe('The repository stands on its own', () => {
  it('cites no design notes from outside the repository', () => {
    const citing = trackedTextFiles().flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(join(workspace, file), 'utf8');
      } catch {
        return []; // listed by git but not in the work tree (deleted, not yet committed)
      }
      return text
        .split('\n')
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => outsideReferences.some((pattern) => pattern.test(line)))
        .map(({ index }) => `${file}:${index + 1}`);
    });
    expect(citing).toEqual([]);
  });

  it('would notice such a citation', () => {
    expect(outsideReferences.some((pattern) => pattern.test(`as ${['BR', 'IEF'].join('')} §6 says`))).toBe(true);
    expect(outsideReferences.some((pattern) => pattern.test('a brief pause'))).toBe(false);
  });
});
