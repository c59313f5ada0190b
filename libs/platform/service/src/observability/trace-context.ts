/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/) as a caller may send it: a `traceparent`
 * that breaks the rules is ignored together with its `tracestate` (the request starts a new trace),
 * a `tracestate` that breaks them is dropped on its own. Nothing a caller sends here costs a 500.
 */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(.*)$/s;
const ALL_ZEROS = /^0+$/;
const SIMPLE_KEY = /^[a-z][a-z0-9_\-*/]{0,255}$/;
const TENANT_KEY = /^[a-z0-9][a-z0-9_\-*/]{0,240}@[a-z][a-z0-9_\-*/]{0,13}$/;
const VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
const MAX_TRACESTATE_MEMBERS = 32;
/** The length every participant must pass on; longer ones are dropped, not cut (cutting may split a member). */
const MAX_TRACESTATE_LENGTH = 512;

export function isValidTraceparent(value: string | undefined): value is string {
  const match = value === undefined ? null : TRACEPARENT.exec(value);
  if (!match) return false;
  const [, version, traceId, parentId, , rest] = match as unknown as [string, string, string, string, string, string];
  if (version === 'ff' || ALL_ZEROS.test(traceId) || ALL_ZEROS.test(parentId)) return false;
  // Version 00 is exactly 55 characters; a later version may append fields after a dash.
  return version === '00' ? rest === '' : rest === '' || rest.startsWith('-');
}

export function isValidTracestate(value: string | undefined): value is string {
  if (value === undefined || value.length > MAX_TRACESTATE_LENGTH) return false;
  const members = value
    .split(',')
    .map((member) => member.trim())
    .filter((member) => member !== '');
  if (members.length > MAX_TRACESTATE_MEMBERS) return false;
  const keys = new Set<string>();
  for (const member of members) {
    const equals = member.indexOf('=');
    const key = member.slice(0, equals);
    if (equals < 0 || !(SIMPLE_KEY.test(key) || TENANT_KEY.test(key)) || !VALUE.test(member.slice(equals + 1)) || keys.has(key)) return false;
    keys.add(key);
  }
  return true;
}

/** The trace context to continue: both, the `traceparent` alone, or nothing (a new trace). */
export function acceptedTraceContext(traceparent: string | undefined, tracestate: string | undefined): { traceparent?: string; tracestate?: string } {
  if (!isValidTraceparent(traceparent)) return {};
  return isValidTracestate(tracestate) ? { traceparent, tracestate } : { traceparent };
}
