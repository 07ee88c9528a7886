import { type Kysely, sql } from 'kysely';

/**
 * Two changes to how ingest keeps the service rollups.
 *
 * - The rollups keep the province, city and county levels; a township's cells are added up from its
 *   stations' raw records on read (a few hundred rows by the station key), in `service_rollup_cells`.
 *   Storing the township level was half of every batch's rollup upsert. The township rows written before
 *   are dropped, so no stale copy of them is left.
 * - `rollup_pending`: the ingest requests whose stored records are not in the rollups yet. An ingest that
 *   defers its rollups (`fold: 'background'`) marks its request here in the same transaction as its raw
 *   rows; a fold adds the marked requests' records to the rollups and deletes their marks in one
 *   transaction, so a record is folded exactly once, whoever folds it and whenever the process died.
 *
 * Frozen in time: never edit, add a new migration.
 */
// biome-ignore lint/suspicious/noExplicitAny: a frozen migration is typed against no schema (kysely's convention)
export async function up(db: Kysely<any>): Promise<void> {
  // township codes are the 9-digit ones; provinces, cities and counties have 6
  await sql`delete from reporting.service_rollups where length(region_code) = 9`.execute(db);
  // The flat cube keeps its shape for every reader (rollup reads, report drafts): the stored levels from
  // the packed rollups, the township level added up from the raw records of the stations in it. A read
  // names one region, and Postgres pushes that filter into both branches: a province's or a city's read
  // finds no township station and never touches the raw records.
  await sql`
    create or replace view reporting.service_rollup_cells as
    select r.region_code, r.period, r.domain, p.code as population,
           r.records[p.ordinal + 1] as records,
           r.beneficiaries[p.ordinal + 1] as beneficiaries,
           (r.hours_centi[p.ordinal + 1] / 100.0)::numeric(16, 2) as hours,
           r.volunteers[p.ordinal + 1] as volunteers
    from reporting.service_rollups r
    join reporting.rollup_populations p on p.ordinal < cardinality(r.records)
    where r.records[p.ordinal + 1] > 0
    union all
    select s.region_code collate "C", to_char(sr.date, 'YYYY-MM') collate "C", d.domain collate "C",
           pp.population, count(*)::bigint, sum(sr.beneficiaries)::bigint,
           sum(sr.hours)::numeric(16, 2), sum(sr.volunteers)::bigint
    from reporting.stations s
    join reporting.service_records sr on sr.station_id = s.id
    cross join lateral unnest(sr.domains || 'all'::text) as d(domain)
    cross join lateral unnest(sr.populations || 'all'::text) as pp(population)
    where length(s.region_code) = 9
    group by s.region_code, to_char(sr.date, 'YYYY-MM'), d.domain, pp.population`.execute(db);
  await sql`
    create table reporting.rollup_pending (
      request_id bigint primary key references reporting.ingest_requests (id),
      marked_at timestamptz not null default now()
    )`.execute(db);
}
