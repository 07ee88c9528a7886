/**
 * Regenerates upload.xlsx from upload.json: `node examples/budget/make-xlsx.ts`.
 * The layout is the one `shegong check budget` reads (packages/cli/src/input/budget-input.ts); money in yuan.
 */
import { readFileSync } from 'node:fs';
import { budgetToSheets, writeWorkbook } from '@shegong/cli';

const json = JSON.parse(readFileSync(new URL('upload.json', import.meta.url), 'utf8'));
await writeWorkbook(new URL('upload.xlsx', import.meta.url).pathname, budgetToSheets(json));
