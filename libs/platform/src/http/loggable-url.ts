// Query values that grant access (a WebSocket token, a signed link) must not end up in log storage.
const secretParameter = /token|secret|password|signature|code|key|session/i;

/** The request URL with the values of credential-like query parameters replaced by `***`. */
export function loggableUrl(url: string): string {
  const query = url.indexOf('?');
  if (query === -1) return url;
  const params = url
    .slice(query + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      return equals !== -1 && secretParameter.test(name) ? `${name}=***` : pair;
    });
  return `${url.slice(0, query)}?${params.join('&')}`;
}
