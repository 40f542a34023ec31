// The "static" tier: a model handle with no runtime behind it, for browsers that cannot run the
// model (or pages forced to ?backend=static). It downloads nothing. What it can answer is what the
// build precomputed: predict() of a row equal to one of the manifest's examples returns that
// example's stored output; anything else rejects with a message that says what is missing.
// run() always rejects: the manifest stores task-level outputs (label, probabilities), not raw tensors.
import { checkRowFits, completeRow, rowToFeeds } from './tabular.js';
import { checkOpen, runSignal } from './model.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./manifest.js').Variant} Variant */
/** @typedef {import('./manifest.js').Example} Example */
/** @typedef {import('./backends.js').BackendPlan} BackendPlan */
/** @typedef {import('./model.js').TimedPrediction} TimedPrediction */

/**
 * The handle vitrine.load() returns on the "static" tier, when no runtime can run the model here (or
 * ?backend=static): predict() answers only the manifest's precomputed examples, run() always rejects.
 */
export class StaticModel {
  /**
   * @param {object} parts
   * @param {ModelEntry} parts.info
   * @param {Variant} parts.variant
   * @param {BackendPlan} parts.plan with name "static"
   * @internal
   */
  constructor({ info, variant, plan }) {
    /** The model's manifest entry. */
    this.info = info;
    /** The variant entry it would load (nothing is downloaded). */
    this.variant = variant;
    /** Always "static". */
    this.backend = plan.name;
    /** "precomputed examples only". */
    this.backendLabel = plan.label;
    /** Why no runtime runs here (what the browser lacks, what failed, or that it was forced). */
    this.backendReason = plan.reason;
    /** No runtime, no threads. */
    this.threads = 0;
    /** The session key, "<model id>/<variant name>", for messages. @internal */
    this.key = `${info.id}/${variant.name}`;
    /** Set by dispose(). @internal */
    this.disposed = false;
    /** One sentence for visitors: why predictions are not live. */
    this.notice = plan.problems.length
      ? `Live predictions need a newer browser (${plan.problems.join('; ')}); only the precomputed examples are shown.`
      : `Live predictions are turned off (${plan.source}); only the precomputed examples are shown.`;
  }

  /**
   * Raw tensors need a runtime; always rejects.
   * @param {unknown} _feeds
   * @param {unknown} [options]
   * @returns {Promise<never>}
   */
  async run(_feeds, options) {
    checkOpen(this);
    runSignal(options, 'run');
    throw new Error(`run() needs an inference runtime, and "${this.key}" has none here. ${this.notice}`);
  }

  /**
   * The stored output of the manifest example whose input equals `row` (numbers compared as the
   * float32 values the model would see); rejects for any other row.
   * @param {Record<string, number|string>} row
   * @param {unknown} [options]
   * @returns {Promise<TimedPrediction | ((import('./tabular.js').RegressionPrediction | import('./tabular.js').AnomalyPrediction) & {ms: number})>}
   */
  async predict(row, options) {
    checkOpen(this);
    runSignal(options, 'predict');
    if (this.info.preprocessing.kind !== 'tabular') {
      throw new Error(`predict() does not support task "${this.info.task}" yet; use run().`);
    }
    row = /** @type {Record<string, number|string>} */ (completeRow(row, this.info.preprocessing));
    rowToFeeds(row, this.info.preprocessing); // the same validation messages as a live model
    checkRowFits(row, this.info);
    const example = this.info.examples.find((e) => sameRow(e.input, row));
    if (!example) {
      throw new Error(`This input is not one of the precomputed examples, and the model cannot run here. ${this.notice}`);
    }
    if (this.info.task !== 'tabular-classification') return { ...example.output, ms: 0 }; // a regressor's value, a detector's score
    const { label, probabilities } = example.output;
    return {
      label,
      labelIndex: this.info.labels.indexOf(label),
      probabilities: Object.fromEntries(this.info.labels.map((name, i) => [name, probabilities[i]])),
      ms: 0,
    };
  }

  /** Nothing to release; further calls on this handle fail, as on a live model. */
  dispose() {
    this.disposed = true;
  }
}

/**
 * @param {Record<string, number|string>} a
 * @param {Record<string, number|string>} b
 */
function sameRow(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => {
    const x = a[k];
    const y = b[k];
    return typeof x === 'number' && typeof y === 'number' ? Math.fround(x) === Math.fround(y) : x === y;
  });
}
