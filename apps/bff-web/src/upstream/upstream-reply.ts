/** What an upstream service answered, kept as bytes so the edge relays it unchanged. */
export interface UpstreamReply {
  status: number;
  contentType: string | undefined;
  body: string;
}

export function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/([\w.+-]+\+)?json\b/i.test(contentType);
}
