import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BACKEND_NAMES, TIERS, planBackends, withProblem } from '../../js_runtime/backends.js';

/** A browser with everything but WebGPU, not cross-origin isolated; `over` changes it. */
const caps = (over = {}) => ({
  webgpu: false, shaderF16: false, wasm: true, wasmSimd: true, threads: false, crossOriginIsolated: false, hardwareConcurrency: 8, ...over,
});
/** @param {ReturnType<typeof planBackends>} plans */
const names = (plans) => plans.map((p) => p.name);

describe('planBackends', () => {
  it('has the four tiers, best first', () => {
    assert.deepEqual(TIERS.map((t) => t.name), ['webgpu', 'wasm', 'wasm-nosimd', 'static']);
    assert.deepEqual(BACKEND_NAMES, ['auto', 'webgpu', 'wasm', 'wasm-nosimd', 'static']);
  });

  it('auto: WebGPU only with an adapter, then WASM-SIMD, plain WASM, static', () => {
    const withGpu = planBackends('auto', null, caps({ webgpu: true }));
    assert.deepEqual(names(withGpu), ['webgpu', 'wasm', 'wasm-nosimd', 'static']);
    assert.equal(withGpu[0].reason, 'auto: best tier this browser supports');
    const noAdapter = planBackends('auto', null, caps());
    assert.deepEqual(names(noAdapter), ['wasm', 'wasm-nosimd', 'static']);
    assert.equal(noAdapter[0].reason,
      'auto; WebGPU unavailable: no WebGPU adapter (navigator.gpu is missing or requestAdapter() returned none)');
  });

  it('auto without SIMD picks plain WASM (WebGPU needs SIMD too), without WebAssembly static', () => {
    assert.deepEqual(names(planBackends('auto', null, caps({ wasmSimd: false }))), ['wasm-nosimd', 'static']);
    const gpuNoSimd = planBackends('auto', null, caps({ webgpu: true, wasmSimd: false }));
    assert.equal(gpuNoSimd[0].name, 'wasm-nosimd');
    assert.match(gpuNoSimd[0].reason, /WebGPU unavailable: the WebGPU runtime also needs WebAssembly SIMD.*WASM-SIMD unavailable: this browser lacks WebAssembly SIMD/);
    const none = planBackends('auto', null, caps({ wasm: false, wasmSimd: false }));
    assert.deepEqual(names(none), ['static']);
    assert.match(none[0].problems.join('; '), /plain WASM unavailable: this browser has no WebAssembly/);
  });

  it('refuses fp16 variants on WebGPU without shader-f16', () => {
    const noF16 = planBackends('auto', null, caps({ webgpu: true }), { precision: 'fp16' });
    assert.equal(noF16[0].name, 'wasm');
    assert.equal(noF16[0].problems[0], 'WebGPU unavailable: the GPU lacks the shader-f16 feature this fp16 variant needs');
    assert.equal(planBackends('auto', null, caps({ webgpu: true, shaderF16: true }), { precision: 'fp16' })[0].name, 'webgpu');
    assert.equal(planBackends('auto', null, caps({ webgpu: true }), { precision: 'fp32' })[0].name, 'webgpu'); // fp32 needs no f16
  });

  it('skips WebGPU for graphs with ai.onnx.ml operators (its runtime build has none)', () => {
    const ml = { precision: /** @type {'fp32'} */ ('fp32'), opsets: { 'ai.onnx': 17, 'ai.onnx.ml': 1 } };
    const plans = planBackends('auto', null, caps({ webgpu: true }), ml);
    assert.deepEqual(names(plans), ['wasm', 'wasm-nosimd', 'static']);
    assert.match(plans[0].reason, /WebGPU unavailable: its runtime build has no ai\.onnx\.ml/);
    const forced = planBackends('auto', 'webgpu', caps({ webgpu: true }), ml);
    assert.equal(forced[0].name, 'wasm');
    assert.match(forced[0].reason, /^forced by \?backend=webgpu; WebGPU unavailable: its runtime build has no ai\.onnx\.ml/);
    const plain = planBackends('auto', null, caps({ webgpu: true }), { precision: 'fp32', opsets: { 'ai.onnx': 17 } });
    assert.equal(plain[0].name, 'webgpu');
  });

  it('threads: up to 4 when WASM threads work, 1 for plain WASM, 0 for static', () => {
    const isolated = caps({ webgpu: true, threads: true, crossOriginIsolated: true });
    assert.deepEqual(planBackends('auto', null, isolated).map((p) => p.threads), [4, 4, 1, 0]);
    assert.equal(planBackends('auto', null, { ...isolated, hardwareConcurrency: 2 })[1].threads, 2);
    assert.equal(planBackends('auto', null, caps())[0].threads, 1);
  });

  it('a named tier comes first, then the usable tiers after it; ?backend= wins', () => {
    assert.deepEqual(names(planBackends('wasm-nosimd', null, caps({ webgpu: true }))), ['wasm-nosimd', 'static']);
    const forced = planBackends('webgpu', 'static', caps({ webgpu: true }));
    assert.deepEqual(names(forced), ['static']);
    assert.equal(forced[0].reason, 'forced by ?backend=static');
    assert.equal(planBackends('wasm', null, caps())[0].reason, 'requested backend "wasm"');
  });

  it('a named tier this browser cannot use falls to the next, saying why', () => {
    const plans = planBackends('auto', 'webgpu', caps());
    assert.equal(plans[0].name, 'wasm');
    assert.match(plans[0].reason, /^forced by \?backend=webgpu; WebGPU unavailable: no WebGPU adapter/);
    assert.equal(planBackends('wasm', null, caps({ wasmSimd: false }))[0].name, 'wasm-nosimd');
  });

  it('rejects unknown tiers by name', () => {
    for (const name of ['cuda', 'WASM', '']) {
      assert.throws(() => planBackends(name, null, caps()),
        { message: `Unknown backend "${name}" (requested backend "${name}"); choose one of: auto, webgpu, wasm, wasm-nosimd, static.` });
    }
    assert.throws(() => planBackends('auto', 'gpu', caps()), /Unknown backend "gpu" \(forced by \?backend=gpu\)/);
  });

  it('withProblem records a failed tier in the next plan\'s reason', () => {
    const [, next] = planBackends('auto', null, caps({ webgpu: true }));
    const after = withProblem(next, 'WebGPU failed: No Op registered for OneHotEncoder');
    assert.equal(after.reason, 'auto; WebGPU failed: No Op registered for OneHotEncoder');
    assert.deepEqual(next.problems, []); // plans are not modified
  });
});
