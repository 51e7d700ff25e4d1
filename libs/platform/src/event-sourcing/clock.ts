/** Injected wherever expiry is decided, so specs move time instead of waiting for it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
