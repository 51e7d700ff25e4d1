import {
  parsePaymentEvent,
  paymentEventContracts,
  paymentStreamName,
  type PaymentEvent,
} from '@quizbook/contracts';
import { DuplicateEventIdError, WrongExpectedRevisionError, type EventStore } from '@quizbook/eventstore';
import { paymentDecider, type PaymentCommand, type PaymentState } from '../domain/payment.decider';
import { deterministicId } from '@quizbook/eventstore';
import type { KeyedMutex } from '@quizbook/platform';

export interface LoadedPayment {
  state: PaymentState;
  /** -1n when the stream does not exist. */
  revision: bigint;
}

export class TooManyConflictsError extends Error {
  override readonly name = 'TooManyConflictsError';
}

/** A Stripe event's effect is appended under this id: redelivered, it is recorded once. */
export const stripeEffectId = (stripeEventId: string) => deterministicId(`stripe:${stripeEventId}`);

export class PaymentStreams {
  constructor(
    private readonly store: EventStore,
    readonly mutex: KeyedMutex,
    private readonly maxAttempts = 20,
  ) {}

  async load(orderId: string): Promise<LoadedPayment> {
    const recorded = await this.store.readStream(paymentStreamName(orderId));
    let state = paymentDecider.initialState();
    for (const event of recorded) {
      const parsed = parsePaymentEvent(event.type, event.data);
      if (parsed) state = paymentDecider.evolve(state, parsed);
    }
    return { state, revision: recorded[recorded.length - 1]?.revision ?? -1n };
  }

  /**
   * Appends the decided events if the stream is still at `revision`; WrongExpectedRevisionError
   * otherwise, for the caller to reload and decide again.
   */
  async append(orderId: string, events: PaymentEvent[], revision: bigint, id?: string): Promise<void> {
    if (events.length === 0) return;
    events.forEach((event) => paymentEventContracts[event.type].parse(event.data));
    await this.store.appendToStream(
      paymentStreamName(orderId),
      events.map((event) => ({ ...(id ? { id } : {}), type: event.type, data: event.data })),
      { expectedRevision: revision === -1n ? 'no-stream' : revision },
    );
  }

  /** Read, decide, append; queued per stream in this process, retried on a race with another. */
  handle(orderId: string, command: PaymentCommand, id?: string): Promise<PaymentEvent[]> {
    return this.mutex.run(paymentStreamName(orderId), async () => {
      for (let attempt = 1; ; attempt++) {
        const loaded = await this.load(orderId);
        const events = paymentDecider.decide(command, loaded.state);
        try {
          await this.append(orderId, events, loaded.revision, id);
          return events;
        } catch (error) {
          const conflict =
            error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError;
          if (!conflict) throw error;
          if (attempt >= this.maxAttempts)
            throw new TooManyConflictsError(`payment ${orderId}: gave up after ${attempt} conflicts`, {
              cause: error,
            });
        }
      }
    });
  }
}
