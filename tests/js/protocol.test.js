import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CODE, REPLY, REQUEST, VitrineError, transferList } from '../../worker/protocol.js';
import { describeOrtError } from '../../worker/ort_errors.js';
import { hasWasmSimd, hasWasmThreads } from '../../worker/wasm_features.js';

describe('protocol constants', () => {
  it('names every request and reply type as its own value', () => {
    assert.deepEqual(Object.entries(REQUEST).filter(([k, v]) => k !== v), []);
    assert.deepEqual(Object.entries(REPLY).filter(([k, v]) => k !== v), []);
    assert.deepEqual(Object.keys(REQUEST), ['init', 'load', 'run', 'predict', 'generate', 'explain', 'drift', 'dispose', 'cancel']);
    assert.deepEqual(Object.keys(REPLY), ['ready', 'progress', 'loaded', 'result', 'prediction', 'token', 'generated', 'explanation', 'driftReport', 'disposed', 'error']);
  });

  it('has distinct error codes, including integrity and worker-died', () => {
    const codes = Object.values(ERROR_CODE);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(ERROR_CODE.integrity, 'integrity');
    assert.equal(ERROR_CODE.workerDied, 'worker-died');
  });

  it('is frozen, so neither side can change it at run time', () => {
    assert.ok(Object.isFrozen(REQUEST) && Object.isFrozen(REPLY) && Object.isFrozen(ERROR_CODE));
  });

  it('VitrineError carries its code', () => {
    const e = new VitrineError(ERROR_CODE.download, 'x');
    assert.ok(e instanceof Error);
    assert.equal(e.code, 'download');
    assert.equal(e.name, 'VitrineError');
  });
});

describe('transferList', () => {
  it('transfers whole, owned buffers only, once each', () => {
    const owned = new Float32Array(4);
    const view = new Float32Array(new ArrayBuffer(64), 16, 2);
    const list = transferList({
      a: { data: owned },
      b: { data: view },
      c: { data: ['str'] },
      d: { data: owned },
      e: { data: new Float32Array(new SharedArrayBuffer(8)) },
    });
    assert.deepEqual(list, [owned.buffer]);
  });

  it('the listed buffers really transfer through structured clone', () => {
    const data = new Float32Array([1, 2]);
    const copy = structuredClone({ data }, { transfer: transferList({ x: { data } }) });
    assert.equal(data.byteLength, 0); // detached
    assert.deepEqual([...copy.data], [1, 2]);
  });
});

describe('describeOrtError', () => {
  it('rewrites ORT messages a visitor may meet', () => {
    assert.equal(describeOrtError(new Error('failed to load external data file: http://x/m.onnx'), 'The model could not be loaded'),
      'The model could not be loaded: The model file could not be downloaded. Check the connection and reload the page.');
    assert.match(describeOrtError(new Error('WebAssembly SIMD is not supported in the current environment'), 'X'), /lacks WebAssembly SIMD/);
    assert.match(describeOrtError(new Error('expected magic word 00 61 73 6d'), 'X'), /WebAssembly files could not be loaded/);
    assert.match(describeOrtError(new Error('no available backend found. ERR: [wasm] TypeError'), 'X'), /WebAssembly files could not be loaded/);
    // a Content Security Policy without 'wasm-unsafe-eval', also when ORT wraps it in "no available backend found"
    const csp = "no available backend found. ERR: [wasm] CompileError: WebAssembly.instantiateStreaming(): Refused to compile or " +
      "instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script";
    assert.match(describeOrtError(new Error(csp), 'X'), /^X: This site's Content Security Policy .* needs 'wasm-unsafe-eval' in script-src\.$/);
  });

  it('keeps unknown messages, led by what failed', () => {
    assert.equal(describeOrtError(new Error('Unsupported op FooBar'), 'The model could not be loaded'), 'The model could not be loaded: Unsupported op FooBar');
    assert.equal(describeOrtError('plain string', 'Run'), 'Run: plain string');
  });
});

describe('wasm features', () => {
  it('Node 20 has WASM SIMD; threads need cross-origin isolation', () => {
    assert.equal(hasWasmSimd(), true);
    assert.equal(hasWasmThreads(), false); // Node has no crossOriginIsolated global
  });
});
