// The manifest (builder/schemas/manifest.schema.json) is all the runtime knows about models.
// Fetching, checking (schema, files confined to the models folder), URL resolution and lookups; no DOM.

/** @typedef {import('../worker/protocol.js').DType} DType */

/**
 * @typedef {object} TensorSpec One input or output of the ONNX graph, as the manifest lists it.
 * @property {string} name
 * @property {DType} dtype
 * @property {(number|string)[]} shape integers are fixed dims, strings symbolic ones (batch "N", …)
 */

/**
 * @typedef {object} NumericFeature A tabular model's numeric feature: a number in the row predict() takes.
 * @property {string} name the dataset column, as rows passed to predict() name it
 * @property {string} input the ONNX graph input this feature feeds
 * @property {string} label
 * @property {'numeric'} type
 * @property {string} [unit]
 * @property {string} [description]
 * @property {number} min
 * @property {number} max
 * @property {number} step
 * @property {number} default
 * @property {number} [mean] over the training rows
 * @property {{ratio?: [string, string], log?: string}} [derive] an engineered feature: computed from other
 *   numeric features (ratio a / b, or log a) unless a row gives it (js_runtime/tabular.js completeRow)
 */

/**
 * @typedef {object} CategoricalFeature A tabular model's categorical feature: one of `categories` in the row.
 * @property {string} name the dataset column, as rows passed to predict() name it
 * @property {string} input the ONNX graph input this feature feeds
 * @property {string} label
 * @property {'categorical'} type
 * @property {string} [description]
 * @property {string[]} categories
 * @property {string} default
 */

/** @typedef {NumericFeature|CategoricalFeature} Feature One feature of a tabular model (`preprocessing.features`). */

/**
 * @typedef {object} Preprocessing How the task's input becomes feeds: `tabular` (features) or `image`
 *   (the other fields; see builder/image_preprocess.py). Tabular-only code reads `features` after
 *   checking `kind`.
 * @property {'tabular'|'image'|'text'|'series'|'audio'|'items'} kind
 * @property {Feature[]} features tabular only
 * @property {string} [input] image, items: the graph input
 * @property {number} [count] items: how many items the model knows (its labels), the input's width
 * @property {[number, number]} [size] image: [height, width]
 * @property {'center-crop'|'letterbox'|'stretch'} [fit]
 * @property {number} [resize]
 * @property {'NCHW'|'NHWC'} [layout]
 * @property {'RGB'|'BGR'} [channels]
 * @property {number[]} [mean]
 * @property {number[]} [std]
 * @property {number[]} [background]
 * @property {string} [tokenizer] text: URL of the tokenizer.json artifact
 * @property {number} [max_tokens] text: word pieces read at most, [CLS] and [SEP] included; text
 *   generation: ids of the templated prompt at most (a longer prompt is refused, not cut)
 * @property {string[]} [inputs] text: graph inputs for token ids, attention mask, token type ids;
 *   text generation: token ids, attention mask, position ids
 * @property {{format: 'chatml', system: string}} [chat_template] text generation: how a prompt becomes
 *   the model's input (one user message after this system message)
 * @property {Record<string, string>} [state] audio: each state input → the output that carries it on
 * @property {number} [sample_rate] audio: the rate the model reads (Hz)
 * @property {number} [frame] audio: samples per scored frame
 * @property {number} [context] audio: samples of the previous frame before each frame
 * @property {number} [block_frames] audio: frames per run
 * @property {number} [max_seconds] audio: the longest recording read
 */

/**
 * @typedef {object} Postprocessing How outputs become the task's answer.
 * @property {'tabular-classification'|'tabular-regression'|'time-series-forecasting'|'anomaly-detection'|'image-classification'|'object-detection'|'text-classification'|'semantic-search'|'text-generation'|'voice-activity-detection'|'recommendation'} kind
 * @property {string} [label_output] tabular
 * @property {string} [probability_output] tabular; voice activity: each frame's speech probability
 * @property {string} [value_output] tabular regression: the [N, 1] value
 * @property {{level: number, half_width: number, method: string}} [interval] tabular regression: the
 *   prediction interval is value ± half_width
 * @property {string} [score_output] anomaly detection: decision_function [N, 1] (the score is its negative)
 * @property {number} [threshold] anomaly detection: a score above it is an anomaly; voice activity: speech starts at it
 * @property {number} [min_speech_ms] voice activity: shorter segments are dropped
 * @property {number} [min_silence_ms] voice activity: a pause this long ends a segment
 * @property {number} [speech_pad_ms] voice activity: added to each end of a segment
 * @property {string} [logits_output] image and text classification, text generation
 * @property {string} [embedding_output] semantic search: the query embedding
 * @property {{documents: string, embeddings: string, count: number, dims: number, encoding: 'int8-rows'}} [corpus] semantic search
 * @property {number} [top_k]
 * @property {string} [cam_output]
 * @property {string} [cam_classes_output]
 * @property {string} [boxes_output] object detection (see worker/detection.js DetectionSpec)
 * @property {string} [scores_output] object detection; recommendation: each item's score
 * @property {string} [because_output] recommendation: the picked item that adds most to each item's score (int64)
 * @property {string} [support_output] recommendation: that item's contribution (≤ 0: no picked item speaks for it)
 * @property {number} [l2] recommendation: EASE's ridge penalty λ
 * @property {Record<string, number>} [l2_search] recommendation: mean NDCG@top_k of each λ tried
 * @property {{seeds: number[], ndcg: number[], precision: number[], baseline_ndcg: number[], baseline_precision: number[], wins: {ndcg: number, precision: number}}} [resplits] recommendation: the method and the popularity baseline on other seeded splits of the people
 * @property {number} [min_score] default score threshold
 * @property {number} [iou] default NMS IoU threshold
 * @property {'weighted'|'hard'} [nms]
 * @property {number} [candidate_floor] lowest score `predict(…, {candidates: true})` returns
 * @property {string[]} [classes]
 * @property {string[]} [keypoint_names]
 * @property {GenerationCache} [cache] text generation: the KV cache's graph names and shape
 * @property {number[]} [eos_token_ids] text generation: ids that end the answer
 * @property {number} [context] text generation: prompt ids + generated ids at most
 * @property {number} [max_new_tokens] text generation: the most one request may generate
 * @property {GenerationDefaults} [defaults] text generation: the options a request leaves out
 */

/**
 * @typedef {object} GenerationCache The past/present tensors of a decoder with a KV cache.
 * @property {number} layers
 * @property {number} kv_heads
 * @property {number} head_dim
 * @property {string} past input name pattern, e.g. "past_key_values.{layer}.{kind}" (kind: key | value)
 * @property {string} present output name pattern, e.g. "present.{layer}.{kind}"
 */

/**
 * @typedef {object} GenerationDefaults A text-generation model's sampling settings when a call leaves them out.
 * @property {number} max_new_tokens
 * @property {number} temperature 0 = greedy
 * @property {number} top_k 0 = off
 * @property {number} top_p 1 = off
 * @property {number} seed
 */

/**
 * @typedef {object} Example A precomputed answer: a tabular row, or an example image (URL, absolute once loaded).
 * @property {Record<string, number|string>} input tabular only (image examples have `image`)
 * @property {string} [image]
 * @property {string} [audio] voice activity: the example recording (URL, absolute once loaded)
 * @property {string} [name] voice activity: the recording's file name
 * @property {string} [shows] images and recordings: what the example is, in words
 * @property {string | number} [expected] the true answer (a regressor's: a number)
 * @property {string} [text] text models: the example text (text generation: the prompt)
 * @property {any} output `{label, probabilities}` (tabular classification), `{value, low, high, level}`
 *   (tabular regression), `{score, anomaly, threshold}` (anomaly detection), `[{label, score, index}]` (image), `{segments, probabilities, frame_seconds, duration}`
 *   (voice activity, segments in seconds) or, for text
 *   generation, the greedy answer `{text, tokens, prompt_tokens, finish_reason}`
 */

/**
 * @typedef {object} Variant One file the model ships as (a precision, its size and measured metrics): a
 *   handle's `variant`.
 * @property {string} name
 * @property {'fp32'|'fp16'|'int8'|'uint8'} precision
 * @property {string} url relative to manifest.json in the file; absolute once loaded by fetchManifest,
 *   which refuses one outside the folder of manifest.json
 * @property {string} sha256
 * @property {number} bytes
 * @property {number} gzip_bytes
 * @property {Record<string, number>} opsets operator set per domain ("ai.onnx" for the default one)
 * @property {number} ir_version
 * @property {Record<string, unknown>} metrics
 * @property {string} fixtures relative to manifest.json in the file; absolute once loaded
 * @property {number} tolerance max |browser − Python onnxruntime| the parity tests accept
 * @property {Artifact[]} artifacts side files of this variant (absolute once loaded)
 * @property {Record<string, string>} [session_options] onnxruntime config entries its session needs,
 *   e.g. {"session.disable_quant_qdq": "1"} (the worker passes them as InferenceSession options' `extra`)
 */

/**
 * @typedef {object} ModelEntry One model of the manifest: what its card declares and the build measured
 *   (a handle's `info`).
 * @property {string} id
 * @property {string} title
 * @property {'tabular-classification'|'tabular-regression'|'time-series-forecasting'|'anomaly-detection'|'image-classification'|'object-detection'|'text-classification'|'semantic-search'|'text-generation'|'voice-activity-detection'|'recommendation'} task
 * @property {string} recipe how the model was trained, in words
 * @property {string} build_key
 * @property {string[]} labels
 * @property {TensorSpec[]} inputs
 * @property {TensorSpec[]} outputs
 * @property {Preprocessing} preprocessing
 * @property {Postprocessing} postprocessing
 * @property {Record<string, unknown>} dataset
 * @property {Example[]} examples
 * @property {string} default_variant
 * @property {Variant[]} variants
 * @property {Artifact[]} artifacts side files (the description, …), read on demand
 */

/**
 * @typedef {object} Artifact A side file of a model or variant (description, example image, tokenizer, …),
 *   with its sha256 and size.
 * @property {'description'|'example'|'tokenizer'|'documents'|'embeddings'} kind
 * @property {string} [name] e.g. the example's file name
 * @property {string} [media_type]
 * @property {string} url relative to manifest.json in the file; absolute once loaded by fetchManifest
 * @property {string} sha256
 * @property {number} bytes
 */

/**
 * @typedef {object} Manifest The site's models/manifest.json, as manifest() returns it (checked, its URLs
 *   made absolute).
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
 * Fetch, check and resolve the manifest: it must match builder/schemas/manifest.schema.json, and
 * every file it names must lie inside the folder of manifest.json (checked before any request for
 * one is made). Variant, fixture and artifact URLs come back absolute.
 * @param {URL|string} url
 * @param {typeof fetch} [fetchImpl]
 * @returns {Promise<Manifest>}
 */
export async function fetchManifest(url, fetchImpl) {
  return loadManifest(url, fetchImpl).checked;
}

/**
 * The manifest in two stages, from one fetch. `draft` is the manifest resolved as soon as it has
 * arrived: its file URLs confined to its folder and made absolute, but not yet checked against the
 * schema. That is enough to start a model's download, which fetches only inside the models folder and
 * checks the file's sha256 (worker/fetch_model.js); the schema check (a generated validator of some
 * 370 kB, compiled on its first run) then runs beside the download instead of before it. `checked` is the
 * manifest as fetchManifest returns it: nothing is shown or run from a manifest that fails it.
 * @param {URL|string} url
 * @param {typeof fetch} [fetchImpl]
 * @returns {{draft: Promise<Manifest>, checked: Promise<Manifest>}}
 */
export function loadManifest(url, fetchImpl = (input, init) => fetch(input, init)) {
  // The validator (generated from the schema) is loaded with the manifest, so pages without
  // demos never fetch it.
  const validator = loadValidator();
  const json = fetchResponse(url, fetchImpl).then(async (response) => {
    try {
      return await response.json();
    } catch {
      throw new Error(`The model manifest at ${url} is not valid JSON.`);
    }
  });
  const draft = json.then((raw) => resolveManifest(raw, url));
  draft.catch(() => {}); // `checked` reports what went wrong
  const checked = Promise.all([validator, json]).then(([validate, raw]) => resolveManifest(raw, url, validate));
  return { draft, checked };
}

/**
 * @param {URL|string} url
 * @param {typeof fetch} fetchImpl
 */
async function fetchResponse(url, fetchImpl) {
  let response;
  try {
    response = await fetchImpl(url);
  } catch (e) {
    throw new Error(`The model manifest could not be downloaded (${url}): ${e instanceof Error ? e.message : e}.`);
  }
  if (!response.ok) {
    throw new Error(`The model manifest could not be downloaded (${url}): HTTP ${response.status}.`);
  }
  return response;
}

/**
 * A compiled JSON Schema check (ajv standalone): true, or false with `errors` set.
 * @typedef {((data: unknown) => boolean) & {errors?: SchemaError[] | null}} SchemaValidator
 */

/**
 * One ajv error object (the fields this module reads).
 * @typedef {object} SchemaError
 * @property {string} instancePath JSON Pointer of the offending value ("/models/0/variants/1")
 * @property {string} schemaPath
 * @property {string} keyword
 * @property {Record<string, any>} params
 * @property {string} [message]
 */

/** @returns {Promise<SchemaValidator>} the validator generated from builder/schemas/manifest.schema.json */
export async function loadValidator() {
  const module = /** @type {{validate: SchemaValidator}} */ (/** @type {unknown} */ (await import('./manifest_validator.js')));
  return module.validate;
}

/**
 * Check the schema version and the manifest's schema, confine every file URL to the manifest's
 * folder and make it absolute against the manifest's own URL. Returns a copy; the input is not
 * modified. Throws an Error that names the model and the field when the manifest is damaged.
 * @param {unknown} json
 * @param {URL|string} base the manifest's URL
 * @param {SchemaValidator} [validate] the schema check (fetchManifest always passes it)
 * @returns {Manifest}
 */
export function resolveManifest(json, base, validate) {
  const raw = /** @type {Partial<Manifest>} */ (json);
  if (typeof json !== 'object' || json === null || !Array.isArray(raw.models)) {
    throw new Error('The model manifest has no "models" list.');
  }
  if (raw.schema_version !== SCHEMA_VERSION) {
    throw new Error(`The model manifest has schema_version ${JSON.stringify(raw.schema_version)}; ` +
      `this runtime reads version ${SCHEMA_VERSION}. Rebuild the site with a matching builder.`);
  }
  if (validate && !validate(json)) {
    throw damaged(describeSchemaErrors(validate.errors ?? [], json));
  }
  const folder = new URL('./', base);
  return {
    ...raw,
    schema_version: SCHEMA_VERSION,
    generator: String(raw.generator),
    models: raw.models.map((m, i) => {
      const where = `models[${i}]`;
      if (typeof m !== 'object' || m === null || !Array.isArray(m.variants)) {
        throw damaged(`${where}.variants: required${modelName(m)}`);
      }
      /**
       * @param {any} list
       * @param {string} at
       */
      const artifacts = (list, at) => (Array.isArray(list) ? {
        artifacts: list.map((a, j) => ({ ...a, url: insideFolder(a?.url, folder, `${at}.artifacts[${j}].url`, modelName(m)) })),
      } : {});
      return {
        ...m,
        variants: m.variants.map((v, j) => ({
          ...v,
          url: insideFolder(v?.url, folder, `${where}.variants[${j}].url`, modelName(m)),
          fixtures: insideFolder(v?.fixtures, folder, `${where}.variants[${j}].fixtures`, modelName(m)),
          ...artifacts(v?.artifacts, `${where}.variants[${j}]`),
        })),
        ...artifacts(m.artifacts, where),
        ...(Array.isArray(m.examples) ? {
          examples: m.examples.map((e, j) => {
            const file = /** @type {('image'|'audio')[]} */ (['image', 'audio']).find((key) => typeof e?.[key] === 'string');
            return file ? { ...e, [file]: insideFolder(e[file], folder, `${where}.examples[${j}].${file}`, modelName(m)) } : e;
          }),
        } : {}),
      };
    }),
  };
}

/**
 * The message of a manifest that cannot be used: short, naming the field, saying what to do.
 * @param {string} problem e.g. 'models[0].variants: required, in model "penguins-species"'
 */
function damaged(problem) {
  return new Error(`The site's build is damaged: its model manifest is invalid (${problem}). ` +
    'Rebuild the site and publish it again.');
}

/**
 * `url` resolved against the manifest's folder, as an absolute URL, if it lies inside that folder
 * (same origin, under its path, no credentials); throws otherwise, before anything is requested.
 * @param {unknown} url
 * @param {URL} folder the folder of manifest.json (ends with "/")
 * @param {string} field where the URL is, for the message: "models[0].variants[1].url"
 * @param {string} [model] ', in model "<id>"' (modelName)
 * @returns {string}
 */
export function insideFolder(url, folder, field, model = '') {
  if (typeof url !== 'string' || url === '') throw damaged(`${field}: must be a relative URL${model}`);
  let resolved;
  try {
    resolved = new URL(url, folder);
  } catch {
    throw damaged(`${field}: ${JSON.stringify(url)} is not a URL${model}`);
  }
  const inside = resolved.protocol === folder.protocol && resolved.host === folder.host &&
    !resolved.username && !resolved.password &&
    resolved.pathname.startsWith(folder.pathname) && resolved.pathname !== folder.pathname;
  if (!inside) {
    throw new Error(`The model manifest names a file outside this site's models folder ` +
      `(${field} is ${JSON.stringify(url)}${model}), so it was not requested. The site's build is damaged: ` +
      'rebuild the site and publish it again.');
  }
  return resolved.href;
}

/**
 * `, in model "<id>"` when the entry has an id, else ''.
 * @param {unknown} model
 */
function modelName(model) {
  const id = /** @type {{id?: unknown}} */ (model ?? {}).id;
  return typeof id === 'string' ? `, in model ${JSON.stringify(id)}` : '';
}

/**
 * The first schema error in words: `models[0].variants: required, in model "penguins-species"`.
 * @param {SchemaError[]} errors as ajv reports them
 * @param {unknown} json the manifest, to name the model
 * @returns {string}
 */
export function describeSchemaErrors(errors, json) {
  const error = mostRelevant(errors, json);
  if (!error) return 'it does not match its schema';
  const segments = pointerSegments(error.instancePath);
  let what;
  switch (error.keyword) {
    case 'required':
      segments.push(String(error.params.missingProperty));
      what = 'required';
      break;
    case 'additionalProperties':
      segments.push(String(error.params.additionalProperty));
      what = 'unknown field';
      break;
    case 'type':
      what = `must be ${/^[aeiou]/.test(error.params.type) ? 'an' : 'a'} ${error.params.type}`;
      break;
    case 'const':
      what = `must be ${JSON.stringify(error.params.allowedValue)}`;
      break;
    case 'enum':
      what = `must be one of ${/** @type {unknown[]} */ (error.params.allowedValues).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'pattern':
      what = 'has the wrong format';
      break;
    case 'oneOf':
    case 'anyOf':
      what = 'matches none of the allowed forms';
      break;
    default:
      what = error.message ?? `fails "${error.keyword}"`;
  }
  const model = segments[0] === 'models' && /^\d+$/.test(segments[1] ?? '')
    ? modelName(/** @type {{models: unknown[]}} */ (json).models[Number(segments[1])]) : '';
  return `${formatPath(segments)}: ${what}${model}`;
}

/**
 * ajv (stopping at the first failure) reports a failed `oneOf` with the errors of every branch
 * first. Keep the branch the value itself names by its `type` (features: "numeric" →
 * $defs/numeric_feature), else the oneOf error.
 * @param {SchemaError[]} errors
 * @param {unknown} json
 * @returns {SchemaError | undefined}
 */
function mostRelevant(errors, json) {
  const oneOf = errors.find((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  if (!oneOf) return errors[0];
  const value = /** @type {{type?: unknown} | null} */ (valueAt(json, pointerSegments(oneOf.instancePath)));
  const kind = typeof value === 'object' && value !== null ? value.type : undefined;
  if (typeof kind === 'string') {
    const branch = errors.find((e) => e !== oneOf && e.instancePath.startsWith(oneOf.instancePath) &&
      e.schemaPath.includes(`/$defs/${kind}_`));
    if (branch) return branch;
  }
  return oneOf;
}

/** @param {string} pointer a JSON Pointer ("/models/0/variants") */
function pointerSegments(pointer) {
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * `models[0].preprocessing.features[2].categories`
 * @param {string[]} segments
 */
function formatPath(segments) {
  if (!segments.length) return '(the whole file)';
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]`
    : /^[A-Za-z_$][\w$]*$/.test(s) ? `${i ? '.' : ''}${s}` : `[${JSON.stringify(s)}]`)).join('');
}

/**
 * @param {unknown} json
 * @param {string[]} segments
 * @returns {unknown}
 */
function valueAt(json, segments) {
  let value = json;
  for (const s of segments) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = /** @type {Record<string, unknown>} */ (value)[s];
  }
  return value;
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
