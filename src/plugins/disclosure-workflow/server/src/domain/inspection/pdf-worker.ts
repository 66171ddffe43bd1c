// Runs in a worker thread: extracts the text of each page of a PDF with unpdf (PDF.js). PDF.js is
// an ES module that unpdf loads with a dynamic import(), which a CommonJS host under a VM sandbox
// (Jest) cannot do; a worker is plain Node. It also keeps a hostile PDF off the main thread: the
// caller terminates the worker when it takes too long.
import { parentPort, workerData } from 'worker_threads';
import { extractText, getDocumentProxy } from 'unpdf';

(async () => {
  try {
    const pdf = await getDocumentProxy(new Uint8Array(workerData as Uint8Array), { verbosity: 0 });
    const { text } = await extractText(pdf, { mergePages: false });
    parentPort!.postMessage({ pages: text });
  } catch (error) {
    parentPort!.postMessage({ error: `${error?.name ?? 'Error'}: ${error?.message ?? error}` });
  }
})();
