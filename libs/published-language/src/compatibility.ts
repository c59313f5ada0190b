/**
 * Backward compatibility of a contract version with its published snapshot. A version may only
 * grow: new optional properties anywhere; nothing removed, retyped, newly required or no longer
 * required. Anything else is a new version (`…v2`), produced side by side during a migration.
 */
type JsonSchema = { [key: string]: unknown };

export function breakingChanges(published: JsonSchema, current: JsonSchema, path = '$'): string[] {
  const publishedType = published['type'];
  if (publishedType === 'object' && current['type'] === 'object') return objectChanges(published, current, path);
  if (publishedType === 'array' && current['type'] === 'array') {
    return breakingChanges(published['items'] as JsonSchema, current['items'] as JsonSchema, `${path}[]`);
  }
  return canonical(published) === canonical(current) ? [] : [`${path}: changed from ${canonical(published)} to ${canonical(current)}`];
}

function objectChanges(published: JsonSchema, current: JsonSchema, path: string): string[] {
  const before = (published['properties'] ?? {}) as Record<string, JsonSchema>;
  const after = (current['properties'] ?? {}) as Record<string, JsonSchema>;
  const requiredBefore = new Set((published['required'] ?? []) as string[]);
  const requiredAfter = new Set((current['required'] ?? []) as string[]);
  const changes: string[] = [];
  for (const [name, schema] of Object.entries(before)) {
    if (!after[name]) changes.push(`${path}.${name}: removed`);
    else changes.push(...breakingChanges(schema, after[name], `${path}.${name}`));
    if (requiredBefore.has(name) !== requiredAfter.has(name)) {
      changes.push(`${path}.${name}: ${requiredBefore.has(name) ? 'no longer required' : 'became required'}`);
    }
  }
  for (const name of Object.keys(after)) {
    if (!before[name] && requiredAfter.has(name)) changes.push(`${path}.${name}: added as required (add it as optional)`);
  }
  return changes;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${key}:${canonical((value as JsonSchema)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
