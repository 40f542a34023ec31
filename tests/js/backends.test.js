import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TIERS, chooseBackend } from '../../js_runtime/backends.js';

const caps = (over = {}) => ({ webgpu: false, wasmSimd: true, threads: false, crossOriginIsolated: false, hardwareConcurrency: 8, ...over });

describe('chooseBackend', () => {
  it('auto resolves to wasm with one thread when not isolated', () => {
    const plan = chooseBackend('auto', null, caps());
    assert.equal(plan.name, 'wasm');
    assert.equal(plan.label, 'WASM-SIMD');
    assert.equal(plan.threads, 1);
    assert.match(plan.reason, /^auto/);
  });

  it('uses up to 4 threads when WASM threads work', () => {
    assert.equal(chooseBackend('auto', null, caps({ threads: true, crossOriginIsolated: true })).threads, 4);
    assert.equal(chooseBackend('auto', null, caps({ threads: true, crossOriginIsolated: true, hardwareConcurrency: 2 })).threads, 2);
  });

  it('the ?backend= parameter wins and is reported', () => {
    assert.equal(chooseBackend('auto', 'wasm', caps()).reason, 'forced by ?backend=wasm');
    assert.throws(() => chooseBackend('wasm', 'webgpu', caps()),
      { message: 'Backend "webgpu" is not available yet; available: auto, wasm.' });
  });

  it('rejects unknown and not-yet-implemented tiers by name', () => {
    for (const name of ['webgpu', 'wasm-nosimd', 'static', 'cuda']) {
      assert.throws(() => chooseBackend(name, null, caps()), { message: `Backend "${name}" is not available yet; available: auto, wasm.` });
    }
  });

  it('says the browser lacks WebAssembly SIMD', () => {
    assert.throws(() => chooseBackend('auto', null, caps({ wasmSimd: false })),
      { message: 'No inference backend can run here: WASM-SIMD: this browser lacks WebAssembly SIMD, which the WASM backend needs (a plain-WASM fallback is planned).' });
    assert.throws(() => chooseBackend('wasm', null, caps({ wasmSimd: false })), /Backend "wasm" \(requested backend "wasm"\) cannot run: this browser lacks WebAssembly SIMD/);
    assert.throws(() => chooseBackend('auto', 'wasm', caps({ wasmSimd: false })), /\(forced by \?backend=wasm\) cannot run: this browser lacks WebAssembly SIMD/);
  });

  it('has only the wasm tier in this version', () => {
    assert.deepEqual(TIERS.map((t) => t.name), ['wasm']);
  });
});
