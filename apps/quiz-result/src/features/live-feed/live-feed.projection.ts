import {
  attemptStreamCategory,
  courseStreamCategory,
  LiveUpdatePublished,
  liveUpdatesTopic,
  orderStreamCategory,
  parseOrderEvent,
} from '@quizbook/contracts';
import { defineProjection, type Projection } from '@quizbook/database';
import type { MessageBus } from '@quizbook/messaging';
import { liveMessageOf, type LiveMessageFor } from './live-messages-of';
import type { LiveFeedTables } from './live-feed.tables';

/** Publishes one live message; called inside the projection's transaction, before it commits. */
export type LivePublisher = (live: LiveMessageFor) => Promise<void>;

export const liveUpdateMessageId = (position: string, userId: string) => `live-${position}-${userId}`;

export function busLivePublisher(bus: MessageBus): LivePublisher {
  return ({ userId, message }) => {
    const update = LiveUpdatePublished.create({ userId, message });
    return bus.publish(liveUpdatesTopic, {
      id: liveUpdateMessageId(message.position, userId),
      type: update.type,
      key: userId,
      payload: update.data,
    });
  };
}

export const liveFeedProjectionName = 'quiz_result_live_feed';

/**
 * Turns graded attempts, order events and seat confirmations/refunds into per-user live messages:
 * stored for replay (unique per user and position) and published on `live-updates` before the
 * checkpoint moves. A crash after the publish and before the commit re-publishes the same message
 * id on restart (bff-web drops it by position); nothing is lost. Without a publisher (the rebuild
 * tool) it only restores the rows, so a rebuild never re-pushes old messages.
 */
export function liveFeedProjection(publish?: LivePublisher): Projection<LiveFeedTables> {
  return defineProjection<LiveFeedTables>({
    name: liveFeedProjectionName,
    categories: [attemptStreamCategory, orderStreamCategory, courseStreamCategory],
    tables: ['qr_live_messages', 'qr_order_learners', 'qr_live_results'],
    migrations: [
      {
        name: '0001_create_qr_live_messages',
        async up(db) {
          await db.schema
            .createTable('qr_live_messages')
            .addColumn('user_id', 'varchar(191)', (col) => col.notNull())
            .addColumn('position', 'bigint', (col) => col.notNull())
            .addColumn('type', 'varchar(32)', (col) => col.notNull())
            .addColumn('data', 'text', (col) => col.notNull())
            .addColumn('created_at', 'varchar(40)', (col) => col.notNull())
            .addPrimaryKeyConstraint('qr_live_messages_pk', ['user_id', 'position'])
            .execute();
          await db.schema
            .createIndex('qr_live_messages_by_created_at')
            .on('qr_live_messages')
            .column('created_at')
            .execute();
          await db.schema
            .createTable('qr_order_learners')
            .addColumn('order_id', 'varchar(191)', (col) => col.primaryKey())
            .addColumn('learner_id', 'varchar(191)', (col) => col.notNull())
            .execute();
        },
      },
      {
        name: '0002_create_qr_live_results',
        async up(db) {
          await db.schema
            .createTable('qr_live_results')
            .addColumn('attempt_id', 'varchar(191)', (col) => col.primaryKey())
            .addColumn('position', 'bigint', (col) => col.notNull())
            .execute();
        },
      },
    ],
    async handle(event, trx) {
      const order = parseOrderEvent(event.type, event.data);
      if (order?.type === 'OrderInitiated') {
        const known = await trx
          .selectFrom('qr_order_learners')
          .select('learner_id')
          .where('order_id', '=', order.data.orderId)
          .executeTakeFirst();
        if (!known)
          await trx
            .insertInto('qr_order_learners')
            .values({ order_id: order.data.orderId, learner_id: order.data.learnerId })
            .execute();
      }
      const live = await liveMessageOf(event, async (orderId) => {
        const row = await trx
          .selectFrom('qr_order_learners')
          .select('learner_id')
          .where('order_id', '=', orderId)
          .executeTakeFirst();
        return row?.learner_id;
      });
      if (!live) return;
      if (live.message.type === 'quiz.result') {
        const announced = await trx
          .selectFrom('qr_live_results')
          .select('position')
          .where('attempt_id', '=', live.message.data.attemptId)
          .executeTakeFirst();
        if (announced && announced.position.toString() !== live.message.position) return;
        if (!announced)
          await trx
            .insertInto('qr_live_results')
            .values({ attempt_id: live.message.data.attemptId, position: live.message.position })
            .execute();
      }
      const stored = await trx
        .selectFrom('qr_live_messages')
        .select('position')
        .where('user_id', '=', live.userId)
        .where('position', '=', live.message.position)
        .executeTakeFirst();
      // Already stored and committed means already published: a replay over live rows is a no-op.
      if (stored) return;
      await trx
        .insertInto('qr_live_messages')
        .values({
          user_id: live.userId,
          position: live.message.position,
          type: live.message.type,
          data: JSON.stringify(live.message.data),
          created_at: event.createdAt.toISOString(),
        })
        .execute();
      await publish?.(live);
    },
  });
}
