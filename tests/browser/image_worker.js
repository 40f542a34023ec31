// Test-only module worker for tests/browser/test_image_preprocess.py: decodes an image the way the
// inference worker does (worker/image_decode.js), prepares it for each spec (worker/image_preprocess.js)
// and answers with the tensors as base64 float32 bytes, so Python can compare them with its reference.
import { decodeImage } from '../../worker/image_decode.js';
import { prepareImage } from '../../worker/image_preprocess.js';

/** @param {Uint8Array} bytes */
function base64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * The same file as each input kind decodeImage accepts.
 * @param {string} url @param {'url'|'blob'|'buffer'|'bitmap'} as
 */
async function input(url, as) {
  if (as === 'url') return url;
  const blob = await (await fetch(url)).blob();
  if (as === 'blob') return blob;
  if (as === 'buffer') return blob.arrayBuffer();
  return createImageBitmap(blob, { imageOrientation: 'from-image', premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
}

self.onmessage = async ({ data: { id, url, as = 'url', specs, limits } }) => {
  try {
    const image = await decodeImage(await input(url, as), limits ?? {});
    const results = specs.map((/** @type {any} */ spec) => {
      const { tensor, dims, geometry } = prepareImage(image, spec);
      return { dims, geometry, tensor: base64(new Uint8Array(tensor.buffer)) };
    });
    self.postMessage({
      id, ok: true, width: image.width, height: image.height, original: image.original, notice: image.notice ?? null, format: image.format, results,
    });
  } catch (e) {
    const err = /** @type {any} */ (e);
    self.postMessage({ id, ok: false, code: err?.code ?? null, message: String(err?.message ?? err) });
  }
};
