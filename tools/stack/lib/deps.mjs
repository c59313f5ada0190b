/**
 * Loads npm dependencies lazily, so `status`, `down` and `logs` work before
 * `npm ci`, and a missing package gives an actionable message. createRequire
 * (unlike ESM import) also honours NODE_PATH, which helps scratch trials.
 */
import { createRequire } from 'node:module';
import { StackError } from './log.mjs';

const require = createRequire(import.meta.url);

/** @param {'kafkajs' | 'pg'} name */
export function dep(name) {
  try {
    return require(name);
  } catch (err) {
    if (err.code !== 'MODULE_NOT_FOUND') throw err;
    throw new StackError(`npm package '${name}' is not installed: run \`npm ci\` at the repo root`);
  }
}
