// Page-side bookkeeping of worker sessions: one per "<id>/<variant>", shared by every handle that
// loads it, reference-counted, and reloaded transparently if the worker was restarted since.

/** @typedef {import('./manifest.js').Variant} Variant */
/** @typedef {import('./worker_client.js').WorkerClient} WorkerClient */
/** @typedef {import('../worker/predict.js').TaskSpec} TaskSpec */
/** @typedef {(p: {loaded: number, total: number}) => void} ProgressFn */

/**
 * @typedef {object} Entry
 * @property {number} generation the worker generation the session was loaded into
 * @property {Promise<{inputs: string[], outputs: string[]}>} loaded
 * @property {Set<ProgressFn>} listeners everyone waiting on this download
 * @property {number} refs live handles
 * @property {boolean} unclaimed started by prefetch and not asked for since: a failure is kept for the
 *   first one who asks (who then shows it), instead of being retried behind its back
 */

export class Sessions {
  /** @param {WorkerClient} client */
  constructor(client) {
    this.client = client;
    /** @type {Map<string, Entry>} */
    this.entries = new Map();
  }

  /**
   * Take a reference on `key`, loading it if needed. Release it with `release(key)`.
   * @param {string} key
   * @param {Variant} variant
   * @param {ProgressFn} [onProgress]
   * @param {TaskSpec} [spec] lets the worker fetch what the task needs besides the model (a tokenizer)
   */
  async acquire(key, variant, onProgress, spec) {
    const entry = await this.ensure(key, variant, onProgress, spec);
    entry.refs++;
    return entry;
  }

  /**
   * Start loading `key` into the current worker (starting it if none runs) without taking a reference
   * or waiting: the download begins now, and the first acquire/ensure shares it. Does nothing when the
   * worker already holds or loads it.
   * @param {string} key
   * @param {Variant} variant
   * @param {TaskSpec} [spec]
   */
  prefetch(key, variant, spec) {
    const { generation } = this.client.current();
    const entry = this.entries.get(key);
    if (entry && entry.generation === generation) return;
    this.begin(key, variant, generation, entry?.refs ?? 0, true, spec);
  }

  /**
   * The session for `key` in the current worker, (re)loading it if it is missing there.
   * @param {string} key
   * @param {Variant} variant
   * @param {ProgressFn} [onProgress]
   * @param {TaskSpec} [spec]
   * @returns {Promise<Entry>}
   */
  async ensure(key, variant, onProgress, spec) {
    // The load goes out right behind the worker's `init`, without waiting for its reply.
    const { generation } = this.client.current();
    let entry = this.entries.get(key);
    if (!entry || entry.generation !== generation) {
      entry = this.begin(key, variant, generation, entry?.refs ?? 0, false, spec);
    } else if (entry.unclaimed) {
      // A prefetched load: this caller takes its outcome, a failure included; later ones start afresh.
      entry.unclaimed = false;
      this.forgetOnFailure(key, entry);
    }
    if (onProgress) entry.listeners.add(onProgress);
    try {
      await entry.loaded;
    } finally {
      if (onProgress) entry.listeners.delete(onProgress);
    }
    return entry;
  }

  /**
   * @param {string} key
   * @param {Variant} variant
   * @param {number} generation
   * @param {number} refs carried over from an entry of a dead worker
   * @param {boolean} unclaimed
   * @param {TaskSpec} [spec]
   * @returns {Entry}
   */
  begin(key, variant, generation, refs, unclaimed, spec) {
    /** @type {Set<ProgressFn>} */
    const listeners = new Set();
    const loaded = this.client.load(
      {
        model: key, url: variant.url, sha256: variant.sha256, bytes: variant.bytes,
        // onnxruntime settings the build chose for this variant (e.g. int8 weights folded once at load)
        ...(variant.session_options ? { sessionOptions: variant.session_options } : {}),
        ...(spec ? { spec } : {}),
      },
      (p) => listeners.forEach((fn) => fn(p)),
      generation,
    );
    /** @type {Entry} */
    const fresh = { generation, loaded, listeners, refs, unclaimed };
    this.entries.set(key, fresh);
    if (unclaimed) loaded.catch(() => {}); // kept for the first one who asks (ensure)
    else this.forgetOnFailure(key, fresh);
    return fresh;
  }

  /**
   * A failed load is forgotten, so the next attempt downloads again.
   * @param {string} key
   * @param {Entry} entry
   */
  forgetOnFailure(key, entry) {
    entry.loaded.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
  }

  /**
   * Drop a reference; the last one disposes the worker session.
   * @param {string} key
   */
  async release(key) {
    const entry = this.entries.get(key);
    if (!entry || --entry.refs > 0) return;
    this.entries.delete(key);
    // A session in a worker that has since died is already gone; never start a worker just to dispose.
    if (this.client.liveGeneration === entry.generation) await this.client.dispose(key);
  }
}
