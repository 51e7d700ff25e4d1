import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AnySqlDatabase } from '@quizbook/database';
import { addSeconds, systemClock, type Clock } from '../store/clock';
import type { UserTables } from '../store/user-migrations';
import { refreshTokenTtlSeconds } from './token-settings';

export interface IssuedRefreshToken {
  token: string;
  familyId: string;
}

export type RotationOutcome =
  | { outcome: 'rotated'; userId: string; familyId: string; next: IssuedRefreshToken }
  /** A used token came back: someone holds a copy, so the whole family was revoked. */
  | { outcome: 'reused'; userId: string; familyId: string }
  | { outcome: 'refused' };

/** Only the hash is stored: a leaked table cannot be replayed. */
export const hashRefreshToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Opaque refresh tokens in families: each refresh uses one token and issues the next of its family.
 * Presenting a used token revokes the family (OAuth 2.0 Security BCP, refresh token rotation).
 */
export class RefreshTokenStore {
  private readonly db: Kysely<UserTables>;

  constructor(
    private readonly database: AnySqlDatabase,
    private readonly clock: Clock = systemClock,
  ) {
    this.db = database.db as Kysely<UserTables>;
  }

  /** A new family (a login), or the next token of one (a refresh). */
  async issue(
    userId: string,
    familyId: string = randomUUID(),
    db: Kysely<UserTables> = this.db,
  ): Promise<IssuedRefreshToken> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    await db
      .insertInto('user_refresh_tokens')
      .values({
        token_hash: hashRefreshToken(token),
        family_id: familyId,
        user_id: userId,
        created_at: now.toISOString(),
        expires_at: addSeconds(now, refreshTokenTtlSeconds).toISOString(),
        used_at: null,
        revoked_at: null,
      })
      .execute();
    return { token, familyId };
  }

  /**
   * Marks the token used and issues its successor in one transaction. The row is locked first
   * (FOR UPDATE on MySQL; SQLite has one writer at a time), so of two concurrent refreshes with one
   * token, one rotates and the other sees a used token and revokes the family.
   */
  async rotate(token: string): Promise<RotationOutcome> {
    const tokenHash = hashRefreshToken(token);
    return this.db.transaction().execute(async (trx) => {
      const row = await this.lockRow(trx, tokenHash);
      const now = this.clock().toISOString();
      if (!row || row.revoked_at !== null || row.expires_at <= now) return { outcome: 'refused' as const };
      if (row.used_at !== null) {
        await this.revokeFamilyIn(trx, row.family_id, now);
        return { outcome: 'reused' as const, userId: row.user_id, familyId: row.family_id };
      }
      await trx
        .updateTable('user_refresh_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .execute();
      const next = await this.issue(row.user_id, row.family_id, trx);
      return { outcome: 'rotated' as const, userId: row.user_id, familyId: row.family_id, next };
    });
  }

  /** Logout: revokes the family of the presented token, if it belongs to `userId`. */
  async revokeFamilyOf(token: string, userId?: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('user_refresh_tokens')
      .select(['family_id', 'user_id'])
      .where('token_hash', '=', hashRefreshToken(token))
      .executeTakeFirst();
    if (!row || (userId !== undefined && row.user_id !== userId)) return false;
    await this.revokeFamily(row.family_id);
    return true;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.revokeFamilyIn(this.db, familyId, this.clock().toISOString());
  }

  private async revokeFamilyIn(db: Kysely<UserTables>, familyId: string, now: string): Promise<void> {
    await db
      .updateTable('user_refresh_tokens')
      .set({ revoked_at: now })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  private async lockRow(trx: Transaction<UserTables>, tokenHash: string) {
    if (this.database.dialect === 'sqlite') {
      // A write first takes SQLite's write lock now, rather than upgrading a read lock later (which
      // another process could make fail with SQLITE_BUSY).
      await trx
        .updateTable('user_refresh_tokens')
        .set((eb) => ({ token_hash: eb.ref('token_hash') }))
        .where('token_hash', '=', tokenHash)
        .execute();
    }
    const select = trx.selectFrom('user_refresh_tokens').selectAll().where('token_hash', '=', tokenHash);
    return (this.database.dialect === 'mysql' ? select.forUpdate() : select).executeTakeFirst();
  }
}
