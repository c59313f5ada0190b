/** Console output and the one error type the CLI reports without a stack trace. */

/** A failure the user can act on: printed as a message, exit code 1. */
export class StackError extends Error {}

/** @param {string} msg */
export const step = (msg) => console.log(`• ${msg}`);
/** @param {string} msg */
export const ok = (msg) => console.log(`✓ ${msg}`);
/** @param {string} msg */
export const warn = (msg) => console.warn(`! ${msg}`);

/** @param {number} startedAt ms timestamp */
export const elapsed = (startedAt) => `${((Date.now() - startedAt) / 1000).toFixed(1)}s`;
