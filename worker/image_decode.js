// Decoding a visitor's image into RGBA pixels, in the inference worker (or a page), with errors a
// visitor can act on. Python's builder/image_preprocess.decode is the reference it should agree with:
// EXIF orientation applied, colour profiles ignored, straight (not premultiplied) alpha.
//
// Large images: the header's width×height is read *before* decoding. Above `maxPixels` (default
// 40 megapixels) the image is decoded already scaled down (createImageBitmap's resizeWidth/
// resizeHeight, quality "high"), so the page never holds full-size RGBA for it, and the result says
// so in `notice`: that image is no longer the one Python would see, so results may differ slightly.
// `original` keeps the full size, and prepareImage's geometry maps to it. Refusing would turn away
// ordinary phone photos (48–200 megapixels); scaling costs them nothing a 224-pixel model could see.
// Only sizes above `maxSourcePixels` (default 250 megapixels; mostly decompression bombs: a tiny
// file that claims a huge image) are refused, with the size, the limit and what to do.

import { VitrineError } from './protocol.js';

/** Error code of every refusal here: the input is at fault, a retry with the same file cannot help. */
export const BAD_INPUT = 'bad-input';

const FORMATS = 'PNG, JPEG, GIF, WebP, BMP or AVIF';
const HEAD_BYTES = 256 * 1024;

/**
 * @typedef {object} DecodeLimits
 * @property {number} [maxPixels] decode larger images scaled down to this many pixels (default 40e6)
 * @property {number} [maxSourcePixels] refuse images larger than this outright (default 250e6)
 * @property {typeof fetch} [fetchImpl] used for URL inputs (default globalThis.fetch)
 * @property {AbortSignal} [signal] passed to fetch
 */

/**
 * @typedef {object} DecodedImage
 * @property {number} width
 * @property {number} height
 * @property {Uint8ClampedArray} data RGBA, straight alpha, row-major (as getImageData)
 * @property {string|null} format "png", "jpeg", "gif", "webp", "bmp", "avif"; null for an ImageBitmap input
 * @property {{width: number, height: number}} original size before any scaling down (after EXIF orientation)
 * @property {string} [notice] set when the image was scaled down: say it next to the result
 */

/**
 * Decode an image (Blob/File, ArrayBuffer or typed array, ImageBitmap, or URL) into RGBA pixels.
 * Refusals throw a VitrineError with code "bad-input" (or "download" for a URL that cannot be fetched)
 * and a message for the visitor.
 * @param {Blob|ArrayBuffer|ArrayBufferView|ImageBitmap|string} input
 * @param {DecodeLimits} [limits]
 * @returns {Promise<DecodedImage>}
 */
export async function decodeImage(input, limits = {}) {
  const maxPixels = limits.maxPixels ?? 40e6;
  const maxSourcePixels = limits.maxSourcePixels ?? 250e6;
  if (typeof ImageBitmap !== 'undefined' && input instanceof ImageBitmap) {
    return fromBitmap(input, null, { width: input.width, height: input.height }, maxPixels, undefined);
  }
  const blob = await toBlob(/** @type {Blob|ArrayBuffer|ArrayBufferView|string} */ (input), limits);
  if (blob.size === 0) throw bad('The file is empty (0 bytes), so there is no image in it. Choose the image file again.');
  let head = new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer());
  const format = sniffFormat(head);
  if (format === null) throw bad(notAnImage(head));
  let info = /** @type {HeaderInfo} */ (imageSize(head));
  if (info.width === null && blob.size > head.length && format === 'jpeg') {
    head = new Uint8Array(await blob.arrayBuffer()); // the frame header can follow large metadata
    info = /** @type {HeaderInfo} */ (imageSize(head));
  }
  const { width: w, height: h } = info;
  const name = format.toUpperCase();
  if (w === 0 || h === 0) throw bad(`This ${name} file says its image is ${w}×${h} pixels, so it has no pixels to use. Choose another image.`);
  /** @type {ImageBitmapOptions} */
  const options = { imageOrientation: 'from-image', premultiplyAlpha: 'none', colorSpaceConversion: 'none' };
  if (w !== null && h !== null) {
    if (w * h > maxSourcePixels) {
      throw bad(`This image is ${w}×${h} pixels (${mp(w * h)} megapixels); the most this page opens is ${mp(maxSourcePixels)} megapixels. `
        + 'Save a smaller copy of it (any photo editor can resize it) and try again.');
    }
    if (w * h > maxPixels) {
      // Decode it already scaled down. Chromium applies resizeWidth/Height to the oriented image, so
      // both are given only where we know the orientation; otherwise the width alone (the aspect ratio
      // is kept) and fromBitmap scales again if the sides turned out swapped.
      const [rw, rh] = fitPixels(w, h, maxPixels);
      Object.assign(options, info.orientationKnown ? { resizeWidth: rw, resizeHeight: rh } : { resizeWidth: Math.min(rw, rh) });
      options.resizeQuality = 'high';
    }
  }
  /** @type {ImageBitmap} */
  let bitmap;
  try {
    bitmap = await createImageBitmap(blob, options);
  } catch (e) {
    throw bad(`This ${name} file could not be decoded: it is probably damaged or incomplete (cut off during a download or copy). `
      + 'Open it in an image viewer to check, or use another copy.', e);
  }
  if (options.resizeWidth === undefined) return fromBitmap(bitmap, format, { width: bitmap.width, height: bitmap.height }, maxPixels, undefined);
  const original = info.orientationKnown || (bitmap.width >= bitmap.height) === (/** @type {number} */ (w) >= /** @type {number} */ (h))
    ? { width: /** @type {number} */ (w), height: /** @type {number} */ (h) }
    : { width: /** @type {number} */ (h), height: /** @type {number} */ (w) };
  return fromBitmap(bitmap, format, original, maxPixels, scaledNotice(original.width, original.height, bitmap.width, bitmap.height, maxPixels));
}

/**
 * Pixels of a bitmap, scaled down first if it is above the limit (a header we could not read).
 * @param {ImageBitmap} bitmap closed here unless the caller passed it in (format null)
 * @param {string|null} format
 * @param {{width: number, height: number}} original
 * @param {number} maxPixels
 * @param {string|undefined} notice
 * @returns {Promise<DecodedImage>}
 */
async function fromBitmap(bitmap, format, original, maxPixels, notice) {
  const ours = format !== null;
  let source = bitmap;
  try {
    if (source.width === 0 || source.height === 0) throw bad('The image has no pixels (its width or height is 0). Choose another image.');
    if (source.width * source.height > maxPixels) {
      const [rw, rh] = fitPixels(source.width, source.height, maxPixels);
      source = await createImageBitmap(bitmap, { resizeWidth: rw, resizeHeight: rh, resizeQuality: 'high' });
      notice = scaledNotice(original.width, original.height, rw, rh, maxPixels);
    }
    const { width, height } = source;
    let data;
    try {
      const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
      if (ctx === null) throw new Error('no 2d context');
      ctx.drawImage(source, 0, 0);
      data = ctx.getImageData(0, 0, width, height).data;
    } catch (e) {
      throw bad(`This browser could not read the pixels of this ${width}×${height} image (it may be short of memory). `
        + 'Close other tabs, or try a smaller copy of the image.', e);
    }
    /** @type {DecodedImage} */
    const out = { width, height, data, format, original };
    if (notice !== undefined) out.notice = notice;
    return out;
  } finally {
    if (source !== bitmap) source.close();
    if (ours) bitmap.close();
  }
}

/**
 * @param {Blob|ArrayBuffer|ArrayBufferView|string} input
 * @param {DecodeLimits} limits
 * @returns {Promise<Blob>}
 */
async function toBlob(input, limits) {
  if (input instanceof Blob) return input;
  if (input instanceof ArrayBuffer) return new Blob([input]);
  if (ArrayBuffer.isView(input)) return new Blob([new Uint8Array(input.buffer, input.byteOffset, input.byteLength).slice()]);
  if (typeof input === 'string') {
    const fetchImpl = limits.fetchImpl ?? globalThis.fetch;
    let response;
    try {
      response = await fetchImpl(input, limits.signal ? { signal: limits.signal } : undefined);
    } catch (e) {
      if (e instanceof Error && e.name === 'AbortError') throw e;
      throw new VitrineError('download', `The image could not be downloaded from ${input}: check the connection and try again.`);
    }
    if (!response.ok) throw new VitrineError('download', `The image could not be downloaded from ${input} (HTTP ${response.status}).`);
    return response.blob();
  }
  throw bad(`Expected an image file, got ${input === null ? 'null' : typeof input}.`);
}

/**
 * The largest size with the same aspect ratio and at most `maxPixels` pixels (each side ≥ 1).
 * @param {number} w @param {number} h @param {number} maxPixels
 * @returns {[number, number]}
 */
export function fitPixels(w, h, maxPixels) {
  const f = Math.sqrt(maxPixels / (w * h));
  const rw = Math.max(1, Math.floor(w * f));
  const rh = Math.max(1, Math.floor(h * f));
  if (rw * rh <= maxPixels) return [rw, rh];
  // a one-pixel-thin side was rounded up to 1: the other gets the whole budget
  return rh === 1 ? [Math.max(1, Math.floor(maxPixels)), 1] : [1, Math.max(1, Math.floor(maxPixels))];
}

/** @param {number} w @param {number} h @param {number} rw @param {number} rh @param {number} maxPixels */
function scaledNotice(w, h, rw, rh, maxPixels) {
  return `The image was scaled down from ${w}×${h} to ${rw}×${rh} pixels (this page decodes at most ${mp(maxPixels)} megapixels) `
    + "before the model saw it; results may differ slightly from Python's.";
}

/** @param {number} n */
const mp = (n) => String(Math.round(n / 1e5) / 10);

/**
 * @param {string} message
 * @param {unknown} [cause]
 */
function bad(message, cause) {
  const e = new VitrineError(BAD_INPUT, message);
  if (cause !== undefined) e.cause = cause;
  return e;
}

/**
 * Why bytes that are not one of our image formats were refused, naming what they look like.
 * @param {Uint8Array} b
 * @returns {string}
 */
export function notAnImage(b) {
  const ascii = (/** @type {number} */ from, /** @type {number} */ n) => String.fromCharCode(...b.subarray(from, from + n));
  const expected = `Choose a ${FORMATS} image.`;
  if (ascii(4, 4) === 'ftyp' && /^(heic|heix|hevc|heim|heis|mif1|msf1)/.test(ascii(8, 4))) {
    return `This is a HEIC/HEIF photo, which this browser cannot decode. Export it as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible) and try again.`;
  }
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return `This is a TIFF image, which browsers cannot decode. Save it as PNG or JPEG and try again.`;
  if (ascii(0, 5) === '%PDF-') return `This is a PDF document, not an image. ${expected}`;
  if (ascii(0, 4) === 'PK\x03\x04') return `This is a ZIP archive (or an Office document), not an image. ${expected}`;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 1024));
  if (/<svg[\s>]/i.test(text)) return `This is an SVG drawing, which cannot be decoded here. Save it as PNG and try again.`;
  const printable = text.replace(/[^\t\n\r\x20-\x7e\u00a0-\uffff]/g, '').length;
  if (!text.includes('\ufffd') && printable >= text.length * 0.95) return `This file contains text, not an image. ${expected}`;
  return `This file is not an image this page can read. ${expected}`;
}

// ---- Reading the size from the file header, before any decoding ----

/**
 * The image format from the first bytes ("magic numbers"), or null when it is none we decode.
 * @param {Uint8Array} b
 * @returns {'png'|'jpeg'|'gif'|'webp'|'bmp'|'avif'|null}
 */
export function sniffFormat(b) {
  const at = (/** @type {number} */ i, /** @type {string} */ s) => [...s].every((c, k) => b[i + k] === c.charCodeAt(0));
  if (at(0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (at(0, 'GIF87a') || at(0, 'GIF89a')) return 'gif';
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'webp';
  if (at(0, 'BM') && b.length >= 26) return 'bmp';
  if (at(4, 'ftyp') && (at(8, 'avif') || at(8, 'avis') || findBrand(b, 'avif'))) return 'avif';
  return null;
}

/**
 * Whether an ISO-BMFF `ftyp` box lists `brand` among its compatible brands.
 * @param {Uint8Array} b @param {string} brand
 */
function findBrand(b, brand) {
  const size = be32(b, 0);
  for (let i = 16; i + 4 <= Math.min(size, b.length); i += 4) {
    if (String.fromCharCode(b[i], b[i + 1], b[i + 2], b[i + 3]) === brand) return true;
  }
  return false;
}

/** @param {Uint8Array} b @param {number} i */
const be16 = (b, i) => (b[i] << 8) | b[i + 1];
/** @param {Uint8Array} b @param {number} i */
const le16 = (b, i) => b[i] | (b[i + 1] << 8);
/** @param {Uint8Array} b @param {number} i */
const be32 = (b, i) => ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
/** @param {Uint8Array} b @param {number} i */
const le32 = (b, i) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + ((b[i + 3] << 24) >>> 0);

/**
 * @typedef {object} HeaderInfo
 * @property {'png'|'jpeg'|'gif'|'webp'|'bmp'|'avif'} format
 * @property {number|null} width as displayed (JPEG: after EXIF orientation); null when the bytes given do not tell
 * @property {number|null} height
 * @property {number} orientation EXIF orientation 1..8 that Chromium applies (JPEG, PNG eXIf); 1 elsewhere
 * @property {boolean} orientationKnown false where the file may carry a rotation not read here (AVIF)
 */

/**
 * Width and height from an image file's header, without decoding it: PNG IHDR, JPEG SOFn (+ EXIF
 * orientation), GIF logical screen, WebP VP8/VP8L/VP8X, BMP info header, AVIF `ispe`. Returns null
 * when the bytes are not one of those formats.
 * @param {Uint8Array|ArrayBuffer} bytes the file, or at least its first few kilobytes
 * @returns {HeaderInfo|null}
 */
export function imageSize(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const format = sniffFormat(b);
  if (format === null) return null;
  /** @type {[number, number]|null} */
  let size = null;
  let orientation = 1;
  let known = format !== 'avif'; // GIF, BMP: no orientation; WebP: Chromium ignores its EXIF orientation
  const has = (/** @type {number} */ n) => b.length >= n;
  if (format === 'png') {
    if (has(24) && String.fromCharCode(b[12], b[13], b[14], b[15]) === 'IHDR') {
      const png = pngOrientation(b);
      orientation = png ?? 1;
      known = png !== null;
      size = orientation >= 5 ? [be32(b, 20), be32(b, 16)] : [be32(b, 16), be32(b, 20)];
    }
  } else if (format === 'gif') {
    if (has(10)) size = [le16(b, 6), le16(b, 8)];
  } else if (format === 'bmp') {
    const header = le32(b, 14);
    if (header === 12) size = [le16(b, 18), le16(b, 20)];
    else if (has(26)) size = [Math.abs(le32(b, 18) | 0), Math.abs(le32(b, 22) | 0)];
  } else if (format === 'webp') {
    const chunk = String.fromCharCode(b[12], b[13], b[14], b[15]);
    if (chunk === 'VP8 ' && has(30) && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
      size = [le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff];
    } else if (chunk === 'VP8L' && has(25) && b[20] === 0x2f) {
      const bits = le32(b, 21);
      size = [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1];
    } else if (chunk === 'VP8X' && has(30)) {
      size = [(b[24] | (b[25] << 8) | (b[26] << 16)) + 1, (b[27] | (b[28] << 8) | (b[29] << 16)) + 1];
    }
  } else if (format === 'jpeg') {
    const jpeg = jpegSize(b);
    known = jpeg !== null;
    if (jpeg !== null) {
      orientation = jpeg.orientation;
      size = orientation >= 5 ? [jpeg.height, jpeg.width] : [jpeg.width, jpeg.height];
    }
  } else {
    const i = indexOf(b, 'ispe');
    if (i >= 4 && has(i + 16)) size = [be32(b, i + 8), be32(b, i + 12)];
  }
  return { format, width: size ? size[0] : null, height: size ? size[1] : null, orientation, orientationKnown: known };
}

/**
 * Walk a JPEG's segments up to the first frame header (SOF0..SOF15 but DHT/JPG/DAC).
 * @param {Uint8Array} b
 * @returns {{width: number, height: number, orientation: number}|null}
 */
function jpegSize(b) {
  let orientation = 1;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null; // lost sync: damaged
    const marker = b[i + 1];
    if (marker === 0xff) { i += 1; continue; } // fill byte
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { i += 2; continue; }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / scan before any frame header
    const length = be16(b, i + 2);
    if (length < 2) return null;
    const body = i + 4;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (body + 5 > b.length) return null;
      return { height: be16(b, body + 1), width: be16(b, body + 3), orientation };
    }
    const end = Math.min(b.length, i + 2 + length);
    if (marker === 0xe1 && orientation === 1 && end - body >= 6 && String.fromCharCode(...b.subarray(body, body + 6)) === 'Exif\0\0') {
      orientation = exifOrientation(b, body + 6, end);
    }
    i += 2 + length;
  }
  return null;
}

/**
 * The orientation in a PNG's eXIf chunk (1 without one), or null when the bytes end before the image data.
 * @param {Uint8Array} b
 * @returns {number|null}
 */
function pngOrientation(b) {
  for (let i = 8; i + 8 <= b.length;) {
    const length = be32(b, i);
    const type = String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
    if (type === 'IDAT' || type === 'IEND') return 1;
    if (type === 'eXIf') return i + 8 + length <= b.length ? exifOrientation(b, i + 8, i + 8 + length) : null;
    i += 12 + length;
  }
  return null;
}

/**
 * The EXIF orientation tag (0x0112) of IFD0 in a TIFF structure at [t, end), or 1.
 * @param {Uint8Array} b @param {number} t @param {number} end
 */
function exifOrientation(b, t, end) {
  if (end - t < 8) return 1;
  const little = b[t] === 0x49 && b[t + 1] === 0x49;
  if (!little && !(b[t] === 0x4d && b[t + 1] === 0x4d)) return 1;
  const u16 = (/** @type {number} */ i) => (little ? le16(b, i) : be16(b, i));
  const u32 = (/** @type {number} */ i) => (little ? le32(b, i) : be32(b, i));
  const ifd = t + u32(t + 4);
  if (ifd + 2 > end) return 1;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > end) return 1;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

/** @param {Uint8Array} b @param {string} s */
function indexOf(b, s) {
  const codes = [...s].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + codes.length <= b.length; i++) {
    for (let k = 0; k < codes.length; k++) if (b[i + k] !== codes[k]) continue outer;
    return i;
  }
  return -1;
}
