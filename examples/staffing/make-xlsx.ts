/**
 * Regenerates stations.xlsx from stations.json: `node examples/staffing/make-xlsx.ts`.
 * The layout is the one `shegong check staffing` reads (packages/cli/src/input/staffing-sheets.ts).
 */
import { readFileSync } from 'node:fs';
import { staffingToSheets, writeWorkbook } from '@shegong/cli';

const json = JSON.parse(readFileSync(new URL('stations.json', import.meta.url), 'utf8'));
await writeWorkbook(new URL('stations.xlsx', import.meta.url).pathname, staffingToSheets(json));
