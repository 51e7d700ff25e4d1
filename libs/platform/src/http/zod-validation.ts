import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import type { FieldError } from './problem-details';
import { validationFailed } from './problem-error';

export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
}

/** Parses untrusted input, throwing a 400 validation problem that names each bad field. */
export function parseInput<Schema extends z.ZodTypeAny>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(fieldErrorsOf(result.error));
  return result.data;
}

/** `@Body(new ZodValidationPipe(schema))`: the Nest way to call parseInput. */
export class ZodValidationPipe<Schema extends z.ZodTypeAny> implements PipeTransform<
  unknown,
  z.output<Schema>
> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown, _metadata: ArgumentMetadata): z.output<Schema> {
    return parseInput(this.schema, value);
  }
}
