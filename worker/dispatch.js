// Turns protocol requests into Engine calls and replies. Separate from worker.js (which only wires
// it to the worker global) so Node tests can drive the real dispatch with a fake worker.
import { ERROR_CODE, REPLY, REQUEST, VitrineError, transferList } from './protocol.js';

/** @typedef {import('./protocol.js').Request} Request */
/** @typedef {import('./protocol.js').Reply} Reply */
/** @typedef {(reply: Reply, transfer?: Transferable[]) => void} Post */

/**
 * @param {import('./engine.js').Engine} engine
 * @param {Post} post
 * @param {string} defaultWasmPaths used when `init` names none
 * @returns {(request: Request) => Promise<void>} never rejects: failures become `error` replies
 */
export function createDispatcher(engine, post, defaultWasmPaths) {
  /** @param {Request} request */
  async function handle(request) {
    const { id } = request;
    switch (request.type) {
      case REQUEST.init: {
        const ready = await engine.init({ wasmPaths: request.wasmPaths ?? defaultWasmPaths, numThreads: request.numThreads });
        post({ id, type: REPLY.ready, ...ready });
        return;
      }
      case REQUEST.load: {
        const names = await engine.load(request, (loaded, total) => post({ id, type: REPLY.progress, loaded, total }));
        post({ id, type: REPLY.loaded, ...names });
        return;
      }
      case REQUEST.run: {
        const { outputs, ms } = await engine.run(request);
        post({ id, type: REPLY.result, outputs, ms }, transferList(outputs));
        return;
      }
      case REQUEST.dispose: {
        await engine.dispose(request);
        post({ id, type: REPLY.disposed });
        return;
      }
      default:
        throw new VitrineError(ERROR_CODE.badRequest,
          `Unknown request type "${/** @type {{type: unknown}} */ (request).type}".`);
    }
  }

  return async (request) => {
    try {
      await handle(request);
    } catch (e) {
      const code = e instanceof VitrineError ? e.code : ERROR_CODE.runtime;
      const message = e instanceof Error ? e.message : String(e);
      post({ id: request?.id ?? -1, type: REPLY.error, code, message });
    }
  };
}
