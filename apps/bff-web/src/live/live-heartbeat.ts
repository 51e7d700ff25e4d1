import type { LiveConnection } from './live-connection';

/**
 * Every `intervalMs`, pings each socket; one that has not answered the previous ping is terminated
 * (a half-open TCP connection would otherwise hold a socket, and its user's messages, forever).
 */
export function startHeartbeat(
  connections: () => readonly LiveConnection[],
  intervalMs: number,
  onDead: (connection: LiveConnection) => void,
): () => void {
  const timer = setInterval(() => {
    for (const connection of connections()) {
      if (!connection.alive) {
        onDead(connection);
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }, intervalMs);
  // Open sockets keep the process alive by themselves; the heartbeat must not.
  timer.unref();
  return () => clearInterval(timer);
}
