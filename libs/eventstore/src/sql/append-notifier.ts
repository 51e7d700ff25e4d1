/**
 * Wakes subscribers in this process as soon as an append through any adapter instance on the same
 * database commits, so live delivery does not wait for the next poll. Polling still covers writers in
 * other processes.
 */
type Listener = () => void;

const listenersByStore = new Map<string, Set<Listener>>();

export function onAppend(storeKey: string, listener: Listener): () => void {
  let listeners = listenersByStore.get(storeKey);
  if (!listeners) {
    listeners = new Set();
    listenersByStore.set(storeKey, listeners);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && listenersByStore.get(storeKey) === listeners)
      listenersByStore.delete(storeKey);
  };
}

export function notifyAppend(storeKey: string): void {
  for (const listener of listenersByStore.get(storeKey) ?? []) listener();
}
