import type { Kysely, Transaction } from 'kysely';
import type { Message } from '../message-bus.port';

interface InboxSchema {
  [table: string]: { consumer: string; message_id: string; processed_at: string };
}

export interface SqlInboxOptions {
  /** Defaults to inbox_processed. */
  table?: string;
  /** Transactions retried when MySQL picks this one as a deadlock victim (concurrent duplicates can do that). */
  maxTransactionRetries?: number;
}

export type InboxOutcome = 'handled' | 'duplicate';

/**
 * Makes a handler's effect happen once per (consumer, message id) however often the bus delivers it:
 * the inbox row and the effect commit in one transaction, so either both happen or neither does.
 * Works on MySQL/MariaDB and SQLite through Kysely.
 */
export class SqlInbox<Schema = unknown> {
  private readonly table: string;
  private readonly maxTransactionRetries: number;

  constructor(
    private readonly db: Kysely<Schema>,
    options: SqlInboxOptions = {},
  ) {
    this.table = options.table ?? 'inbox_processed';
    this.maxTransactionRetries = options.maxTransactionRetries ?? 5;
  }

  /** Creates the inbox table if it is missing: safe to call at every start. */
  static async open<Schema>(db: Kysely<Schema>, options: SqlInboxOptions = {}): Promise<SqlInbox<Schema>> {
    const inbox = new SqlInbox(db, options);
    await inbox.ensureTable();
    return inbox;
  }

  async ensureTable(): Promise<void> {
    await this.inboxDb(this.db)
      .schema.createTable(this.table)
      .ifNotExists()
      // 191 keeps the composite key inside old MySQL index limits with utf8mb4.
      .addColumn('consumer', 'varchar(191)', (column) => column.notNull())
      .addColumn('message_id', 'varchar(191)', (column) => column.notNull())
      .addColumn('processed_at', 'varchar(32)', (column) => column.notNull())
      .addPrimaryKeyConstraint(`${this.table}_pk`, ['consumer', 'message_id'])
      .execute();
  }

  /**
   * Runs `effect` in the transaction that records the message, unless it was recorded before.
   * If `effect` throws, nothing is recorded and the error propagates, so the bus retries it.
   */
  async handleOnce(
    consumer: string,
    message: Pick<Message, 'id'>,
    effect: (trx: Transaction<Schema>) => Promise<void>,
  ): Promise<InboxOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          // INSERT IGNORE / INSERT OR IGNORE: a concurrent duplicate waits on the row lock, then inserts nothing.
          const result = await this.inboxDb(trx)
            .insertInto(this.table)
            .orIgnore()
            .values({ consumer, message_id: message.id, processed_at: new Date().toISOString() })
            .executeTakeFirst();
          if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) return 'duplicate';
          await effect(trx);
          return 'handled';
        });
      } catch (error) {
        if (attempt >= this.maxTransactionRetries || !isRetryableLockError(error)) throw error;
      }
    }
  }

  async hasProcessed(consumer: string, messageId: string): Promise<boolean> {
    const row = await this.inboxDb(this.db)
      .selectFrom(this.table)
      .select('message_id')
      .where('consumer', '=', consumer)
      .where('message_id', '=', messageId)
      .executeTakeFirst();
    return row !== undefined;
  }

  private inboxDb(db: Kysely<Schema>): Kysely<InboxSchema> {
    return db as unknown as Kysely<InboxSchema>;
  }
}

function isRetryableLockError(error: unknown): boolean {
  const { code, errno } = error as { code?: string; errno?: number };
  // MySQL deadlock victim / lock wait timeout; SQLite busy (another process holds the write lock).
  return errno === 1213 || errno === 1205 || code === 'SQLITE_BUSY';
}
