import type { Principal } from '../principal';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth guard: always on protected routes, on public ones only when a valid token came. */
    principal?: Principal;
  }
}
