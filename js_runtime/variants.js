// Which variant `variant: "auto"` loads: the smallest sound one this browser can run.
// Pure (no DOM), so node tests cover it.
import { findVariant } from './manifest.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./manifest.js').Variant} Variant */
/** @typedef {import('./capabilities.js').Capabilities} Capabilities */

/** A smaller variant is "sound" when the build measured at most this much less accuracy than the default… */
export const SOUND_ACCURACY_DROP = 0.01;
/** …and, where it was measured, its top class equals fp32's on at least this share of inputs. */
export const SOUND_AGREEMENT = 0.8;

/**
 * @param {Variant} variant
 * @param {Capabilities} caps
 * @returns {boolean} fp16 files are for WebGPU with shader-f16 (not faster on WASM: README, dependency notes)
 */
function runnable(variant, caps) {
  return variant.precision !== 'fp16' || (caps.webgpu && caps.shaderF16);
}

/**
 * The task's headline metric: accuracy (tabular) or top-1 on the labelled photos (images).
 * @param {Variant} variant
 */
function accuracy(variant) {
  const value = variant.metrics.accuracy ?? variant.metrics.top1;
  return typeof value === 'number' ? value : null;
}

/** @param {Variant} variant */
function agrees(variant) {
  const agreement = /** @type {{top1?: unknown} | undefined} */ (variant.metrics.agreement);
  return typeof agreement?.top1 !== 'number' || agreement.top1 >= SOUND_AGREEMENT;
}

/**
 * A named variant as asked; for "auto" the variant with the fewest gzip bytes among those this
 * browser can run whose accuracy is within SOUND_ACCURACY_DROP of the card's default variant and
 * that agrees with fp32 (SOUND_AGREEMENT)
 * (the default itself when nothing smaller qualifies). The card decides which variants exist.
 * @param {ModelEntry} model
 * @param {string} requested a variant name or "auto"
 * @param {Capabilities} caps
 * @returns {Variant}
 */
export function chooseVariant(model, requested, caps) {
  const base = findVariant(model, requested);
  if (requested !== 'auto') return base;
  const floor = accuracy(base);
  const sound = model.variants.filter((v) => {
    const a = accuracy(v);
    return runnable(v, caps) && (v === base || (floor !== null && a !== null && a >= floor - SOUND_ACCURACY_DROP && agrees(v)));
  });
  return sound.reduce((best, v) => (v.gzip_bytes < best.gzip_bytes ? v : best), runnable(base, caps) ? base : sound[0] ?? base);
}
