// Messages between the page (js_runtime/worker_client.js) and the inference worker (worker/worker.js).
// Both sides import this file so the message shapes are defined once.
//
// Every message is {id, type, ...}. The page sends requests; the worker answers each with zero or more
// `progress` (load) or `token` (generate) messages and then exactly one final reply (or an `error`), all
// carrying the request's id.
// `model` is always a session key "<model id>/<variant name>", so one worker can hold several variants.

/** Request types, page → worker. */
export const REQUEST = Object.freeze({
  init: 'init',
  load: 'load',
  run: 'run',
  /** task-native input → answer, preprocessing and postprocessing in the worker (worker/predict.js) */
  predict: 'predict',
  /** a prompt → generated text, token by token (worker/generate.js): `token` replies, then `generated` */
  generate: 'generate',
  /** a tabular row → its Shapley values against the model's background set (worker/predict.js explainRow) */
  explain: 'explain',
  /** a batch of tabular rows → drift against the training reference, and their predicted labels (worker/drift.js) */
  drift: 'drift',
  dispose: 'dispose',
  /** abandon the pending request with this id; gets no reply of its own */
  cancel: 'cancel',
});

/** Reply types, worker → page. */
export const REPLY = Object.freeze({
  ready: 'ready',
  progress: 'progress',
  loaded: 'loaded',
  result: 'result',
  prediction: 'prediction',
  /** one generated token of a `generate` request (not final: more follow, then `generated`) */
  token: 'token',
  generated: 'generated',
  /** the answer to `explain` */
  explanation: 'explanation',
  /** the answer to `drift` */
  driftReport: 'driftReport',
  disposed: 'disposed',
  error: 'error',
});

/**
 * `error.code` values: what went wrong, so the page can word it and decide whether a retry helps.
 * @enum {string}
 */
export const ERROR_CODE = Object.freeze({
  /** the request itself was malformed (a page bug) */
  badRequest: 'bad-request',
  /** onnxruntime-web could not be imported or configured */
  runtime: 'runtime',
  /** the model file could not be fetched (HTTP error, network down) */
  download: 'download',
  /** the downloaded bytes do not match the manifest's sha256 */
  integrity: 'integrity',
  /** onnxruntime-web refused the model (unsupported op, corrupt file, …) */
  session: 'session',
  /** `run`/`dispose` named a model that is not loaded in this worker */
  notLoaded: 'not-loaded',
  /** the model failed while running */
  run: 'run',
  /** the input given to predict() is unusable (not an image, corrupt, too large); the message says why */
  badInput: 'bad-input',
  /** the request was cancelled (`cancel`, or superseded on the page); the error's name is "AbortError" */
  aborted: 'aborted',
  /** the worker stopped (crash, failed start); set by the page, never sent by the worker */
  workerDied: 'worker-died',
});

/**
 * @typedef {'float32'|'float16'|'float64'|'int8'|'uint8'|'int32'|'int64'|'bool'|'string'} DType
 * The dtypes the manifest allows; the names are onnxruntime-web's tensor type names.
 */

/**
 * @typedef {Float32Array|Float64Array|Int8Array|Uint8Array|Uint16Array|Int32Array|BigInt64Array|string[]} TensorData
 * float16 travels as Uint16Array (IEEE half bits), bool as Uint8Array (0/1), string as string[].
 */

/**
 * @typedef {object} Tensor
 * @property {DType} type
 * @property {number[]} dims
 * @property {TensorData} data
 */

/** @typedef {Record<string, Tensor>} TensorMap */

/**
 * @typedef {object} OutputTensor A model output exactly as onnxruntime-web returns it
 *   (its type may be any ORT type, e.g. uint64, not only the manifest's dtypes).
 * @property {string} type
 * @property {number[]} dims
 * @property {import('onnxruntime-web').Tensor.DataType} data
 */

/**
 * @typedef {object} TensorInfo
 * @property {string} name
 */

// ---- requests (page → worker) ----

/**
 * @typedef {object} InitRequest
 * @property {number} id
 * @property {'init'} type
 * @property {string} [wasmPaths] absolute URL of the folder holding the runtime's .wasm (and .mjs) files;
 *   defaults to the worker tier's ../vendor/<package>/ (see worker/runtimes.js)
 * @property {number} numThreads
 */

/**
 * @typedef {object} LoadRequest
 * @property {number} id
 * @property {'load'} type
 * @property {string} model session key "<id>/<variant>"
 * @property {string} url absolute URL of the .onnx file
 * @property {string} sha256 expected hex digest (from the manifest)
 * @property {number} bytes expected size, used for progress when the server sends no Content-Length
 * @property {Record<string, string>} [sessionOptions] the variant's session_options, onnxruntime config
 *   entries such as {"session.disable_quant_qdq": "1"}; given to InferenceSession.create as `extra`
 *   ({session: {disable_quant_qdq: "1"}}). Only the first load of a model creates its session.
 * @property {import('./predict.js').TaskSpec} [spec] the model's task spec, for a model whose predictions need
 *   files besides the model (a text model's tokenizer, a search corpus): the worker fetches them during the load
 */

/**
 * @typedef {object} RunRequest
 * @property {number} id
 * @property {'run'} type
 * @property {string} model
 * @property {TensorMap} feeds data buffers are transferred, not copied
 */

/**
 * @typedef {object} PredictRequest
 * @property {number} id
 * @property {'predict'} type
 * @property {string} model
 * @property {import('./predict.js').TaskSpec} spec what `predict` needs of the manifest entry (task, labels, inputs, pre- and postprocessing)
 * @property {unknown} input task-native: a row object, or an image as Blob, File, ArrayBuffer, ImageBitmap (transferred) or URL string
 * @property {Record<string, unknown>} [options] task options, e.g. {topK, cam}
 */
/**
 * @typedef {object} GenerateOptions what `generate` may set; each left out takes the manifest's
 *   postprocessing.defaults (worker/generate.js resolveOptions checks them)
 * @property {number} [maxNewTokens] whole number ≥ 1; capped by the manifest's max_new_tokens and the context left
 * @property {number} [temperature] 0..2; 0 = greedy (argmax)
 * @property {number} [topK] whole number ≥ 0; 0 = off
 * @property {number} [topP] above 0, at most 1; 1 = off
 * @property {number} [seed] whole number 0..2^32-1 (the sampler's PRNG)
 */

/**
 * @typedef {object} GenerateRequest A prompt → the model's answer, one `token` reply per generated token,
 *   then `generated`. `cancel {id}` stops the loop before its next step (its cache tensors are released).
 * @property {number} id
 * @property {'generate'} type
 * @property {string} model
 * @property {import('./predict.js').TaskSpec} spec the model's task spec (task "text-generation")
 * @property {string} input the prompt: one user message, put in the model's chat template
 * @property {GenerateOptions} [options]
 */

/**
 * @typedef {object} DisposeRequest
 * @property {number} id
 * @property {'dispose'} type
 * @property {string} model
 */

/**
 * @typedef {object} CancelRequest Abandon the pending request `id` (its own id): a queued `run` is
 *   dropped and answered with `error {code: "aborted"}`; one already running finishes but its result
 *   is replaced by that error (a `generate` stops before its next step). Unknown or finished ids are
 *   ignored. No reply of its own.
 * @property {number} id
 * @property {'cancel'} type
 */

/**
 * @typedef {object} ExplainOptions
 * @property {number} [samples] method "kernel": coalitions to evaluate (default 2F + 2048)
 * @property {number} [seed] method "kernel": the PRNG's seed, 0..2^32-1 (default 0)
 */

/**
 * @typedef {object} ExplainRequest A tabular row → its interventional Shapley values (of the probability
 *   output) against the background rows of the model's explanations artifact; the worker fetches that
 *   file (spec.explanations, checked against its sha256 in spec.artifacts) once and keeps it. The model
 *   runs on large batches of rows; `cancel {id}` stops it before its next batch.
 * @property {number} id
 * @property {'explain'} type
 * @property {string} model
 * @property {import('./predict.js').TaskSpec} spec the model's task spec, with `explanations` and its artifact
 * @property {ExplainMethod} method
 * @property {unknown} input the row {featureName: value}
 * @property {ExplainOptions} [options]
 */

/**
 * @typedef {object} DriftRequest A batch of tabular rows → each feature's drift against the model's
 *   training reference (spec.driftReference, checked against its sha256 in spec.artifacts), with the
 *   batch predicted in large runs; `cancel {id}` stops it before its next run.
 * @property {number} id
 * @property {'drift'} type
 * @property {string} model
 * @property {import('./predict.js').TaskSpec} spec the model's task spec, with `driftReference` and its artifact
 * @property {import('./drift.js').Table} input the batch: column names and rows of cells
 */

/** @typedef {InitRequest|LoadRequest|RunRequest|PredictRequest|GenerateRequest|ExplainRequest|DriftRequest|DisposeRequest|CancelRequest} Request */

/**
 * A request before the client assigns its id.
 * @template T
 * @typedef {T extends unknown ? Omit<T, 'id'> : never} WithoutId
 */
/** @typedef {WithoutId<Request>} RequestBody */

// ---- replies (worker → page) ----

/**
 * @typedef {object} ReadyReply
 * @property {number} id
 * @property {'ready'} type
 * @property {import('./runtimes.js').RuntimeTier} backend the runtime tier the worker runs (its URL's ?tier=)
 * @property {number} threads the number of threads onnxruntime-web was configured with
 * @property {{wasmSimd: boolean, crossOriginIsolated: boolean}} features as seen inside the worker
 */

/**
 * @typedef {object} ProgressReply
 * @property {number} id
 * @property {'progress'} type
 * @property {number} loaded bytes received so far
 * @property {number} total expected bytes
 */

/**
 * @typedef {object} LoadedReply
 * @property {number} id
 * @property {'loaded'} type
 * @property {string[]} inputs input names from the session
 * @property {string[]} outputs output names from the session
 */

/**
 * @typedef {object} ResultReply
 * @property {number} id
 * @property {'result'} type
 * @property {Record<string, OutputTensor>} outputs
 * @property {number} ms time spent in session.run
 */

/**
 * @typedef {object} DisposedReply
 * @property {number} id
 * @property {'disposed'} type
 */

/**
 * @typedef {object} ErrorReply
 * @property {number} id
 * @property {'error'} type
 * @property {string} code one of ERROR_CODE
 * @property {string} message readable by a visitor
 */

/**
 * @typedef {object} PredictionReply
 * @property {number} id
 * @property {'prediction'} type
 * @property {unknown} output the task's answer, e.g. ClassScore[] (worker/predict.js)
 * @property {number} ms time spent in session.run
 * @property {string} [notice] something the visitor should know about the input (e.g. it was scaled down)
 */
/**
 * @typedef {object} TokenReply One generated token of a `generate` request, in order.
 * @property {number} id
 * @property {'token'} type
 * @property {number} index 0 for the first generated token
 * @property {number} token its id
 * @property {string} text the answer's new text (may be ""): the concatenated `text`s equal the final
 *   answer. Text that ends in an incomplete character (a UTF-8 sequence split across tokens) is held
 *   back until a later token completes it; the reply of a token whose text is held is itself sent when
 *   the next token (or the end) is known, so that the last reply carries any remainder.
 */

/**
 * @typedef {object} GenerationOutput
 * @property {string} text the answer (the tokens decoded, special tokens skipped)
 * @property {number[]} tokens the generated ids, the end-of-sequence token not included
 * @property {number} promptTokens ids of the templated prompt
 * @property {'eos'|'length'} finishReason "eos": the model ended its answer; "length": max new tokens (or the context) reached
 */

/**
 * @typedef {object} GeneratedReply
 * @property {number} id
 * @property {'generated'} type
 * @property {GenerationOutput} output
 * @property {number} ms time spent in session.run, all steps
 * @property {number} firstTokenMs the first step's session.run (the prompt, "prefill")
 * @property {number | null} tokensPerSecond steps after the first per second of their session.run time
 *   (null when there were none)
 */

/**
 * How a row is explained: exact, every coalition (at most 16 features); kernel, KernelSHAP on sampled
 * coalitions; lime, LIME weights as Python lime's LimeTabularExplainer (worker/lime.js).
 * @typedef {'exact'|'kernel'|'lime'} ExplainMethod
 */

/**
 * @typedef {object} Explanation One row explained: for Shapley values (exact, kernel), base + Σ_features
 * values[out] = prediction[out]; LIME's base is its local model's intercept and its weights need not add up.
 * @property {ExplainMethod} method
 * @property {string[]} features feature names, in the order of each values[out]
 * @property {string[]} outputs the labels, in the order of base, values and prediction
 * @property {number[]} base the model's mean output over the background (shap's expected value), per output
 * @property {number[][]} values [output][feature]: each feature's Shapley value (probability points), or LIME weight
 * @property {number[]} prediction the model's output for the row, per output
 * @property {number} backgroundRows rows in the background set
 * @property {number} evaluations rows the model was run on
 * @property {number} [samples] method "kernel": the coalitions evaluated (the budget, capped at 2^F − 2);
 *   "lime": the neighbourhood rows, the row included
 * @property {number[]} [score] method "lime": the weighted R² of each output's local model
 */

/**
 * @typedef {object} ExplanationReply
 * @property {number} id
 * @property {'explanation'} type
 * @property {Explanation} output
 * @property {number} ms time spent in session.run, all batches
 */

/**
 * @typedef {object} DriftReply
 * @property {number} id
 * @property {'driftReport'} type
 * @property {import('./drift.js').DriftReport} output
 * @property {number} ms time spent in session.run, all batches
 */

/** @typedef {ReadyReply|ProgressReply|LoadedReply|ResultReply|PredictionReply|TokenReply|GeneratedReply|ExplanationReply|DriftReply|DisposedReply|ErrorReply} Reply */

/** An Error that carries one of {@link ERROR_CODE}; thrown in the worker, rebuilt on the page from `error` replies. */
export class VitrineError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.name = 'VitrineError';
    /** One of the values of {@link ERROR_CODE}. */
    this.code = code;
  }
}

/**
 * The buffers of `tensors` that can be transferred instead of copied: only a typed array that owns
 * its whole (non-shared) ArrayBuffer, so a transfer never detaches memory that something else uses.
 * String tensors are plain arrays and are cloned.
 * @param {Record<string, {data: unknown}>} tensors
 * @returns {ArrayBuffer[]}
 */
export function transferList(tensors) {
  /** @type {ArrayBuffer[]} */
  const buffers = [];
  for (const { data } of Object.values(tensors)) {
    if (ArrayBuffer.isView(data) && data.buffer instanceof ArrayBuffer && data.byteOffset === 0 &&
        data.byteLength === data.buffer.byteLength && !buffers.includes(data.buffer)) {
      buffers.push(data.buffer);
    }
  }
  return buffers;
}
