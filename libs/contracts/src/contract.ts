import type { z } from 'zod';

/**
 * A named, versioned message shape: domain events in the event store and integration messages on
 * the bus are both declared with it, so every service validates what it reads with the same schema.
 */
export interface Contract<Type extends string, Schema extends z.ZodTypeAny> {
  readonly type: Type;
  readonly version: number;
  readonly schema: Schema;
  /** Validates unknown input (a stored event, a bus payload) and returns it typed. */
  parse(data: unknown): z.infer<Schema>;
  /** Builds `{ type, data }` for an append or a publish, validating on the way out too. */
  create(data: z.input<Schema>): { type: Type; data: z.infer<Schema>; version: number };
}

export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  constructor(
    readonly contractType: string,
    readonly issues: { field: string; message: string }[],
  ) {
    super(
      `${contractType} does not match its contract: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    );
  }
}

export function defineContract<Type extends string, Schema extends z.ZodTypeAny>(
  type: Type,
  version: number,
  schema: Schema,
): Contract<Type, Schema> {
  const parse = (data: unknown): z.infer<Schema> => {
    const result = schema.safeParse(data);
    if (!result.success) {
      throw new ContractViolationError(
        type,
        result.error.issues.map((issue) => ({
          field: issue.path.join('.') || '(root)',
          message: issue.message,
        })),
      );
    }
    return result.data;
  };
  return { type, version, schema, parse, create: (data) => ({ type, version, data: parse(data) }) };
}

export type ContractData<C> = C extends Contract<string, infer S> ? z.infer<S> : never;

type AnyContract = Contract<string, z.ZodTypeAny>;

/** The `{ type, data }` union of a family of contracts, derived so it cannot drift from the family. */
export type EventOf<Contracts extends Record<string, AnyContract>> = {
  [Name in keyof Contracts]: { type: Contracts[Name]['type']; data: ContractData<Contracts[Name]> };
}[keyof Contracts];

/**
 * A parser for one family: validates a stored event against its contract, and answers undefined for
 * a type the family does not hold (another service's event in a shared category).
 */
export function eventParser<Contracts extends Record<string, AnyContract>>(contracts: Contracts) {
  return (type: string, data: unknown): EventOf<Contracts> | undefined => {
    const contract = Object.prototype.hasOwnProperty.call(contracts, type) ? contracts[type] : undefined;
    return contract ? ({ type, data: contract.parse(data) } as EventOf<Contracts>) : undefined;
  };
}
