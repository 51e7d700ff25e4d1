/*
 * Injection tokens of what the platform gives an app. Strings rather than symbols, so Nest's
 * "cannot resolve" errors name them.
 */
/** An EventStore; provided only to apps whose definition `uses` 'eventStore'. */
export const EVENT_STORE = 'quizbook:EVENT_STORE';
/** A MessageBus; only with 'bus'. */
export const MESSAGE_BUS = 'quizbook:MESSAGE_BUS';
/** An SqlDatabase for read models; only with 'readDb'. */
export const READ_DATABASE = 'quizbook:READ_DATABASE';
/** A Cache; only with 'cache'. */
export const CACHE = 'quizbook:CACHE';
/** The validated AppConfig. */
export const APP_CONFIG = 'quizbook:APP_CONFIG';
/** The app's pino Logger. */
export const LOGGER = 'quizbook:LOGGER';
/** The app's Readiness, to add checks (a consumer's lag, a projection catching up). */
export const READINESS = 'quizbook:READINESS';
/** The app's AppMetrics, to register its own series. */
export const METRICS = 'quizbook:METRICS';
/** The app's AppLifecycle, to register closers for consumers and subscriptions. */
export const APP_LIFECYCLE = 'quizbook:APP_LIFECYCLE';
