import type Redis from 'ioredis';

// Compare-and-act, so a consumer whose lease already expired can never extend or drop someone else's.
const renewScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const releaseScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
// Server time, so consumers on hosts with skewed clocks still agree on who is alive.
const heartbeatScript = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 4)
return redis.call('ZCARD', KEYS[1])`;

export async function acquireLease(
  redis: Redis,
  key: string,
  owner: string,
  ttlMs: number,
): Promise<boolean> {
  return (await redis.set(key, owner, 'PX', ttlMs, 'NX')) === 'OK';
}

export async function renewLease(redis: Redis, key: string, owner: string, ttlMs: number): Promise<boolean> {
  return (await redis.eval(renewScript, 1, key, owner, ttlMs)) === 1;
}

export async function releaseLease(redis: Redis, key: string, owner: string): Promise<void> {
  await redis.eval(releaseScript, 1, key, owner);
}

/** Registers `member` as alive for `ttlMs` and returns how many consumers of the group are alive. */
export async function heartbeat(redis: Redis, key: string, member: string, ttlMs: number): Promise<number> {
  return Number(await redis.eval(heartbeatScript, 1, key, member, ttlMs));
}
