import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { SOUND_ACCURACY_DROP, chooseVariant } from '../../js_runtime/variants.js';
import { manifestFiles, readJson, tabularManifest } from './helpers.js';

/** @type {import('../../js_runtime/capabilities.js').Capabilities} */
const WASM_ONLY = { webgpu: false, shaderF16: false, wasm: true, wasmSimd: true, threads: false, crossOriginIsolated: false, hardwareConcurrency: 2 };
const GPU_F16 = { ...WASM_ONLY, webgpu: true, shaderF16: true };

/**
 * A manifest entry from the real build with extra variants (only fp32 exists for sklearn models today).
 * @param {Array<[string, 'fp32'|'fp16'|'int8', number, number]>} extra name, precision, gzip bytes, accuracy
 */
function modelWith(extra) {
  const real = tabularManifest().models[0];
  const base = real.variants[0];
  const variants = [base, ...extra.map(([name, precision, gzip_bytes, accuracy]) => ({
    ...base, name, precision, gzip_bytes, metrics: { ...base.metrics, accuracy },
  }))];
  return { ...real, variants };
}

describe('chooseVariant', () => {
  it('auto takes the default when it is the only variant (every sklearn model today)', () => {
    const model = tabularManifest().models[0];
    assert.equal(chooseVariant(model, 'auto', WASM_ONLY).name, model.default_variant);
  });

  it('auto takes the smallest variant within the accuracy bound', () => {
    const base = tabularManifest().models[0].variants[0];
    const acc = base.metrics.accuracy;
    const model = modelWith([['int8', 'int8', 10, acc - SOUND_ACCURACY_DROP / 2], ['tiny', 'int8', 5, acc - 2 * SOUND_ACCURACY_DROP]]);
    assert.equal(chooseVariant(model, 'auto', WASM_ONLY).name, 'int8'); // 'tiny' is smaller but not sound
  });

  it('fp16 only where WebGPU has shader-f16', () => {
    const acc = tabularManifest().models[0].variants[0].metrics.accuracy;
    const model = modelWith([['fp16', 'fp16', 10, acc]]);
    assert.equal(chooseVariant(model, 'auto', WASM_ONLY).name, 'fp32');
    assert.equal(chooseVariant(model, 'auto', GPU_F16).name, 'fp16');
  });

  it('a named variant is taken as asked; an unknown one lists the valid names', () => {
    const model = modelWith([['int8', 'int8', 10, 0]]);
    assert.equal(chooseVariant(model, 'int8', WASM_ONLY).name, 'int8');
    assert.throws(() => chooseVariant(model, 'int4', WASM_ONLY), /Unknown variant "int4" .*fp32, int8/);
  });
});
