import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { readTestkitEnv } from './env.ts';
import './provided.ts';

/** A database of its own for one spec file; dropped, with any connection still open, on dispose. */
export interface TestDatabase extends AsyncDisposable {
  /** Connection string for this database (same server, user and password as the run's server). */
  readonly url: string;
  /** `test_<12 hex digits>`. */
  readonly name: string;
}

/**
 * Creates a fresh, empty database on the test run's Postgres server: creating one takes milliseconds, so every
 * spec file (or every test) gets its own and nothing leaks between them.
 *
 * The server is the one the testkit global setup provided; outside such a project, `DATABASE_URL` or
 * `options.serverUrl`.
 *
 * @example
 * ```ts
 * await using db = await createTestDatabase();
 * const client = new pg.Client(db.url);
 * await client.connect();
 * // … migrate, exercise, assert; `db` is dropped when the block ends.
 * ```
 */
export async function createTestDatabase(options: { serverUrl?: string } = {}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl ?? inject('testkit:databaseUrl') ?? readTestkitEnv().databaseUrl;
  if (serverUrl === undefined) {
    throw new Error(
      "createTestDatabase: no Postgres server. Add @shegong/testkit/global-setup to the vitest project's globalSetup, set DATABASE_URL, or pass serverUrl.",
    );
  }
  const name = `test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    async [Symbol.asyncDispose]() {
      if (dropped) return;
      dropped = true;
      // FORCE (Postgres 13+) ends sessions a test forgot to close instead of failing on them.
      await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function onServer(serverUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
