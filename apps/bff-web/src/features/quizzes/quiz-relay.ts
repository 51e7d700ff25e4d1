import { applyDecorators } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { relay, relayFor, type CallerCall, type Exchange } from '../../upstream/relay';
import type { ServiceClient } from '../../upstream/service-client';
import type { UpstreamReply } from '../../upstream/upstream-reply';

/**
 * relay(), with the quiz services' relative Locations moved under `/api`: their routes are served
 * 1:1 there (`/quizzes/q-1` -> `/api/quizzes/q-1`), and a client must be able to follow the link.
 */
export function relayUnderApi(reply: FastifyReply, upstream: UpstreamReply): FastifyReply {
  const location = upstream.headers?.location;
  if (location?.startsWith('/') && !location.startsWith('/api/'))
    return relay(reply, { ...upstream, headers: { ...upstream.headers, location: `/api${location}` } });
  return relay(reply, upstream);
}

/** relayFor() a quiz service: its answers go out as relayUnderApi() sends them. */
export function relayUnderApiFor(
  exchange: Exchange,
  client: ServiceClient,
  call: CallerCall,
): Promise<FastifyReply> {
  return relayFor(exchange, client, call, relayUnderApi);
}

/** A path segment in a URL the edge builds: the params were validated, this keeps it one segment. */
export const segment = (value: string): string => encodeURIComponent(value);

const pathParamDescriptions: Record<string, string> = {
  id: 'The id of the resource the path names',
  questionId: 'A question id: letters, digits, "-" and "_"',
};

/**
 * Documents path parameters that are validated as one zod object (`@Param(pipe)`), which swagger
 * cannot see by itself.
 */
export function PathParams(...names: string[]): MethodDecorator {
  return applyDecorators(
    ...names.map((name) =>
      ApiParam({ name, required: true, type: String, description: pathParamDescriptions[name] }),
    ),
  );
}
