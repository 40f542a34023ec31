// A loaded model handle, returned by vitrine.load().
import { transferList } from '../worker/protocol.js';
import { normalizeFeeds } from './tensors.js';
import { readPrediction, rowToFeeds } from './tabular.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./manifest.js').Variant} Variant */
/** @typedef {import('./backends.js').BackendPlan} BackendPlan */
/** @typedef {import('./sessions.js').Sessions} Sessions */
/** @typedef {import('../worker/protocol.js').OutputTensor} OutputTensor */

/**
 * @typedef {import('./tabular.js').Prediction & {ms: number}} TimedPrediction
 * `ms` is the time the model took in the worker (session.run), excluding messaging.
 */

/**
 * @typedef {object} RunOptions
 * @property {AbortSignal} [signal] aborting it cancels the call: it rejects with an error named
 *   "AbortError" (code "aborted"), and a run still queued in the worker is dropped
 */

export class Model {
  /**
   * @param {object} parts
   * @param {ModelEntry} parts.info
   * @param {Variant} parts.variant
   * @param {BackendPlan} parts.plan
   * @param {number} parts.threads
   * @param {Sessions} parts.sessions
   */
  constructor({ info, variant, plan, threads, sessions }) {
    /** The model's manifest entry. */
    this.info = info;
    /** The variant entry in use. */
    this.variant = variant;
    /** Tier name: "webgpu", "wasm" or "wasm-nosimd" (a StaticModel has "static"). */
    this.backend = plan.name;
    /** Tier name for people: "WebGPU", "WASM-SIMD", "plain WASM". */
    this.backendLabel = plan.label;
    /** Why this tier: "auto: …", "forced by ?backend=wasm", plus why better tiers were skipped or failed. */
    this.backendReason = plan.reason;
    /** WASM threads the runtime was started with. */
    this.threads = threads;
    this.key = `${info.id}/${variant.name}`;
    this.sessions = sessions;
    this.disposed = false;
  }

  /**
   * Run the model on raw tensors.
   * @param {Record<string, import('./tensors.js').FeedInput>} feeds {inputName: {type, dims, data}}
   * @param {RunOptions} [options]
   * @returns {Promise<Record<string, OutputTensor>>}
   */
  async run(feeds, options = {}) {
    return (await this.runTimed(normalizeFeeds(feeds, this.info.inputs), options.signal)).outputs;
  }

  /**
   * Classify one row of a tabular model.
   * @param {Record<string, number|string>} row {featureName: value}
   * @param {RunOptions} [options]
   * @returns {Promise<TimedPrediction>}
   */
  async predict(row, options = {}) {
    if (this.info.task !== 'tabular-classification') {
      throw new Error(`predict() does not support task "${this.info.task}" yet; use run().`);
    }
    const feeds = normalizeFeeds(rowToFeeds(row, this.info.preprocessing), this.info.inputs);
    const { outputs, ms } = await this.runTimed(feeds, options.signal);
    return { ...readPrediction(outputs, this.info), ms };
  }

  /** Release the worker session once no other handle uses it. Further calls on this handle fail. */
  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    this.sessions.release(this.key).catch((e) => console.warn(`[vitrine] disposing ${this.key}:`, e));
  }

  /**
   * @param {import('../worker/protocol.js').TensorMap} feeds already validated
   * @param {AbortSignal} [signal]
   */
  async runTimed(feeds, signal) {
    if (this.disposed) throw new Error(`Model "${this.key}" was disposed; load it again to run it.`);
    // Reloads the session if the worker restarted since this handle was created.
    const { generation } = await this.sessions.ensure(this.key, this.variant);
    const reply = await this.sessions.client.run(this.key, feeds, transferList(feeds), generation, signal);
    return { outputs: reply.outputs, ms: reply.ms };
  }
}
