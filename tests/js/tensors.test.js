import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FLOAT32_MAX, formatShape, misfit, normalizeFeeds, normalizeTensor } from '../../js_runtime/tensors.js';

/** @param {string} name @param {string} dtype @param {(number|string)[]} shape */
const spec = (name, dtype, shape) => ({ name, dtype, shape });

const SPECS = [spec('x', 'float32', ['N', 2]), spec('s', 'string', ['N', 1])];
const good = () => ({ x: { type: 'float32', dims: [1, 2], data: [1.5, 2] }, s: { type: 'string', dims: [1, 1], data: ['a'] } });

describe('normalizeFeeds', () => {
  it('converts plain arrays by dtype and keeps dims', () => {
    const out = normalizeFeeds(good(), SPECS);
    assert.ok(out.x.data instanceof Float32Array);
    assert.deepEqual([...out.x.data], [1.5, 2]);
    assert.deepEqual(out.x.dims, [1, 2]);
    assert.deepEqual(out.s, { type: 'string', dims: [1, 1], data: ['a'] });
  });

  it('defaults a missing type to the spec dtype', () => {
    const feeds = good();
    delete feeds.x.type;
    assert.equal(normalizeFeeds(feeds, SPECS).x.type, 'float32');
  });

  it('copies typed arrays so transferring them never detaches the caller\'s data', () => {
    const data = new Float32Array([1, 2]);
    const out = normalizeFeeds({ ...good(), x: { type: 'float32', dims: [1, 2], data } }, SPECS);
    assert.notEqual(out.x.data, data);
    assert.notEqual(/** @type {Float32Array} */ (out.x.data).buffer, data.buffer);
    assert.deepEqual([...out.x.data], [1, 2]);
  });

  it('accepts any size for symbolic dims', () => {
    const out = normalizeFeeds({ x: { dims: [3, 2], data: [1, 2, 3, 4, 5, 6] }, s: { dims: [3, 1], data: ['a', 'b', 'c'] } }, SPECS);
    assert.deepEqual(out.x.dims, [3, 2]);
  });

  it('rejects non-object feeds', () => {
    for (const bad of [null, 3, [1], 'x']) {
      assert.throws(() => normalizeFeeds(bad, SPECS), { message: 'Feeds must be an object mapping input names to {type, dims, data}.' });
    }
  });

  it('names unknown inputs and lists the valid ones', () => {
    assert.throws(() => normalizeFeeds({ ...good(), y: {}, z: {} }, SPECS),
      { message: 'Unknown input "y", "z"; the model\'s inputs are: x, s.' });
  });

  it('names missing inputs', () => {
    assert.throws(() => normalizeFeeds({ x: good().x }, SPECS),
      { message: 'Missing input "s"; the model\'s inputs are: x, s.' });
  });
});

describe('normalizeTensor errors', () => {
  const x = SPECS[0];
  const cases = [
    ['a non-object tensor', 5, 'Input "x" must be an object {type, dims, data}.'],
    ['a wrong dtype', { type: 'float64', dims: [1, 2], data: [1, 2] }, 'Input "x" has type "float64" but the model expects "float32".'],
    ['non-integer dims', { dims: [1, 1.5], data: [1] }, 'Input "x": dims must be an array of non-negative integers, got [1, 1.5].'],
    ['missing dims', { data: [1, 2] }, 'Input "x": dims must be an array of non-negative integers, got undefined.'],
    ['the wrong rank', { dims: [2], data: [1, 2] }, 'Input "x" has dims [2] (rank 1) but the model expects rank 2, shape [N, 2].'],
    ['a fixed dim that differs', { dims: [1, 3], data: [1, 2, 3] }, 'Input "x" has dims [1, 3] but dimension 1 must be 2 (model shape [N, 2]).'],
    ['a length that does not match dims', { dims: [2, 2], data: [1, 2, 3] }, 'Input "x" has 3 values but dims [2, 2] need 4.'],
    ['a typed array of another dtype', { dims: [1, 2], data: new Float64Array(2) }, 'Input "x": data is a Float64Array but type float32 needs a Float32Array or a plain array.'],
    ['data that is not an array', { dims: [1, 2], data: 'ab' }, 'Input "x": data must be a Float32Array or a plain array, got "ab".'],
    ['a non-number element', { dims: [1, 2], data: [1, '2'] }, 'Input "x": element 1 ("2") is not a valid float32.'],
  ];
  for (const [what, value, message] of cases) {
    it(`rejects ${what}`, () => assert.throws(() => normalizeTensor(value, x), { message }));
  }

  it('rejects non-string elements of string tensors', () => {
    assert.throws(() => normalizeTensor({ dims: [1, 1], data: [3] }, SPECS[1]), { message: 'Input "s": element 0 is 3, not a string.' });
    assert.throws(() => normalizeTensor({ dims: [1, 1], data: new Uint8Array(1) }, SPECS[1]),
      { message: 'Input "s" is a string tensor: data must be an array of strings.' });
  });

  it('asks for half bits for float16 plain arrays', () => {
    assert.throws(() => normalizeTensor({ dims: [1], data: [0.5] }, spec('h', 'float16', [1])),
      { message: 'Input "h" is float16: pass its IEEE half-precision bits as a Uint16Array.' });
    const out = normalizeTensor({ dims: [1], data: Uint16Array.of(0x3800) }, spec('h', 'float16', [1]));
    assert.deepEqual([...out.data], [0x3800]);
  });
});

describe('plain array conversion per dtype', () => {
  const convert = (dtype, data) => normalizeTensor({ dims: [data.length], data }, spec('t', dtype, ['N'])).data;

  it('int64 → BigInt64Array from safe integers and bigints', () => {
    const out = convert('int64', [1, -2, 3n]);
    assert.ok(out instanceof BigInt64Array);
    assert.deepEqual([...out], [1n, -2n, 3n]);
    assert.throws(() => convert('int64', [1.5]), { message: 'Input "t": element 0 (1.5) is not a valid int64.' });
    assert.throws(() => convert('int64', [2 ** 60]), /element 0 .* is not a valid int64/);
  });

  it('int32/int8/uint8 check range and integrality', () => {
    assert.ok(convert('int32', [1, -1]) instanceof Int32Array);
    assert.ok(convert('int8', [-128, 127]) instanceof Int8Array);
    assert.ok(convert('uint8', [0, 255]) instanceof Uint8Array);
    assert.throws(() => convert('uint8', [256]), { message: 'Input "t": element 0 (256) is not a valid uint8.' });
    assert.throws(() => convert('int8', [-129]), { message: 'Input "t": element 0 (-129) is not a valid int8.' });
    assert.throws(() => convert('int32', [0.5]), { message: 'Input "t": element 0 (0.5) is not a valid int32.' });
  });

  it('float64 → Float64Array; bool → Uint8Array of 0/1', () => {
    assert.ok(convert('float64', [0.1]) instanceof Float64Array);
    assert.equal(convert('float64', [0.1])[0], 0.1);
    const b = convert('bool', [true, false, 1, 0]);
    assert.ok(b instanceof Uint8Array);
    assert.deepEqual([...b], [1, 0, 1, 0]);
    assert.throws(() => convert('bool', [2]), { message: 'Input "t": element 0 (2) is not a valid bool.' });
  });
});

describe('values that would run as something else are refused, naming the input', () => {
  const f32 = spec('x', 'float32', ['N']);
  const run = (/** @type {any} */ data, t = f32) => normalizeTensor({ dims: [data.length], data }, t);

  it('sparse arrays: holes would run as zeros', () => {
    const hole = /element (\d) is missing \(data is a sparse array with holes/;
    // eslint-disable-next-line no-sparse-arrays
    assert.throws(() => run([1, , 3]), { message: 'Input "x": element 1 is missing (data is a sparse array with holes, such as new Array(3) or [1, , 3]); give every element a value.' });
    assert.throws(() => run(new Array(3)), hole);
    assert.throws(() => run(new Array(2), spec('s', 'string', ['N'])), /Input "s": element 0 is missing/);
    assert.throws(() => run(new Array(1), spec('b', 'bool', ['N'])), /Input "b": element 0 is missing/);
    assert.throws(() => run(new Array(1), spec('i', 'int64', ['N'])), /Input "i": element 0 is missing/);
  });

  it('sparse dims', () => {
    // eslint-disable-next-line no-sparse-arrays
    assert.throws(() => normalizeTensor({ dims: [1, , 2], data: [1, 2] }, spec('x', 'float32', ['N', 'M', 'K'])),
      { message: 'Input "x": dims must be an array of non-negative integers, got [1, , 2].' });
  });

  it('float32: 1e39 is finite in JavaScript but Infinity in float32', () => {
    assert.throws(() => run([1, 1e39]), { message: 'Input "x": element 1 is 1e+39, which does not fit in float32 (largest magnitude 3.4028234663852886e+38).' });
    assert.throws(() => run([-1e308]), /element 0 is -1e\+308, which does not fit in float32/);
    assert.equal(run([3.4028234663852886e38]).data[0], 3.4028234663852886e38);
  });

  it('float32 and float64: Infinity and NaN, plain or typed', () => {
    assert.throws(() => run([NaN]), { message: 'Input "x": element 0 is NaN; float32 inputs must be finite numbers.' });
    assert.throws(() => run(Float32Array.of(1, Infinity)), { message: 'Input "x": element 1 is Infinity; float32 inputs must be finite numbers.' });
    assert.throws(() => run([-Infinity], spec('d', 'float64', ['N'])), { message: 'Input "d": element 0 is -Infinity; float64 inputs must be finite numbers.' });
    assert.throws(() => run(Float64Array.of(NaN), spec('d', 'float64', ['N'])), /Input "d": element 0 is NaN/);
    assert.equal(run([1e300], spec('d', 'float64', ['N'])).data[0], 1e300);
  });

  it('float16 bits of Infinity or NaN', () => {
    const h = spec('h', 'float16', ['N']);
    assert.throws(() => run(Uint16Array.of(0x3c00, 0x7c00), h), { message: 'Input "h": element 1 (half bits 0x7c00) is Infinity; float16 inputs must be finite numbers.' });
    assert.throws(() => run(Uint16Array.of(0xfe00), h), /element 0 \(half bits 0xfe00\) is NaN/);
    assert.deepEqual([...run(Uint16Array.of(0x7bff), h).data], [0x7bff]); // 65504, the largest finite half
  });

  it('misfit: what predict() says about a feature value', () => {
    assert.equal(misfit(1e39, 'float32'), 'is 1e+39, which does not fit in the model\'s float32 input (largest magnitude 3.4028234663852886e+38)');
    assert.equal(misfit(1e39, 'float64'), null);
    assert.equal(misfit(70000, 'float16'), 'is 70000, which does not fit in the model\'s float16 input (largest magnitude 65504)');
    assert.equal(misfit(NaN, 'float32'), 'is NaN; it must be a finite number');
    assert.equal(misfit(FLOAT32_MAX, 'float32'), null);
  });
});

describe('formatShape', () => {
  it('prints symbolic and fixed dims', () => assert.equal(formatShape(['N', 3]), '[N, 3]'));
});
