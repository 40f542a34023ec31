// The page's side of the worker protocol: request/reply matching by id, progress routing, and
// restarting the worker after it dies. One client (one worker) per page, shared by all demos.
import { ERROR_CODE, REPLY, REQUEST, VitrineError } from '../worker/protocol.js';

/** @typedef {import('../worker/protocol.js').Reply} Reply */
/** @typedef {import('../worker/protocol.js').ReadyReply} ReadyReply */
/** @typedef {import('../worker/protocol.js').LoadedReply} LoadedReply */
/** @typedef {import('../worker/protocol.js').ResultReply} ResultReply */
/** @typedef {import('../worker/protocol.js').DisposedReply} DisposedReply */
/** @typedef {import('../worker/protocol.js').GeneratedReply} GeneratedReply */
/** @typedef {{index: number, token: number, text: string}} TokenChunk */

/**
 * @typedef {object} Pending
 * @property {(reply: Reply) => void} resolve
 * @property {(error: Error) => void} reject
 * @property {((p: {loaded: number, total: number}) => void) | undefined} onProgress
 * @property {((chunk: TokenChunk) => void) | undefined} [onToken] `token` replies of a generate request
 */

/**
 * @typedef {object} Running one started worker
 * @property {Worker} worker
 * @property {Promise<ReadyReply>} ready
 * @property {number} generation increases with every restart; sessions of older generations are gone
 */

export class WorkerClient {
  /**
   * @param {() => Worker} spawn creates the worker
   * @param {{numThreads: number, wasmPaths?: string}} init sent as the first request to every worker
   */
  constructor(spawn, init) {
    this.spawn = spawn;
    this.init = init;
    /** @type {Running | null} */
    this.running = null;
    this.generation = 0;
    this.nextId = 1;
    /** @type {Map<number, Pending>} */
    this.pending = new Map();
  }

  /** The generation of the running worker, or null when none runs. */
  get liveGeneration() {
    return this.running?.generation ?? null;
  }

  /**
   * Start the worker if none runs and wait for its `ready`.
   * @returns {Promise<{ready: ReadyReply, generation: number}>}
   */
  async start() {
    const running = this.current();
    return { ready: await running.ready, generation: running.generation };
  }

  /**
   * The running worker, started (and sent `init`) if none runs; does not wait for its `ready`. Throws
   * (code worker-died) when a worker cannot be created.
   * @returns {Running}
   */
  current() {
    return this.running ?? this.launch();
  }

  /**
   * Load a model; resolves with the session's input/output names. Sent at once, right behind `init`
   * (the worker downloads the model while its runtime starts); if that worker's `init` fails, this
   * rejects with the same error (code runtime), as every request pending on it does.
   * @param {{model: string, url: string, sha256: string, bytes: number, sessionOptions?: Record<string, string>,
   *   spec?: import('../worker/predict.js').TaskSpec}} payload
   * @param {(p: {loaded: number, total: number}) => void} [onProgress]
   * @param {number} [generation] the worker generation to load into (see run); default: the current one
   */
  async load(payload, onProgress, generation) {
    const running = this.current();
    if (generation !== undefined && generation !== running.generation) {
      throw this.diedError('it stopped before the request was sent');
    }
    return /** @type {LoadedReply} */ (await this.send(running.worker, { type: REQUEST.load, ...payload }, [], onProgress));
  }

  /**
   * @param {string} model
   * @param {import('../worker/protocol.js').TensorMap} feeds
   * @param {Transferable[]} transfer
   * @param {number} [generation] the worker generation that holds the session; if that worker has
   *   died since, the run fails like any request pending at its death (the next one reloads)
   * @param {AbortSignal} [signal] abort → the worker drops the run if it is still queued, and this
   *   call rejects at once with an AbortError (VitrineError code "aborted")
   */
  async run(model, feeds, transfer, generation, signal) {
    return /** @type {ResultReply} */ (await this.request({ type: REQUEST.run, model, feeds }, transfer, undefined, generation, signal));
  }

  /**
   * Task-native prediction in the worker (preprocessing + run + postprocessing).
   * @param {string} model
   * @param {import('../worker/predict.js').TaskSpec} spec the manifest's task spec (worker/predict.js)
   * @param {unknown} input structured-cloneable (a row object, Blob, ArrayBuffer, ImageBitmap, URL string)
   * @param {Record<string, unknown>} options
   * @param {Transferable[]} transfer
   * @param {number} [generation] see run
   * @param {AbortSignal} [signal] see run
   */
  async predict(model, spec, input, options, transfer, generation, signal) {
    return /** @type {import('../worker/protocol.js').PredictionReply} */ (
      await this.request({ type: REQUEST.predict, model, spec, input, options }, transfer, undefined, generation, signal));
  }

  /**
   * Text generation in the worker: `onToken` gets each generated token as its `token` reply arrives;
   * resolves with the `generated` reply. Aborting `signal` rejects at once (AbortError) and stops the
   * worker's loop before its next step.
   * @param {string} model
   * @param {import('../worker/predict.js').TaskSpec} spec
   * @param {string} prompt
   * @param {import('../worker/protocol.js').GenerateOptions} options
   * @param {number} [generation] see run
   * @param {AbortSignal} [signal]
   * @param {(chunk: TokenChunk) => void} [onToken]
   */
  async generate(model, spec, prompt, options, generation, signal, onToken) {
    return /** @type {GeneratedReply} */ (
      await this.request({ type: REQUEST.generate, model, spec, input: prompt, options }, [], undefined, generation, signal, onToken));
  }

  /**
   * Shapley values of a tabular row in the worker (worker/predict.js explainRow); resolves with the
   * `explanation` reply. Aborting `signal` rejects at once (AbortError) and stops the worker before its
   * next batch of rows.
   * @param {string} model
   * @param {import('../worker/predict.js').TaskSpec} spec the task spec with `explanations` (its artifact listed)
   * @param {unknown} row
   * @param {import('../worker/protocol.js').ExplainMethod} method
   * @param {import('../worker/protocol.js').ExplainOptions} options
   * @param {number} [generation] see run
   * @param {AbortSignal} [signal] see run
   */
  async explain(model, spec, row, method, options, generation, signal) {
    return /** @type {import('../worker/protocol.js').ExplanationReply} */ (
      await this.request({ type: REQUEST.explain, model, spec, input: row, method, options }, [], undefined, generation, signal));
  }

  /**
   * A batch's drift against the model's training reference (worker/drift.js checkDrift); resolves with
   * the `driftReport` reply. Aborting `signal` rejects at once and stops the worker before its next run.
   * @param {string} model
   * @param {import('../worker/predict.js').TaskSpec} spec the task spec with `driftReference` (its artifact listed)
   * @param {import('../worker/drift.js').Table} table
   * @param {number} [generation] see run
   * @param {AbortSignal} [signal] see run
   */
  async drift(model, spec, table, generation, signal) {
    return /** @type {import('../worker/protocol.js').DriftReply} */ (
      await this.request({ type: REQUEST.drift, model, spec, input: table }, [], undefined, generation, signal));
  }

  /** @param {string} model */
  async dispose(model) {
    return /** @type {DisposedReply} */ (await this.request({ type: REQUEST.dispose, model }));
  }

  /**
   * @param {import('../worker/protocol.js').RequestBody} message
   * @param {Transferable[]} [transfer]
   * @param {(p: {loaded: number, total: number}) => void} [onProgress]
   * @param {number} [generation] only send to this worker generation
   * @param {AbortSignal} [signal] cancels the request (see run)
   * @param {(chunk: TokenChunk) => void} [onToken] gets the request's `token` replies
   * @returns {Promise<Reply>}
   */
  async request(message, transfer = [], onProgress, generation, signal, onToken) {
    if (signal?.aborted) throw abortError();
    const running = this.current();
    await running.ready;
    if (signal?.aborted) throw abortError();
    if (this.running !== running || (generation !== undefined && generation !== running.generation)) {
      throw this.diedError('it stopped before the request was sent');
    }
    return this.send(running.worker, message, transfer, onProgress, signal, onToken);
  }

  /**
   * @param {Worker} worker
   * @param {import('../worker/protocol.js').RequestBody} message
   * @param {Transferable[]} transfer
   * @param {((p: {loaded: number, total: number}) => void) | undefined} onProgress
   * @param {AbortSignal} [signal]
   * @param {(chunk: TokenChunk) => void} [onToken]
   * @returns {Promise<Reply>}
   */
  send(worker, message, transfer, onProgress, signal, onToken) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        reject(abortError());
        try {
          worker.postMessage({ id, type: REQUEST.cancel });
        } catch {
          // a dead worker has nothing to cancel
        }
      };
      /** @param {() => void} settle */
      const done = (settle) => {
        signal?.removeEventListener('abort', onAbort);
        settle();
      };
      this.pending.set(id, {
        resolve: (reply) => done(() => resolve(reply)),
        reject: (error) => done(() => reject(error)),
        onProgress,
        onToken,
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        worker.postMessage({ ...message, id }, transfer);
      } catch (e) {
        this.pending.delete(id);
        done(() => reject(e instanceof Error ? e : new Error(String(e))));
      }
    });
  }

  /** @returns {Running} */
  launch() {
    if (this.generation > 0) console.warn('[vitrine] Restarting the inference worker; models will load again.');
    const generation = ++this.generation;
    /** @type {Worker} */
    let worker;
    try {
      worker = this.spawn();
    } catch (e) {
      throw this.diedError(`it could not be created: ${e instanceof Error ? e.message : e}`);
    }
    worker.addEventListener('message', (event) => this.onMessage(/** @type {Reply} */ (event.data)));
    worker.addEventListener('error', (event) => {
      // Fires for an uncaught error inside the worker and when its script fails to load.
      event.preventDefault();
      this.onDeath(running, event.message ? `it crashed: ${event.message}` : 'it could not start: its script failed to load');
    });
    worker.addEventListener('messageerror', () => this.onDeath(running, 'a message could not be decoded'));
    /** @type {Running} */
    const running = {
      worker,
      generation,
      ready: this.send(worker, { type: REQUEST.init, ...this.init }, [], undefined)
        .then((reply) => /** @type {ReadyReply} */ (reply)),
    };
    this.running = running;
    // A failed init leaves the worker useless: drop it so the next request starts a fresh one, and fail
    // what was sent to it behind `init` (a load) with the same error, which will get no other reply.
    running.ready.catch((error) => {
      if (this.running === running) {
        this.running = null;
        worker.terminate();
        for (const pending of this.pending.values()) pending.reject(error);
        this.pending.clear();
      }
    });
    return running;
  }

  /** @param {Reply} reply */
  onMessage(reply) {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.type === REPLY.progress) {
      pending.onProgress?.({ loaded: reply.loaded, total: reply.total });
      return;
    }
    if (reply.type === REPLY.token) {
      pending.onToken?.({ index: reply.index, token: reply.token, text: reply.text });
      return;
    }
    this.pending.delete(reply.id);
    if (reply.type === REPLY.error) pending.reject(new VitrineError(reply.code, reply.message));
    else pending.resolve(reply);
  }

  /**
   * @param {Running} running
   * @param {string} why
   */
  onDeath(running, why) {
    if (this.running !== running) return;
    this.running = null;
    running.worker.terminate();
    const error = this.diedError(why);
    console.warn(`[vitrine] ${error.message}`);
    // All pending requests belong to the dead worker: one worker per client at a time.
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  /** @param {string} why */
  diedError(why) {
    return new VitrineError(ERROR_CODE.workerDied,
      `The inference worker stopped (${why}). It restarts on the next request.`);
  }
}

/**
 * The error a cancelled request rejects with: name "AbortError" (like fetch), code "aborted".
 * @param {string} [message]
 */
export function abortError(message = 'The request was cancelled (superseded by a newer one).') {
  const error = new VitrineError(ERROR_CODE.aborted, message);
  error.name = 'AbortError';
  return error;
}

/**
 * Whether `error` is a cancellation, which callers that superseded the request should ignore.
 * @param {unknown} error
 */
export function isAbortError(error) {
  return error instanceof Error && error.name === 'AbortError';
}
