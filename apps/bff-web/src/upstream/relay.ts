import type { FastifyReply } from 'fastify';
import type { UpstreamReply } from './upstream-reply';

/** Sends the upstream's status and body as they came: its problems keep their type, detail and fields. */
export function relay(reply: FastifyReply, upstream: UpstreamReply): FastifyReply {
  void reply.status(upstream.status);
  if (upstream.body === '') return reply.send();
  if (upstream.contentType) void reply.type(upstream.contentType);
  return reply.send(upstream.body);
}
