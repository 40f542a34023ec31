// Time-series forecasting: a series → the model's window, and its output → forecasts with intervals. Pure: no
// DOM. Used on the page (early checks in model.js) and in the worker (worker/predict.js), as tabular.js is.
import { misfit } from './tensors.js';

/** @typedef {import('../worker/protocol.js').TensorMap} TensorMap */
/** @typedef {import('../worker/protocol.js').OutputTensor} OutputTensor */

/**
 * @typedef {object} Forecast What a forecasting model's predict(series) answers: one entry per step ahead.
 * @property {number[]} forecast the predicted values, the first for the period right after the series' last
 * @property {number[]} low forecast − that step's interval half width
 * @property {number[]} high forecast + that step's interval half width
 * @property {number} level the share of values each step's interval is meant to hold (e.g. 0.9); the model
 *   page gives how often it held in the back-test
 */

/**
 * @typedef {object} SeriesSpec What these functions need of a manifest entry.
 * @property {{kind: string, input: string, window: number}} preprocessing
 * @property {{forecast_output: string, horizon: number, interval: {level: number, half_widths: number[]}}} postprocessing
 */

/**
 * The model's input from a series (oldest value first): its last `window` values as a [1, window] float32 tensor.
 * Anything else is refused with a message that says what to give instead.
 * @param {unknown} series
 * @param {SeriesSpec} spec
 * @returns {TensorMap}
 */
export function seriesToFeeds(series, spec) {
  const { window, input } = spec.preprocessing;
  const isArray = Array.isArray(series) || (ArrayBuffer.isView(series) && !(series instanceof DataView));
  if (!isArray) throw new TypeError(`predict() takes a series for this model: an array of numbers, oldest first (at least ${window}).`);
  const values = /** @type {ArrayLike<unknown>} */ (series);
  if (values.length < window) {
    throw new Error(`The model forecasts from the last ${window} values of a series; this one has ${values.length}.`);
  }
  const data = new Float32Array(window);
  const start = values.length - window;
  for (let i = 0; i < window; i += 1) {
    const v = values[start + i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`Value ${start + i + 1} of the series is ${typeof v === 'string' ? JSON.stringify(v) : String(v)}; ` +
        `the last ${window} values must all be finite numbers.`);
    }
    const problem = misfit(v, 'float32');
    if (problem) throw new Error(`Value ${start + i + 1} of the series ${problem}.`);
    data[i] = v;
  }
  return { [input]: { type: 'float32', dims: [1, window], data } };
}

/**
 * The forecast and its intervals from the model's output, the first `horizon` steps (all by default).
 * @param {Record<string, OutputTensor>} outputs
 * @param {SeriesSpec} spec
 * @param {number} [horizon]
 * @returns {Forecast}
 */
export function readForecast(outputs, spec, horizon = spec.postprocessing.horizon) {
  const { forecast_output: name, interval } = spec.postprocessing;
  const tensor = outputs[name];
  if (!tensor) throw new Error(`The model returned outputs ${Object.keys(outputs).join(', ')}, but the manifest expects "${name}".`);
  const forecast = Array.from(tensor.data, Number).slice(0, horizon);
  if (forecast.length < horizon || !forecast.every(Number.isFinite)) {
    throw new Error('The model returned no finite forecast for this series.');
  }
  return {
    forecast,
    low: forecast.map((v, i) => v - interval.half_widths[i]),
    high: forecast.map((v, i) => v + interval.half_widths[i]),
    level: interval.level,
  };
}

/**
 * A predict() option `horizon`: a whole number of steps, 1 … the model's horizon.
 * @param {unknown} horizon
 * @param {number} most
 * @returns {number | undefined}
 */
export function checkHorizon(horizon, most) {
  if (horizon === undefined) return undefined;
  if (!(typeof horizon === 'number' && Number.isInteger(horizon) && horizon >= 1 && horizon <= most)) {
    throw new TypeError(`predict(): horizon must be a whole number from 1 to ${most}, got ${JSON.stringify(horizon)}.`);
  }
  return horizon;
}
