// The text of each page of a PDF, extracted in a worker thread (see pdf-worker.ts).
import path from 'path';
import { Worker } from 'worker_threads';

/** Resolves with one string per page; rejects when the PDF is encrypted, corrupt or too slow. */
export function pdfPages(data: Uint8Array, timeoutMs = 30_000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'pdf-worker.js'), { workerData: data });
    const timer = setTimeout(() => {
      reject(new Error(`PDF text extraction took longer than ${timeoutMs} ms`));
      worker.terminate();
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      worker.terminate();
    };
    worker.once('message', (answer: { pages?: string[]; error?: string }) => {
      done();
      if (answer.pages) resolve(answer.pages);
      else reject(new Error(answer.error));
    });
    worker.once('error', (error) => {
      done();
      reject(error);
    });
  });
}
