export interface OpenSearchTarget {
  /** The node URL without credentials or path, as the client wants it. */
  node: string;
  auth?: { username: string; password: string };
  index: string;
}

export const defaultCourseIndexName = 'courses';

/** `https://user:pass@host:9200/<index>`: the path names the index (default `courses`). */
export function parseOpenSearchUrl(url: string): OpenSearchTarget {
  const parsed = new URL(url);
  const auth = parsed.username
    ? {
        username: decodeURIComponent(parsed.username),
        password: decodeURIComponent(parsed.password),
      }
    : undefined;
  const index = parsed.pathname.replace(/^\/+|\/+$/g, '') || defaultCourseIndexName;
  return { node: `${parsed.protocol}//${parsed.host}`, index, ...(auth ? { auth } : {}) };
}
