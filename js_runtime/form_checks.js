// Checks on the demo form's values, and the sentences a visitor reads about them. Pure: no DOM.
//
// - a number box's text → a number, or "Enter a number for Body mass." (never "NaN");
// - which numeric inputs lie outside the training data (the manifest's min/max were computed on the
//   training split), and a notice that names each one by its label and unit;
// - a slider range that covers the training data *and* every precomputed example, so an example
//   (a held-out row may lie outside the training range) shows its own value, not a clamped one.

/**
 * The parts of a numeric feature spec these checks read (a manifest NumericFeature has them all).
 * @typedef {object} NumericSpec
 * @property {string} name
 * @property {string} label
 * @property {'numeric'} type
 * @property {string} [unit]
 * @property {number} min lowest value in the training data
 * @property {number} max highest value in the training data
 * @property {number} step
 */

/**
 * Any feature spec: only numeric ones are range-checked.
 * @typedef {NumericSpec | {name: string, label: string, type: string}} FeatureSpec
 */

/**
 * @typedef {object} OutOfRange
 * @property {string} name feature name
 * @property {string} label feature label
 * @property {number} value the input
 * @property {'below'|'above'} side
 * @property {number} limit the training minimum (below) or maximum (above)
 * @property {string} text one sentence naming the feature, its value and the limit, with units
 */

/**
 * @typedef {{ok: true, value: number} | {ok: false, message: string}} NumberCheck
 */

/**
 * @param {FeatureSpec} f
 * @returns {f is NumericSpec}
 */
function isNumeric(f) {
  return f.type === 'numeric';
}

/**
 * Decimals in a step: 0.1 → 1, 1 → 0, 1e-7 → 7.
 * @param {number} step
 * @returns {number}
 */
function stepDecimals(step) {
  if (!(step > 0) || !Number.isFinite(step)) return 6;
  const text = String(step);
  const decimals = text.includes('e') ? Math.ceil(-Math.log10(step)) : (text.split('.')[1] ?? '').length;
  return Math.min(Math.max(decimals, 0), 20);
}

/**
 * A value with as many decimals as the step has (manifests carry float32 round-trips such as
 * 59.599998, which read as 59.6), without trailing zeros.
 * @param {number} value
 * @param {number} step
 * @returns {string}
 */
export function formatValue(value, step) {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toFixed(stepDecimals(step))));
}

/**
 * A value with its unit, for sentences: "2700 g", "46.9 mm", "3" (no unit).
 * @param {number} value
 * @param {NumericSpec} f
 * @returns {string}
 */
export function formatWithUnit(value, f) {
  const text = formatValue(value, f.step);
  return f.unit ? `${text} ${f.unit}` : text;
}

/**
 * Read a number box. `raw` is its value: browsers report '' for an empty box *and* for text that is
 * not a number, so both get the same visitor-facing message.
 * @param {string} raw
 * @param {{label: string}} f
 * @returns {NumberCheck}
 */
export function checkNumber(raw, f) {
  const text = raw.trim();
  const value = text === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: `Enter a number for ${f.label}.` };
  // Finite in JS but infinite in the model's float32 input (e.g. 1e39): the model cannot take it.
  if (!Number.isFinite(Math.fround(value))) return { ok: false, message: `Enter a number between -3.4e38 and 3.4e38 for ${f.label}.` };
  return { ok: true, value };
}

/**
 * Allowance for float32 round-trips in the manifest (59.599998 vs a typed 59.6).
 * @param {NumericSpec} f
 */
function tolerance(f) {
  return Math.max(Math.abs(f.step) * 1e-3, 1e-9);
}

/**
 * The numeric inputs of `row` that lie outside the training data, in feature order. Missing,
 * non-numeric and non-finite values are not range problems (checkNumber reports those) and are skipped.
 * @param {readonly FeatureSpec[]} features
 * @param {Record<string, unknown>} row
 * @returns {OutOfRange[]}
 */
export function outOfRange(features, row) {
  /** @type {OutOfRange[]} */
  const found = [];
  for (const f of features) {
    if (!isNumeric(f)) continue;
    const value = row[f.name];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const eps = tolerance(f);
    if (value < f.min - eps) {
      found.push({ name: f.name, label: f.label, value, side: 'below', limit: f.min,
        text: `${f.label} ${formatWithUnit(value, f)} is below the lowest value in the training data (${formatWithUnit(f.min, f)})` });
    } else if (value > f.max + eps) {
      found.push({ name: f.name, label: f.label, value, side: 'above', limit: f.max,
        text: `${f.label} ${formatWithUnit(value, f)} is above the highest value in the training data (${formatWithUnit(f.max, f)})` });
    }
  }
  return found;
}

/**
 * The notice for out-of-range inputs: null when there are none; one sentence for one input; a lead
 * sentence and one item per input otherwise.
 * @param {readonly OutOfRange[]} found
 * @returns {{lead: string, items: string[]} | null}
 */
export function outOfRangeNotice(found) {
  if (found.length === 0) return null;
  if (found.length === 1) return { lead: `${found[0].text}: the prediction may be unreliable.`, items: [] };
  return {
    lead: `${found.length} inputs are outside the training data, so the prediction may be unreliable:`,
    items: found.map((o) => `${o.text}.`),
  };
}

/**
 * The slider range for a numeric feature: the training range widened to include every example's value
 * (so an example is shown as it is, and the out-of-range notice explains it).
 * @param {NumericSpec} f
 * @param {readonly {input: Record<string, unknown>}[]} examples
 * @returns {{min: number, max: number}}
 */
export function sliderRange(f, examples) {
  let min = f.min;
  let max = f.max;
  for (const example of examples) {
    const value = example.input[f.name];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  // Tidy float32 round-trips (59.599998 → 59.6) so the slider's step grid starts on a real value,
  // without ever narrowing the range.
  const eps = tolerance(f);
  const unit = 10 ** -stepDecimals(f.step);
  let low = Number(formatValue(min, f.step));
  let high = Number(formatValue(max, f.step));
  if (low > min + eps) low = Number(formatValue(low - unit, f.step));
  if (high < max - eps) high = Number(formatValue(high + unit, f.step));
  return { min: low, max: high };
}

/**
 * Whether two rows hold the same inputs for `features` (numbers compared as the float32 the model sees).
 * @param {readonly {name: string, type: string}[]} features
 * @param {Record<string, unknown>} a
 * @param {Record<string, unknown>} b
 * @returns {boolean}
 */
export function sameInputs(features, a, b) {
  return features.every(({ name, type }) => {
    const x = a[name];
    const y = b[name];
    if (type === 'numeric' && typeof x === 'number' && typeof y === 'number') return Math.fround(x) === Math.fround(y);
    return x === y;
  });
}
