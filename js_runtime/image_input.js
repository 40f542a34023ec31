// Image input for demo widgets (classification now, detection later): a drop zone that is a button
// opening the file picker, drag and drop onto the whole widget, paste (Ctrl+V / ⌘V) while the widget
// has focus (or, with nothing focused, into the widget last used), a camera where the browser offers
// one, and the model's example images. Every route ends in one callback with a Blob; errors go to
// another (the widget shows them in the demo shell's error box). Text is always set as text.

import { h, takeDrops } from './dom.js';

/**
 * An image the visitor chose.
 * @typedef {object} PickedImage
 * @property {Blob} blob
 * @property {string} name what to call it: the file name, "Pasted image", "Camera photo", the example's label
 * @property {'file'|'drop'|'paste'|'camera'|'example'} via
 */

/**
 * An example image (a manifest artifact of kind "example", URL absolute or relative to the page).
 * @typedef {object} ImageExample
 * @property {string} url
 * @property {string} [sha256] checked before use where the browser can hash (secure contexts)
 * @property {number} [bytes]
 * @property {string} [label]
 */

/**
 * @typedef {object} ImageInputOptions
 * @property {string} uid page-unique id prefix (the demo shell's uid)
 * @property {HTMLElement} dropTarget the element that takes drops and pastes (the demo's root)
 * @property {ImageExample[]} [examples]
 * @property {(image: PickedImage) => void} onImage
 * @property {(error: unknown) => void} onError
 * @property {typeof fetch} [fetch] for the examples (tests)
 */

/**
 * @typedef {object} ImageInput
 * @property {HTMLElement} el the controls, to place in the widget's input column
 * @property {(image: PickedImage) => void} pick hand an image in as if the visitor had chosen it
 * @property {() => void} stopCamera close the live preview and stop the camera
 * @property {() => void} destroy remove the page-wide listeners and stop the camera
 */

/** The image widget that takes a paste when nothing on the page has focus: the one used last. */
/** @type {HTMLElement | null} */
let lastUsed = null;

/**
 * @param {ImageInputOptions} options
 * @returns {ImageInput}
 */
export function mountImageInput(options) {
  const { uid, dropTarget } = options;
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  /** Sequence number of the newest pick: a slow example download never overrides a newer pick. */
  let picks = 0;
  /** @type {AbortController | null} */
  let exampleDownload = null;

  /** @param {PickedImage} image */
  function pick(image) {
    picks++;
    exampleDownload?.abort();
    exampleDownload = null;
    options.onImage(image);
  }

  /** @param {unknown} error */
  function fail(error) {
    options.onError(error);
  }

  /**
   * @param {File | null | undefined} file
   * @param {'file'|'drop'|'paste'} via
   */
  function takeFile(file, via) {
    if (!file) return;
    const problem = imageFileProblem(file, via === 'paste' ? 'The pasted file' : `“${file.name}”`);
    if (problem) return fail(new Error(problem));
    pick({ blob: file, name: file.name && via !== 'paste' ? file.name : 'Pasted image', via });
  }

  // ---- file picker: the drop zone is the button that opens it ----
  const hintId = `${uid}-image-hint`;
  const fileInput = h('input', { type: 'file', accept: 'image/*', class: 'vitrine-file-input', hidden: true, tabindex: -1 });
  const dropZone = h('button', { type: 'button', class: 'vitrine-dropzone', 'aria-describedby': hintId },
    h('span', { class: 'vitrine-dropzone-icon', 'aria-hidden': 'true' }, '⇪'),
    h('span', { class: 'vitrine-dropzone-text' }, 'Choose an image'),
    h('small', { class: 'vitrine-dropzone-hint', id: hintId }, 'or drop one here, or paste it (Ctrl+V / ⌘V)'));
  dropZone.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = ''; // choosing the same file again is a new pick
    takeFile(file, 'file');
  });

  // ---- drag and drop, anywhere on the widget ----
  takeDrops(dropTarget, (event, data) => {
    event.preventDefault();
    lastUsed = dropTarget;
    const file = data.files?.[0];
    if (file) return takeFile(file, 'drop');
    if ([...data.types].some((t) => t === 'text/uri-list' || t === 'text/html')) {
      fail(new Error('Only image files can be dropped here; an image dragged from another web page cannot be read. ' +
        'Save it first, or copy it and paste it here.'));
    }
  });

  // ---- paste ----
  const remember = () => { lastUsed = dropTarget; };
  dropTarget.addEventListener('pointerdown', remember);
  dropTarget.addEventListener('focusin', remember);
  /** @param {ClipboardEvent} event */
  const onPaste = (event) => {
    // Browsers fire a paste at the focused element or, when it cannot take text, at <body>.
    const target = event.target instanceof Node ? event.target : null;
    const inside = (target !== null && dropTarget.contains(target)) || dropTarget.contains(document.activeElement);
    if (!inside && !(nothingFocused() && isPasteTarget(dropTarget))) return;
    const files = clipboardFiles(event.clipboardData);
    if (!files.length) {
      if (inside) fail(new Error('There is no image on the clipboard to paste. Copy an image first.'));
      return;
    }
    event.preventDefault();
    lastUsed = dropTarget;
    takeFile(files.find((f) => f.type.startsWith('image/')) ?? files[0], 'paste');
  };
  document.addEventListener('paste', onPaste);

  // ---- camera ----
  const cameraButton = h('button', { type: 'button', class: 'vitrine-camera-button md-button', 'aria-expanded': 'false', hidden: true },
    'Use the camera');
  const cameraNote = h('p', { class: 'vitrine-camera-note', role: 'status', hidden: true });
  const video = h('video', { class: 'vitrine-camera-video', playsinline: true, muted: true, 'aria-label': 'Camera preview' });
  const takeButton = h('button', { type: 'button', class: 'vitrine-take-photo md-button md-button--primary' }, 'Take photo');
  const closeButton = h('button', { type: 'button', class: 'vitrine-camera-close md-button' }, 'Cancel');
  const cameraPanel = h('div', { class: 'vitrine-camera', role: 'group', 'aria-label': 'Camera', hidden: true },
    video, h('div', { class: 'vitrine-camera-actions' }, takeButton, closeButton));
  /** @type {MediaStream | null} */
  let stream = null;
  const mediaDevices = typeof navigator === 'object' ? navigator.mediaDevices : undefined;
  if (typeof mediaDevices?.getUserMedia === 'function') cameraButton.hidden = false;

  /** @param {string} text */
  function cameraUnavailable(text) {
    cameraButton.hidden = true;
    cameraNote.textContent = text;
    cameraNote.hidden = false;
  }

  async function openCamera() {
    if (stream || !mediaDevices) return;
    cameraButton.setAttribute('aria-expanded', 'true');
    try {
      stream = await mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (e) {
      cameraButton.setAttribute('aria-expanded', 'false');
      const name = e instanceof Error ? e.name : '';
      if (name === 'NotAllowedError' || name === 'SecurityError') {
        cameraUnavailable('The camera is not available: access to it was denied. Choose or drop an image instead.');
      } else if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') {
        cameraUnavailable('No usable camera was found. Choose or drop an image instead.');
      } else {
        fail(new Error(`The camera could not be started (${e instanceof Error ? e.message : e}).`));
      }
      return;
    }
    video.srcObject = stream;
    cameraPanel.hidden = false;
    takeButton.focus();
    video.play().catch(() => { /* autoplay refused: the visitor still sees the first frame after "Take photo" */ });
  }

  /** @param {boolean} [restoreFocus] */
  function stopCamera(restoreFocus = false) {
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.srcObject = null;
    const hadFocus = cameraPanel.contains(document.activeElement);
    cameraPanel.hidden = true;
    cameraButton.setAttribute('aria-expanded', 'false');
    if ((restoreFocus || hadFocus) && !cameraButton.hidden) cameraButton.focus();
  }

  function takePhoto() {
    if (!stream || !video.videoWidth) return fail(new Error('The camera has not delivered a picture yet; try again in a moment.'));
    const canvas = h('canvas', { width: video.videoWidth, height: video.videoHeight });
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    stopCamera(true);
    canvas.toBlob((blob) => {
      if (blob) pick({ blob, name: 'Camera photo', via: 'camera' });
      else fail(new Error('The photo could not be taken.'));
    }, 'image/jpeg', 0.92);
  }

  cameraButton.addEventListener('click', openCamera);
  takeButton.addEventListener('click', takePhoto);
  closeButton.addEventListener('click', () => stopCamera(true));
  cameraPanel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      stopCamera(true);
    }
  });
  const onPageHide = () => stopCamera();
  window.addEventListener('pagehide', onPageHide);

  // ---- examples ----
  const examples = options.examples ?? [];
  const exampleList = h('ul', { class: 'vitrine-examples-list' });
  examples.forEach((example, i) => {
    const fromUrl = nameFromUrl(example.url);
    const label = example.label || (fromUrl && !/^example$/i.test(fromUrl) ? fromUrl : `Example ${i + 1}`);
    const button = h('button', { type: 'button', class: 'vitrine-example' },
      h('img', { src: example.url, alt: '', loading: 'lazy', decoding: 'async', width: 64, height: 64, draggable: 'false' }),
      h('span', { class: 'vitrine-example-label' }, label));
    button.addEventListener('click', async () => {
      const seq = ++picks;
      exampleDownload?.abort();
      const controller = new AbortController();
      exampleDownload = controller;
      button.setAttribute('aria-busy', 'true');
      try {
        const blob = await downloadExample(example, label, fetchImpl, controller.signal);
        if (seq === picks) pick({ blob, name: label, via: 'example' });
      } catch (e) {
        if (seq === picks && !controller.signal.aborted) fail(e);
      } finally {
        button.removeAttribute('aria-busy');
        if (exampleDownload === controller) exampleDownload = null;
      }
    });
    exampleList.append(h('li', {}, button));
  });
  const examplesBox = examples.length
    ? h('div', { class: 'vitrine-examples', role: 'group', 'aria-labelledby': `${uid}-examples` },
      h('p', { class: 'vitrine-examples-title', id: `${uid}-examples` }, 'Or try an example:'), exampleList)
    : null;

  const el = h('div', { class: 'vitrine-image-input' },
    h('div', { class: 'vitrine-image-sources' }, dropZone, cameraButton),
    fileInput, cameraNote, cameraPanel, ...(examplesBox ? [examplesBox] : []));

  return {
    el,
    pick,
    stopCamera: () => stopCamera(),
    destroy() {
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('pagehide', onPageHide);
      stopCamera();
      if (lastUsed === dropTarget) lastUsed = null;
    },
  };
}

/**
 * Why `file` cannot be an image, or null. Files without a type (some systems give none) go to the model,
 * which says whether it can decode them.
 * @param {Blob} file
 * @param {string} name how to name it in the message
 * @returns {string | null}
 */
export function imageFileProblem(file, name) {
  if (file.size === 0) return `${name} is empty.`;
  if (file.type && !file.type.startsWith('image/')) {
    return `${name} is not an image (it is ${file.type}). Choose a photo or picture file: PNG, JPEG, WebP, GIF or BMP.`;
  }
  return null;
}

/**
 * A readable name from an example URL: ".../models/photos/tabby-cat.0123456789abcdef.jpg" → "tabby-cat".
 * @param {string} url
 */
export function nameFromUrl(url) {
  let last = '';
  try {
    last = decodeURIComponent(new URL(url, 'http://x/').pathname.split('/').pop() ?? '');
  } catch {
    return '';
  }
  return last.replace(/\.[a-z0-9]{1,5}$/i, '').replace(/\.[0-9a-f]{8,64}$/i, '');
}

/** @param {DataTransfer | null} data */
function clipboardFiles(data) {
  if (!data) return [];
  /** @type {File[]} */
  const files = [...(data.files ?? [])];
  if (files.length) return files;
  for (const item of data.items ?? []) {
    const file = item.kind === 'file' ? item.getAsFile() : null;
    if (file) files.push(file);
  }
  return files;
}

function nothingFocused() {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement;
}

/**
 * Whether the widget at `root` takes a paste made with nothing focused: the one used last, or else the
 * first image widget on screen.
 * @param {HTMLElement} root
 */
function isPasteTarget(root) {
  if (lastUsed && lastUsed.isConnected) return lastUsed === root;
  const onScreen = [...document.querySelectorAll('.vitrine-image-input')]
    .map((el) => el.closest('.vitrine-demo'))
    .find((demo) => {
      if (!(demo instanceof HTMLElement)) return false;
      const box = demo.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    });
  return onScreen === root;
}

/**
 * Download an example image and check it against the manifest's sha256 (where the browser can hash).
 * @param {ImageExample} example
 * @param {string} label
 * @param {typeof fetch} fetchImpl
 * @param {AbortSignal} signal
 * @returns {Promise<Blob>}
 */
async function downloadExample(example, label, fetchImpl, signal) {
  let response;
  try {
    response = await fetchImpl(example.url, { signal });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new Error(`The example image “${label}” could not be downloaded; check the connection and try again.`);
  }
  if (!response.ok) throw new Error(`The example image “${label}” could not be downloaded (HTTP ${response.status}).`);
  const blob = await response.blob();
  const subtle = globalThis.crypto?.subtle;
  if (example.sha256 && subtle) {
    const digest = new Uint8Array(await subtle.digest('SHA-256', await blob.arrayBuffer()));
    const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    if (hex !== example.sha256.toLowerCase()) {
      throw new Error(`The example image “${label}” is damaged (it does not match the site's manifest), so it was not used. ` +
        'Reload the page; if that does not help, the site needs to be published again.');
    }
  }
  return blob;
}

/**
 * The manifest entry's example images (artifacts of kind "example").
 * @param {import('./manifest.js').ModelEntry} info
 * @returns {ImageExample[]}
 */
export function exampleArtifacts(info) {
  const artifacts = /** @type {{kind: string, url: string, sha256?: string, bytes?: number, label?: string, name?: string}[]} */ (
    /** @type {unknown} */ (info.artifacts ?? []));
  return artifacts.filter((a) => a.kind === 'example' && typeof a.url === 'string')
    .map((a) => ({
      url: new URL(a.url, document.baseURI).href, sha256: a.sha256, bytes: a.bytes,
      // the builder names examples after their source ("astronaut_pair", "chelsea.png"); the URL is content-addressed
      label: a.label || (typeof a.name === 'string' ? nameFromUrl(a.name).replace(/_+/g, ' ').trim() : '') || undefined,
    }));
}
