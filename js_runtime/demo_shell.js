// The frame every demo widget lives in. The shell owns what all widgets share:
//   - the layout: the widget's input column, its result region, then the status line ("Running on your
//     device with WebAssembly (WASM-SIMD), 4 threads", why behind a disclosure, last run time), the
//     download progress bar, the error box (role=alert) and a
//     polite live region for short announcements;
//   - loading: the model loads when the demo comes within PRELOAD_MARGIN of the viewport or is first
//     touched, whichever comes first, through the public API (api.load), with progress; a failed load
//     is retried by the next run; the static tier (no runtime here) shows its notice;
//   - running: run(input) debounces, keeps one predict call in flight, cancels a superseded one with its
//     AbortSignal, ignores stale answers, times the round trip and reports errors in the error box.
// A widget builds its own input controls in `shell.inputs`, renders its own output in `shell.output`,
// and calls run(). It never touches the worker, the status line or the error box directly.
import { clearError, h, showError } from './dom.js';
import { latestOnly } from './latest_only.js';
import { abortError } from './worker_client.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./model.js').Model | import('./static_model.js').StaticModel} Model */
/** @typedef {{load: typeof import('./vitrine.js').load}} Api */

/**
 * What the shell tells a widget about a successful run.
 * @typedef {object} RunInfo
 * @property {Model} model the handle that ran it
 * @property {boolean} live false on the static tier (a precomputed answer)
 * @property {number} roundTripMs predict() call to answer, on the page (model time, messaging, pre- and
 *   post-processing; not the model download)
 */

/**
 * @template I, R
 * @typedef {object} ShellOptions
 * @property {string} [variant] a variant name or "auto" (the page's data-variant); default "auto"
 * @property {(model: Model, input: I, signal: AbortSignal) => Promise<R>} predict the widget's model call,
 *   e.g. `(m, row, signal) => m.predict(row, {signal})`; it must pass `signal` on
 * @property {(result: R, input: I, run: RunInfo) => void} onResult the newest input's answer (the error box is
 *   already cleared); throwing here reports the error like a failed predict
 * @property {(error: unknown, input: I) => void} [onError] after the shell has shown the newest input's
 *   failure (model load or predict) in the error box
 * @property {(error: unknown) => unknown} [forVisitors] turns an error into what visitors read (default: as is)
 * @property {() => void} [onVisible] called once when the demo first comes near the viewport
 *   (default: start loading the model)
 * @property {() => void} [onLoading] the model download starts
 * @property {(model: Model) => void} [onLoaded] the model is ready (on any tier)
 * @property {number} [debounceMs] how long run() waits for a newer input (default 150)
 * @property {'columns'|'stacked'} [layout] inputs beside the result (default) or above it
 * @property {string} [inputsLabel] aria-label of the input column (a group)
 */

/**
 * The handle a widget gets from mountShell.
 * @template I
 * @typedef {object} Shell
 * @property {HTMLElement} root the `.vitrine-demo` element
 * @property {string} uid a page-unique prefix for element ids ("vitrine-3")
 * @property {HTMLElement} inputs the widget's input column (empty `div.vitrine-inputs`)
 * @property {HTMLElement} output the widget's result region (empty `div.vitrine-output`)
 * @property {HTMLElement} staticNote `p.vitrine-static-note`, first in `inputs`, shown on the static tier
 *   with the reason; a widget may move it
 * @property {(input: I) => void} run predict `input` after the debounce (newer input supersedes it)
 * @property {(input: I) => void} runNow predict `input` at once (a submit button, a picked file)
 * @property {() => void} cancel drop any pending input and cancel the call in flight (e.g. invalid input)
 * @property {() => Promise<Model>} load the model (loaded once; a failed load is retried by the next call)
 * @property {() => Promise<void>} idle resolves when nothing is pending or in flight
 * @property {() => Model | null} model the loaded model, if any
 * @property {() => boolean} isStatic whether the model loaded on the static tier (no live predictions)
 * @property {(error: unknown) => void} showError show an error (as visitors read it) in the error box
 * @property {() => void} clearError hide the error box
 * @property {(text: string) => void} announce say `text` through the polite live region
 * @property {(text: string) => void} setTime the status line's timing text ('' clears it)
 */

/** Start loading a little before the demo scrolls into view. */
export const PRELOAD_MARGIN = '200px';

/**
 * Call `fn` once `el` comes within PRELOAD_MARGIN of the viewport (at once where IntersectionObserver
 * is missing). The demo loads its model by this rule, and main.js starts the download by it.
 * @param {Element} el
 * @param {() => void} fn
 */
export function whenNear(el, fn) {
  if (typeof IntersectionObserver !== 'function') {
    queueMicrotask(fn);
    return;
  }
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    fn();
  }, { rootMargin: PRELOAD_MARGIN });
  observer.observe(el);
}
/** Default wait after the last edit before predicting, so dragging a slider does not flood the worker. */
export const DEBOUNCE_MS = 150;

let mounted = 0;

/**
 * Replace the static content of `root` (a `.vitrine-demo` element) with the demo frame, and start
 * watching for visibility. The widget fills `inputs` and `output` afterwards.
 * @template I, R
 * @param {HTMLElement} root
 * @param {ModelEntry} info
 * @param {Api} api
 * @param {ShellOptions<I, R>} options
 * @returns {Shell<I>}
 */
export function mountShell(root, info, api, options) {
  const uid = `vitrine-${++mounted}`;
  const variant = options.variant ?? 'auto';
  const describe = options.forVisitors ?? ((e) => e);

  const staticNote = h('p', { class: 'vitrine-static-note', role: 'note', hidden: true });
  const inputs = h('div', { class: 'vitrine-inputs', role: options.inputsLabel ? 'group' : null, 'aria-label': options.inputsLabel },
    staticNote);
  const output = h('div', { class: 'vitrine-output' });
  const backend = h('span', { class: 'vitrine-backend' }, 'Runs in your browser; the model is not loaded yet');
  // why this backend (the tiers tried, what a browser lacks): technical detail, one click away
  const reasonText = h('span', {});
  const reason = h('details', { class: 'vitrine-reason', hidden: true }, h('summary', {}, 'Why this backend'), reasonText);
  const time = h('span', { class: 'vitrine-time' });
  const progress = h('progress'); // indeterminate until the first progress report
  const progressText = h('span', { class: 'vitrine-progress-text' });
  const progressBox = h('div', { class: 'vitrine-progress', hidden: true }, progress, progressText);
  const announcer = h('div', { class: 'vitrine-announce vitrine-sr-only', role: 'status', 'aria-live': 'polite' });

  root.replaceChildren(
    h('div', { class: `vitrine-body${options.layout === 'stacked' ? ' vitrine-body--stacked' : ''}` }, inputs, output),
    h('div', { class: 'vitrine-status' }, backend, reason, time),
    progressBox,
    h('div', { class: 'vitrine-error', role: 'alert', hidden: true }),
    announcer,
  );
  root.dataset.state = 'idle';

  // ---- model ----
  /** @type {Promise<Model> | null} */
  let modelPromise = null;
  /** @type {Model | null} */
  let model = null;

  function load() {
    modelPromise ??= loadModel();
    return modelPromise;
  }

  /** @returns {Promise<Model>} */
  async function loadModel() {
    root.dataset.state = 'loading';
    backend.textContent = 'Downloading the model…';
    progressBox.hidden = false;
    options.onLoading?.();
    try {
      const loaded = await api.load(info.id, {
        variant,
        onProgress({ loaded, total }) {
          progress.max = total;
          progress.value = loaded;
          progressText.textContent = `${formatBytes(loaded)} of ${formatBytes(total)} (${Math.round((100 * loaded) / total)}%)`;
        },
      });
      model = loaded;
      root.dataset.state = 'ready';
      root.dataset.backend = loaded.backend;
      backend.textContent = backendText(loaded);
      reasonText.textContent = loaded.backendReason;
      reason.hidden = false;
      if ('notice' in loaded) {
        staticNote.textContent = loaded.notice;
        staticNote.hidden = false;
      }
      options.onLoaded?.(loaded);
      return loaded;
    } catch (e) {
      modelPromise = null; // the next run or touch tries again
      root.dataset.state = 'error';
      backend.textContent = 'The model is not loaded';
      throw e;
    } finally {
      progressBox.hidden = true;
    }
  }

  // ---- running: the newest input wins ----
  /** @type {import('./latest_only.js').LatestOnly<I>} */
  const runner = latestOnly(
    /** @returns {Promise<{result: R, run: RunInfo}>} */
    async (input, signal) => {
      root.dataset.running = 'true';
      const m = await load();
      if (signal.aborted) throw abortError();
      const start = performance.now();
      const result = await options.predict(m, input, signal);
      return { result, run: { model: m, live: m.backend !== 'static', roundTripMs: performance.now() - start } };
    },
    {
      delay: options.debounceMs ?? DEBOUNCE_MS,
      onResult({ result, run }, input) {
        settled();
        clearError(root);
        const ms = /** @type {{ms?: unknown}} */ (result)?.ms;
        time.textContent = run.live ? `last run ${formatMs(typeof ms === 'number' ? ms : run.roundTripMs)}` : '';
        options.onResult(result, input, run);
      },
      onError(error, input) {
        settled();
        showError(root, describe(error));
        options.onError?.(error, input);
      },
    },
  );

  function settled() {
    if (!runner.busy()) delete root.dataset.running;
  }

  // Load when the demo comes into view or is first touched, whichever happens first.
  const startLoading = () => {
    load().catch((e) => showError(root, describe(e)));
  };
  inputs.addEventListener('focusin', startLoading, { once: true });
  inputs.addEventListener('pointerdown', startLoading, { once: true });
  whenNear(root, options.onVisible ?? startLoading);

  return {
    root,
    uid,
    inputs,
    output,
    staticNote,
    run: (input) => runner.submit(input),
    runNow: (input) => runner.now(input),
    cancel() {
      runner.cancel();
      delete root.dataset.running;
    },
    load,
    idle: () => runner.idle(),
    model: () => model,
    isStatic: () => model?.backend === 'static',
    showError: (error) => showError(root, describe(error)),
    clearError: () => clearError(root),
    announce(text) {
      // The same text twice in a row is announced again only if the node changes: clear, then set.
      announcer.textContent = '';
      setTimeout(() => { announcer.textContent = text; }, 50);
    },
    setTime(text) {
      time.textContent = text;
    },
  };
}

/** Where each runtime tier runs, in words a visitor knows (its label, the technical name, follows). */
const IN_WORDS = {
  webgpu: "on your device's graphics card",
  wasm: 'on your device with WebAssembly',
  'wasm-nosimd': 'on your device with WebAssembly',
};

/**
 * "Running on your device with WebAssembly (WASM-SIMD), 4 threads" (why, behind a disclosure); on the
 * static tier, that there is no live model.
 * @param {Model} model
 */
function backendText(model) {
  if (model.backend === 'static') return `No live model here: ${model.backendLabel}`;
  const threads = model.threads ? `, ${model.threads} thread${model.threads === 1 ? '' : 's'}` : '';
  const where = Object.hasOwn(IN_WORDS, model.backend)
    ? `${IN_WORDS[/** @type {keyof typeof IN_WORDS} */ (model.backend)]} (${model.backendLabel})` : `on ${model.backendLabel}`;
  return `Running ${where}${threads}`;
}

/** @param {number} bytes */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** @param {number} ms */
export function formatMs(ms) {
  return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
}
