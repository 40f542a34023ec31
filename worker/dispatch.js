// Turns protocol requests into Engine calls and replies. Separate from worker.js (which only wires
// it to the worker global) so Node tests can drive the real dispatch with a fake worker.
//
// Runs are queued here, per model, before they reach the engine: a queued run can then be dropped
// by `cancel {id}` (a newer slider value supersedes an older one) without ever occupying the session.
// A generation in progress checks for its cancel between steps (worker/generate.js), an explanation
// between its batches of rows (worker/shapley.js).
import { ERROR_CODE, REPLY, REQUEST, VitrineError, transferList } from './protocol.js';
import { checkDrift } from './drift.js';
import { explainRow } from './predict.js';

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
  /** Ids of requests that are pending (not yet answered) and can be cancelled. */
  /** @type {Set<number>} */
  const cancellable = new Set();
  /** @type {Set<number>} */
  const cancelled = new Set();
  /** The tail of each model's run queue. @type {Map<string, Promise<unknown>>} */
  const queues = new Map();

  /** @param {number} id */
  function abortedError(id) {
    const e = new VitrineError(ERROR_CODE.aborted, `Request ${id} was cancelled.`);
    e.name = 'AbortError';
    return e;
  }

  /**
   * Run after the model's previous runs and predictions; skipped if cancelled while waiting.
   * @template T
   * @param {{id: number, model: string}} request
   * @param {() => Promise<T>} work
   * @returns {Promise<T>}
   */
  function queued(request, work) {
    const previous = queues.get(request.model) ?? Promise.resolve();
    const run = previous.then(() => {
      if (cancelled.has(request.id)) throw abortedError(request.id);
      return work();
    });
    const tail = run.catch(() => undefined);
    queues.set(request.model, tail);
    tail.then(() => {
      if (queues.get(request.model) === tail) queues.delete(request.model);
    });
    return run;
  }

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
        const { outputs, ms } = await queued(request, () => engine.run(request));
        // A run that was already executing when its cancel arrived: drop the stale result.
        if (cancelled.has(id)) throw abortedError(id);
        post({ id, type: REPLY.result, outputs, ms }, transferList(outputs));
        return;
      }
      case REQUEST.predict: {
        const { output, ms, notice } = await queued(request, () => engine.predict(request, () => cancelled.has(id)));
        if (cancelled.has(id)) throw abortedError(id);
        post({ id, type: REPLY.prediction, output, ms, ...(notice ? { notice } : {}) });
        return;
      }
      case REQUEST.generate: {
        // Tokens stream as they come; once cancelled, none is posted (the page has moved on).
        const onToken = (/** @type {import('./generate.js').Chunk} */ chunk) => {
          if (!cancelled.has(id)) post({ id, type: REPLY.token, ...chunk });
        };
        const result = await queued(request, () => engine.generate(request, () => cancelled.has(id), onToken));
        if (cancelled.has(id)) throw abortedError(id);
        post({ id, type: REPLY.generated, ...result });
        return;
      }
      case REQUEST.explain: {
        // Queued like a prediction; its many batched runs go through the engine's session queue, and a
        // cancel stops it before its next batch.
        const { model } = request;
        const { output, ms } = await queued(request, () => {
          engine.requireEntry(model);
          return explainRow(request, {
            fetchImpl: engine.fetchImpl,
            site: engine.site,
            run: (feeds) => engine.run({ model, feeds }),
            cancelled: () => cancelled.has(id),
          });
        });
        if (cancelled.has(id)) throw abortedError(id);
        post({ id, type: REPLY.explanation, output, ms });
        return;
      }
      case REQUEST.drift: {
        const { model } = request;
        const { output, ms } = await queued(request, () => {
          engine.requireEntry(model);
          return checkDrift(request, {
            fetchImpl: engine.fetchImpl,
            site: engine.site,
            run: (feeds) => engine.run({ model, feeds }),
            cancelled: () => cancelled.has(id),
          });
        });
        if (cancelled.has(id)) throw abortedError(id);
        post({ id, type: REPLY.driftReport, output, ms });
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
    if (request?.type === REQUEST.cancel) {
      if (cancellable.has(request.id)) cancelled.add(request.id);
      return; // no reply of its own
    }
    const id = request?.id ?? -1;
    cancellable.add(id);
    try {
      await handle(request);
    } catch (e) {
      const code = e instanceof VitrineError ? e.code : ERROR_CODE.runtime;
      const message = e instanceof Error ? e.message : String(e);
      post({ id, type: REPLY.error, code, message });
    } finally {
      cancellable.delete(id);
      cancelled.delete(id);
    }
  };
}
