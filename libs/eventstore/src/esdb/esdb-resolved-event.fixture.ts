import { encodePosition } from './esdb-positions';
import type { AllStreamResolvedEvent } from '@eventstore/db-client';

/** Builds what the EventStoreDB client yields for one event in `$all`, for unit tests without a server. */
export function resolvedEventFixture(fields: {
  streamId: string;
  type?: string;
  revision?: bigint;
  commit: bigint;
  prepare?: bigint;
  id?: string;
  data?: unknown;
  metadata?: unknown;
  binary?: boolean;
}): AllStreamResolvedEvent {
  const position = { commit: fields.commit, prepare: fields.prepare ?? fields.commit };
  const common = {
    streamId: fields.streamId,
    id: fields.id ?? '3c4a4f5e-0000-4000-8000-000000000000',
    revision: fields.revision ?? 0n,
    type: fields.type ?? 'Tick',
    created: new Date(1_700_000_000_000),
    position,
  };
  const event = fields.binary
    ? {
        ...common,
        isJson: false as const,
        data: Buffer.from(JSON.stringify(fields.data ?? {}), 'utf8'),
        metadata: Buffer.from(JSON.stringify(fields.metadata ?? {}), 'utf8'),
      }
    : {
        ...common,
        isJson: true as const,
        data: (fields.data ?? {}) as Record<string, unknown>,
        metadata: (fields.metadata ?? {}) as Record<string, unknown>,
      };
  return { event, commitPosition: fields.commit } as AllStreamResolvedEvent;
}

/** Our position of an event EventStoreDB wrote alone (commit and prepare positions equal). */
export function at(commit: bigint): bigint {
  return encodePosition({ commit, prepare: commit });
}
