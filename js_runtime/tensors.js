// Feeds normalisation and validation: turns what a caller passes to `m.run()` into tensors the worker
// can hand to onnxruntime-web, or throws an Error that says exactly what is wrong. Pure: no DOM.

/** @typedef {import('../worker/protocol.js').DType} DType */
/** @typedef {import('../worker/protocol.js').Tensor} Tensor */
/** @typedef {import('../worker/protocol.js').TensorMap} TensorMap */
/** @typedef {import('./manifest.js').TensorSpec} TensorSpec */

/**
 * @typedef {object} FeedInput What a caller may pass for one input.
 * @property {string} [type] defaults to the input's dtype from the manifest
 * @property {number[]} dims
 * @property {ArrayLike<unknown>} data a typed array of the dtype's class, or a plain array
 */

/** @type {Record<Exclude<DType, 'string'>, {new (n: number): any, name: string}>} */
const TYPED_ARRAY = {
  float32: Float32Array,
  float64: Float64Array,
  float16: Uint16Array, // IEEE half bits, as onnxruntime-web expects
  int8: Int8Array,
  uint8: Uint8Array,
  int32: Int32Array,
  int64: BigInt64Array,
  bool: Uint8Array,
};

/** Inclusive value ranges of the small integer dtypes, for plain-array conversion. */
const INT_RANGE = { int8: [-128, 127], uint8: [0, 255], int32: [-2147483648, 2147483647] };

/** The largest finite float32 (beyond it, and from about 3.4028235677973366e38 on, Math.fround gives Infinity). */
export const FLOAT32_MAX = 3.4028234663852886e38;
/** The largest finite float16. */
export const FLOAT16_MAX = 65504;

/** @param {readonly (string|number)[]} shape */
export function formatShape(shape) {
  return `[${shape.join(', ')}]`;
}

/**
 * Validate `feeds` against the model's input specs and return fresh tensors. Typed arrays are
 * copied: the worker transfers (detaches) what it receives, and the caller's arrays must survive.
 * @param {unknown} feeds
 * @param {readonly TensorSpec[]} specs
 * @returns {TensorMap}
 */
export function normalizeFeeds(feeds, specs) {
  if (typeof feeds !== 'object' || feeds === null || Array.isArray(feeds)) {
    throw new Error('Feeds must be an object mapping input names to {type, dims, data}.');
  }
  const names = specs.map((s) => s.name);
  const given = Object.keys(feeds);
  const unknown = given.filter((n) => !names.includes(n));
  if (unknown.length) {
    throw new Error(`Unknown input ${quoteList(unknown)}; the model's inputs are: ${names.join(', ')}.`);
  }
  const missing = names.filter((n) => !given.includes(n));
  if (missing.length) {
    throw new Error(`Missing input ${quoteList(missing)}; the model's inputs are: ${names.join(', ')}.`);
  }
  /** @type {TensorMap} */
  const out = {};
  for (const spec of specs) {
    out[spec.name] = normalizeTensor(/** @type {Record<string, unknown>} */ (feeds)[spec.name], spec);
  }
  return out;
}

/**
 * @param {unknown} value
 * @param {TensorSpec} spec
 * @returns {Tensor}
 */
export function normalizeTensor(value, spec) {
  const where = `Input "${spec.name}"`;
  if (typeof value !== 'object' || value === null) {
    throw new Error(`${where} must be an object {type, dims, data}.`);
  }
  const { type = spec.dtype, dims, data } = /** @type {{type?: unknown, dims?: unknown, data?: unknown}} */ (value);
  if (type !== spec.dtype) {
    throw new Error(`${where} has type ${JSON.stringify(type)} but the model expects "${spec.dtype}".`);
  }
  const checkedDims = checkDims(dims, spec, where);
  const size = checkedDims.reduce((a, b) => a * b, 1);
  const converted = convertData(data, spec.dtype, where);
  if (converted.length !== size) {
    throw new Error(`${where} has ${converted.length} values but dims ${formatShape(checkedDims)} need ${size}.`);
  }
  return { type: spec.dtype, dims: checkedDims, data: converted };
}

/**
 * @param {unknown} dims
 * @param {TensorSpec} spec
 * @param {string} where
 * @returns {number[]}
 */
function checkDims(dims, spec, where) {
  // Spread, not every(): every() skips the holes of a sparse array ([1, , 2]).
  if (!Array.isArray(dims) || ![...dims].every((d) => Number.isInteger(d) && d >= 0)) {
    throw new Error(`${where}: dims must be an array of non-negative integers, got ${describe(dims)}.`);
  }
  if (dims.length !== spec.shape.length) {
    throw new Error(`${where} has dims ${formatShape(dims)} (rank ${dims.length}) but the model expects ` +
      `rank ${spec.shape.length}, shape ${formatShape(spec.shape)}.`);
  }
  spec.shape.forEach((expected, i) => {
    if (typeof expected === 'number' && dims[i] !== expected) {
      throw new Error(`${where} has dims ${formatShape(dims)} but dimension ${i} must be ${expected} ` +
        `(model shape ${formatShape(spec.shape)}).`);
    }
  });
  return [...dims];
}

/**
 * @param {unknown} data
 * @param {DType} dtype
 * @param {string} where
 * @returns {import('../worker/protocol.js').TensorData}
 */
function convertData(data, dtype, where) {
  if (Array.isArray(data)) checkNoHoles(data, where);
  if (dtype === 'string') {
    if (!Array.isArray(data)) throw new Error(`${where} is a string tensor: data must be an array of strings.`);
    const bad = data.findIndex((v) => typeof v !== 'string');
    if (bad >= 0) throw new Error(`${where}: element ${bad} is ${describe(data[bad])}, not a string.`);
    return [...data];
  }
  const Typed = TYPED_ARRAY[dtype];
  if (ArrayBuffer.isView(data)) {
    if (!(data instanceof Typed)) {
      throw new Error(`${where}: data is a ${data.constructor.name} but type ${dtype} needs a ${Typed.name} or a plain array.`);
    }
    checkFiniteTyped(data, dtype, where);
    return /** @type {any} */ (data).slice();
  }
  if (!Array.isArray(data)) {
    throw new Error(`${where}: data must be a ${Typed.name} or a plain array, got ${describe(data)}.`);
  }
  if (dtype === 'float16') {
    throw new Error(`${where} is float16: pass its IEEE half-precision bits as a Uint16Array.`);
  }
  const typed = new Typed(data.length);
  data.forEach((v, i) => {
    typed[i] = convertElement(v, dtype, () => `${where}: element ${i} (${describe(v)}) is not a valid ${dtype}.`);
    if (dtype === 'float32' || dtype === 'float64') checkFloat(/** @type {number} */ (v), dtype, `${where}: element ${i}`);
  });
  return typed;
}

/**
 * A sparse array ([1, , 3], new Array(3)) would run with zeros where its holes are: refuse it.
 * @param {unknown[]} data
 * @param {string} where
 */
function checkNoHoles(data, where) {
  for (let i = 0; i < data.length; i++) {
    if (!(i in data)) {
      throw new Error(`${where}: element ${i} is missing (data is a sparse array with holes, ` +
        `such as new Array(${data.length}) or [1, , 3]); give every element a value.`);
    }
  }
}

/**
 * Float inputs must be finite, and fit their dtype: 1e39 is finite in JavaScript but Infinity as a
 * float32, and a model given Infinity or NaN answers with NaN (or a confident nonsense).
 * @param {number} v
 * @param {'float32'|'float64'} dtype
 * @param {string} what 'Input "x": element 3', for the message
 */
function checkFloat(v, dtype, what) {
  if (!Number.isFinite(v)) throw new Error(`${what} is ${v}; ${dtype} inputs must be finite numbers.`);
  if (dtype === 'float32' && !Number.isFinite(Math.fround(v))) {
    throw new Error(`${what} is ${v}, which does not fit in float32 (largest magnitude ${FLOAT32_MAX}).`);
  }
}

/**
 * The same check for typed arrays (whose values already have the dtype: only Infinity and NaN remain).
 * @param {ArrayBufferView} data a typed array of the dtype's class
 * @param {Exclude<DType, 'string'>} dtype
 * @param {string} where
 */
function checkFiniteTyped(data, dtype, where) {
  if (dtype === 'float32' || dtype === 'float64') {
    const values = /** @type {Float32Array|Float64Array} */ (data);
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) checkFloat(values[bad], dtype, `${where}: element ${bad}`);
  } else if (dtype === 'float16') {
    // IEEE half: all exponent bits set is Infinity (mantissa 0) or NaN.
    const bits = /** @type {Uint16Array} */ (data);
    const bad = bits.findIndex((b) => (b & 0x7c00) === 0x7c00);
    if (bad >= 0) {
      throw new Error(`${where}: element ${bad} (half bits 0x${bits[bad].toString(16)}) is ${bits[bad] & 0x3ff ? 'NaN' : 'Infinity'}; ` +
        'float16 inputs must be finite numbers.');
    }
  }
}

/**
 * A number fed to an input of `dtype` must survive the conversion: refuse values that become
 * Infinity (float32 beyond FLOAT32_MAX, float16 beyond FLOAT16_MAX) or that are not finite at all.
 * @param {number} value
 * @param {DType} dtype
 * @returns {string | null} why it does not fit, or null
 */
export function misfit(value, dtype) {
  if (!Number.isFinite(value)) return `is ${value}; it must be a finite number`;
  if (dtype === 'float32' && !Number.isFinite(Math.fround(value))) {
    return `is ${value}, which does not fit in the model's float32 input (largest magnitude ${FLOAT32_MAX})`;
  }
  if (dtype === 'float16' && Math.abs(value) > FLOAT16_MAX) {
    return `is ${value}, which does not fit in the model's float16 input (largest magnitude ${FLOAT16_MAX})`;
  }
  return null;
}

/**
 * @param {unknown} v
 * @param {Exclude<DType, 'string'|'float16'>} dtype
 * @param {() => string} message
 * @returns {number|bigint}
 */
function convertElement(v, dtype, message) {
  switch (dtype) {
    case 'float32':
    case 'float64':
      if (typeof v !== 'number') throw new Error(message());
      return v;
    case 'bool':
      if (v === true || v === 1) return 1;
      if (v === false || v === 0) return 0;
      throw new Error(message());
    case 'int64':
      if (typeof v === 'bigint') return v;
      if (!Number.isSafeInteger(v)) throw new Error(message());
      return BigInt(/** @type {number} */ (v));
    default: {
      const [lo, hi] = INT_RANGE[dtype];
      if (!Number.isInteger(v) || /** @type {number} */ (v) < lo || /** @type {number} */ (v) > hi) throw new Error(message());
      return /** @type {number} */ (v);
    }
  }
}

/** @param {string[]} names */
function quoteList(names) {
  return names.map((n) => `"${n}"`).join(', ');
}

/**
 * A short description of an unexpected value, for error messages.
 * @param {unknown} v
 * @returns {string}
 */
function describe(v) {
  if (Array.isArray(v)) return `[${v.slice(0, 8).map(describe).join(', ')}${v.length > 8 ? ', …' : ''}]`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return typeof v;
}
