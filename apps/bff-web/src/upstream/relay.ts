import type { Principal } from '@quizbook/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceClient, UpstreamCall } from './service-client';
import type { UpstreamReply } from './upstream-reply';

/** Sends the upstream's status, body and relayed headers as they came: problems keep their type and fields. */
export function relay(reply: FastifyReply, upstream: UpstreamReply): FastifyReply {
  void reply.status(upstream.status);
  for (const [name, value] of Object.entries(upstream.headers ?? {})) void reply.header(name, value);
  if (upstream.body === '') return reply.send();
  if (upstream.contentType) void reply.type(upstream.contentType);
  return reply.send(upstream.body);
}

/** The request the edge answers by calling a service: whom for (none on a public route), from where, and where to. */
export interface Exchange {
  principal?: Principal;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** A call made for an exchange: relayFor() adds the caller's token and address. */
export type CallerCall = Omit<UpstreamCall, 'token' | 'clientIp'>;

type Send = (reply: FastifyReply, upstream: UpstreamReply) => FastifyReply;

/**
 * Calls the service with the caller's own token (the service decides what they may do, not the
 * edge) and their address (for its logs and limits), then answers with `send`.
 */
export async function relayFor(
  { principal, request, reply }: Exchange,
  client: ServiceClient,
  call: CallerCall,
  send: Send = relay,
): Promise<FastifyReply> {
  const upstream = await client.call({ ...call, token: principal?.token, clientIp: request.ip });
  return send(reply, upstream);
}
