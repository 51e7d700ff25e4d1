/** Access tokens live 15 minutes: short enough that a revoked refresh family stops a session soon. */
export const accessTokenTtlSeconds = 15 * 60;

/** A retired key stays in the JWKS this long: every token it signed has expired by then, plus clock skew. */
export const retiredKeyRetentionSeconds = accessTokenTtlSeconds + 5 * 60;

export const refreshTokenTtlSeconds = 30 * 24 * 60 * 60;
