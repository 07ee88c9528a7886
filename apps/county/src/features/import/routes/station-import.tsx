import { StationImport } from '@shegong/web';

/** `/import/stations`: stations from an Excel sheet, dry run first (@shegong/web's `StationImport`). */
export default function StationImportPage() {
  return <StationImport />;
}
