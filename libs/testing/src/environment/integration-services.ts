import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/**
 * Integration suites that need MariaDB/MySQL or Redis are declared with these, so a machine without
 * the service skips them (announced by announce-suites.global-setup.js) and CI=true fails instead.
 */
export const mysqlUrl = process.env.MYSQL_URL;
export const redisUrl = process.env.REDIS_URL;

// Benchmarks reuse the test kits outside jest, where `describe` does not exist.
const describeWhen = (available: boolean): jest.Describe =>
  (typeof describe === 'undefined' ? undefined : available ? describe : describe.skip) as jest.Describe;
export const describeWithMysql: jest.Describe = describeWhen(mysqlUrl !== undefined);
export const describeWithRedis: jest.Describe = describeWhen(redisUrl !== undefined);

export interface FreshMysqlDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the MYSQL_URL server, so suites never see each other's rows. */
export async function createFreshMysqlDatabase(prefix = 'qb_test'): Promise<FreshMysqlDatabase> {
  if (!mysqlUrl) throw new Error('MYSQL_URL is not set');
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const server = new URL(mysqlUrl);
  server.pathname = '/';
  const onServer = async (sql: string) => {
    const connection = await createConnection({ uri: server.toString() });
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  await onServer(`CREATE DATABASE \`${name}\``);
  const url = new URL(mysqlUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(`DROP DATABASE IF EXISTS \`${name}\``),
  };
}

/** A unique name for topics, streams or keys, so suites sharing one Redis never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
