import { createHash } from 'node:crypto';
import type { AnySqlDatabase } from '@quizbook/database';
import type { Kysely } from 'kysely';
import type { IdempotencyTables } from './idempotency-migrations';

export interface StoredResponse {
  status: number;
  body: Record<string, unknown>;
}

export type Claim =
  /** This request owns the key: place the order under `orderId`. */
  | { kind: 'claimed'; orderId: string }
  /** An earlier request with this key and body finished: answer what it answered. */
  | { kind: 'replay'; response: StoredResponse }
  /** An earlier request with this key and body has not finished (still running, or it crashed). */
  | { kind: 'pending'; orderId: string }
  | { kind: 'reused' };

/** A stable hash of a JSON body: key order does not matter, values do. */
export function requestHash(body: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(body ?? {}))
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `Idempotency-Key` records of POST /orders, per learner, in a course-owned table. */
export class IdempotencyKeys {
  private readonly db: Kysely<IdempotencyTables>;

  constructor(
    database: AnySqlDatabase,
    private readonly clock: () => Date,
  ) {
    this.db = database.db as Kysely<IdempotencyTables>;
  }

  /** The insert races on the primary key: of two concurrent requests with one key, one row wins. */
  async claim(learnerId: string, key: string, hash: string, orderId: string): Promise<Claim> {
    try {
      await this.db
        .insertInto('course_idempotency_keys')
        .values({
          learner_id: learnerId,
          idempotency_key: key,
          request_hash: hash,
          order_id: orderId,
          response_status: null,
          response_body: null,
          created_at: this.clock().toISOString(),
        })
        .execute();
      return { kind: 'claimed', orderId };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const row = await this.find(learnerId, key);
    if (!row) throw new Error(`idempotency key ${key} vanished after a duplicate insert`);
    if (row.request_hash !== hash) return { kind: 'reused' };
    const response = responseOf(row);
    return response ? { kind: 'replay', response } : { kind: 'pending', orderId: row.order_id };
  }

  async stored(learnerId: string, key: string): Promise<StoredResponse | undefined> {
    const row = await this.find(learnerId, key);
    return row ? responseOf(row) : undefined;
  }

  async complete(learnerId: string, key: string, response: StoredResponse): Promise<void> {
    await this.db
      .updateTable('course_idempotency_keys')
      .set({ response_status: response.status, response_body: JSON.stringify(response.body) })
      .where('learner_id', '=', learnerId)
      .where('idempotency_key', '=', key)
      .execute();
  }

  private find(learnerId: string, key: string) {
    return this.db
      .selectFrom('course_idempotency_keys')
      .selectAll()
      .where('learner_id', '=', learnerId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  }
}

function responseOf(row: IdempotencyTables['course_idempotency_keys']): StoredResponse | undefined {
  if (row.response_status === null || row.response_body === null) return undefined;
  return {
    status: Number(row.response_status),
    body: JSON.parse(row.response_body) as Record<string, unknown>,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const { code, errno } = (error ?? {}) as { code?: unknown; errno?: unknown };
  return (
    errno === 1062 ||
    code === 'ER_DUP_ENTRY' ||
    (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'))
  );
}
