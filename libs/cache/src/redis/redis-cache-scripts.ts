/**
 * INCR and the first PEXPIRE in one script: with two commands, a crash (or a lost reply) between them
 * would leave a counter with no expiry, locking a client out for good.
 */
export const fixedWindowHitScript = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

/** SCAN MATCH takes a glob: a prefix holding `*`, `?`, `[` or `\\` must match itself only. */
export function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
