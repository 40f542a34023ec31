// Image preprocessing in the browser, equal to Python's builder/image_preprocess.py (the reference:
// its module docstring defines every step). Pure functions, no DOM, so Node tests them directly.
//
// Resizing is PIL's `Image.resize(size, BILINEAR, reducing_gap=None)` reimplemented from Pillow's
// src/libImaging/Resample.c: a triangle filter whose support grows with the downscale factor, pixel
// centres at i + 0.5, weights normalised per output pixel then turned into 22-bit fixed point,
// sums rounded and clipped to 0..255 after the horizontal pass and again after the vertical one.
// Doubles in JS and in PIL's C (SSE2, no FMA) round alike, so the output equals PIL's byte for byte.

/**
 * @typedef {object} ImageSpec the manifest's preprocessing spec for an image input
 * @property {'image'} [kind]
 * @property {string} [input] graph input name
 * @property {[number, number]} size [height, width] of the model input
 * @property {'center-crop'|'letterbox'|'stretch'} [fit] default "stretch"
 * @property {number} [resize] center-crop only: the shorter side becomes this first (default max(size))
 * @property {'NCHW'|'NHWC'} [layout] default "NCHW"
 * @property {'RGB'|'BGR'} [channels] default "RGB"
 * @property {number[]} [mean] default [0, 0, 0]
 * @property {number[]} [std] default [1, 1, 1]
 * @property {number[]} [background] transparent pixels and letterbox padding, default [255, 255, 255]
 */

/**
 * @typedef {object} NormalizedSpec ImageSpec with every default filled in
 * @property {[number, number]} size
 * @property {'center-crop'|'letterbox'|'stretch'} fit
 * @property {number} resize
 * @property {'NCHW'|'NHWC'} layout
 * @property {'RGB'|'BGR'} channels
 * @property {number[]} mean
 * @property {number[]} std
 * @property {number[]} background
 */

/**
 * @typedef {object} Pixels decoded pixels, as `getImageData` gives them
 * @property {number} width
 * @property {number} height
 * @property {Uint8ClampedArray|Uint8Array} data RGBA with straight alpha (4 bytes a pixel), or RGB (3)
 * @property {{width: number, height: number}} [original] the image's size before the decoder scaled it
 *   down (decodeImage sets it); geometry then maps to these pixels, the ones the visitor sees
 */

/**
 * @typedef {object} Geometry how model-input coordinates map back to the decoded image, in continuous
 *   pixel coordinates (pixel i spans [i, i+1]): original_x = model_x * scale_x + x, likewise y.
 * @property {number} scale equal to scale_x (the fits keep the aspect ratio up to rounding, except stretch)
 * @property {number} scale_x
 * @property {number} scale_y
 * @property {number} x
 * @property {number} y
 * @property {number} width image width (pixels.original's when given)
 * @property {number} height image height
 */

/**
 * @typedef {object} PreparedImage
 * @property {Float32Array} tensor batch of one, in the spec's layout
 * @property {number[]} dims [1, 3, H, W] or [1, H, W, 3]
 * @property {Geometry} geometry
 */

const FITS = ['center-crop', 'letterbox', 'stretch'];
const PRECISION_BITS = 32 - 8 - 2; // PIL's fixed point: 22 fractional bits
const ONE = 1 << PRECISION_BITS;
const HALF = 1 << (PRECISION_BITS - 1);

/** @param {unknown} v @returns {v is number} */
const isInt = (v) => typeof v === 'number' && Number.isInteger(v);

/**
 * @param {unknown} v
 * @param {string} name
 * @returns {number[]}
 */
function triple(v, name) {
  if (!Array.isArray(v) || v.length !== 3 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new Error(`preprocessing ${name} must be three numbers, got ${JSON.stringify(v)}`);
  }
  return v.map(Number);
}

/**
 * The spec with defaults filled in; throws naming the bad field (the same rules as Python's normalize_spec).
 * @param {ImageSpec} spec
 * @returns {NormalizedSpec}
 */
export function normalizeImageSpec(spec) {
  if (spec === null || typeof spec !== 'object') throw new Error('preprocessing spec must be an object');
  if (spec.kind !== undefined && spec.kind !== 'image') throw new Error(`preprocessing kind must be "image", got ${JSON.stringify(spec.kind)}`);
  const size = spec.size;
  if (!Array.isArray(size) || size.length !== 2 || !size.every((v) => isInt(v) && v > 0)) {
    throw new Error(`preprocessing size must be [height, width] of positive integers, got ${JSON.stringify(size)}`);
  }
  const fit = spec.fit ?? 'stretch';
  if (!FITS.includes(fit)) throw new Error(`preprocessing fit must be one of ${FITS.join(', ')}, got ${JSON.stringify(fit)}`);
  const layout = spec.layout ?? 'NCHW';
  if (layout !== 'NCHW' && layout !== 'NHWC') throw new Error(`preprocessing layout must be NCHW or NHWC, got ${JSON.stringify(layout)}`);
  const channels = spec.channels ?? 'RGB';
  if (channels !== 'RGB' && channels !== 'BGR') throw new Error(`preprocessing channels must be RGB or BGR, got ${JSON.stringify(channels)}`);
  const mean = triple(spec.mean ?? [0, 0, 0], 'mean');
  const std = triple(spec.std ?? [1, 1, 1], 'std');
  if (std.includes(0)) throw new Error('preprocessing std must not contain 0');
  const background = spec.background ?? [255, 255, 255];
  if (!Array.isArray(background) || background.length !== 3 || !background.every((v) => isInt(v) && v >= 0 && v <= 255)) {
    throw new Error(`preprocessing background must be three integers 0..255, got ${JSON.stringify(background)}`);
  }
  const big = Math.max(size[0], size[1]);
  const resize = spec.resize ?? big;
  if (fit === 'center-crop' && (!isInt(resize) || resize < big)) {
    throw new Error(`preprocessing resize must be an integer ≥ the larger of size ${JSON.stringify(size)}, got ${JSON.stringify(resize)}`);
  }
  return { size: [size[0], size[1]], fit, resize, layout, channels, mean, std, background };
}

/**
 * Size of a w×h image scaled to fit inside W×H (limited side exact, the other rounded half up, ≥ 1).
 * @param {number} w @param {number} h @param {number} W @param {number} H
 * @returns {[number, number]} [width, height]
 */
export function letterboxSize(w, h, W, H) {
  if (w * H >= h * W) return [W, Math.min(H, Math.max(1, Math.floor((2 * h * W + w) / (2 * w))))];
  return [Math.min(W, Math.max(1, Math.floor((2 * w * H + h) / (2 * h)))), H];
}

/**
 * Size of a w×h image whose shorter side becomes `resize` (the longer one rounded half up).
 * @param {number} w @param {number} h @param {number} resize
 * @returns {[number, number]} [width, height]
 */
export function shorterSideSize(w, h, resize) {
  if (w <= h) return [resize, Math.max(resize, Math.floor((2 * h * resize + w) / (2 * w)))];
  return [Math.max(resize, Math.floor((2 * w * resize + h) / (2 * h))), resize];
}

/**
 * PIL's precompute_coeffs + normalize_coeffs_8bpc for the BILINEAR filter over the whole input.
 * @param {number} inSize
 * @param {number} outSize
 * @returns {{ksize: number, bounds: Int32Array, weights: Int32Array}} per output pixel i: the first
 *   input index bounds[2i], the count bounds[2i+1], and fixed-point weights[i*ksize ...]
 */
export function bilinearCoefficients(inSize, outSize) {
  const scale = inSize / outSize;
  const filterscale = scale < 1 ? 1 : scale;
  const support = 1.0 * filterscale;
  const ksize = Math.ceil(support) * 2 + 1;
  const bounds = new Int32Array(outSize * 2);
  const weights = new Int32Array(outSize * ksize);
  const k = new Float64Array(ksize);
  const ss = 1.0 / filterscale;
  for (let xx = 0; xx < outSize; xx++) {
    const center = 0 + (xx + 0.5) * scale;
    let ww = 0.0;
    const xmin = Math.max(0, Math.trunc(center - support + 0.5));
    const xmax = Math.min(inSize, Math.trunc(center + support + 0.5)) - xmin;
    for (let x = 0; x < xmax; x++) {
      let t = (x + xmin - center + 0.5) * ss;
      if (t < 0) t = -t;
      const w = t < 1.0 ? 1.0 - t : 0.0;
      k[x] = w;
      ww += w;
    }
    for (let x = 0; x < xmax; x++) {
      const v = ww !== 0.0 ? k[x] / ww : k[x];
      // (int)(±0.5 + v * 2^22): truncation toward zero, as C's cast
      weights[xx * ksize + x] = v < 0 ? Math.trunc(-0.5 + v * ONE) : Math.trunc(0.5 + v * ONE);
    }
    bounds[xx * 2] = xmin;
    bounds[xx * 2 + 1] = xmax;
  }
  return { ksize, bounds, weights };
}

/** PIL's clip8: the fixed-point sum back to 0..255. @param {number} ss */
function clip8(ss) {
  const v = Math.floor(ss / ONE);
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/**
 * Resize RGB(A) pixels to outW×outH with PIL's bilinear, compositing over `background` first, and
 * return only the window [x0, x0+w) × [y0, y0+h) of the result as packed RGB. Every output pixel of
 * PIL's separable resample depends only on its own row and column coefficients, so computing a window
 * gives exactly the pixels PIL's full resize has there (a center crop then costs only what it keeps).
 * @param {Pixels} pixels
 * @param {number} outW
 * @param {number} outH
 * @param {number[]} background
 * @param {{x: number, y: number, width: number, height: number}} [window]
 * @returns {Uint8Array} window.width × window.height × 3
 */
export function resizeBilinear(pixels, outW, outH, background, window) {
  const { width: inW, height: inH } = pixels;
  const win = window ?? { x: 0, y: 0, width: outW, height: outH };
  const needH = outW !== inW;
  const needV = outH !== inH;
  const vert = bilinearCoefficients(inH, outH);
  // input rows the window's output rows read (PIL's ybox_first/ybox_last, for the window only)
  let y0 = inH;
  let y1 = 0;
  for (let yy = win.y; yy < win.y + win.height; yy++) {
    const first = needV ? vert.bounds[yy * 2] : yy;
    const count = needV ? vert.bounds[yy * 2 + 1] : 1;
    if (count > 0) {
      y0 = Math.min(y0, first);
      y1 = Math.max(y1, first + count);
    }
  }
  if (y1 < y0) y1 = y0;
  const rowRgb = new Uint8Array(inW * 3);
  const tmpW = win.width;
  const tmp = new Uint8Array(tmpW * (y1 - y0) * 3);
  const horiz = needH ? bilinearCoefficients(inW, outW) : null;
  // input columns the window's output columns read
  let x0 = win.x;
  let x1 = win.x + win.width;
  if (horiz !== null) {
    x0 = inW;
    x1 = 0;
    for (let xx = win.x; xx < win.x + win.width; xx++) {
      const n = horiz.bounds[xx * 2 + 1];
      if (n > 0) {
        x0 = Math.min(x0, horiz.bounds[xx * 2]);
        x1 = Math.max(x1, horiz.bounds[xx * 2] + n);
      }
    }
    if (x1 < x0) x1 = x0;
  }
  for (let y = y0; y < y1; y++) {
    compositeRow(pixels, y, x0, x1, background, rowRgb);
    const base = (y - y0) * tmpW * 3;
    if (horiz === null) {
      tmp.set(rowRgb.subarray(win.x * 3, (win.x + tmpW) * 3), base);
      continue;
    }
    const { ksize, bounds, weights } = horiz;
    for (let i = 0; i < tmpW; i++) {
      const xx = win.x + i;
      const xmin = bounds[xx * 2];
      const n = bounds[xx * 2 + 1];
      const kOff = xx * ksize;
      let s0 = HALF;
      let s1 = HALF;
      let s2 = HALF;
      for (let x = 0; x < n; x++) {
        const kw = weights[kOff + x];
        const p = (xmin + x) * 3;
        s0 += rowRgb[p] * kw;
        s1 += rowRgb[p + 1] * kw;
        s2 += rowRgb[p + 2] * kw;
      }
      const o = base + i * 3;
      tmp[o] = clip8(s0);
      tmp[o + 1] = clip8(s1);
      tmp[o + 2] = clip8(s2);
    }
  }
  const out = new Uint8Array(win.width * win.height * 3);
  const rowBytes = tmpW * 3;
  const acc = new Float64Array(rowBytes);
  for (let j = 0; j < win.height; j++) {
    const yy = win.y + j;
    if (!needV) {
      out.set(tmp.subarray((yy - y0) * rowBytes, (yy - y0 + 1) * rowBytes), j * rowBytes);
      continue;
    }
    const ymin = vert.bounds[yy * 2] - y0;
    const n = vert.bounds[yy * 2 + 1];
    const kOff = yy * vert.ksize;
    acc.fill(HALF); // whole rows at a time: reads tmp in order (same sums as PIL's per-pixel loop)
    for (let y = 0; y < n; y++) {
      const kw = vert.weights[kOff + y];
      const base = (ymin + y) * rowBytes;
      for (let c = 0; c < rowBytes; c++) acc[c] += tmp[base + c] * kw;
    }
    const o = j * rowBytes;
    for (let c = 0; c < rowBytes; c++) out[o + c] = clip8(acc[c]);
  }
  return out;
}

/**
 * Columns [x0, x1) of one input row as RGB over `background`: (c*a + bg*(255-a) + 127) // 255, as
 * Python's composite() (an opaque pixel keeps its value exactly).
 * @param {Pixels} pixels @param {number} y @param {number} x0 @param {number} x1
 * @param {number[]} background @param {Uint8Array} out written at columns x0..x1-1
 */
function compositeRow(pixels, y, x0, x1, background, out) {
  const { width, data } = pixels;
  if (data.length === width * pixels.height * 3) {
    out.set(data.subarray((y * width + x0) * 3, (y * width + x1) * 3), x0 * 3);
    return;
  }
  const b0 = background[0];
  const b1 = background[1];
  const b2 = background[2];
  for (let x = x0, p = (y * width + x0) * 4, o = x0 * 3; x < x1; x++, p += 4, o += 3) {
    const a = data[p + 3];
    if (a === 255) {
      out[o] = data[p];
      out[o + 1] = data[p + 1];
      out[o + 2] = data[p + 2];
    } else {
      const na = 255 - a;
      out[o] = ((data[p] * a + b0 * na + 127) / 255) | 0;
      out[o + 1] = ((data[p + 1] * a + b1 * na + 127) / 255) | 0;
      out[o + 2] = ((data[p + 2] * a + b2 * na + 127) / 255) | 0;
    }
  }
}

/**
 * Packed RGB → float32 tensor: (v/255 - mean[c]) / std[c] computed in doubles, stored as float32.
 * @param {Uint8Array} rgb H×W×3
 * @param {number} W @param {number} H
 * @param {NormalizedSpec} s
 * @returns {Float32Array}
 */
export function toTensor(rgb, W, H, s) {
  // output channel k reads source channel order[k] and is normalised with mean[k], std[k] (the
  // model's channel order, as Python's to_tensor)
  const order = s.channels === 'BGR' ? [2, 1, 0] : [0, 1, 2];
  const luts = order.map((src, k) => {
    const lut = new Float32Array(256);
    for (let v = 0; v < 256; v++) lut[v] = (v / 255 - s.mean[k]) / s.std[k];
    return { src, lut };
  });
  const n = W * H;
  const tensor = new Float32Array(n * 3);
  for (let k = 0; k < 3; k++) {
    const { src, lut } = luts[k];
    if (s.layout === 'NCHW') {
      const off = k * n;
      for (let i = 0; i < n; i++) tensor[off + i] = lut[rgb[i * 3 + src]];
    } else {
      for (let i = 0; i < n; i++) tensor[i * 3 + k] = lut[rgb[i * 3 + src]];
    }
  }
  return tensor;
}

/**
 * Decoded pixels → the model's input tensor, per the spec (see builder/image_preprocess.py).
 * @param {Pixels} pixels RGBA (straight alpha) or RGB
 * @param {ImageSpec} spec
 * @returns {PreparedImage}
 */
export function prepareImage(pixels, spec) {
  const s = normalizeImageSpec(spec);
  const { width: w, height: h, data } = pixels;
  if (!isInt(w) || !isInt(h) || w <= 0 || h <= 0) throw new Error('The image has no pixels (its width or height is 0).');
  if (data.length !== w * h * 4 && data.length !== w * h * 3) {
    throw new Error(`pixel data has ${data.length} bytes; a ${w}×${h} image needs ${w * h * 4} (RGBA) or ${w * h * 3} (RGB)`);
  }
  const [H, W] = s.size;
  /** @type {Uint8Array} */
  let rgb;
  let sx;
  let sy;
  let x = 0;
  let y = 0;
  if (s.fit === 'stretch') {
    rgb = resizeBilinear(pixels, W, H, s.background);
    sx = w / W;
    sy = h / H;
  } else if (s.fit === 'letterbox') {
    const [nw, nh] = letterboxSize(w, h, W, H);
    const px = Math.floor((W - nw) / 2);
    const py = Math.floor((H - nh) / 2);
    const inner = resizeBilinear(pixels, nw, nh, s.background);
    rgb = new Uint8Array(W * H * 3);
    for (let i = 0; i < W * H; i++) rgb.set(s.background, i * 3);
    for (let j = 0; j < nh; j++) rgb.set(inner.subarray(j * nw * 3, (j + 1) * nw * 3), ((py + j) * W + px) * 3);
    sx = w / nw;
    sy = h / nh;
    x = 0 - px * sx;
    y = 0 - py * sy;
  } else {
    const [rw, rh] = shorterSideSize(w, h, s.resize);
    const cx = Math.floor((rw - W) / 2);
    const cy = Math.floor((rh - H) / 2);
    rgb = resizeBilinear(pixels, rw, rh, s.background, { x: cx, y: cy, width: W, height: H });
    sx = w / rw;
    sy = h / rh;
    x = cx * sx;
    y = cy * sy;
  }
  const tensor = toTensor(rgb, W, H, s);
  const dims = s.layout === 'NCHW' ? [1, 3, H, W] : [1, H, W, 3];
  const original = pixels.original;
  if (original && (original.width !== w || original.height !== h)) {
    // decoded scaled down: map on to the full-size image
    const fx = original.width / w;
    const fy = original.height / h;
    sx *= fx;
    sy *= fy;
    x *= fx;
    y *= fy;
  }
  return { tensor, dims, geometry: { scale: sx, scale_x: sx, scale_y: sy, x, y, width: original?.width ?? w, height: original?.height ?? h } };
}
