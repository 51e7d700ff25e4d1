/** What an upstream service answered, kept as bytes so the edge relays it unchanged. */
export interface UpstreamReply {
  status: number;
  contentType: string | undefined;
  body: string;
  /** The response headers a client acts on, by lower-case name (see relayedHeaderNames). */
  headers?: Record<string, string>;
}

/** Versions for If-Match, where a new resource lives, when to try again, which key was honoured. */
export const relayedHeaderNames = ['etag', 'location', 'retry-after', 'idempotency-key'] as const;

export function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/([\w.+-]+\+)?json\b/i.test(contentType);
}
