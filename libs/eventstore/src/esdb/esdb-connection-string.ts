/** Client 6.x knows only esdb:// and esdb+discover://; kurrentdb:// is the same protocol under the new name. */
export function toEsdbConnectionString(url: string): string {
  if (url.startsWith('kurrentdb+discover://'))
    return `esdb+discover://${url.slice('kurrentdb+discover://'.length)}`;
  if (url.startsWith('kurrentdb://')) return `esdb://${url.slice('kurrentdb://'.length)}`;
  return url;
}
