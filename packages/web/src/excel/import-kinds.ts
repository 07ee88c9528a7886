import type { HubClient } from '../hub.tsx';
import type { Station, StationWorker } from '../stations/api.ts';
import type { ImportColumn, RowErrors } from './import-columns.ts';
import {
  idempotencyKeyOf,
  RECORD_TEMPLATE_EXAMPLE,
  recordIdsFor,
  recordImportColumns,
} from './record-import.ts';
import { catalogItemsOf, type ImportReference, populationOptions } from './reference.ts';
import { STATION_IMPORT_COLUMNS, STATION_TEMPLATE_EXAMPLE } from './station-import.ts';
import { recordCodeSheets, type TemplateSheet } from './template.ts';
import { WORKER_IMPORT_COLUMNS, WORKER_TEMPLATE_EXAMPLE } from './worker-import.ts';

type T = (key: string, vars?: Record<string, string | number>) => string;

/** One call's dry run as the import shows it: each refused row (by position in the call), and the preview. */
export interface DryRunAnswer<Preview> {
  checks: RowErrors[];
  /** What would be saved, as the server answers it (workers masked) or as sent. */
  preview: Preview[];
}

/** A column of the clean dry run's preview table. */
export interface PreviewColumn<Preview> {
  titleKey: string;
  value: (row: Preview, t: T) => string | number;
}

/**
 * A kind of Excel import as data: its sheet (columns with their headers and how each cell reads), the dry
 * run and write calls of the gateway, how many rows one call takes, and what the clean dry run previews.
 * `ExcelImport` runs every kind the same way: read the sheet, dry-run it call by call, list every refusal
 * by Excel row and column, write (call by call) only after a clean dry run. The columns, the example row
 * and the code sheets take the published reference data (`ImportReference`) that `ExcelImport` loads from
 * the gateway for the signed-in user's region when the kind `readsReference`.
 */
export interface ImportKind<Preview = unknown> {
  /** Message keys `import.<id>.*` (title, hint, file label, confirm, done). */
  id: 'stations' | 'workers' | 'records';
  /** The card's `data-testid`. */
  testId: string;
  /**
   * Whether the sheet names catalog items or populations, so `ExcelImport` loads the catalogs covering
   * the user's region and the populations first; otherwise the kind gets `emptyReference`.
   */
  readsReference?: boolean;
  columns: (reference: ImportReference) => readonly ImportColumn[];
  /** The template's example row, by field (for the signed-in user's region). */
  example: (reference: ImportReference) => Readonly<Record<string, string>>;
  /** Code lists the template adds after its notes (records: catalog items, populations). */
  codeSheets?: (reference: ImportReference) => TemplateSheet[];
  /** Most rows one call takes. */
  perCall: number;
  /**
   * Most rows one sheet may hold. Equal to `perCall` where the write must stay all or nothing (stations,
   * workers: one call, one transaction); larger where the sheet is sent in several calls (records).
   */
  maxRows: number;
  /** The sheet's inputs as the calls send them (records: their IDs). */
  prepare?: (items: Array<Record<string, unknown>>) => Array<Record<string, unknown>>;
  /** A dry run of one call's rows: writes nothing. */
  dryRun: (hub: HubClient, items: Array<Record<string, unknown>>) => Promise<DryRunAnswer<Preview>>;
  /** The write of one call's rows; answers how many were saved. */
  write: (hub: HubClient, items: Array<Record<string, unknown>>) => Promise<number>;
  preview: ReadonlyArray<PreviewColumn<Preview>>;
  previewKey: (row: Preview, index: number) => string;
  /** The query keys the write makes stale. */
  invalidates: ReadonlyArray<readonly string[]>;
}

/** Stations (`registry.stations.upsertMany`): one all-or-nothing call [batchOf: 1,000 rows]. */
export const STATION_IMPORT: ImportKind<Station> = {
  id: 'stations',
  testId: 'station-import',
  columns: () => STATION_IMPORT_COLUMNS,
  example: () =>
    Object.fromEntries(STATION_IMPORT_COLUMNS.map((c, i) => [c.field, STATION_TEMPLATE_EXAMPLE[i] ?? ''])),
  perCall: 1_000,
  maxRows: 1_000,
  async dryRun(hub, items) {
    const checks = (await hub.registry.stations.upsertMany.mutate({ dryRun: true, items })) as Array<
      RowErrors & { station: Station | null }
    >;
    return { checks, preview: checks.flatMap((c) => (c.station ? [c.station] : [])) };
  },
  async write(hub, items) {
    return (await hub.registry.stations.upsertMany.mutate({ items: items as never })).length;
  },
  preview: [
    { titleKey: 'station.id', value: (s) => s.id },
    { titleKey: 'stations.name', value: (s) => s.name },
    { titleKey: 'stations.township', value: (s) => s.regionCode },
    { titleKey: 'stations.signage', value: (s) => s.signageName },
  ],
  previewKey: (s) => s.id,
  invalidates: [['registry.stations.list']],
};

/**
 * Resident workers (`registry.workers.upsertMany`): one all-or-nothing call. The preview is the dry run's
 * answer, ID numbers and phones masked by the registry: the sheet's own ID numbers are never shown.
 */
export const WORKER_IMPORT: ImportKind<StationWorker> = {
  id: 'workers',
  testId: 'worker-import',
  columns: () => WORKER_IMPORT_COLUMNS,
  example: () => WORKER_TEMPLATE_EXAMPLE,
  perCall: 1_000,
  maxRows: 1_000,
  async dryRun(hub, items) {
    const checks = (await hub.registry.workers.upsertMany.mutate({ dryRun: true, items })) as Array<
      RowErrors & { worker: StationWorker | null }
    >;
    return { checks, preview: checks.flatMap((c) => (c.worker ? [c.worker] : [])) };
  },
  async write(hub, items) {
    return (await hub.registry.workers.upsertMany.mutate({ items: items as never })).length;
  },
  preview: [
    { titleKey: 'import.workers.id', value: (w) => w.id },
    { titleKey: 'workers.name', value: (w) => w.name ?? '' },
    { titleKey: 'station.id', value: (w) => w.stationId },
    { titleKey: 'workers.idNumber', value: (w) => w.idNumberMasked },
    { titleKey: 'workers.role', value: (w, t) => t(`workers.role.${w.role}`) },
    { titleKey: 'workers.appointedOn', value: (w) => w.appointedOn },
    { titleKey: 'workers.education', value: (w, t) => t(`education.${w.education}`) },
  ],
  previewKey: (w) => w.id,
  invalidates: [['registry.workers.list'], ['reporting.compliance.station']],
};

/** A service record as the records import sends it (and previews it). */
export type RecordRow = Record<string, unknown>;

/**
 * Most records one `reporting.serviceRecords.ingest` call takes is 10,000 (`MAX_INGEST_RECORDS` in the
 * reporting service); a sheet goes in calls of 2,000 so a big one shows its progress, each call with the
 * idempotency key of its records.
 */
const RECORDS_PER_CALL = 2_000;

/**
 * Service records (`reporting.serviceRecords.ingest`): a sheet of up to 50,000 rows in calls of 2,000, each
 * all or nothing under the idempotency key of its records (`idempotencyKeyOf`), so the same sheet sent
 * twice is counted once.
 */
export const RECORD_IMPORT: ImportKind<RecordRow> = {
  id: 'records',
  testId: 'record-import',
  readsReference: true,
  columns: (reference) => recordImportColumns(populationOptions(reference)),
  example: (reference) => {
    // The first item of the nearest catalog covering the county, so the example row passes for its stations.
    const item = catalogItemsOf(reference)[0];
    return item
      ? { ...RECORD_TEMPLATE_EXAMPLE, catalogId: item.catalogId, itemRef: `${item.ref} ${item.item}` }
      : RECORD_TEMPLATE_EXAMPLE;
  },
  codeSheets: recordCodeSheets,
  perCall: RECORDS_PER_CALL,
  maxRows: 50_000,
  prepare: recordIdsFor,
  async dryRun(hub, records) {
    const answer = await hub.reporting.serviceRecords.ingest.mutate({
      idempotencyKey: idempotencyKeyOf(records),
      records: records as never,
      dryRun: true,
    });
    const refused = new Set(answer.rejected.map((r) => r.index));
    return { checks: answer.rejected, preview: records.filter((_, i) => !refused.has(i)) };
  },
  async write(hub, records) {
    const answer = await hub.reporting.serviceRecords.ingest.mutate({
      idempotencyKey: idempotencyKeyOf(records),
      records: records as never,
    });
    return answer.accepted;
  },
  preview: [
    { titleKey: 'station.id', value: (r) => String(r.stationId ?? '') },
    { titleKey: 'records.date', value: (r) => String(r.date ?? '') },
    { titleKey: 'records.item', value: (r) => `${String(r.catalogId ?? '')} ${String(r.itemRef ?? '')}` },
    { titleKey: 'records.kind', value: (r, t) => t(`records.kind.${String(r.kind)}`) },
    {
      titleKey: 'records.populations',
      value: (r) => (Array.isArray(r.populations) ? r.populations.join('、') : ''),
    },
    { titleKey: 'records.beneficiaries', value: (r) => Number(r.beneficiaries ?? 0) },
    { titleKey: 'records.hours', value: (r) => Number(r.hours ?? 0) },
    { titleKey: 'records.volunteers', value: (r) => Number(r.volunteers ?? 0) },
  ],
  previewKey: (r, i) => `${String(r.stationId)}/${String(r.id)}/${i}`,
  invalidates: [['reporting.serviceRecords.list'], ['reporting.rollups']],
};
