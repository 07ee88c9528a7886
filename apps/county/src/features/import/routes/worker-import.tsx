import { WorkerImport } from '@shegong/web';

/** `/import/workers`: resident workers from an Excel sheet, dry run first (@shegong/web's `WorkerImport`). */
export default function WorkerImportPage() {
  return <WorkerImport />;
}
