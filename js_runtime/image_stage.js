// The image stage of the image widgets (classification, detection): the visitor's image with a canvas
// over it, in a <figure> whose caption names the image. The stage owns the object URL of the shown
// image (revoked when another replaces it) and places overlays in percentages of the image, so they
// follow the displayed size. Text is always set as text.
import { h } from './dom.js';

/** @typedef {{x: number, y: number, width: number, height: number}} Region a rectangle in image pixels */

/**
 * @typedef {object} ImageStageOptions
 * @property {string} overlayClass the overlay canvas's class (e.g. "vitrine-cam", "vitrine-boxes")
 * @property {Node[]} [caption] more caption content after the image's name (e.g. a text alternative)
 * @property {string} [describedBy] id of what describes the image (set as the image's aria-describedby)
 */

/**
 * @typedef {object} ImageStage
 * @property {HTMLElement} el the `figure.vitrine-stage` (hidden until the first image)
 * @property {HTMLImageElement} img
 * @property {HTMLCanvasElement} overlay over the image; hidden until a widget shows it
 * @property {(blob: Blob, name: string, alt: string) => void} show show an image (revokes the previous URL)
 * @property {() => {width: number, height: number}} naturalSize 0 × 0 until the image has loaded
 * @property {(region: Region | null) => void} placeOverlay put the overlay over `region` of the image, or
 *   over all of it (null); percentages, so it follows resizes
 */

/**
 * @param {ImageStageOptions} options
 * @returns {ImageStage}
 */
export function mountImageStage(options) {
  const img = h('img', { class: 'vitrine-image', alt: '' });
  const overlay = h('canvas', { class: options.overlayClass, 'aria-hidden': 'true', hidden: true });
  const frame = h('div', { class: 'vitrine-frame' }, img, overlay);
  const imageName = h('span', { class: 'vitrine-image-name' });
  const el = h('figure', { class: 'vitrine-stage', hidden: true }, frame,
    h('figcaption', {}, imageName, ...(options.caption ?? [])));
  if (options.describedBy) img.setAttribute('aria-describedby', options.describedBy);

  /** The object URL of the shown image (revoked when replaced). @type {string | null} */
  let objectUrl = null;
  let shownName = '';
  /** @type {Region | null} */
  let region = null;

  function place() {
    const W = img.naturalWidth;
    const H = img.naturalHeight;
    if (!region) {
      Object.assign(overlay.style, { left: '0', top: '0', width: '100%', height: '100%' });
      return;
    }
    if (!W || !H) return; // placed again on load
    const r = clampRegion(region, W, H);
    Object.assign(overlay.style, {
      left: `${(100 * r.x) / W}%`, top: `${(100 * r.y) / H}%`, width: `${(100 * r.width) / W}%`, height: `${(100 * r.height) / H}%`,
    });
  }

  img.addEventListener('load', place);
  img.addEventListener('error', () => {
    // The browser cannot show it; the model may still decode it (or say why not).
    if (shownName) img.alt = `“${shownName}” cannot be shown by this browser`;
  });

  return {
    el,
    img,
    overlay,
    show(blob, name, alt) {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      objectUrl = URL.createObjectURL(blob);
      shownName = name;
      img.src = objectUrl;
      img.alt = alt;
      imageName.textContent = name;
      el.hidden = false;
    },
    naturalSize: () => ({ width: img.naturalWidth, height: img.naturalHeight }),
    placeOverlay(r) {
      region = r;
      place();
    },
  };
}

/**
 * `r` clipped to a W × H image.
 * @param {Region} r
 * @param {number} W image width
 * @param {number} H image height
 * @returns {Region}
 */
export function clampRegion(r, W, H) {
  const x = Math.max(0, Math.min(W, r.x));
  const y = Math.max(0, Math.min(H, r.y));
  return { x, y, width: Math.max(0, Math.min(W - x, r.width)), height: Math.max(0, Math.min(H - y, r.height)) };
}
