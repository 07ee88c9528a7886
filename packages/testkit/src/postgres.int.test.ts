import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from './index.ts';

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  const serverUrl = inject('testkit:databaseUrl');
  if (serverUrl === undefined) throw new Error('the testkit global setup provided no Postgres server');
  const rows = await query(serverUrl, 'select 1 from pg_database where datname = $1', [name]);
  return rows.length === 1;
}

describe('createTestDatabase', () => {
  it('gives a fresh database that holds tables and rows, and drops it on dispose', async () => {
    let name: string;
    {
      await using db = await createTestDatabase();
      name = db.name;
      expect(name).toMatch(/^test_[0-9a-f]{12}$/);
      expect(new URL(db.url).pathname).toBe(`/${name}`);
      expect(await databaseExists(name)).toBe(true);

      await query(db.url, 'create table station (code text primary key, name text not null)');
      await query(db.url, 'insert into station (code, name) values ($1, $2), ($3, $4)', [
        '410105001',
        '经八路街道社工站',
        '410105002',
        '花园路街道社工站',
      ]);
      const rows = await query<{ code: string; name: string }>(
        db.url,
        'select code, name from station order by code',
      );
      expect(rows).toEqual([
        { code: '410105001', name: '经八路街道社工站' },
        { code: '410105002', name: '花园路街道社工站' },
      ]);
      const [current] = await query<{ db: string }>(db.url, 'select current_database() as db');
      expect(current?.db).toBe(name);
    }
    expect(await databaseExists(name)).toBe(false);
  });

  it('drops the database even while a connection to it is still open', async () => {
    const db = await createTestDatabase();
    const leftOpen = new pg.Client({ connectionString: db.url });
    leftOpen.on('error', () => {}); // the forced drop ends this session
    await leftOpen.connect();
    await db[Symbol.asyncDispose]();
    expect(await databaseExists(db.name)).toBe(false);
    await leftOpen.end().catch(() => {});
  });

  it('keeps databases apart', async () => {
    await using a = await createTestDatabase();
    await using b = await createTestDatabase();
    expect(a.name).not.toBe(b.name);
    await query(a.url, 'create table only_in_a (id int)');
    const tables = await query(
      b.url,
      "select 1 from information_schema.tables where table_name = 'only_in_a'",
    );
    expect(tables).toEqual([]);
  });
});
