/**
 * A request refused before its route ran (malformed, too large, hostile), with a stable `code`, a
 * fixed title and, where a field is at fault, its path. Never carries the offending input.
 */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly errors?: readonly { path: string; message: string }[],
  ) {
    super(title);
  }
}
