import { ExcelImport } from './excel-import.tsx';
import { RECORD_IMPORT, STATION_IMPORT, WORKER_IMPORT } from './import-kinds.ts';

/** 导入社工站: stations from an Excel sheet (`registry.stations.upsertMany`), dry run first. */
export function StationImport() {
  return <ExcelImport kind={STATION_IMPORT} />;
}

/** 导入驻站社工: resident workers from an Excel sheet (`registry.workers.upsertMany`), dry run first. */
export function WorkerImport() {
  return <ExcelImport kind={WORKER_IMPORT} />;
}

/**
 * 导入服务记录: service records from an Excel sheet (`reporting.serviceRecords.ingest`), dry run first, in
 * calls of 2,000 rows each under the idempotency key of its records.
 */
export function RecordImport() {
  return <ExcelImport kind={RECORD_IMPORT} />;
}
