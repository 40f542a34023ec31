// Shared test helpers: the manifests to test against and a fetch that serves files from disk.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const EXPORTED_MANIFEST = path.join(REPO, 'exported_models/manifest.json');

/**
 * The builder's real output (`make test-js` builds it first with `vitrine build --models-only`).
 * @returns {{label: string, file: string}[]}
 */
export function manifestFiles() {
  if (!fs.existsSync(EXPORTED_MANIFEST)) {
    throw new Error(`${EXPORTED_MANIFEST} is missing: run \`.venv/bin/vitrine build --models-only\` (make test-js does)`);
  }
  return [{ label: 'exported_models', file: EXPORTED_MANIFEST }];
}

/** The gallery's tabular model: the tests of form rows, feature checks and manifest messages use it. */
export const TABULAR_ID = 'penguins-species';

/**
 * The real manifest with only the tabular model, so `models[0]` in a test means that model whatever
 * else the gallery holds.
 * @returns {any}
 */
export function tabularManifest() {
  const manifest = readJson(manifestFiles()[0].file);
  return { ...manifest, models: manifest.models.filter((/** @type {{id: string}} */ m) => m.id === TABULAR_ID) };
}

/** @param {string} file */
export function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** @param {string} file */
export function fileUrl(file) {
  return pathToFileURL(file).href;
}

/**
 * A fetch for file:// URLs that streams in small chunks (so progress is observable), with
 * Content-Length like a static server.
 * @param {{chunk?: number, headers?: Record<string, string>}} [options]
 * @returns {typeof fetch}
 */
export function fileFetch({ chunk = 16 * 1024, headers = {} } = {}) {
  return async (input) => {
    const file = fileURLToPath(String(input));
    if (!fs.existsSync(file)) return new Response('not found', { status: 404, statusText: 'Not Found' });
    const bytes = fs.readFileSync(file);
    let offset = 0;
    const body = new ReadableStream({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + chunk)));
        offset += chunk;
      },
    });
    return new Response(body, { headers: { 'Content-Length': String(bytes.length), ...headers } });
  };
}
