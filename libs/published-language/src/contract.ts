import { z } from 'zod';
import { envelopeSchema, EventEnvelope, wireType } from './envelope';

/**
 * A published event contract: one event type at one version, its topic and its data schema.
 * Contracts are owned by the producing context and only ever grow additively.
 */
export interface EventContract<TData> {
  readonly type: string;
  readonly version: number;
  /** `type.vN`, the pattern consumers subscribe to. */
  readonly wireType: string;
  readonly producer: string;
  readonly topic: string;
  readonly schema: z.ZodType<TData>;
  /** Validates a whole envelope and its data; throws {@link ContractViolation} when it does not conform. */
  parse(message: unknown): EventEnvelope<TData>;
}

/** A message does not conform to the contract it claims; retrying cannot fix it. */
export class ContractViolation extends Error {
  constructor(
    readonly wireType: string,
    readonly issues: string,
  ) {
    super(`Message does not conform to ${wireType}: ${issues}`);
    this.name = 'ContractViolation';
  }
}

export function defineEvent<TSchema extends z.ZodType>(definition: {
  type: string;
  version: number;
  producer: string;
  topic: string;
  schema: TSchema;
}): EventContract<z.output<TSchema>> & { readonly schema: TSchema } {
  const wire = wireType(definition.type, definition.version);
  const full = envelopeSchema.extend({
    type: z.literal(definition.type),
    version: z.literal(definition.version),
    data: definition.schema,
  });
  return {
    ...definition,
    schema: definition.schema as TSchema & z.ZodType<z.output<TSchema>>,
    wireType: wire,
    parse(message) {
      const result = full.safeParse(message);
      if (!result.success) throw new ContractViolation(wire, z.prettifyError(result.error));
      return result.data as EventEnvelope<z.output<TSchema>>;
    },
  };
}

/** The data type carried by a contract. */
export type EventData<TContract> = TContract extends EventContract<infer TData> ? TData : never;
