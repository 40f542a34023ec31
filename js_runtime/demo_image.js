// The demo widget for image classification (task "image-classification"), on the demo shell. Input:
// image_input.js (picker, drop, paste, camera, examples). Output: the image (image_stage.js) with a
// class-activation heat map over the part the model saw (the centre crop), the top 5 classes as
// labelled bars, and a text alternative for the heat map. Picking a class row shows that class's map.
//
// Contract of the model call (the public API):
//   await m.predict(imageBlob, {signal, topK: 5, cam: true}) → [{label, score (0..1), index,
//     cam?: {width, height, data: Float32Array (any real numbers), region: {x, y, width, height}}}]
// sorted by score, best first; `region` is the rectangle of the original image (pixels) the map covers.
import { h } from './dom.js';
import { mountShell } from './demo_shell.js';
import { exampleArtifacts, mountImageInput } from './image_input.js';
import { mountImageStage } from './image_stage.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./demo_shell.js').Api} Api */
/** @typedef {import('./demo_shell.js').Model} Model */
/** @typedef {import('./image_input.js').PickedImage} PickedImage */
/** @typedef {import('./image_input.js').ImageExample} ImageExample */

/**
 * @typedef {object} Cam a class-activation map over `region` of the original image
 * @property {number} width
 * @property {number} height
 * @property {ArrayLike<number>} data row-major, width × height values (any real numbers)
 * @property {{x: number, y: number, width: number, height: number}} region in original-image pixels
 */

/**
 * @typedef {object} ClassScore
 * @property {string} label
 * @property {number} score 0..1
 * @property {number} index the class's index in the model's output
 * @property {Cam} [cam]
 */

/** @typedef {{predict(image: Blob, options: {signal: AbortSignal, topK: number, cam: boolean}): Promise<unknown>}} ImageModel */

/** How many classes to show. */
export const TOP_K = 5;
/** Heat-map opacity (percent) until the visitor moves the slider. */
const DEFAULT_OPACITY = 60;
/** The heat map's longer side in canvas pixels (the map is upscaled bilinearly to this, then by CSS). */
const CAM_CANVAS = 224;

/**
 * Replace the static content of `root` (a `.vitrine-demo` element) with the image-classification widget.
 * @param {HTMLElement} root
 * @param {ModelEntry} info
 * @param {Api} api
 * @param {string} variant a variant name or "auto"
 */
export function mountImage(root, info, api, variant) {
  /** @type {import('./demo_shell.js').Shell<PickedImage>} */
  const shell = mountShell(root, info, api, {
    variant,
    layout: 'stacked',
    debounceMs: 0, // every pick is deliberate: run it at once (a newer pick still cancels an older one)
    inputsLabel: `Image for ${info.title}`,
    async predict(model, image, signal) {
      const answer = await /** @type {ImageModel} */ (/** @type {unknown} */ (model)).predict(image.blob, { signal, topK: TOP_K, cam: true });
      return readScores(answer);
    },
    onResult: (scores, image) => showScores(scores, image),
    onError: (_error, image) => showFailure(image),
  });
  const { uid } = shell;
  root.classList.add('vitrine-demo--image');

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

  // ---- output: the image with its heat map ----
  const camText = h('p', { class: 'vitrine-cam-text', id: `${uid}-cam-text` });
  const stage = mountImageStage({ overlayClass: 'vitrine-cam', caption: [camText], describedBy: camText.id });
  const { overlay } = stage;

  // ---- output: classes and heat-map controls ----
  const source = h('p', { class: 'vitrine-source' }, 'Choose, drop or paste an image, or try an example.');
  const label = h('strong', { class: 'vitrine-label' }, '–');
  const labelLine = h('p', { class: 'vitrine-label-line', hidden: true }, 'Prediction: ', label); // shown from the first image
  const listTitle = h('p', { class: 'vitrine-topk-title', id: `${uid}-topk` }, `Top ${TOP_K} classes`);
  const listHint = h('small', { class: 'vitrine-topk-hint', id: `${uid}-topk-hint` }, 'Select a class to see its heat map.');
  const list = h('ol', { class: 'vitrine-topk', 'aria-labelledby': listTitle.id });
  const showCam = h('input', { type: 'checkbox', checked: true, id: `${uid}-cam-on` });
  const opacity = h('input', { type: 'range', min: 0, max: 100, step: 5, value: DEFAULT_OPACITY, id: `${uid}-cam-opacity` });
  const gradient = h('span', { class: 'vitrine-cam-gradient' });
  gradient.style.background = gradientCss();
  const legend = h('div', { class: 'vitrine-cam-legend', 'aria-hidden': 'true' }, h('span', {}, 'weak'), gradient, h('span', {}, 'strong'));
  const camControls = h('div', { class: 'vitrine-cam-controls', hidden: true },
    h('label', { class: 'vitrine-cam-toggle', for: showCam.id }, showCam, ' Heat map'),
    h('label', { class: 'vitrine-cam-opacity', for: opacity.id }, 'Opacity ', opacity),
    legend);
  const results = h('div', { class: 'vitrine-topk-box', hidden: true }, listTitle, list, listHint, camControls);
  const panel = h('div', { class: 'vitrine-panel' }, shell.staticNote, source, labelLine, results);
  shell.output.append(h('div', { class: 'vitrine-image-result' }, stage.el, panel));
  root.dataset.source = 'none';

  // ---- state ----
  /** @type {ClassScore[]} */
  let scores = [];
  let selected = 0;

  /** @param {PickedImage} image */
  function showImage(image) {
    stage.show(image.blob, image.name, `The image to classify: ${image.name}`);
    labelLine.hidden = false;
    root.dataset.hasImage = 'true';
    // What is on screen is for the new image only: clear the old answer.
    clearScores();
    root.dataset.source = 'pending';
    source.textContent = `Classifying “${image.name}”…`;
  }

  function clearScores() {
    scores = [];
    list.replaceChildren();
    results.hidden = true;
    label.textContent = '–';
    camText.textContent = '';
    overlay.hidden = true;
    camControls.hidden = true;
  }

  /**
   * @param {ClassScore[]} answer
   * @param {PickedImage} image
   */
  function showScores(answer, image) {
    const live = !shell.isStatic();
    scores = answer;
    selected = 0;
    root.dataset.source = live ? 'live' : 'precomputed';
    source.textContent = answer.length
      ? (live ? `Live prediction for “${image.name}”, calculated in your browser.`
        : `Precomputed prediction for “${image.name}”, calculated when the site was built.`)
      : `The model returned no classes for “${image.name}”.`;
    label.textContent = answer[0]?.label ?? '–';
    list.replaceChildren(...answer.map((s, i) => classRow(s, i)));
    results.hidden = answer.length === 0;
    drawSelected();
    const top = answer.slice(0, 3).map((s) => `${s.label} ${formatPercent(s.score)}`);
    if (top.length) shell.announce(`${image.name}: ${top[0]}${top.length > 1 ? `; then ${top.slice(1).join(', ')}` : ''}.`);
  }

  /** @param {PickedImage} image */
  function showFailure(image) {
    clearScores();
    root.dataset.source = 'failed';
    source.textContent = `No prediction for “${image.name}”. Try another image.`;
  }

  /**
   * @param {ClassScore} s
   * @param {number} i
   */
  function classRow(s, i) {
    const fill = h('span', { class: 'vitrine-bar-fill' });
    fill.style.width = `${Math.max(0, Math.min(100, s.score * 100))}%`;
    const button = h('button', {
      type: 'button', class: 'vitrine-class', 'data-index': i, 'aria-pressed': i === selected ? 'true' : 'false',
      'aria-describedby': listHint.id,
    },
    h('span', { class: 'vitrine-class-name' }, s.label),
    h('span', { class: 'vitrine-class-score' }, formatPercent(s.score)),
    h('span', { class: 'vitrine-bar', 'aria-hidden': 'true' }, fill));
    button.addEventListener('click', () => select(i));
    return h('li', {}, button);
  }

  /** @param {number} i */
  function select(i) {
    if (i === selected || !scores[i]) return;
    selected = i;
    for (const button of list.querySelectorAll('button.vitrine-class')) {
      button.setAttribute('aria-pressed', String(Number(/** @type {HTMLElement} */ (button).dataset.index) === i));
    }
    drawSelected();
    shell.announce(camText.textContent ?? '');
  }

  function drawSelected() {
    const s = scores[selected];
    const cam = s?.cam;
    camControls.hidden = !cam;
    if (!s) return;
    if (!cam) {
      overlay.hidden = true;
      camText.textContent = `There is no heat map for “${s.label}”.`;
      return;
    }
    drawCam(overlay, cam);
    stage.placeOverlay(cam.region);
    overlay.hidden = !showCam.checked;
    camText.textContent = `Heat map for “${s.label}”: ${describeCam(cam)} ` +
      'The dashed frame marks the part of the image the model saw.';
  }

  showCam.addEventListener('change', () => {
    overlay.hidden = !showCam.checked || !scores[selected]?.cam;
    opacity.disabled = !showCam.checked;
  });
  const setOpacity = () => { overlay.style.opacity = String(Number(opacity.value) / 100); };
  opacity.addEventListener('input', setOpacity);
  setOpacity();
}

/**
 * The model's answer, checked against the contract (so a mismatch fails with a sentence, not a
 * half-drawn widget), best first, at most TOP_K.
 * @param {unknown} answer
 * @returns {ClassScore[]}
 */
export function readScores(answer) {
  const bad = () => {
    console.error('[vitrine] predict() answered, for an image, something other than [{label, score, index, cam?}]:', answer);
    return new Error('The model returned an answer this page cannot show. The browser console has the technical details.');
  };
  if (!Array.isArray(answer)) throw bad();
  /** @type {ClassScore[]} */
  const out = [];
  for (const item of answer) {
    const { label, score, index, cam } = /** @type {Record<string, any>} */ (item ?? {});
    if (typeof label !== 'string' || !Number.isFinite(score)) throw bad();
    /** @type {ClassScore} */
    const s = { label, score: Math.max(0, Math.min(1, score)), index: Number.isInteger(index) ? index : -1 };
    if (cam != null) {
      if (!validCam(cam)) throw bad();
      s.cam = cam;
    }
    out.push(s);
  }
  return out.sort((a, b) => b.score - a.score).slice(0, TOP_K);
}

/** @param {any} cam */
function validCam(cam) {
  const r = cam.region;
  return Number.isInteger(cam.width) && cam.width > 0 && Number.isInteger(cam.height) && cam.height > 0 &&
    cam.data != null && cam.data.length === cam.width * cam.height &&
    r != null && [r.x, r.y, r.width, r.height].every(Number.isFinite) && r.width > 0 && r.height > 0;
}

// ---- heat maps (pure) ----

/**
 * The map scaled to 0..1 (min → 0, max → 1); non-finite values count as the minimum. A flat map is all 0.
 * @param {ArrayLike<number>} data
 * @returns {{values: Float32Array, flat: boolean}}
 */
export function normalizeCam(data) {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const values = new Float32Array(data.length);
  const range = max - min;
  const flat = !(range > 0) || !Number.isFinite(range);
  if (!flat) {
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      values[i] = Number.isFinite(v) ? (v - min) / range : 0;
    }
  }
  return { values, flat };
}

/**
 * Bilinear upscaling of a w × h map to outW × outH (pixel centres aligned, edges clamped).
 * @param {Float32Array} values
 * @param {number} w
 * @param {number} h
 * @param {number} outW
 * @param {number} outH
 * @returns {Float32Array}
 */
export function upscaleBilinear(values, w, h, outW, outH) {
  const out = new Float32Array(outW * outH);
  for (let py = 0; py < outH; py++) {
    const fy = Math.max(0, Math.min(h - 1, ((py + 0.5) * h) / outH - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(h - 1, y0 + 1);
    const ty = fy - y0;
    for (let px = 0; px < outW; px++) {
      const fx = Math.max(0, Math.min(w - 1, ((px + 0.5) * w) / outW - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(w - 1, x0 + 1);
      const tx = fx - x0;
      const top = values[y0 * w + x0] * (1 - tx) + values[y0 * w + x1] * tx;
      const bottom = values[y1 * w + x0] * (1 - tx) + values[y1 * w + x1] * tx;
      out[py * outW + px] = top * (1 - ty) + bottom * ty;
    }
  }
  return out;
}

/**
 * Viridis (perceptually uniform, readable in greyscale and by most colour-blind viewers): a polynomial fit
 * of matplotlib's table, t in 0..1 → [r, g, b] in 0..255.
 * @param {number} t
 * @returns {[number, number, number]}
 */
export function viridis(t) {
  const x = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0));
  /** @param {number[]} c */
  const poly = (c) => c[0] + x * (c[1] + x * (c[2] + x * (c[3] + x * (c[4] + x * (c[5] + x * c[6])))));
  const r = poly([0.2777273272234177, 0.1050930431085774, -0.3308618287255563, -4.634230498983486, 6.228269936347081, 4.776384997670288, -5.435455855934631]);
  const g = poly([0.005407344544966578, 1.404613529898575, 0.214847559468213, -5.799100973351585, 14.17993336680509, -13.74514537774601, 4.645852612178535]);
  const b = poly([0.3340998053353061, 1.384590162594685, 0.09509516302823659, -19.33244095627987, 56.69055260068105, -65.35303263337234, 26.3124352495832]);
  /** @param {number} v */
  const byte = (v) => Math.round(255 * Math.max(0, Math.min(1, v)));
  return [byte(r), byte(g), byte(b)];
}

/** The legend's CSS gradient, from the same colormap. */
function gradientCss() {
  const stops = Array.from({ length: 9 }, (_, i) => {
    const [r, g, b] = viridis(i / 8);
    return `rgb(${r}, ${g}, ${b}) ${(100 * i) / 8}%`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/**
 * Draw `cam` on `canvas` (its size set to the region's aspect ratio): upscaled bilinearly, coloured with
 * viridis; weak activation is more transparent, so the image stays visible where nothing stands out.
 * @param {HTMLCanvasElement} canvas
 * @param {Cam} cam
 */
export function drawCam(canvas, cam) {
  const aspect = cam.region.width / cam.region.height;
  const outW = aspect >= 1 ? CAM_CANVAS : Math.max(1, Math.round(CAM_CANVAS * aspect));
  const outH = aspect >= 1 ? Math.max(1, Math.round(CAM_CANVAS / aspect)) : CAM_CANVAS;
  canvas.width = outW;
  canvas.height = outH;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { values } = normalizeCam(cam.data);
  const big = upscaleBilinear(values, cam.width, cam.height, outW, outH);
  const pixels = ctx.createImageData(outW, outH);
  for (let i = 0; i < big.length; i++) {
    const [r, g, b] = viridis(big[i]);
    pixels.data.set([r, g, b, Math.round(255 * (0.35 + 0.65 * big[i]))], 4 * i);
  }
  ctx.putImageData(pixels, 0, 0);
}

/**
 * The heat map in words: where its peak lies in the crop (thirds: "upper left" … "lower right") and how
 * much of the crop is above half the peak.
 * @param {Cam} cam
 * @returns {string}
 */
export function describeCam(cam) {
  const { values, flat } = normalizeCam(cam.data);
  if (flat) return 'the map is flat: no part of the image stands out.';
  let best = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] > values[best]) best = i;
    if (values[i] >= 0.5) above++;
  }
  const col = ((best % cam.width) + 0.5) / cam.width;
  const row = (Math.floor(best / cam.width) + 0.5) / cam.height;
  const share = Math.round((100 * above) / values.length);
  const spread = share <= 15 ? 'concentrated there' : share <= 40 ? 'spread around it' : 'spread over much of the image';
  return `strongest activation in the ${placeName(col, row)} of the crop, ${spread} (${share}% of the crop is above half the peak).`;
}

/**
 * "upper left", "top centre", …, "centre", …, "lower right" for a point in 0..1 × 0..1.
 * @param {number} x
 * @param {number} y
 */
export function placeName(x, y) {
  const col = x < 1 / 3 ? 0 : x < 2 / 3 ? 1 : 2;
  const row = y < 1 / 3 ? 0 : y < 2 / 3 ? 1 : 2;
  return [
    ['upper left', 'top centre', 'upper right'],
    ['left side', 'centre', 'right side'],
    ['lower left', 'bottom centre', 'lower right'],
  ][row][col];
}

/** @param {number} p 0..1 */
function formatPercent(p) {
  return `${(p * 100).toFixed(1)}%`;
}
