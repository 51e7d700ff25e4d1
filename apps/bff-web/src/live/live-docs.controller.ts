import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ProblemError } from '@quizbook/platform';
import { z } from 'zod';
import { BearerRoute } from '../edge/openapi/route-docs';
import { livePath } from './live-handshake';

const liveQuery = z.object({
  after: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional()
    .describe('The last position received: the missed messages are sent first, each once, ascending'),
  access_token: z
    .string()
    .optional()
    .describe('For clients that cannot offer `bearer, <token>` as subprotocols or set Authorization'),
});

/**
 * The WebSocket endpoint in the API document. Upgrade requests never reach this route: the live
 * channel takes them off the HTTP server first. A plain GET lands here and is told to upgrade.
 */
@ApiTags('live')
@Controller(livePath.slice(1))
export class LiveDocsController {
  @Get()
  @BearerRoute({
    summary:
      'WebSocket of live messages (quiz.result, order.status, enrollment) for the signed-in user. Token as ' +
      'subprotocols `bearer, <token>`, `Authorization: Bearer`, or `?access_token=`. Close codes: 4401 token ' +
      'expired, 1013 try again later (resume with `after`), 1001 server shutting down.',
    success: { status: 101, description: 'Switching Protocols: the socket is open' },
    query: liveQuery,
    problems: [400, 401, 426],
  })
  plainGet(): never {
    throw new ProblemError({
      status: 426,
      type: 'upgrade-required',
      detail: 'GET /api/live is a WebSocket: connect with a WebSocket client.',
    });
  }
}
