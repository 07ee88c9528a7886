import { RecordImport } from '@shegong/web';

/**
 * `/import/records`: service records from an Excel sheet, dry run first, in batches with progress, the same
 * sheet counted once (@shegong/web's `RecordImport`).
 */
export default function RecordImportPage() {
  return <RecordImport />;
}
