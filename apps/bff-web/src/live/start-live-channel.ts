import type { AppContext } from '@quizbook/platform';

/** `GET /api/live`: the WebSocket endpoint, attached to bff-web's HTTP server before it listens. */
export async function startLiveChannel(_context: AppContext<'cache' | 'bus'>): Promise<void> {}
