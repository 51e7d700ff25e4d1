import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { Public, statusTitle } from '@quizbook/platform';
import type { z } from 'zod';
import { problemSchemaRef } from './problem-schema';
import { zodToOpenApi } from './zod-to-openapi';

export const bearerScheme = 'bearer';

export interface RouteDocs {
  summary: string;
  /** Success status and, unless the route answers with no body, its body's schema. */
  success: { status: number; description: string; body?: z.ZodTypeAny };
  requestBody?: z.ZodTypeAny;
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
  return [
    HttpCode(success.status),
    ApiOperation({ summary: docs.summary }),
    ...(docs.requestBody ? [ApiBody({ schema: zodToOpenApi(docs.requestBody) })] : []),
    ApiResponse(
      success.body
        ? { status: success.status, description: success.description, schema: zodToOpenApi(success.body) }
        : { status: success.status, description: success.description },
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
