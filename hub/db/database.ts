import pg from 'pg';
import { logger } from '../../server/log.ts';

const log = logger('hub-db');

/** One row of a query's result, with columns as their JSON-friendly JavaScript values. */
export type Row = Record<string, unknown>;

/** A connection able to run queries: the pool itself, or one client inside a transaction. */
export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/** The hub's PostgreSQL, through a pool of connections. */
export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Times are epoch milliseconds in bigint columns (as on the centres), far inside the range a
// JavaScript number holds exactly; days stay `YYYY-MM-DD` text, never a Date in some zone.
const int8 = 20;
const date = 1082;
const numeric = 1700;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === int8 || oid === numeric) return (text: string) => Number(text);
    if (oid === date) return (text: string) => text;
    return pg.types.getTypeParser(oid, format);
  },
};

/** Opens a pool on a `postgres://` URL; a quick query proves the server answers. */
export async function openDatabase(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types, idleTimeoutMillis: 30_000 });
  // A server restart breaks idle connections; the pool replaces them, so this is only worth a line.
  pool.on('error', (e) => log.warn('idle database connection lost', { error: e }));
  await pool.query('select 1');
  const run = async <R extends Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) =>
    (await client.query<R>(sql, params as unknown[] | undefined)).rows;
  return {
    query: (sql, params) => run(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await work({ query: (sql, params) => run(client, sql, params) });
        await client.query('commit');
        return result;
      } catch (e) {
        // A connection that cannot even roll back is thrown away rather than handed out again.
        await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
        throw e;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
