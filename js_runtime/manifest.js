// The manifest (builder/schemas/manifest.schema.json) is all the runtime knows about models.
// Fetching, URL resolution and lookups; no DOM.

/** @typedef {import('../worker/protocol.js').DType} DType */

/**
 * @typedef {object} TensorSpec
 * @property {string} name
 * @property {DType} dtype
 * @property {(number|string)[]} shape integers are fixed dims, strings symbolic ones (batch "N", …)
 */

/**
 * @typedef {object} NumericFeature
 * @property {string} name
 * @property {string} label
 * @property {'numeric'} type
 * @property {string} [unit]
 * @property {string} [description]
 * @property {number} min
 * @property {number} max
 * @property {number} step
 * @property {number} default
 */

/**
 * @typedef {object} CategoricalFeature
 * @property {string} name
 * @property {string} label
 * @property {'categorical'} type
 * @property {string} [description]
 * @property {string[]} categories
 * @property {string} default
 */

/** @typedef {NumericFeature|CategoricalFeature} Feature */

/**
 * @typedef {object} Preprocessing
 * @property {'tabular'} kind
 * @property {Feature[]} features
 * @property {string} label_output
 * @property {string} probability_output
 */

/**
 * @typedef {object} Example
 * @property {Record<string, number|string>} input
 * @property {string} [expected]
 * @property {{label: string, probabilities: number[]}} output
 */

/**
 * @typedef {object} Variant
 * @property {string} name
 * @property {'fp32'|'fp16'|'int8'|'uint8'} precision
 * @property {string} url relative to manifest.json in the file; absolute once loaded by fetchManifest
 * @property {string} sha256
 * @property {number} bytes
 * @property {number} gzip_bytes
 * @property {Record<string, number>} opsets operator set per domain ("ai.onnx" for the default one)
 * @property {number} ir_version
 * @property {Record<string, unknown>} metrics
 * @property {string} fixtures relative to manifest.json in the file; absolute once loaded
 */

/**
 * @typedef {object} ModelEntry
 * @property {string} id
 * @property {string} title
 * @property {string} [description]
 * @property {'tabular-classification'} task
 * @property {string} recipe how the model was trained, in words
 * @property {string} build_key
 * @property {string[]} labels
 * @property {TensorSpec[]} inputs
 * @property {TensorSpec[]} outputs
 * @property {Preprocessing} preprocessing
 * @property {Record<string, unknown>} dataset
 * @property {Example[]} examples
 * @property {string} default_variant
 * @property {Variant[]} variants
 */

/**
 * @typedef {object} Manifest
 * @property {1} schema_version
 * @property {string} generator
 * @property {ModelEntry[]} models
 */

/** The manifest schema version this runtime reads. */
export const SCHEMA_VERSION = 1;

/**
 * The site root: this file is served at <site root>/vitrine/js_runtime/, and the site may live
 * under a sub-path (GitHub Pages project sites), so never assume "/".
 */
export const SITE_ROOT = new URL('../../', import.meta.url);

/**
 * Where the manifest lives, given the site root.
 * @param {URL|string} siteRoot
 */
export function manifestUrl(siteRoot) {
  return new URL('models/manifest.json', siteRoot);
}

/**
 * Fetch and parse the manifest; variant and fixture URLs come back absolute.
 * @param {URL|string} url
 * @param {typeof fetch} [fetchImpl]
 * @returns {Promise<Manifest>}
 */
export async function fetchManifest(url, fetchImpl = (input, init) => fetch(input, init)) {
  let response;
  try {
    response = await fetchImpl(url);
  } catch (e) {
    throw new Error(`The model manifest could not be downloaded (${url}): ${e instanceof Error ? e.message : e}.`);
  }
  if (!response.ok) {
    throw new Error(`The model manifest could not be downloaded (${url}): HTTP ${response.status}.`);
  }
  let json;
  try {
    json = await response.json();
  } catch {
    throw new Error(`The model manifest at ${url} is not valid JSON.`);
  }
  return resolveManifest(json, url);
}

/**
 * Check the schema version and make every relative URL absolute against the manifest's own URL.
 * Returns a copy; the input is not modified.
 * @param {unknown} json
 * @param {URL|string} base the manifest's URL
 * @returns {Manifest}
 */
export function resolveManifest(json, base) {
  const raw = /** @type {Partial<Manifest>} */ (json);
  if (typeof json !== 'object' || json === null || !Array.isArray(raw.models)) {
    throw new Error('The model manifest has no "models" list.');
  }
  if (raw.schema_version !== SCHEMA_VERSION) {
    throw new Error(`The model manifest has schema_version ${JSON.stringify(raw.schema_version)}; ` +
      `this runtime reads version ${SCHEMA_VERSION}. Rebuild the site with a matching builder.`);
  }
  return {
    ...raw,
    schema_version: SCHEMA_VERSION,
    generator: String(raw.generator),
    models: raw.models.map((m) => ({
      ...m,
      variants: m.variants.map((v) => ({
        ...v,
        url: new URL(v.url, base).href,
        fixtures: new URL(v.fixtures, base).href,
      })),
    })),
  };
}

/**
 * @param {Manifest} manifest
 * @param {string} id
 * @returns {ModelEntry}
 */
export function findModel(manifest, id) {
  const model = manifest.models.find((m) => m.id === id);
  if (!model) {
    const ids = manifest.models.map((m) => m.id);
    throw new Error(`Unknown model "${id}"; the manifest has: ${ids.length ? ids.join(', ') : '(no models)'}.`);
  }
  return model;
}

/**
 * @param {ModelEntry} model
 * @param {string} name a variant name, or "auto" for the model's default variant
 * @returns {Variant}
 */
export function findVariant(model, name) {
  const wanted = name === 'auto' ? model.default_variant : name;
  const variant = model.variants.find((v) => v.name === wanted);
  if (!variant) {
    const names = model.variants.map((v) => v.name).join(', ');
    throw new Error(name === 'auto'
      ? `Model "${model.id}" names default variant "${wanted}", which it does not have; its variants are: ${names}.`
      : `Unknown variant "${name}" for model "${model.id}"; its variants are: ${names} (or "auto").`);
  }
  return variant;
}
