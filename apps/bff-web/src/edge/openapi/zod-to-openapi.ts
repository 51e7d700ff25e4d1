import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { z } from 'zod';

interface Check {
  kind: string;
  value?: number;
}

/**
 * The OpenAPI schema of the zod schemas the edge validates with, so the document cannot drift from
 * what the code accepts. Covers the kinds our request and response schemas use; anything else fails
 * loudly at start rather than documenting a lie.
 */
export function zodToOpenApi(schema: z.ZodTypeAny): SchemaObject {
  const def = schema._def as { typeName: string; description?: string } & Record<string, unknown>;
  const described = (object: SchemaObject): SchemaObject =>
    def.description ? { ...object, description: def.description } : object;
  switch (def.typeName) {
    case 'ZodObject': {
      const shape = (schema as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>;
      const required = Object.entries(shape)
        .filter(([, field]) => !field.isOptional())
        .map(([name]) => name);
      return described({
        type: 'object',
        properties: Object.fromEntries(
          Object.entries(shape).map(([name, field]) => [name, zodToOpenApi(field)]),
        ),
        ...(required.length > 0 ? { required } : {}),
      });
    }
    case 'ZodString':
      return described(stringSchema(def.checks as Check[]));
    case 'ZodNumber':
      return described(numberSchema(def.checks as Check[]));
    case 'ZodBoolean':
      return described({ type: 'boolean' });
    case 'ZodEnum':
      return described({ type: 'string', enum: [...(def.values as string[])] });
    case 'ZodArray':
      return described({ type: 'array', items: zodToOpenApi(def.type as z.ZodTypeAny) });
    case 'ZodOptional':
    case 'ZodDefault':
      return described(zodToOpenApi(def.innerType as z.ZodTypeAny));
    case 'ZodNullable':
      return described({ ...zodToOpenApi(def.innerType as z.ZodTypeAny), nullable: true });
    case 'ZodEffects':
      return described(zodToOpenApi(def.schema as z.ZodTypeAny));
    case 'ZodRecord':
      return described({ type: 'object', additionalProperties: zodToOpenApi(def.valueType as z.ZodTypeAny) });
    case 'ZodLiteral': {
      const value = def.value as string | number | boolean;
      return described({ type: typeof value as 'string' | 'number' | 'boolean', enum: [value] });
    }
    case 'ZodUnion':
      return described({ oneOf: (def.options as z.ZodTypeAny[]).map(zodToOpenApi) });
    case 'ZodDiscriminatedUnion':
      return described({
        oneOf: (def.options as z.ZodTypeAny[]).map(zodToOpenApi),
        discriminator: { propertyName: def.discriminator as string },
      });
    case 'ZodUnknown':
    case 'ZodAny':
      return described({});
    default:
      throw new Error(`zodToOpenApi: ${def.typeName} is not supported yet`);
  }
}

function stringSchema(checks: Check[]): SchemaObject {
  const schema: SchemaObject = { type: 'string' };
  for (const check of checks) {
    if (check.kind === 'email') schema.format = 'email';
    else if (check.kind === 'uuid') schema.format = 'uuid';
    else if (check.kind === 'datetime') schema.format = 'date-time';
    else if (check.kind === 'url') schema.format = 'uri';
    else if (check.kind === 'min') schema.minLength = check.value;
    else if (check.kind === 'max') schema.maxLength = check.value;
  }
  return schema;
}

function numberSchema(checks: Check[]): SchemaObject {
  const schema: SchemaObject = { type: 'number' };
  for (const check of checks) {
    if (check.kind === 'int') schema.type = 'integer';
    else if (check.kind === 'min') schema.minimum = check.value;
    else if (check.kind === 'max') schema.maximum = check.value;
  }
  return schema;
}
