import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  ACCESS_TOKEN_VERIFIER,
  atTokenExpiry,
  BEARER_SUBPROTOCOL,
  type AccessTokenVerifier,
} from '@quizbook/auth';
import { ProblemError, type AppContext } from '@quizbook/platform';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ServiceClient } from '../upstream/service-client';
import { QuizResultServiceClient } from '../upstream/quiz-result-service.client';
import { LiveConnection } from './live-connection';
import { admit, HandshakeRefusal, isLivePath, refuseUpgrade, type Admission } from './live-handshake';
import { BacklogUnavailableError, replayBacklog } from './live-backlog';
import { startHeartbeat } from './live-heartbeat';
import { parseLivePosition } from './live-position';
import { LiveSockets } from './live-sockets';
import { consumeLiveUpdates } from './live-updates-consumer';

/** Close codes the client acts on: 4401 means "get a fresh token and reconnect". */
export const liveCloseCodes = {
  goingAway: 1001,
  internalError: 1011,
  tryAgainLater: 1013,
  tokenExpired: 4401,
} as const;

// Clients send nothing but pongs and close frames; anything bigger is not a client of ours.
const maxClientFrameBytes = 4 * 1024;
// How long a shutdown waits for clients to answer the close frame before cutting them off.
const closeGraceMs = 2_000;

/** `GET /api/live`: the WebSocket endpoint, attached to bff-web's HTTP server before it listens. */
export async function startLiveChannel(context: AppContext<'cache' | 'bus'>): Promise<void> {
  const logger = context.logger.child({ component: 'live' });
  const verifier = context.nest.get<string, AccessTokenVerifier>(ACCESS_TOKEN_VERIFIER, { strict: false });
  const quizResult = context.nest.get(QuizResultServiceClient, { strict: false });
  const openSockets = new Gauge({
    name: 'quizbook_live_sockets',
    help: 'Live WebSockets open on this bff-web instance',
    registers: [context.metrics.registry],
  });
  openSockets.set(0);
  const sockets = new LiveSockets((count) => openSockets.set(count));
  const server = new WebSocketServer({
    noServer: true,
    maxPayload: maxClientFrameBytes,
    // A browser that offered its token as `bearer, <token>` drops the socket unless `bearer` is selected.
    handleProtocols: (offered) => (offered.has(BEARER_SUBPROTOCOL) ? BEARER_SUBPROTOCOL : false),
  });
  let closing = false;

  const open = (socket: WebSocket, admission: Admission) =>
    openConnection(socket, admission, { sockets, quizResult, logger });

  context.nest.getHttpServer().on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A reset during the token check must not become an uncaught 'error' that ends the process.
    const dropOnError = () => socket.destroy();
    socket.on('error', dropOnError);
    if (!isLivePath(request)) {
      socket.destroy();
      return;
    }
    if (closing) {
      refuseUpgrade(socket, shuttingDown());
      return;
    }
    admit(request, verifier).then(
      (admission) => {
        socket.off('error', dropOnError);
        if (closing) refuseUpgrade(socket, shuttingDown());
        else if (!socket.destroyed)
          server.handleUpgrade(request, socket, head, (ws) => void open(ws, admission));
      },
      (error: unknown) => {
        if (error instanceof HandshakeRefusal) {
          logger.info(
            { reason: error.reason, status: error.problem.problem.status },
            'live handshake refused',
          );
          refuseUpgrade(socket, error.problem, error.headers);
          return;
        }
        logger.error({ err: error }, 'live handshake failed');
        refuseUpgrade(
          socket,
          new ProblemError({
            status: 503,
            detail: 'Sign-in cannot be checked right now; reconnect shortly.',
          }),
        );
      },
    );
  });

  const stopHeartbeat = startHeartbeat(
    () => sockets.all(),
    context.config.liveHeartbeatSeconds * 1000,
    (connection) => logger.info({ userId: connection.userId }, 'live socket missed its heartbeat'),
  );
  const consumer = await consumeLiveUpdates(context.bus, sockets, logger);

  // Before the HTTP server closes: it waits for every connection, upgraded sockets included.
  context.nest
    .getHttpAdapter()
    .getInstance()
    .addHook('preClose', async () => {
      closing = true;
      stopHeartbeat();
      await closeAll(sockets, logger);
      server.close();
    });
  context.lifecycle.onShutdown('live channel', async () => {
    closing = true;
    stopHeartbeat();
    await consumer.close();
    // Only left when the server never closed (a failed start): nothing may keep the process alive.
    for (const connection of sockets.all()) connection.socket.terminate();
  });
}

interface ConnectionDependencies {
  sockets: LiveSockets;
  quizResult: Pick<ServiceClient, 'call'>;
  logger: Logger;
}

async function openConnection(
  socket: WebSocket,
  { principal, after }: Admission,
  { sockets, quizResult, logger }: ConnectionDependencies,
): Promise<void> {
  const { userId } = principal;
  const connection = new LiveConnection(
    socket,
    userId,
    after === undefined ? undefined : parseLivePosition(after),
  );
  socket.on('pong', () => (connection.alive = true));
  socket.on('error', (error) => logger.warn({ err: error, userId }, 'live socket failed'));
  const cancelExpiry = atTokenExpiry(principal, () =>
    socket.close(liveCloseCodes.tokenExpired, 'token expired'),
  );
  socket.on('close', (code, reason) => {
    cancelExpiry();
    sockets.remove(connection);
    logger.info({ userId, code, reason: reason.toString() }, 'live socket closed');
  });
  // Registered before the backlog is asked for, so nothing published meanwhile slips between the two.
  if (after !== undefined) connection.beginReplay();
  sockets.add(connection);
  logger.info({ userId, after }, 'live socket opened');
  if (after === undefined) return;
  try {
    await replayBacklog(quizResult, { token: principal.token, after }, (page) => connection.replay(page));
    connection.endReplay();
  } catch (error) {
    if (error instanceof BacklogUnavailableError) {
      logger.warn({ err: error, userId, after }, 'live backlog unavailable; asking the client to retry');
      socket.close(liveCloseCodes.tryAgainLater, 'try again later');
      return;
    }
    // Never silently live without the backlog: the client reconnects with the same `after`.
    logger.error({ err: error, userId, after }, 'live backlog replay failed');
    socket.close(liveCloseCodes.internalError, 'replay failed');
  }
}

function shuttingDown(): ProblemError {
  return new ProblemError({ status: 503, detail: 'The server is shutting down; reconnect shortly.' });
}

/** 1001 to every socket; those that do not finish the closing handshake in time are cut off. */
async function closeAll(sockets: LiveSockets, logger: Logger): Promise<void> {
  const connections = sockets.all();
  if (connections.length === 0) return;
  logger.info({ sockets: connections.length }, 'closing live sockets for shutdown');
  await Promise.all(
    connections.map(
      ({ socket }) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === socket.CLOSED) return resolve();
          const cutOff = setTimeout(() => socket.terminate(), closeGraceMs);
          socket.once('close', () => {
            clearTimeout(cutOff);
            resolve();
          });
          socket.close(liveCloseCodes.goingAway, 'server shutting down');
        }),
    ),
  );
}
