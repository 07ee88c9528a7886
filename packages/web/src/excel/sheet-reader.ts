import { readUploadedSheet, type UploadedSheet } from './workbook.ts';

type Answer = { ok: true; sheet: UploadedSheet | null } | { ok: false; message: string };

/**
 * `readUploadedSheet` in a Web Worker, so the page stays responsive while a big sheet is parsed; where a
 * worker cannot start (or fails before answering) the sheet is read on the page's thread instead. A file
 * that is not XLSX rejects with the reader's message either way.
 */
export async function readSheetOffThread(
  data: ArrayBuffer,
  knownHeaders: ReadonlySet<string>,
): Promise<UploadedSheet | null> {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./sheet-reader.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return readUploadedSheet(data, knownHeaders);
  }
  // The worker gets a copy: should it fail, the page still has the bytes to read itself.
  const copy = data.slice(0);
  const started = worker;
  const answer = await new Promise<Answer | null>((resolve) => {
    started.onmessage = (event: MessageEvent<Answer>) => resolve(event.data);
    started.onerror = () => resolve(null);
    started.postMessage({ data: copy, headers: [...knownHeaders] }, [copy]);
  }).finally(() => started.terminate());
  if (answer === null) return readUploadedSheet(data, knownHeaders);
  if (!answer.ok) throw new Error(answer.message);
  return answer.sheet;
}
