import { DomainError } from '@shegong/kernel';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { ReportingDatabase } from '../db/schema.ts';

/** The most rows one page returns; the default is smaller, a screen's page. */
export const MAX_RECORDS_PAGE = 200;

export const ListServiceRecordsRequestSchema = z.object({
  stationId: z.string().trim().min(1).max(200),
  /** A calendar month `YYYY-MM`: only the records dated in it. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'a month as YYYY-MM, e.g. 2026-10' })
    .optional(),
  cursor: z.string().min(1).max(400).optional(),
  limit: z.number().int().min(1).max(MAX_RECORDS_PAGE).default(50),
});
export type ListServiceRecordsRequest = z.input<typeof ListServiceRecordsRequestSchema>;

/** One stored service record as a console lists it. */
export interface ListedServiceRecord {
  id: string;
  stationId: string;
  catalogId: string;
  itemRef: string;
  kind: string;
  /** ISO day `YYYY-MM-DD`. */
  date: string;
  populations: string[];
  beneficiaries: number;
  hours: number;
  volunteers: number;
  /** The canonical domains the item mapped to when it was ingested. */
  domains: string[];
}

export interface ServiceRecordPage {
  items: ListedServiceRecord[];
  /** The next page's start, `null` on the last page. */
  nextCursor: string | null;
}

// The cursor is the last row's (date, id), opaque to callers: records are listed by date then id, so a
// record ingested while a caller pages through is seen once or not at all, never twice.
function encodeCursor(date: string, id: string): string {
  return Buffer.from(JSON.stringify(['sr', date, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { date: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      parsed[0] === 'sr' &&
      typeof parsed[1] === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(parsed[1]) &&
      typeof parsed[2] === 'string'
    )
      return { date: parsed[1], id: parsed[2] };
  } catch {
    // falls through to the error naming the field
  }
  throw new DomainError(
    'RECORDS_CURSOR_INVALID',
    'cursor: not a cursor this list returned; start without one',
    {
      path: ['cursor'],
    },
  );
}

/** The first day of `month` (`YYYY-MM`) and of the month after, for a half-open date range. */
function monthRange(month: string): [string, string] {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const next = mm === 12 ? `${year + 1}-01` : `${year}-${String(mm + 1).padStart(2, '0')}`;
  return [`${month}-01`, `${next}-01`];
}

/**
 * One page of a station's stored service records (`serviceRecords.list`), by date then id, optionally
 * within one month. The gateway has already placed the station in the caller's jurisdiction; a station
 * reporting has no records for answers an empty page.
 * @throws DomainError `RECORDS_CURSOR_INVALID` naming `cursor` when the cursor was not made by this list
 * @example await listServiceRecords(db, { stationId: 'st-jbl', month: '2026-10', limit: 20 })
 */
export async function listServiceRecords(
  db: Kysely<ReportingDatabase>,
  request: ListServiceRecordsRequest,
): Promise<ServiceRecordPage> {
  const input = ListServiceRecordsRequestSchema.parse(request);
  let select = db
    .selectFrom('service_records')
    .select([
      'id',
      'station_id',
      'catalog_id',
      'item_ref',
      'kind',
      sql<string>`to_char(date, 'YYYY-MM-DD')`.as('day'),
      'populations',
      'beneficiaries',
      'hours',
      'volunteers',
      'domains',
    ])
    .where('station_id', '=', input.stationId);
  if (input.month !== undefined) {
    const [from, to] = monthRange(input.month);
    select = select.where('date', '>=', from).where('date', '<', to);
  }
  if (input.cursor !== undefined) {
    const after = decodeCursor(input.cursor);
    select = select.where(sql<boolean>`(date, id) > (${after.date}::date, ${after.id})`);
  }
  const rows = await select
    .orderBy('date')
    .orderBy('id')
    .limit(input.limit + 1)
    .execute();
  const more = rows.length > input.limit;
  const kept = more ? rows.slice(0, input.limit) : rows;
  const last = kept.at(-1);
  return {
    items: kept.map((r) => ({
      id: r.id,
      stationId: r.station_id,
      catalogId: r.catalog_id,
      itemRef: r.item_ref,
      kind: r.kind,
      date: r.day,
      populations: r.populations,
      beneficiaries: r.beneficiaries,
      hours: Number(r.hours),
      volunteers: r.volunteers,
      domains: r.domains,
    })),
    nextCursor: more && last ? encodeCursor(last.day, last.id) : null,
  };
}
