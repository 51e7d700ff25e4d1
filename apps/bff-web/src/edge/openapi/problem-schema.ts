import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const problemSchemaName = 'Problem';
export const problemSchemaRef = { $ref: `#/components/schemas/${problemSchemaName}` };

/** RFC 9457 problem details as the platform's filter writes them. */
export const problemSchema: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: {
      type: 'string',
      description: 'Stable URN clients branch on',
      example: 'urn:quizbook:problem:validation',
    },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'For humans; may change' },
    instance: { type: 'string', description: 'The request path' },
    correlationId: { type: 'string', description: 'Quote it when reporting a problem' },
    errors: {
      type: 'array',
      description: 'For validation problems: each offending field',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string', example: 'email' }, message: { type: 'string' } },
      },
    },
  },
};
