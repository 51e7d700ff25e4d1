/** The app's AccessTokenVerifier, for code that authenticates outside the guard (WebSocket handshakes). */
export const ACCESS_TOKEN_VERIFIER = 'quizbook:ACCESS_TOKEN_VERIFIER';
