/* eslint-disable @typescript-eslint/no-explicit-any -- JSON Schema and generated values are untyped by nature */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
}

interface Operation {
  readonly parameters?: readonly { readonly name: string; readonly in: string; readonly required?: boolean; readonly schema?: JsonSchema }[];
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: JsonSchema }> };
}

type JsonSchema = Record<string, any>;

/** One route of a service, as its OpenAPI document describes it. */
export interface Route {
  readonly service: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** OpenAPI template: `/orders/{orderId}/cancel`. */
  readonly path: string;
  readonly pathParams: readonly { readonly name: string; readonly schema: JsonSchema }[];
  readonly queryParams: readonly { readonly name: string; readonly schema: JsonSchema }[];
  readonly body?: JsonSchema;
}

/** A request that no valid client would send: every one of them must be refused with a 4xx. */
export interface BadRequest {
  readonly route: Route;
  readonly method: string;
  /** Path and query, already encoded. */
  readonly target: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** What was done to it, for the report of a failure. */
  readonly mutation: string;
}

/** Routes that need no token and are not the services' API. */
const outsideTheApi = (path: string) => path.startsWith('/health') || path.startsWith('/docs') || path === '/metrics';

/** Every API route of a service's OpenAPI document. */
export function routesOf(service: string, document: OpenApiDocument): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    outsideTheApi(path)
      ? []
      : Object.entries(operations)
          .filter(([method]) => ['get', 'post', 'put', 'delete', 'patch'].includes(method))
          .map(([method, operation]) => ({
            service,
            method: method.toUpperCase() as Route['method'],
            path,
            pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => ({
              name: match[1] ?? '',
              schema: operation.parameters?.find((p) => p.in === 'path' && p.name === match[1])?.schema ?? {},
            })),
            queryParams: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? { type: 'string' } })),
            body: operation.requestBody?.content?.['application/json']?.schema,
          })),
  );
}

/** A plausible value for a schema: what a valid client would send for it (never sent as it is). */
export function plausible(schema: JsonSchema, name = ''): any {
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  const alternatives = schema['anyOf'] ?? schema['oneOf'];
  if (Array.isArray(alternatives)) return plausible(alternatives.find((s: JsonSchema) => s['type'] !== 'null') ?? alternatives[0], name);
  if (Array.isArray(schema['allOf'])) return plausible(Object.assign({}, ...schema['allOf']), name);
  switch (typeOf(schema)) {
    case 'object': {
      const properties: Record<string, JsonSchema> = schema['properties'] ?? {};
      const required: string[] = schema['required'] ?? [];
      return Object.fromEntries(required.map((key) => [key, plausible(properties[key] ?? {}, key)]));
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema['minItems'] ?? 1) }, () => plausible(schema['items'] ?? {}, name));
    case 'integer':
    case 'number':
      return Math.min(Math.max(1, schema['minimum'] ?? 1), schema['maximum'] ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return true;
    case 'string':
      return plausibleString(schema, name);
    default:
      return 'x';
  }
}

function plausibleString(schema: JsonSchema, name: string): string {
  if (schema['format'] === 'uuid') return randomUUID();
  if (schema['format'] === 'date-time') return new Date(0).toISOString();
  const byName: Record<string, string> = { currency: 'EUR', country: 'DE', sku: 'MUG-BLUE', paymentToken: 'tok_ok', postalCode: '10115' };
  return byName[name] ?? 'x'.repeat(Math.max(1, schema['minLength'] ?? 1));
}

function typeOf(schema: JsonSchema): string | undefined {
  const type = schema['type'];
  if (Array.isArray(type)) return type.find((t) => t !== 'null');
  if (type) return type;
  if (schema['properties']) return 'object';
  if (schema['items']) return 'array';
  return undefined;
}

/** Whether `value` has a JSON type the schema allows (its structure aside). */
function typeAllowed(schema: JsonSchema, value: unknown): boolean {
  const alternatives = schema['anyOf'] ?? schema['oneOf'];
  if (Array.isArray(alternatives)) return alternatives.some((s: JsonSchema) => typeAllowed(s, value));
  const allowed = schema['type'] === undefined ? undefined : ([] as string[]).concat(schema['type']);
  if (!allowed) return 'const' in schema ? schema['const'] === value : Array.isArray(schema['enum']) ? schema['enum'].includes(value) : true;
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  return allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
}

/** A place inside a body: the path to it and its schema. */
interface Spot {
  readonly path: readonly (string | number)[];
  readonly schema: JsonSchema;
  readonly requiredKey: boolean;
}

function spotsOf(schema: JsonSchema, value: any, path: (string | number)[] = []): Spot[] {
  const resolved = (schema['anyOf'] ?? schema['oneOf'])?.find((s: JsonSchema) => s['type'] !== 'null') ?? schema;
  if (Array.isArray(value))
    return value.flatMap((item, index) => [
      { path: [...path, index], schema: resolved['items'] ?? {}, requiredKey: false },
      ...spotsOf(resolved['items'] ?? {}, item, [...path, index]),
    ]);
  if (value && typeof value === 'object') {
    const required: string[] = resolved['required'] ?? [];
    return Object.keys(value).flatMap((key) => {
      const child = resolved['properties']?.[key] ?? {};
      return [{ path: [...path, key], schema: child, requiredKey: required.includes(key) }, ...spotsOf(child, value[key], [...path, key])];
    });
  }
  return [];
}

function objectsOf(schema: JsonSchema, value: any, path: (string | number)[] = []): { path: (string | number)[]; schema: JsonSchema }[] {
  const resolved = (schema['anyOf'] ?? schema['oneOf'])?.find((s: JsonSchema) => s['type'] !== 'null') ?? schema;
  if (Array.isArray(value)) return value.flatMap((item, index) => objectsOf(resolved['items'] ?? {}, item, [...path, index]));
  if (value && typeof value === 'object') {
    return [{ path, schema: resolved }, ...Object.keys(value).flatMap((key) => objectsOf(resolved['properties']?.[key] ?? {}, value[key], [...path, key]))];
  }
  return [];
}

function withAt(root: any, path: readonly (string | number)[], change: (parent: any, key: string | number) => void): any {
  const copy = structuredClone(root);
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  change(parent, path[path.length - 1] ?? '');
  return copy;
}

const otherTypes = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.string(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string(), { maxLength: 3 }),
);
/** Strings no API takes: a NUL, a lone UTF-16 surrogate, a control character. */
const hostileStrings = fc.oneof(
  fc.string().map((s) => `${s}\u0000${s}`),
  fc.string().map((s) => `${s}\ud800`),
  fc.string().map((s) => `\udc00${s}`),
);

/** A body made invalid in exactly one way the schema says is wrong (so it can never be written). */
function badBodies(schema: JsonSchema): fc.Arbitrary<{ body: any; mutation: string }> {
  const base = plausible(schema);
  const spots = spotsOf(schema, base);
  const requiredSpots = spots.filter((spot) => spot.requiredKey);
  const stringSpots = spots.filter((spot) => typeOf(spot.schema) === 'string' && spot.schema['enum'] === undefined && spot.schema['format'] !== 'uuid');
  const closedObjects = objectsOf(schema, base).filter(({ schema: s }) => s['additionalProperties'] === false);
  const choices: fc.Arbitrary<{ body: any; mutation: string }>[] = [
    fc
      .constantFrom(null, 0, 'text', true, [] as unknown[])
      .filter((value) => !typeAllowed(schema, value))
      .map((value) => ({ body: value, mutation: `body is ${JSON.stringify(value)}` })),
  ];
  if (requiredSpots.length > 0) {
    choices.push(
      fc.constantFrom(...requiredSpots).map((spot) => ({ body: withAt(base, spot.path, (parent, key) => delete parent[key]), mutation: `without ${spot.path.join('.')}` })),
    );
  }
  if (spots.length > 0) {
    choices.push(
      fc
        .tuple(fc.constantFrom(...spots), otherTypes)
        .filter(([spot, value]) => !typeAllowed(spot.schema, value))
        .map(([spot, value]) => ({ body: withAt(base, spot.path, (parent, key) => (parent[key] = value)), mutation: `${spot.path.join('.')} = ${JSON.stringify(value)}` })),
    );
  }
  if (stringSpots.length > 0) {
    choices.push(
      fc
        .tuple(fc.constantFrom(...stringSpots), hostileStrings)
        .map(([spot, value]) => ({ body: withAt(base, spot.path, (parent, key) => (parent[key] = value)), mutation: `${spot.path.join('.')} holds ${JSON.stringify(value)}` })),
    );
    const bounded = stringSpots.filter((spot) => typeof spot.schema['maxLength'] === 'number');
    if (bounded.length > 0) {
      choices.push(
        fc.constantFrom(...bounded).map((spot) => ({
          body: withAt(base, spot.path, (parent, key) => (parent[key] = 'y'.repeat(spot.schema['maxLength'] + 1))),
          mutation: `${spot.path.join('.')} over its maxLength`,
        })),
      );
    }
  }
  if (closedObjects.length > 0) {
    choices.push(
      fc
        .tuple(
          fc.constantFrom(...closedObjects),
          fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)),
          otherTypes,
        )
        .map(([target, key, value]) => {
          const name = `unknown_${key}`;
          const body = target.path.length === 0 ? { ...base, [name]: value } : withAt(base, target.path, (parent, k) => (parent[k] = { ...parent[k], [name]: value }));
          return { body, mutation: `unknown field ${[...target.path, name].join('.')}` };
        }),
    );
  }
  return fc.oneof(...choices);
}

/** Raw bodies that are not the JSON they claim to be, or too deep or too large to be taken in. */
const brokenRaw = fc.oneof(
  fc.string().map((s) => ({ raw: `{"${s}":`, mutation: 'truncated JSON' })),
  fc.constant({ raw: '{"a":1,}', mutation: 'trailing comma' }),
  fc.integer({ min: 200, max: 5_000 }).map((depth) => ({ raw: '['.repeat(depth) + ']'.repeat(depth), mutation: `nested ${depth} deep` })),
  fc.integer({ min: 200, max: 2_000 }).map((depth) => ({ raw: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), mutation: `objects nested ${depth} deep` })),
  fc.constant({ raw: JSON.stringify({ blob: 'z'.repeat(2 * 1024 * 1024) }), mutation: '2 MiB body' }),
);

/** Path segments no route takes whatever the parameter: a NUL, bytes that are not UTF-8, blank, huge. */
const hostileSegments = fc.constantFrom('%00', `a%00b`, '%ED%A0%80', '%E0%A4%A', '%C0%AF', '%20%20', 'x'.repeat(20_000));

/**
 * Values a path parameter cannot take: for an id, anything that is not a UUID; for a bounded
 * string (a SKU), one character too many; for any, the hostile segments. A bounded string that is
 * merely odd (`../x`) is a valid SKU, so it is not offered as a bad one.
 */
function badSegments(param: { readonly name: string; readonly schema: JsonSchema }): fc.Arbitrary<string> {
  // An id without a declared length is a UUID here; a bounded one (a buyer's subject) is a string.
  const isId = param.schema['format'] === 'uuid' || (/Id$/.test(param.name) && param.schema['maxLength'] === undefined);
  if (isId) {
    return fc.oneof(
      fc
        .string({ minLength: 1, maxLength: 40 })
        .filter((s) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s.trim()))
        .map((s) => encodeURIComponent(s)),
      fc.constantFrom('00000000-0000-0000-0000-00000000000g', '..%2F..%2Fetc%2Fpasswd'),
      hostileSegments,
    );
  }
  const maxLength = param.schema['maxLength'];
  return typeof maxLength === 'number' ? fc.oneof(fc.constant('s'.repeat(maxLength + 1)), hostileSegments) : hostileSegments;
}

const badQueryValues = fc.oneof(fc.string({ maxLength: 30 }).map(encodeURIComponent), fc.constantFrom('%00', '%ED%A0%80', '%zz', 'x'.repeat(10_000)));

/** Bad requests for one route: a bad body, a bad path, a bad query or bad headers. */
export function badRequests(route: Route): fc.Arbitrary<BadRequest> {
  const goodPath = (values: Record<string, string> = {}) => route.path.replace(/\{([^}]+)\}/g, (_m, name: string) => values[name] ?? randomUUID());
  const goodQuery = route.queryParams.length > 0 ? `?${route.queryParams.map((q) => `${q.name}=${encodeURIComponent(String(plausible(q.schema, q.name)))}`).join('&')}` : '';
  const json = { 'content-type': 'application/json' };
  const request = (target: string, mutation: string, headers: Record<string, string> = {}, body?: string): BadRequest => ({
    route,
    method: route.method,
    target,
    headers,
    body,
    mutation,
  });
  const choices: fc.Arbitrary<BadRequest>[] = [];
  const validBody = route.body ? JSON.stringify(plausible(route.body)) : undefined;

  if (route.pathParams.length > 0) {
    choices.push(
      fc
        .constantFrom(...route.pathParams)
        .chain((param) => badSegments(param).map((segment) => ({ name: param.name, segment })))
        .map(({ name, segment }) => request(goodPath({ [name]: segment }) + goodQuery, `path ${name} = ${segment.slice(0, 60)}`, validBody ? json : {}, validBody)),
    );
  }
  if (route.queryParams.length > 0) {
    choices.push(
      fc.tuple(fc.constantFrom(...route.queryParams), badQueryValues).map(([param, value]) => {
        const query = route.queryParams.map((q) => `${q.name}=${q.name === param.name ? value : encodeURIComponent(String(plausible(q.schema, q.name)))}`).join('&');
        return request(`${goodPath()}?${query}`, `query ${param.name} = ${value.slice(0, 60)}`);
      }),
    );
  }
  if (route.body) {
    choices.push(badBodies(route.body).map(({ body, mutation }) => request(goodPath() + goodQuery, mutation, json, JSON.stringify(body))));
    choices.push(brokenRaw.map(({ raw, mutation }) => request(goodPath() + goodQuery, mutation, json, raw)));
    choices.push(
      fc
        .constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml')
        .map((type) => request(goodPath() + goodQuery, `content-type ${type}`, { 'content-type': type }, validBody)),
    );
  }
  if (route.method !== 'GET' && choices.length === 0) {
    // A route without parameters or body (none today) is still offered a body it cannot take.
    choices.push(brokenRaw.map(({ raw, mutation }) => request(goodPath() + goodQuery, mutation, json, raw)));
  }
  if (choices.length === 0) {
    choices.push(fc.constantFrom('%00', '%ED%A0%80').map((garbage) => request(`${goodPath()}?q=${garbage}`, `stray query ${garbage}`)));
  }
  return fc.oneof(...choices);
}
