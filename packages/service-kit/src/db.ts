import { Kysely, PostgresDialect, sql } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import pg from 'pg';

// int8 (bigint, count(*)) as JS numbers when they fit: counts and sums in this hub stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
});
// DATE as the ISO string it is, not a local-time JS Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/**
 * A kysely instance on a pg pool. `schema` makes every query default to the service's own Postgres schema
 * (each service owns one: `registry`, `funding`, `reporting`).
 */
export function createDatabase<DB>(options: {
  url: string;
  schema: string;
  maxConnections?: number;
}): Kysely<DB> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
  // An idle connection the server ends (a restart, a shutdown) is dropped from the pool and replaced on
  // the next query; unhandled, its error would crash the process.
  pool.on('error', (error) =>
    console.error(`postgres (${options.schema}): idle connection lost: ${error.message}`),
  );
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return db.withSchema(options.schema) as Kysely<DB>;
}

/**
 * Runs a service's migrations, in name order, tracked in its own schema (`<schema>.kysely_migration`).
 * Migrations are frozen in time: named by ISO date, `up(db: Kysely<any>)`, never edited after they ship.
 * @throws the failing migration's error, naming it
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  schema: string,
  migrations: Record<string, Migration>,
): Promise<string[]> {
  await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  const migrator = new Migrator({
    db,
    migrationTableSchema: schema,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} of schema ${schema} failed`, {
      cause: error,
    });
  }
  return (results ?? []).map((r) => r.migrationName);
}
