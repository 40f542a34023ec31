// Page-side bookkeeping of worker sessions: one per "<id>/<variant>", shared by every handle that
// loads it, reference-counted, and reloaded transparently if the worker was restarted since.

/** @typedef {import('./manifest.js').Variant} Variant */
/** @typedef {import('./worker_client.js').WorkerClient} WorkerClient */
/** @typedef {(p: {loaded: number, total: number}) => void} ProgressFn */

/**
 * @typedef {object} Entry
 * @property {number} generation the worker generation the session was loaded into
 * @property {Promise<{inputs: string[], outputs: string[]}>} loaded
 * @property {Set<ProgressFn>} listeners everyone waiting on this download
 * @property {number} refs live handles
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
   */
  async acquire(key, variant, onProgress) {
    const entry = await this.ensure(key, variant, onProgress);
    entry.refs++;
    return entry;
  }

  /**
   * The session for `key` in the current worker, (re)loading it if it is missing there.
   * @param {string} key
   * @param {Variant} variant
   * @param {ProgressFn} [onProgress]
   * @returns {Promise<Entry>}
   */
  async ensure(key, variant, onProgress) {
    const { generation } = await this.client.start();
    let entry = this.entries.get(key);
    if (!entry || entry.generation !== generation) {
      /** @type {Set<ProgressFn>} */
      const listeners = new Set();
      const loaded = this.client.load(
        {
          model: key, url: variant.url, sha256: variant.sha256, bytes: variant.bytes,
          // onnxruntime settings the build chose for this variant (e.g. int8 weights folded once at load)
          ...(variant.session_options ? { sessionOptions: variant.session_options } : {}),
        },
        (p) => listeners.forEach((fn) => fn(p)),
      );
      const fresh = { generation, loaded, listeners, refs: entry?.refs ?? 0 };
      this.entries.set(key, fresh);
      // A failed load is forgotten, so the next attempt downloads again.
      loaded.catch(() => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
      });
      entry = fresh;
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
