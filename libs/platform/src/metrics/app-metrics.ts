import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type HttpLabels = 'method' | 'route' | 'status_code';

export interface AppMetrics {
  /** The app's own registry (every series labelled `app`): apps register their metrics here. */
  readonly registry: Registry;
  readonly httpRequestDuration: Histogram<HttpLabels>;
  readonly contentType: string;
  /** The app's series plus the process-wide ones, in Prometheus text format. */
  render(): Promise<string>;
}

let processRegistry: Registry | undefined;

/**
 * CPU, memory, event loop... belong to the process, not to an app: collected once into a registry of
 * their own, because eight apps may share the process and prom-client refuses a second collection.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** A registry per app, so apps sharing one process never clash on metric names. */
export function createAppMetrics(app: string): AppMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  const httpRequestDuration = new Histogram<HttpLabels>({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // Always present, so even an app that has served nothing yet exposes a series naming it.
  new Gauge({ name: 'quizbook_app_info', help: 'Always 1; labels name the app', registers: [registry] }).set(
    1,
  );
  const shared = processMetrics();
  return {
    registry,
    httpRequestDuration,
    contentType: registry.contentType,
    async render() {
      const [own, process] = await Promise.all([registry.metrics(), shared.metrics()]);
      return `${own}\n${process}`;
    },
  };
}
