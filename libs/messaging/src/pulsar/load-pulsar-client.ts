import type { PulsarModule } from './pulsar-client-types';

export class PulsarClientMissingError extends Error {
  override readonly name = 'PulsarClientMissingError';
  constructor() {
    super(
      'BUS_URL is pulsar://… but the optional package pulsar-client is not installed: run `npm install pulsar-client` on a machine that can build it',
    );
  }
}

/** Loaded only when a pulsar:// URL is configured, so every other setup runs without the native package. */
export function loadPulsarClient(requireModule: (id: string) => unknown = require): PulsarModule {
  try {
    return requireModule('pulsar-client') as PulsarModule;
  } catch (error) {
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND') throw new PulsarClientMissingError();
    throw error;
  }
}
