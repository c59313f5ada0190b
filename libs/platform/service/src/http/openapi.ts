import { z } from 'zod';

/** A zod schema as an OpenAPI (JSON Schema) object for `@ApiBody` / `@ApiResponse`. */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return jsonSchema;
}
