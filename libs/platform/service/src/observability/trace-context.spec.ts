import { acceptedTraceContext, isValidTraceparent, isValidTracestate } from './trace-context';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const parentId = '00f067aa0ba902b7';

describe('W3C trace context from a caller', () => {
  it('accepts a version 00 traceparent, sampled or not', () => {
    expect(isValidTraceparent(`00-${traceId}-${parentId}-01`)).toBe(true);
    expect(isValidTraceparent(`00-${traceId}-${parentId}-00`)).toBe(true);
  });

  it.each([
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${parentId}-01`],
    ['an all-zero parent id', `00-${traceId}-${'0'.repeat(16)}-01`],
    ['the forbidden version ff', `ff-${traceId}-${parentId}-01`],
    ['upper-case hex', `00-${traceId.toUpperCase()}-${parentId}-01`],
    ['a short trace id', `00-${traceId.slice(1)}-${parentId}-01`],
    ['extra fields on version 00', `00-${traceId}-${parentId}-01-extra`],
    ['garbage', 'not-a-trace'],
    ['an empty value', ''],
    ['two headers joined', `00-${traceId}-${parentId}-01, 00-${traceId}-${parentId}-01`],
  ])('refuses a traceparent with %s', (_, value) => {
    expect(isValidTraceparent(value)).toBe(false);
  });

  it('accepts a later version with more fields after a dash, and refuses one glued on', () => {
    expect(isValidTraceparent(`01-${traceId}-${parentId}-01-what-comes-next`)).toBe(true);
    expect(isValidTraceparent(`01-${traceId}-${parentId}-01what`)).toBe(false);
  });

  it('accepts list members with simple and multi-tenant keys, and empty members', () => {
    expect(isValidTracestate('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE')).toBe(true);
    expect(isValidTracestate('tenant@vendor=x , ,other=y')).toBe(true);
  });

  it.each([
    ['a key in upper case', 'Rojo=1'],
    ['a member without "="', 'rojo'],
    ['a repeated key', 'rojo=1,rojo=2'],
    ['a value outside printable ASCII', 'rojo=caf\u00e9'],
    ['a value with "="', 'rojo=a=b'],
    ['more than 32 members', Array.from({ length: 33 }, (_, i) => `k${i}=v`).join(',')],
    ['more than 512 characters', `rojo=${'x'.repeat(250)},congo=${'y'.repeat(250)},vert=z`],
  ])('refuses a tracestate with %s', (_, value) => {
    expect(isValidTracestate(value)).toBe(false);
  });

  it('continues a valid trace, drops an invalid tracestate alone, and ignores a tracestate without a valid traceparent', () => {
    const traceparent = `00-${traceId}-${parentId}-01`;
    expect(acceptedTraceContext(traceparent, 'rojo=1')).toEqual({ traceparent, tracestate: 'rojo=1' });
    expect(acceptedTraceContext(traceparent, 'Rojo=1')).toEqual({ traceparent });
    expect(acceptedTraceContext(traceparent, undefined)).toEqual({ traceparent });
    expect(acceptedTraceContext('00-bad', 'rojo=1')).toEqual({});
  });
});
