/**
 * Reads an uploaded XLSX in a Web Worker (`readSheetOffThread`): unzipping and parsing a 10,000-row sheet
 * takes exceljs most of a second, which on the page's thread would freeze it. Not imported by anything
 * but the `new Worker(new URL(…))` that Vite bundles it from.
 */
import { readUploadedSheet } from './workbook.ts';

interface Request {
  data: ArrayBuffer;
  headers: string[];
}

self.onmessage = async (event: MessageEvent<Request>) => {
  try {
    const sheet = await readUploadedSheet(event.data.data, new Set(event.data.headers));
    self.postMessage({ ok: true, sheet });
  } catch (error) {
    self.postMessage({ ok: false, message: (error as Error).message });
  }
};
