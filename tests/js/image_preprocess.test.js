// worker/image_preprocess.js (PIL's bilinear, fits, tensors) and the pure parts of worker/image_decode.js
// (header sizes, format sniffing, refusals that happen before any decoding). The browser test
// (tests/browser/test_image_preprocess.py) checks the whole path against Python on real photos.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bilinearCoefficients, letterboxSize, normalizeImageSpec, prepareImage, resizeBilinear, shorterSideSize,
} from '../../worker/image_preprocess.js';
import { decodeImage, fitPixels, imageSize, notAnImage, sniffFormat } from '../../worker/image_decode.js';

/** Grey RGB pixels from rows of levels. @param {number[][]} rows */
function grey(rows) {
  const height = rows.length;
  const width = rows[0].length;
  const data = new Uint8Array(width * height * 3);
  rows.flat().forEach((v, i) => data.fill(v, i * 3, i * 3 + 3));
  return { width, height, data };
}

/** First channel of packed RGB, as rows. @param {Uint8Array} rgb @param {number} w */
function rowsOf(rgb, w) {
  const out = [];
  for (let i = 0; i < rgb.length / 3; i += w) out.push([...Array(w).keys()].map((k) => rgb[(i + k) * 3]));
  return out;
}

const WHITE = [255, 255, 255];
/** @param {number[][]} rows @param {number} w @param {number} h */
const resized = (rows, w, h) => rowsOf(resizeBilinear(grey(rows), w, h, WHITE), w);

describe('resizeBilinear equals PIL', () => {
  // Expected values from Pillow 13: Image.resize((w, h), BILINEAR, reducing_gap=None), width then height.
  it('downscales with a widened (antialiasing) triangle filter', () => {
    assert.deepEqual(resized([[0, 255]], 1, 1), [[128]]);
    assert.deepEqual(resized([[0, 100, 200, 255]], 2, 1), [[71, 209]]);
    assert.deepEqual(resized([[10, 20, 30, 40, 50, 60, 70]], 3, 1), [[19, 40, 61]]);
    assert.deepEqual(resized([[0, 255, 0, 255, 0, 255, 0, 255, 0, 255]], 3, 1), [[121, 128, 134]]);
    assert.deepEqual(resized([[0], [255], [0], [255], [0]], 1, 2), [[116], [116]]);
  });

  it('upscales with pixel centres at i + 0.5', () => {
    assert.deepEqual(resized([[0, 255]], 5, 1), [[0, 25, 128, 230, 255]]);
    assert.deepEqual(resized([[0, 50], [200, 255]], 3, 3), [[0, 25, 50], [100, 127, 153], [200, 228, 255]]);
  });

  it('resizes both ways, horizontal pass first', () => {
    const rows = [0, 1, 2, 3, 4].map((y) => [0, 1, 2, 3, 4].map((x) => (y * 5 + x) * 10));
    assert.deepEqual(resized(rows, 2, 3), [[31, 51], [110, 130], [189, 209]]);
  });

  it('computes a window exactly as the same pixels of the full resize', () => {
    const rows = [...Array(23).keys()].map((y) => [...Array(31).keys()].map((x) => (x * 37 + y * 91) % 256));
    const full = resized(rows, 17, 40);
    const win = rowsOf(resizeBilinear(grey(rows), 17, 40, WHITE, { x: 5, y: 11, width: 7, height: 9 }), 7);
    assert.deepEqual(win, full.slice(11, 20).map((r) => r.slice(5, 12)));
  });

  it('normalises the fixed-point weights of every output pixel to about 2^22', () => {
    for (const [inSize, outSize] of [[1000, 7], [7, 1000], [225, 224], [1, 256]]) {
      const { ksize, bounds, weights } = bilinearCoefficients(inSize, outSize);
      for (let i = 0; i < outSize; i++) {
        const n = bounds[i * 2 + 1];
        assert.ok(bounds[i * 2] >= 0 && bounds[i * 2] + n <= inSize && n <= ksize);
        const sum = weights.slice(i * ksize, i * ksize + n).reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(sum - 2 ** 22) <= n, `${inSize}→${outSize} pixel ${i}: ${sum}`);
      }
    }
  });
});

describe('prepareImage', () => {
  // 3×2 RGBA with half and fully transparent pixels; expected levels from builder.image_preprocess.prepare
  const rgba = {
    width: 3,
    height: 2,
    data: new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 255, 200, 100, 50, 255, 0, 0, 0, 64]),
  };
  const levels = (/** @type {Float32Array} */ t) => [...t].map((v) => Math.round(v * 255));

  it('letterboxes (composited first, padded with the background) like Python', () => {
    const p = prepareImage(rgba, { size: [4, 4], fit: 'letterbox', layout: 'NHWC' });
    assert.deepEqual(p.dims, [1, 4, 4, 3]);
    assert.deepEqual(levels(p.tensor), [
      [[255, 0, 0], [175, 159, 79], [175, 255, 175], [255, 255, 255]],
      [[133, 10, 15], [152, 115, 61], [186, 195, 139], [223, 223, 223]],
      [[10, 20, 30], [129, 70, 43], [197, 134, 103], [191, 191, 191]],
      [[255, 255, 255], [255, 255, 255], [255, 255, 255], [255, 255, 255]]].flat(2));
    assert.deepEqual(p.geometry, { scale: 0.75, scale_x: 0.75, scale_y: 2 / 3, x: 0, y: 0, width: 3, height: 2 });
  });

  it('center-crops in NCHW like Python', () => {
    const p = prepareImage(rgba, { size: [2, 2], fit: 'center-crop', resize: 3, background: [0, 0, 0] });
    assert.deepEqual(p.dims, [1, 3, 2, 2]);
    assert.deepEqual(levels(p.tensor), [[[153, 0], [120, 100]], [[51, 128], [52, 114]], [[0, 0], [19, 25]]].flat(2));
    assert.deepEqual(p.geometry, { scale: 0.6, scale_x: 0.6, scale_y: 2 / 3, x: 0.6, y: 0, width: 3, height: 2 });
  });

  it('normalises in doubles and stores float32, in either channel order', () => {
    const px = { width: 1, height: 1, data: new Uint8ClampedArray([0, 128, 255, 255]) };
    const spec = { size: /** @type {[number, number]} */ ([1, 1]), mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] };
    const rgb = prepareImage(px, spec).tensor;
    assert.deepEqual([...rgb], [Math.fround((0 - 0.485) / 0.229), Math.fround((128 / 255 - 0.456) / 0.224), Math.fround((1 - 0.406) / 0.225)]);
    const bgr = prepareImage(px, { ...spec, channels: 'BGR' }).tensor;
    assert.deepEqual([...bgr], [Math.fround((1 - 0.485) / 0.229), Math.fround((128 / 255 - 0.456) / 0.224), Math.fround((0 - 0.406) / 0.225)]);
  });

  it('fills any model size from a 1×1 image', () => {
    const px = { width: 1, height: 1, data: new Uint8ClampedArray([10, 200, 30, 255]) };
    for (const fit of /** @type {const} */ (['center-crop', 'letterbox', 'stretch'])) {
      const p = prepareImage(px, { size: [224, 224], fit, resize: 256 });
      assert.equal(p.tensor.length, 3 * 224 * 224);
      assert.deepEqual(new Set(levels(p.tensor)), new Set([10, 200, 30]));
    }
  });

  it('uses the same rounding as Python for resized sizes', () => {
    assert.deepEqual(shorterSideSize(451, 300, 256), [385, 256]);
    assert.deepEqual(shorterSideSize(5, 2, 1), [3, 1]);
    assert.deepEqual(letterboxSize(1000, 37, 128, 128), [128, 5]);
    assert.deepEqual(letterboxSize(1, 1000, 128, 128), [1, 128]);
  });

  it('refuses bad specs and pixel buffers, naming what is wrong', () => {
    const px = { width: 2, height: 2, data: new Uint8ClampedArray(16) };
    assert.throws(() => prepareImage(px, /** @type {any} */ ({ size: [224], fit: 'stretch' })), /size must be \[height, width\]/);
    assert.throws(() => prepareImage(px, /** @type {any} */ ({ size: [4, 4], fit: 'cover' })), /fit must be one of/);
    assert.throws(() => prepareImage(px, { size: [224, 224], fit: 'center-crop', resize: 200 }), /resize must be an integer ≥/);
    assert.throws(() => prepareImage({ ...px, data: new Uint8ClampedArray(15) }, { size: [4, 4] }), /needs 16 \(RGBA\)/);
    assert.throws(() => prepareImage({ ...px, width: 0 }, { size: [4, 4] }), /no pixels/);
    assert.equal(normalizeImageSpec({ size: [8, 8], fit: 'center-crop' }).resize, 8);
  });
});

// ---- hand-made file headers ----

/** @param {...(number|string|number[])} parts bytes, latin-1 strings or byte arrays */
function bytes(...parts) {
  /** @type {number[]} */
  const out = [];
  for (const p of parts) {
    if (typeof p === 'string') out.push(...[...p].map((c) => c.charCodeAt(0)));
    else if (Array.isArray(p)) out.push(...p);
    else out.push(p);
  }
  return new Uint8Array(out);
}
const be32 = (/** @type {number} */ v) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const be16 = (/** @type {number} */ v) => [(v >> 8) & 255, v & 255];
const le16 = (/** @type {number} */ v) => [v & 255, (v >> 8) & 255];
const le24 = (/** @type {number} */ v) => [v & 255, (v >> 8) & 255, (v >> 16) & 255];
const le32 = (/** @type {number} */ v) => [v & 255, (v >> 8) & 255, (v >> 16) & 255, (v >>> 24) & 255];

const PNG_SIG = '\x89PNG\r\n\x1a\n';
/** @param {number} w @param {number} h @param {number[]} [extra] chunks after IHDR */
const png = (w, h, extra = []) => bytes(PNG_SIG, be32(13), 'IHDR', be32(w), be32(h), [8, 6, 0, 0, 0], be32(0), extra, be32(0), 'IDAT');
/** An EXIF TIFF block (big-endian) with only the orientation tag. @param {number} o */
const tiff = (o) => bytes('MM', [0, 42], be32(8), be16(1), be16(0x0112), be16(3), be32(1), be16(o), [0, 0], be32(0));
/** @param {number} w @param {number} h @param {number} [orientation] */
function jpeg(w, h, orientation) {
  const app0 = bytes([0xff, 0xe0], be16(16), 'JFIF\0', [1, 1, 0], be16(1), be16(1), [0, 0]);
  const exif = orientation ? [...tiff(orientation)] : [];
  const app1 = orientation ? bytes([0xff, 0xe1], be16(2 + 6 + exif.length), 'Exif\0\0', exif) : bytes();
  const sof = bytes([0xff, 0xc2], be16(17), 8, be16(h), be16(w), 3, [1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return bytes([0xff, 0xd8], [...app0], [...app1], [...sof], [0xff, 0xda]);
}

describe('imageSize reads the size from the header', () => {
  it('PNG (IHDR), with an eXIf orientation that swaps the sides', () => {
    assert.deepEqual(imageSize(png(8000, 6400)), { format: 'png', width: 8000, height: 6400, orientation: 1, orientationKnown: true });
    const exif = [...tiff(6)];
    const rotated = png(30, 20, [...be32(exif.length), ...bytes('eXIf'), ...exif, ...be32(0)]);
    assert.deepEqual(imageSize(rotated), { format: 'png', width: 20, height: 30, orientation: 6, orientationKnown: true });
    assert.equal(imageSize(png(3, 2).subarray(0, 20))?.width, null); // cut inside IHDR
  });

  it('JPEG (SOFn after APP segments), with EXIF orientation', () => {
    assert.deepEqual(imageSize(jpeg(640, 427)), { format: 'jpeg', width: 640, height: 427, orientation: 1, orientationKnown: true });
    assert.deepEqual(imageSize(jpeg(640, 427, 6)), { format: 'jpeg', width: 427, height: 640, orientation: 6, orientationKnown: true });
    assert.deepEqual(imageSize(jpeg(640, 427, 3))?.width, 640);
    assert.equal(imageSize(jpeg(640, 427).subarray(0, 25))?.width, null); // the frame header is not in these bytes
  });

  it('GIF, BMP (bottom-up and top-down)', () => {
    assert.deepEqual(imageSize(bytes('GIF89a', le16(451), le16(300), [0, 0, 0]))?.width, 451);
    assert.deepEqual(imageSize(bytes('GIF87a', le16(1), le16(1), [0, 0, 0]))?.height, 1);
    const bmp = (/** @type {number} */ h) => bytes('BM', le32(0), le32(0), le32(54), le32(40), le32(97), le32(h), [1, 0, 24, 0]);
    assert.deepEqual([imageSize(bmp(301))?.width, imageSize(bmp(301))?.height], [97, 301]);
    assert.equal(imageSize(bmp(-301))?.height, 301);
  });

  it('WebP: lossy VP8, lossless VP8L, extended VP8X', () => {
    const riff = (/** @type {Uint8Array} */ chunk) => bytes('RIFF', le32(4 + chunk.length), 'WEBP', [...chunk]);
    const vp8 = riff(bytes('VP8 ', le32(10), [0, 0, 0], [0x9d, 0x01, 0x2a], le16(1000), le16(37)));
    const bits = (97 - 1) | ((301 - 1) << 14);
    const vp8l = riff(bytes('VP8L', le32(5), 0x2f, le32(bits)));
    const vp8x = riff(bytes('VP8X', le32(10), [0, 0, 0, 0], le24(8000 - 1), le24(6400 - 1)));
    assert.deepEqual([imageSize(vp8)?.width, imageSize(vp8)?.height], [1000, 37]);
    assert.deepEqual([imageSize(vp8l)?.width, imageSize(vp8l)?.height], [97, 301]);
    assert.deepEqual([imageSize(vp8x)?.width, imageSize(vp8x)?.height], [8000, 6400]);
  });

  it('AVIF (ispe), whose rotation is not read', () => {
    const avif = bytes(be32(20), 'ftypavif', be32(0), 'mif1', be32(20), 'ispe', be32(0), be32(451), be32(300));
    assert.deepEqual(imageSize(avif), { format: 'avif', width: 451, height: 300, orientation: 1, orientationKnown: false });
  });

  it('returns null for what is not an image', () => {
    assert.equal(imageSize(bytes('hello, world')), null);
    assert.equal(sniffFormat(bytes('%PDF-1.7')), null);
  });
});

describe('non-images are named', () => {
  it('says what the file looks like', () => {
    assert.match(notAnImage(bytes('hello, this is text\n')), /contains text, not an image/);
    assert.match(notAnImage(bytes('%PDF-1.7\n')), /PDF document/);
    assert.match(notAnImage(bytes(be32(24), 'ftypheic')), /HEIC\/HEIF photo/);
    assert.match(notAnImage(bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">')), /SVG drawing/);
    assert.match(notAnImage(bytes([0, 1, 2, 3, 0xfe, 0xfd, 0x80, 0x81])), /not an image this page can read/);
  });
});

describe('decodeImage refuses before decoding', () => {
  /** @param {Promise<unknown>} promise @param {RegExp} message @param {string} [code] */
  async function refused(promise, message, code = 'bad-input') {
    await assert.rejects(promise, (/** @type {any} */ e) => {
      assert.equal(e.code, code);
      assert.match(e.message, message);
      return true;
    });
  }

  it('an empty file', () => refused(decodeImage(new Blob([])), /The file is empty/));
  it('a text file named .png', () => refused(decodeImage(new TextEncoder().encode('not a picture at all\n').buffer), /contains text/));
  it('an image with no pixels', () => refused(decodeImage(new Blob([png(0, 10)])), /0×10 pixels, so it has no pixels/));
  it('an absurdly large image, saying the size, the limit and what to do', () => refused(
    decodeImage(png(100000, 100000)), /100000×100000 pixels \(10000 megapixels\); the most this page opens is 250 megapixels\. Save a smaller copy/));
  it('a URL that cannot be downloaded', () => refused(
    decodeImage('https://example.invalid/cat.jpg', { fetchImpl: async () => new Response('', { status: 404 }) }), /HTTP 404/, 'download'));
  it('something that is not a file', () => refused(decodeImage(/** @type {any} */ (42)), /Expected an image file/));

  it('scales to at most maxPixels, keeping the aspect ratio', () => {
    const [w, h] = fitPixels(8000, 6400, 40e6);
    assert.ok(w * h <= 40e6 && w * h > 39.9e6);
    assert.ok(Math.abs(w / h - 1.25) < 1e-3);
    assert.deepEqual(fitPixels(1e6, 1, 100), [100, 1]);
  });
});
