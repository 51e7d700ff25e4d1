/**
 * The slice of `pulsar-client` this adapter uses, typed here because the package is optional and
 * absent on machines that cannot build its native part; `import type` from it would not compile there.
 */
export interface PulsarModule {
  Client: new (config: { serviceUrl: string; operationTimeoutSeconds?: number }) => PulsarClient;
}

export interface PulsarClient {
  createProducer(config: {
    topic: string;
    sendTimeoutMs?: number;
    batchingEnabled?: boolean;
  }): Promise<PulsarProducer>;
  subscribe(config: PulsarSubscribeConfig): Promise<PulsarConsumer>;
  close(): Promise<null>;
}

export interface PulsarSubscribeConfig {
  topics: string[];
  subscription: string;
  subscriptionType: 'Exclusive' | 'Shared' | 'Failover' | 'KeyShared';
  subscriptionInitialPosition?: 'Latest' | 'Earliest';
  nAckRedeliverTimeoutMs?: number;
  receiverQueueSize?: number;
  listener?: (message: PulsarReceivedMessage, consumer: PulsarConsumer) => void;
}

export interface PulsarOutgoing {
  data: Buffer;
  properties?: Record<string, string>;
  partitionKey?: string;
  orderingKey?: string;
  eventTimestamp?: number;
  deliverAfter?: number;
}

export interface PulsarProducer {
  send(message: PulsarOutgoing): Promise<unknown>;
  flush(): Promise<null>;
  close(): Promise<null>;
}

export interface PulsarReceivedMessage {
  getData(): Buffer;
  getProperties(): Record<string, string>;
  getPartitionKey(): string;
  getPublishTimestamp(): number;
  getRedeliveryCount(): number;
}

export interface PulsarConsumer {
  acknowledge(message: PulsarReceivedMessage): Promise<null> | void;
  negativeAcknowledge(message: PulsarReceivedMessage): void;
  /** Deletes the subscription on the broker (and ends this consumer). */
  unsubscribe(): Promise<null>;
  close(): Promise<null>;
}
