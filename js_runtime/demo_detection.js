// The demo widget for object detection (task "object-detection", e.g. BlazeFace), on the demo shell.
// Input: image_input.js (picker, drop, paste, camera, examples). Output: the image (image_stage.js) with
// the detected boxes, their labels, scores and keypoints drawn on a canvas over it; a score-threshold and
// an overlap (IoU) slider; the boxes as a text list; and a download of the annotated image.
//
// The model runs once per image and returns every candidate box above the model's floor, before
// non-maximum suppression:
//   await m.predict(imageBlob, {signal, candidates: true}) → [{box: [x, y, w, h], label, score (0..1),
//     keypoints: [[x, y], …]}] in the original image's pixels
// The sliders re-filter those candidates on the page (worker/detection.js filterDetections: score ≥
// threshold, then NMS as the worker does it), so moving them never runs the model again.
import { h } from './dom.js';
import { mountShell } from './demo_shell.js';
import { exampleArtifacts, mountImageInput } from './image_input.js';
import { mountImageStage } from './image_stage.js';
import { filterDetections } from '../worker/detection.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./demo_shell.js').Api} Api */
/** @typedef {import('./image_input.js').PickedImage} PickedImage */
/** @typedef {import('../worker/detection.js').Detection} Detection */

/**
 * The detector's thresholds and names, from the manifest's postprocessing entry.
 * @typedef {object} DetectionSettings
 * @property {number} minScore default score threshold
 * @property {number} iou default IoU threshold
 * @property {'weighted'|'hard'} method NMS method
 * @property {number} floor the lowest score the model returns as a candidate
 * @property {string[]} classes
 * @property {string[]} keypointNames
 */

/**
 * @typedef {object} Candidates what one model run gave
 * @property {Detection[]} candidates score descending; `index` is the position in the model's answer
 * @property {number} [ms] model time in the worker
 * @property {string} [notice] e.g. that a very large image was decoded scaled down
 */

/**
 * @typedef {object} BoxColours
 * @property {string} box stroke and label background
 * @property {string} text label text (on the box colour)
 * @property {string} halo a thin contrasting edge around strokes and dots, so boxes show on any photo
 */

/** @typedef {{predict(image: Blob, options: {signal: AbortSignal, candidates: true}): Promise<unknown>}} DetectionModel */

/** The score slider's range (its minimum is raised to the model's candidate floor: nothing lies below). */
export const SCORE_RANGE = /** @type {const} */ ([0.05, 0.95]);
/** The IoU slider's range. */
export const IOU_RANGE = /** @type {const} */ ([0.1, 0.9]);
/** How long after the last slider move the new count is announced (so dragging does not flood screen readers). */
const ANNOUNCE_DELAY_MS = 600;

/**
 * Replace the static content of `root` (a `.vitrine-demo` element) with the object-detection widget.
 * @param {HTMLElement} root
 * @param {ModelEntry} info
 * @param {Api} api
 * @param {string} variant a variant name or "auto"
 */
export function mountDetection(root, info, api, variant) {
  const settings = readSettings(info);
  const things = pluralLabel(settings.classes);

  /** @type {import('./demo_shell.js').Shell<PickedImage>} */
  const shell = mountShell(root, info, api, {
    variant,
    layout: 'stacked',
    debounceMs: 0, // every pick is deliberate: run it at once (a newer pick still cancels an older one)
    inputsLabel: `Image for ${info.title}`,
    async predict(model, image, signal) {
      const answer = await /** @type {DetectionModel} */ (/** @type {unknown} */ (model)).predict(image.blob, { signal, candidates: true });
      const { ms, notice } = /** @type {{ms?: unknown, notice?: unknown}} */ (answer ?? {});
      /** @type {Candidates} */
      const result = { candidates: readDetections(answer) };
      if (typeof ms === 'number') result.ms = ms;
      if (typeof notice === 'string') result.notice = notice;
      return result;
    },
    onResult: (result, image) => showCandidates(result, image),
    onError: (_error, image) => showFailure(image),
  });
  const { uid } = shell;
  root.classList.add('vitrine-demo--detection');

  // ---- input ----
  const input = mountImageInput({
    uid,
    dropTarget: root,
    examples: exampleArtifacts(info),
    onImage: (image) => {
      showImage(image);
      shell.runNow(image);
    },
    onError: (error) => shell.showError(error),
  });
  shell.inputs.append(input.el);

  // ---- output: the image with its boxes ----
  const countId = `${uid}-count`;
  const stage = mountImageStage({ overlayClass: 'vitrine-boxes', describedBy: countId });
  const { img, overlay } = stage;
  stage.placeOverlay(null);

  // ---- output: count, sliders, list, download ----
  const source = h('p', { class: 'vitrine-source' }, 'Choose, drop or paste an image, or try an example.');
  const count = h('strong', { class: 'vitrine-label vitrine-det-count', id: countId }, '–');
  const countLine = h('p', { class: 'vitrine-label-line', hidden: true }, count);

  const score = slider(`${uid}-score`, 'Score threshold', [Math.max(SCORE_RANGE[0], round2(settings.floor)), SCORE_RANGE[1]],
    settings.minScore, formatPercentShort,
    `Boxes the model is less sure of are hidden.${settings.floor > SCORE_RANGE[0] ? ` The model keeps no box under ${formatPercentShort(settings.floor)}.` : ''}`);
  const overlap = slider(`${uid}-iou`, 'Overlap (IoU) threshold', IOU_RANGE, settings.iou, (v) => v.toFixed(2),
    settings.method === 'weighted'
      ? 'Boxes that overlap a stronger one by more than this are merged into it.'
      : 'Boxes that overlap a stronger one by more than this are dropped.');
  const controls = h('div', { class: 'vitrine-det-controls', role: 'group', 'aria-label': 'Thresholds' }, score.el, overlap.el);

  const listTitle = h('p', { class: 'vitrine-topk-title', id: `${uid}-boxes` }, `${capitalise(things.one)} boxes, in image pixels`);
  const list = h('ol', { class: 'vitrine-detections', 'aria-labelledby': listTitle.id });
  const listBox = h('div', { class: 'vitrine-detections-box' }, listTitle, list);
  const downloadButton = h('button', { type: 'button', class: 'vitrine-download md-button' }, 'Download annotated image');
  const downloadNote = h('p', { class: 'vitrine-download-note', role: 'status', hidden: true });
  const results = h('div', { class: 'vitrine-det-results', hidden: true }, controls, listBox,
    h('div', { class: 'vitrine-actions' }, downloadButton), downloadNote);
  const panel = h('div', { class: 'vitrine-panel' }, shell.staticNote, source, countLine, results);
  shell.output.append(h('div', { class: 'vitrine-image-result' }, stage.el, panel));
  root.dataset.source = 'none';

  // ---- state ----
  /** @type {PickedImage | null} */
  let shownImage = null;
  /** @type {Detection[]} */
  let candidates = [];
  /** @type {Detection[]} */
  let kept = [];
  let hasResult = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let announceTimer;

  /** @param {PickedImage} image */
  function showImage(image) {
    shownImage = image;
    stage.show(image.blob, image.name, `The image to search for ${things.many}: ${image.name}`);
    countLine.hidden = false;
    root.dataset.hasImage = 'true';
    clearResult();
    root.dataset.source = 'pending';
    source.textContent = `Looking for ${things.many} in “${image.name}”…`;
  }

  function clearResult() {
    candidates = [];
    kept = [];
    hasResult = false;
    clearTimeout(announceTimer);
    list.replaceChildren();
    results.hidden = true;
    count.textContent = '–';
    overlay.hidden = true;
    downloadNote.hidden = true;
    delete root.dataset.count;
  }

  /**
   * @param {Candidates} result
   * @param {PickedImage} image
   */
  function showCandidates(result, image) {
    const live = !shell.isStatic();
    candidates = result.candidates;
    hasResult = true;
    root.dataset.source = live ? 'live' : 'precomputed';
    source.textContent = (live ? `Live detection for “${image.name}”, calculated in your browser.`
      : `Precomputed detection for “${image.name}”, calculated when the site was built.`) +
      (result.notice ? ` ${result.notice}` : '');
    results.hidden = false;
    refilter();
    shell.announce(`${image.name}: ${summary()}`);
  }

  /** @param {PickedImage} image */
  function showFailure(image) {
    clearResult();
    root.dataset.source = 'failed';
    source.textContent = `No detection for “${image.name}”. Try another image.`;
  }

  /** The sliders' thresholds applied to the candidates: count, list and drawing (the model does not run). */
  function refilter() {
    if (!hasResult) return;
    kept = filterDetections(candidates, { minScore: score.value(), iou: overlap.value(), method: settings.method });
    root.dataset.count = String(kept.length);
    count.textContent = countText(kept.length, things);
    list.replaceChildren(...kept.map((d, i) => detectionRow(d, i)));
    listBox.hidden = kept.length === 0;
    redraw();
  }

  function summary() {
    const best = kept[0];
    return `${countText(kept.length, things)}${best ? `; the best scores ${formatPercent(best.score)}` : ''}.`;
  }

  /** Draw the kept boxes over the displayed image, at the screen's resolution. */
  function redraw() {
    const { width: W, height: H } = stage.naturalSize();
    const shown = img.getBoundingClientRect();
    if (!hasResult || !W || !H || !shown.width || !shown.height) {
      overlay.hidden = true;
      return;
    }
    const dpr = window.devicePixelRatio || 1;
    overlay.width = Math.max(1, Math.round(shown.width * dpr));
    overlay.height = Math.max(1, Math.round(shown.height * dpr));
    const ctx = overlay.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, overlay.width, overlay.height);
    drawDetections(ctx, kept, {
      scaleX: overlay.width / W, scaleY: overlay.height / H, unit: dpr, colours: boxColours(root),
    });
    overlay.hidden = false;
  }

  for (const s of [score, overlap]) {
    s.input.addEventListener('input', () => {
      s.update();
      if (!hasResult) return;
      refilter();
      clearTimeout(announceTimer);
      announceTimer = setTimeout(() => shell.announce(summary()), ANNOUNCE_DELAY_MS);
    });
  }

  img.addEventListener('load', redraw);
  if (typeof ResizeObserver === 'function') new ResizeObserver(() => redraw()).observe(img);
  // A colour-scheme switch (mkdocs-material sets data-md-color-scheme on <body>) changes the box colours.
  new MutationObserver(() => redraw()).observe(document.body, { attributes: true, attributeFilter: ['data-md-color-scheme', 'data-md-color-accent'] });

  downloadButton.addEventListener('click', async () => {
    if (!shownImage || !hasResult) return;
    downloadNote.hidden = true;
    downloadButton.setAttribute('aria-busy', 'true');
    try {
      const blob = await annotatedImage(img, kept, boxColours(root));
      saveBlob(blob, annotatedName(shownImage.name));
    } catch (e) {
      downloadNote.textContent = e instanceof Error ? e.message : String(e);
      downloadNote.hidden = false;
    } finally {
      downloadButton.removeAttribute('aria-busy');
    }
  });
}

/**
 * A labelled range slider with its value shown as text (and given to screen readers as aria-valuetext).
 * @param {string} id
 * @param {string} label
 * @param {readonly [number, number]} range
 * @param {number} initial
 * @param {(v: number) => string} format
 * @param {string} hint
 */
function slider(id, label, range, initial, format, hint) {
  const [min, max] = range;
  const input = h('input', {
    type: 'range', id, min, max, step: 0.01, value: clamp(round2(initial), min, max), 'aria-describedby': `${id}-hint`,
  });
  const output = h('output', { class: 'vitrine-det-value', for: id, 'aria-hidden': 'true' });
  const el = h('div', { class: 'vitrine-det-slider' },
    h('label', { for: id }, label), output, input,
    h('small', { class: 'vitrine-det-hint', id: `${id}-hint` }, hint));
  const value = () => Number(input.value);
  const update = () => {
    const text = format(value());
    output.textContent = text;
    input.setAttribute('aria-valuetext', text);
  };
  update();
  return { el, input, value, update };
}

/**
 * One row of the result list: "Face 1", its score, and where its box lies (text only).
 * @param {Detection} d
 * @param {number} i
 */
function detectionRow(d, i) {
  return h('li', { class: 'vitrine-detection' },
    h('span', { class: 'vitrine-det-name' }, rowName(d, i)),
    h('span', { class: 'vitrine-det-score' }, formatPercent(d.score)),
    h('span', { class: 'vitrine-det-box' }, describeBox(d.box)));
}

/**
 * The widget's box colours: mkdocs-material's accent (readable on both schemes) via vitrine.css.
 * @param {HTMLElement} root
 * @returns {BoxColours}
 */
function boxColours(root) {
  const style = getComputedStyle(root);
  const read = (/** @type {string} */ name, /** @type {string} */ fallback) => style.getPropertyValue(name).trim() || fallback;
  return {
    box: read('--vitrine-box', '#526cfe'),
    text: read('--vitrine-box-text', '#ffffff'),
    halo: read('--vitrine-box-halo', 'rgba(255, 255, 255, 0.85)'),
  };
}

/**
 * Draw detections on a 2D context: a rectangle per box with its label ("face 1 · 97%"), keypoints as
 * dots. Boxes are in image pixels; scaleX/scaleY map them to the canvas; `unit` is one CSS pixel in
 * canvas pixels (line widths and text scale with it).
 * @param {CanvasRenderingContext2D} ctx
 * @param {Detection[]} detections
 * @param {{scaleX: number, scaleY: number, unit: number, colours: BoxColours}} options
 */
export function drawDetections(ctx, detections, { scaleX, scaleY, unit, colours }) {
  const line = 2 * unit;
  const fontPx = Math.round(12 * unit);
  ctx.save();
  ctx.font = `600 ${fontPx}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
  ctx.textBaseline = 'top';
  ctx.lineJoin = 'round';
  // Draw the weakest first, so the strongest box and label end up on top.
  detections.map((d, i) => ({ d, i })).reverse().forEach(({ d, i }) => {
    const [x, y, w, h] = scaleBox(d.box, scaleX, scaleY);
    // the rectangle: a contrasting halo under the coloured stroke, so it shows on any photo
    ctx.strokeStyle = colours.halo;
    ctx.lineWidth = line + 2 * unit;
    ctx.strokeRect(x, y, w, h);
    ctx.strokeStyle = colours.box;
    ctx.lineWidth = line;
    ctx.strokeRect(x, y, w, h);
    // keypoints
    for (const [kx, ky] of d.keypoints ?? []) {
      ctx.beginPath();
      ctx.arc(kx * scaleX, ky * scaleY, 2.5 * unit, 0, 2 * Math.PI);
      ctx.fillStyle = colours.box;
      ctx.fill();
      ctx.lineWidth = unit;
      ctx.strokeStyle = colours.halo;
      ctx.stroke();
    }
    // the label, above the box where there is room, else inside its top edge
    const text = boxCaption(d, i);
    const pad = 3 * unit;
    const labelW = ctx.measureText(text).width + 2 * pad;
    const labelH = fontPx + 2 * pad;
    const at = labelPosition([x, y, w, h], labelW, labelH, ctx.canvas.width, ctx.canvas.height);
    ctx.fillStyle = colours.box;
    ctx.fillRect(at.x, at.y, labelW, labelH);
    ctx.fillStyle = colours.text;
    ctx.fillText(text, at.x + pad, at.y + pad + unit * 0.5);
  });
  ctx.restore();
}

/**
 * The image at its natural size with the boxes drawn on it, as a PNG.
 * @param {HTMLImageElement} img a loaded image
 * @param {Detection[]} detections in image pixels
 * @param {BoxColours} colours
 * @returns {Promise<Blob>}
 */
export async function annotatedImage(img, detections, colours) {
  const W = img.naturalWidth;
  const H = img.naturalHeight;
  if (!W || !H) throw new Error('This browser cannot show the image, so it cannot draw the boxes on it.');
  const canvas = h('canvas', { width: W, height: H });
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('The annotated image could not be drawn (no canvas here).');
  ctx.drawImage(img, 0, 0, W, H);
  // Lines and labels about as thick, relative to the picture, as on screen at its usual size.
  drawDetections(ctx, detections, { scaleX: 1, scaleY: 1, unit: Math.max(1, Math.max(W, H) / 500), colours });
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(`The annotated image (${W} × ${H} pixels) is too large for this browser to save.`);
  return /** @type {Blob} */ (blob);
}

/**
 * Save `blob` as a download named `name` (through a temporary `<a download>`).
 * @param {Blob} blob
 * @param {string} name
 */
function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ---- pure helpers ----

/**
 * The detector's thresholds from the manifest entry, with the documented defaults.
 * @param {ModelEntry} info
 * @returns {DetectionSettings}
 */
export function readSettings(info) {
  const post = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (info.postprocessing ?? {}));
  /** @param {unknown} v @param {number} fallback */
  const unit = (v, fallback) => (typeof v === 'number' && v >= 0 && v <= 1 ? v : fallback);
  const names = (/** @type {unknown} */ v) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? /** @type {string[]} */ (v) : null);
  return {
    minScore: unit(post.min_score, 0.5),
    iou: unit(post.iou, 0.3),
    method: post.nms === 'hard' ? 'hard' : 'weighted',
    floor: unit(post.candidate_floor, 0.1),
    classes: names(post.classes) ?? names(info.labels) ?? [],
    keypointNames: names(post.keypoint_names) ?? [],
  };
}

/**
 * The model's answer, checked against the contract (so a mismatch fails with a sentence, not a
 * half-drawn widget), score descending; each gets `index`, its place in the answer (NMS's tie-break).
 * @param {unknown} answer
 * @returns {Detection[]}
 */
export function readDetections(answer) {
  const bad = () => {
    console.error('[vitrine] predict() answered, for a detector, something other than [{box: [x, y, w, h], label, score, keypoints}]:', answer);
    return new Error('The model returned an answer this page cannot show. The browser console has the technical details.');
  };
  if (!Array.isArray(answer)) throw bad();
  /** @type {(v: unknown) => boolean} */
  const point = (v) => Array.isArray(v) && v.length === 2 && v.every(Number.isFinite);
  return answer.map((item, index) => {
    const { box, label, score, keypoints } = /** @type {Record<string, any>} */ (item ?? {});
    if (!Array.isArray(box) || box.length !== 4 || !box.every(Number.isFinite) || box[2] < 0 || box[3] < 0) throw bad();
    if (typeof label !== 'string' || !Number.isFinite(score)) throw bad();
    if (keypoints != null && !(Array.isArray(keypoints) && keypoints.every(point))) throw bad();
    return {
      box: [...box], label, score: Math.max(0, Math.min(1, score)),
      keypoints: (keypoints ?? []).map((/** @type {number[]} */ p) => [p[0], p[1]]), index,
    };
  }).sort((a, b) => b.score - a.score || a.index - b.index);
}

/**
 * What the boxes are, for sentences: one class "face" → {one: "face", many: "faces"}; several → "object(s)".
 * @param {string[]} classes
 * @returns {{one: string, many: string}}
 */
export function pluralLabel(classes) {
  const distinct = [...new Set(classes)];
  const one = distinct.length === 1 && distinct[0].trim() ? distinct[0].trim() : 'object';
  return { one, many: /(s|x|z|ch|sh)$/i.test(one) ? `${one}es` : `${one}s` };
}

/**
 * "3 faces found", "1 face found", "No faces found".
 * @param {number} n
 * @param {{one: string, many: string}} things
 */
export function countText(n, things) {
  if (n === 0) return `No ${things.many} found`;
  return `${n} ${n === 1 ? things.one : things.many} found`;
}

/**
 * The label drawn on a box: its label and number in the list (as the list row names it), and its score:
 * "face 1 · 97%".
 * @param {{label: string, score: number}} d
 * @param {number} i its place in the list, from 0
 */
export function boxCaption(d, i) {
  return `${d.label || 'object'} ${i + 1} · ${formatPercentShort(d.score)}`;
}

/**
 * The list row's name: "Face 1".
 * @param {{label: string}} d
 * @param {number} i its place in the list, from 0
 */
export function rowName(d, i) {
  return `${capitalise(d.label || 'object')} ${i + 1}`;
}

/**
 * Where a box lies, in whole image pixels: "x 120, y 45, 80 × 96 px".
 * @param {ArrayLike<number>} box [x, y, w, h]
 */
export function describeBox(box) {
  const [x, y, w, h] = Array.from(box, (v) => Math.round(v));
  return `x ${x}, y ${y}, ${w} × ${h} px`;
}

/**
 * A box in image pixels → the same box on a surface scaled by sx, sy (e.g. the displayed image).
 * @param {ArrayLike<number>} box [x, y, w, h]
 * @param {number} sx
 * @param {number} sy
 * @returns {[number, number, number, number]}
 */
export function scaleBox(box, sx, sy) {
  return [box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy];
}

/**
 * Where a box's label goes: above its top-left corner where there is room, else just inside its top
 * edge; kept within the canvas.
 * @param {ArrayLike<number>} box [x, y, w, h] in canvas pixels
 * @param {number} labelW
 * @param {number} labelH
 * @param {number} canvasW
 * @param {number} canvasH
 * @returns {{x: number, y: number}}
 */
export function labelPosition(box, labelW, labelH, canvasW, canvasH) {
  const x = clamp(box[0], 0, Math.max(0, canvasW - labelW));
  const above = box[1] - labelH;
  const y = above >= 0 ? above : clamp(box[1], 0, Math.max(0, canvasH - labelH));
  return { x, y };
}

/**
 * The download's file name: "beach photo.jpg" → "beach photo-annotated.png" (characters file systems
 * refuse become "_").
 * @param {string} name
 */
export function annotatedName(name) {
  // eslint-disable-next-line no-control-regex
  const base = name.replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_').trim().replace(/^\.+/, '');
  return `${(base || 'image').slice(0, 120)}-annotated.png`;
}

/** @param {number} p 0..1 → "97.3%" */
export function formatPercent(p) {
  return `${(p * 100).toFixed(1)}%`;
}

/** @param {number} p 0..1 → "97%" */
function formatPercentShort(p) {
  return `${Math.round(p * 100)}%`;
}

/** @param {string} s */
function capitalise(s) {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** @param {number} v @param {number} min @param {number} max */
function clamp(v, min, max) {
  return Math.min(max, Math.max(min, v));
}

/** @param {number} v @returns {number} v to 2 decimals (a slider step) */
function round2(v) {
  return Number(v.toFixed(2));
}
