// The built penguins model as a node test loads it for m.explain(): its manifest entry, its explanations
// artifact, and load(), a Model on a fresh in-process worker (onnxruntime-web WASM, one thread).
import { clearBaselines } from '../../worker/predict.js';
import { WorkerClient } from '../../js_runtime/worker_client.js';
import { Sessions } from '../../js_runtime/sessions.js';
import { Model, explainSpec } from '../../js_runtime/model.js';
import { findVariant, resolveManifest } from '../../js_runtime/manifest.js';
import { TABULAR_ID, fileUrl, manifestFiles, readJson } from './helpers.js';
import { InProcessWorker } from './in_process_worker.js';

export function tabularModel() {
  const file = manifestFiles()[0].file;
  const manifest = resolveManifest(readJson(file), fileUrl(file));
  const info = /** @type {import('../../js_runtime/manifest.js').ModelEntry} */ (manifest.models.find((m) => m.id === TABULAR_ID));
  const spec = explainSpec(info);
  const artifact = readJson(new URL(/** @type {string} */ (spec.explanations)).pathname);
  const variant = findVariant(info, 'auto');

  /** A Model of the penguins model on a new worker (the worker's kept baselines cleared first). */
  async function load() {
    clearBaselines();
    /** @type {InProcessWorker[]} */
    const workers = [];
    const sessions = new Sessions(new WorkerClient(() => {
      workers.push(new InProcessWorker());
      return /** @type {any} */ (workers.at(-1));
    }, { numThreads: 1 }));
    const key = `${info.id}/${variant.name}`;
    await sessions.acquire(key, variant);
    const plan = { name: 'wasm', label: 'WASM-SIMD', threads: 1, reason: 'test' };
    return { m: new Model({ info, variant, plan: /** @type {any} */ (plan), threads: 1, sessions }), workers };
  }

  return { info, spec, artifact, variant, load };
}
