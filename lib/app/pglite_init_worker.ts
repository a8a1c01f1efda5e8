/**
 * Creates a new embedded database in a Web Worker. PGlite's initdb grows the WASM memory
 * to several hundred MiB, and WASM memory never shrinks; done in a worker, that memory
 * goes away with the worker instead of staying with the server for its whole life.
 */
import { PGlite } from "@electric-sql/pglite";

self.onmessage = async (event: MessageEvent<{ dataDir: string }>) => {
  try {
    const pglite = await PGlite.create({ dataDir: event.data.dataDir });
    await pglite.close();
    self.postMessage({ ok: true });
  } catch (error) {
    self.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
