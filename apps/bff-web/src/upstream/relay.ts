import type { FastifyReply } from 'fastify';
import type { UpstreamReply } from './upstream-reply';

/** Sends the upstream's status, body and relayed headers as they came: problems keep their type and fields. */
export function relay(reply: FastifyReply, upstream: UpstreamReply): FastifyReply {
  void reply.status(upstream.status);
  for (const [name, value] of Object.entries(upstream.headers ?? {})) void reply.header(name, value);
  if (upstream.body === '') return reply.send();
  if (upstream.contentType) void reply.type(upstream.contentType);
  return reply.send(upstream.body);
}
