import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';

export interface Argon2Cost {
  /** KiB */
  memorySize: number;
  iterations: number;
  parallelism: number;
}

/** OWASP's argon2id recommendation (m=19 MiB, t=2, p=1). */
export const owaspArgon2Cost: Argon2Cost = { memorySize: 19456, iterations: 2, parallelism: 1 };

/**
 * For tests only (passed to createUserApp by specs): hashes in well under a millisecond. Stored hashes
 * carry their own parameters, so verification works whatever cost produced them.
 */
export const testOnlyArgon2Cost: Argon2Cost = { memorySize: 64, iterations: 1, parallelism: 1 };

export class PasswordHasher {
  /** Verified against for unknown emails, so they take as long as a wrong password. */
  private decoy: Promise<string> | undefined;

  constructor(private readonly cost: Argon2Cost = owaspArgon2Cost) {}

  hash(password: string): Promise<string> {
    return argon2id({
      password,
      salt: randomBytes(16),
      ...this.cost,
      hashLength: 32,
      outputType: 'encoded',
    });
  }

  /** hash-wasm compares the digests in constant time. */
  async verify(password: string, encodedHash: string | undefined): Promise<boolean> {
    if (encodedHash === undefined) {
      this.decoy ??= this.hash(randomBytes(16).toString('hex'));
      await argon2Verify({ password, hash: await this.decoy });
      return false;
    }
    return argon2Verify({ password, hash: encodedHash });
  }
}
