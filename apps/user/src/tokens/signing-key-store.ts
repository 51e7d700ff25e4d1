import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  randomUUID,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import type { AnySqlDatabase } from '@quizbook/database';
import { addSeconds, systemClock, type Clock } from '../store/clock';
import type { UserTables } from '../store/user-migrations';
import { retiredKeyRetentionSeconds } from './token-settings';

const generateRsaKeyPair = promisify(generateKeyPair);

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

export interface PublicJwk extends JsonWebKey {
  kid: string;
  kty: string;
  alg: 'RS256';
  use: 'sig';
}

/**
 * RS256 keys in the read database, so every instance signs with the same key and a restart keeps
 * the tokens issued before it valid. Rows are immutable apart from `retired_at`.
 */
export class SigningKeyStore {
  private readonly db: Kysely<UserTables>;
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(
    database: AnySqlDatabase,
    private readonly clock: Clock = systemClock,
  ) {
    this.db = database.db as Kysely<UserTables>;
  }

  /** On start: the first start creates a key; later starts find it. */
  async ensureSigningKey(): Promise<void> {
    if ((await this.activeKeyRow()) === undefined) await this.createKey();
  }

  /**
   * The new key signs from now on; the old ones stay published until every token they signed has
   * expired, then `pruneRetiredKeys` drops them.
   */
  async rotate(): Promise<{ kid: string }> {
    const now = this.clock().toISOString();
    const kid = await this.createKey();
    await this.db
      .updateTable('user_signing_keys')
      .set({ retired_at: now })
      .where('retired_at', 'is', null)
      .where('kid', '!=', kid)
      .execute();
    await this.pruneRetiredKeys();
    return { kid };
  }

  async currentSigningKey(): Promise<SigningKey> {
    const row = await this.activeKeyRow();
    if (!row) throw new Error('no signing key: ensureSigningKey() runs at start');
    return { kid: row.kid, privateKey: createPrivateKey(row.private_key_pem) };
  }

  /** The JWKS: the signing key and the retired keys whose tokens may still be valid. */
  async publishedKeys(): Promise<PublicJwk[]> {
    const rows = await this.db
      .selectFrom('user_signing_keys')
      .select(['kid', 'public_jwk'])
      .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', this.retentionCutoff())]))
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((row) => JSON.parse(row.public_jwk) as PublicJwk);
  }

  /** For in-process verification; undefined for an unknown or dropped key. */
  async publicKey(kid: string): Promise<KeyObject | undefined> {
    const published = (await this.publishedKeys()).find((jwk) => jwk.kid === kid);
    if (!published) {
      this.publicKeys.delete(kid);
      return undefined;
    }
    let key = this.publicKeys.get(kid);
    if (!key) {
      key = createPublicKey({ key: published, format: 'jwk' });
      this.publicKeys.set(kid, key);
    }
    return key;
  }

  async pruneRetiredKeys(): Promise<number> {
    const result = await this.db
      .deleteFrom('user_signing_keys')
      .where('retired_at', 'is not', null)
      .where('retired_at', '<=', this.retentionCutoff())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private retentionCutoff(): string {
    return addSeconds(this.clock(), -retiredKeyRetentionSeconds).toISOString();
  }

  /** Two instances starting at once may each create one: the newest signs, both are published. */
  private activeKeyRow() {
    return this.db
      .selectFrom('user_signing_keys')
      .select(['kid', 'private_key_pem'])
      .where('retired_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('kid', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  private async createKey(): Promise<string> {
    const { privateKey, publicKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
    const kid = randomUUID();
    const jwk: PublicJwk = {
      ...publicKey.export({ format: 'jwk' }),
      kid,
      kty: 'RSA',
      alg: 'RS256',
      use: 'sig',
    };
    await this.db
      .insertInto('user_signing_keys')
      .values({
        kid,
        private_key_pem: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
        public_jwk: JSON.stringify(jwk),
        created_at: this.clock().toISOString(),
        retired_at: null,
      })
      .execute();
    return kid;
  }
}
