import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { Public, statusTitle } from '@quizbook/platform';
import type { z } from 'zod';
import { problemSchemaRef } from './problem-schema';
import { zodToOpenApi } from './zod-to-openapi';

export const bearerScheme = 'bearer';

export interface RouteDocs {
  summary: string;
  /** Success status and, unless the route answers with no body, its body's schema. */
  success: {
    status: number;
    description: string;
    body?: z.ZodTypeAny;
    /** Response headers the client acts on (ETag, Location), by name: their meaning. */
    headers?: Record<string, string>;
  };
  /** Another success the route may answer with the same body and headers (200 for a repeat of a 201). */
  alsoSuccess?: { status: number; description: string };
  requestBody?: z.ZodTypeAny;
  /** The query the edge validates: each field becomes a documented query parameter. */
  query?: z.AnyZodObject;
  /** Request headers the route honours, by name: their meaning. */
  requestHeaders?: Record<string, { description: string; required?: boolean }>;
  /** Error statuses the route itself can answer, besides the ones every route shares. */
  problems?: number[];
}

// Every route can be refused by the edge (rate limit) and can fail on its upstream.
const sharedProblems = [429, 502, 503];

/** A route anyone may call: no token, no security requirement in the document. */
export function PublicRoute(docs: RouteDocs): MethodDecorator {
  return applyDecorators(Public(), ...documented(docs, []));
}

/** A route that needs a bearer token: documented with the bearer scheme and its 401. */
export function BearerRoute(docs: RouteDocs): MethodDecorator {
  return applyDecorators(ApiBearerAuth(bearerScheme), ...documented(docs, [401]));
}

function documented(docs: RouteDocs, authProblems: number[]): MethodDecorator[] {
  const problems = [
    ...new Set([
      ...(docs.requestBody ? [400] : []),
      ...authProblems,
      ...(docs.problems ?? []),
      ...sharedProblems,
    ]),
  ];
  const { success } = docs;
  const headers = success.headers
    ? Object.fromEntries(
        Object.entries(success.headers).map(([name, description]) => [
          name,
          { description, schema: { type: 'string' } },
        ]),
      )
    : undefined;
  return [
    HttpCode(success.status),
    ApiOperation({ summary: docs.summary }),
    ...(docs.requestBody ? [ApiBody({ schema: zodToOpenApi(docs.requestBody) })] : []),
    ...queryParameters(docs.query),
    ...Object.entries(docs.requestHeaders ?? {}).map(([name, header]) =>
      ApiHeader({ name, description: header.description, required: header.required ?? false }),
    ),
    ...[success, ...(docs.alsoSuccess ? [docs.alsoSuccess] : [])].map(({ status, description }) =>
      ApiResponse({
        status,
        description,
        ...(success.body ? { schema: zodToOpenApi(success.body) } : {}),
        ...(headers ? { headers } : {}),
      }),
    ),
    ...problems
      .sort((a, b) => a - b)
      .map((status) =>
        ApiResponse({
          status,
          description: statusTitle(status),
          content: { 'application/problem+json': { schema: problemSchemaRef } },
        }),
      ),
  ];
}

function queryParameters(query: z.AnyZodObject | undefined): MethodDecorator[] {
  if (!query) return [];
  return Object.entries(query.shape as Record<string, z.ZodTypeAny>).map(([name, field]) =>
    ApiQuery({ name, required: !field.isOptional(), schema: zodToOpenApi(field) }),
  );
}
