// A loaded model handle, returned by vitrine.load().
import { transferList } from '../worker/protocol.js';
import { checkOptions, checkSignal } from './options.js';
import { misfit, normalizeFeeds } from './tensors.js';
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
  async run(feeds, options) {
    checkOpen(this);
    const signal = runSignal(options, 'run');
    return (await this.runTimed(normalizeFeeds(feeds, this.info.inputs), signal)).outputs;
  }

  /**
   * Classify one row of a tabular model.
   * @param {Record<string, number|string>} row {featureName: value}
   * @param {RunOptions} [options]
   * @returns {Promise<TimedPrediction>}
   */
  async predict(row, options) {
    checkOpen(this);
    const signal = runSignal(options, 'predict');
    if (this.info.task !== 'tabular-classification') {
      throw new Error(`predict() does not support task "${this.info.task}" yet; use run().`);
    }
    const tabular = rowToFeeds(row, this.info.preprocessing);
    checkRowFits(/** @type {Record<string, unknown>} */ (row), this.info);
    const feeds = normalizeFeeds(tabular, this.info.inputs);
    const { outputs, ms } = await this.runTimed(feeds, signal);
    return { ...checkPrediction(readPrediction(outputs, this.info), this.info), ms };
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
    checkOpen(this);
    // Reloads the session if the worker restarted since this handle was created.
    const { generation } = await this.sessions.ensure(this.key, this.variant);
    const reply = await this.sessions.client.run(this.key, feeds, transferList(feeds), generation, signal);
    return { outputs: reply.outputs, ms: reply.ms };
  }
}

/**
 * A disposed handle says so first, whatever else is wrong with the call (live and static models).
 * @param {{disposed: boolean, key: string}} handle
 */
export function checkOpen(handle) {
  if (handle.disposed) throw new Error(`Model "${handle.key}" was disposed; load it again to run it.`);
}

/**
 * The AbortSignal of run()/predict() options, checked.
 * @param {unknown} options
 * @param {string} method
 * @returns {AbortSignal | undefined}
 */
export function runSignal(options, method) {
  const call = `${method}()`;
  return checkSignal(checkOptions(options, ['signal'], call).signal, call);
}

/**
 * Each numeric feature must survive the conversion to its input's dtype: 1e39 is a finite JS
 * number but Infinity as a float32, and the model answers Infinity with NaN or confident nonsense.
 * Call after rowToFeeds (which checks that the values are finite numbers).
 * @param {Record<string, unknown>} row
 * @param {ModelEntry} info
 */
export function checkRowFits(row, info) {
  for (const feature of info.preprocessing.features) {
    if (feature.type !== 'numeric') continue;
    const dtype = info.inputs.find((s) => s.name === feature.input)?.dtype ?? 'float32';
    const problem = misfit(/** @type {number} */ (row[feature.name]), dtype);
    if (problem) throw new Error(`Feature "${feature.name}" ${problem}.`);
  }
}

/**
 * A prediction whose probabilities are not numbers between 0 and 1 is no prediction: refuse it
 * rather than show a label with NaN beside it.
 * @template {import('./tabular.js').Prediction} P
 * @param {P} prediction
 * @param {ModelEntry} info
 * @returns {P}
 */
export function checkPrediction(prediction, info) {
  const bad = info.labels.filter((label) => {
    const p = prediction.probabilities[label];
    return !(Number.isFinite(p) && p >= -1e-3 && p <= 1 + 1e-3);
  });
  if (bad.length) {
    const values = bad.map((label) => `${label}: ${prediction.probabilities[label]}`).join(', ');
    throw new Error(`The model returned invalid probabilities (${values}) for these inputs, so there is no prediction.`);
  }
  return prediction;
}
