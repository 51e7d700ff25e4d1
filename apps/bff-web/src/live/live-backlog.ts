import { liveMessageSchema, type LiveMessage } from '@quizbook/contracts';
import { z } from 'zod';
import type { ServiceClient } from '../upstream/service-client';

/** Page size asked of quiz-result's `/live/messages` (its maximum is 1000). */
export const backlogPageSize = 500;

const backlogPageSchema = z.object({ messages: z.array(liveMessageSchema) });

/** quiz-result did not hand over the backlog: the socket is closed with 1013 rather than skip it. */
export class BacklogUnavailableError extends Error {
  override readonly name = 'BacklogUnavailableError';
}

/**
 * Pages through the messages the user missed after `after`, with the user's own token, handing each
 * page to `onPage` before asking for the next: ascending, until a page comes back short.
 */
export async function replayBacklog(
  quizResult: Pick<ServiceClient, 'call'>,
  request: { token: string; after: string; pageSize?: number },
  onPage: (messages: readonly LiveMessage[]) => void,
): Promise<void> {
  const pageSize = request.pageSize ?? backlogPageSize;
  let after = request.after;
  for (;;) {
    const messages = await fetchPage(quizResult, request.token, after, pageSize);
    onPage(messages);
    const last = messages.at(-1);
    if (messages.length < pageSize || !last) return;
    after = last.position;
  }
}

async function fetchPage(
  quizResult: Pick<ServiceClient, 'call'>,
  token: string,
  after: string,
  limit: number,
): Promise<LiveMessage[]> {
  let reply;
  try {
    reply = await quizResult.call({
      method: 'GET',
      path: `/live/messages?after=${after}&limit=${limit}`,
      token,
    });
  } catch (error) {
    throw new BacklogUnavailableError('quiz-result is unreachable', { cause: error });
  }
  if (reply.status !== 200)
    throw new BacklogUnavailableError(`quiz-result answered ${reply.status} for the backlog`);
  let page;
  try {
    page = backlogPageSchema.safeParse(JSON.parse(reply.body));
  } catch (error) {
    throw new BacklogUnavailableError('quiz-result answered a backlog that is not JSON', { cause: error });
  }
  if (!page.success) throw new BacklogUnavailableError('quiz-result answered a backlog of unknown shape');
  return page.data.messages;
}
