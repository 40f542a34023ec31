import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { fetchManifest, findModel, findVariant, manifestUrl, resolveManifest } from '../../js_runtime/manifest.js';
import { REPO, manifestFiles, readJson } from './helpers.js';

const schema = readJson(path.join(REPO, 'builder/schemas/manifest.schema.json'));

describe('manifest schema', () => {
  // allowUnionTypes: the schema uses type: ["number", "string"] for example inputs.
  const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

  for (const { label, file } of manifestFiles()) {
    it(`${label} manifest validates against builder/schemas/manifest.schema.json`, () => {
      const ok = validate(readJson(file));
      assert.ok(ok, JSON.stringify(validate.errors, null, 1));
    });

    it(`${label} manifest points at files that exist, with matching sizes`, () => {
      const manifest = readJson(file);
      for (const model of manifest.models) {
        for (const v of model.variants) {
          const onnx = path.join(path.dirname(file), v.url);
          assert.equal(fs.statSync(onnx).size, v.bytes, onnx);
          assert.ok(fs.existsSync(path.join(path.dirname(file), v.fixtures)), v.fixtures);
        }
      }
    });
  }

  it('rejects a manifest that breaks the contract (the check is not vacuous)', () => {
    const manifest = readJson(manifestFiles()[0].file);
    manifest.models[0].variants[0].sha256 = 'xyz';
    assert.equal(validate(manifest), false);
  });
});

describe('manifest URLs', () => {
  it('finds the manifest under the site root, also on a sub-path', () => {
    assert.equal(manifestUrl('https://user.github.io/project/').href, 'https://user.github.io/project/models/manifest.json');
    assert.equal(manifestUrl(new URL('../../', 'https://h/p/vitrine/js_runtime/vitrine.js')).href, 'https://h/p/models/manifest.json');
  });

  it('resolves variant and fixture URLs against the manifest URL without mutating the input', () => {
    const raw = readJson(manifestFiles()[0].file);
    const before = JSON.stringify(raw);
    const m = resolveManifest(raw, 'https://h/p/models/manifest.json');
    const v = m.models[0].variants[0];
    assert.equal(v.url, `https://h/p/models/${raw.models[0].variants[0].url}`);
    assert.equal(v.fixtures, `https://h/p/models/${raw.models[0].variants[0].fixtures}`);
    assert.equal(JSON.stringify(raw), before);
  });

  it('rejects other schema versions and shapes', () => {
    assert.throws(() => resolveManifest({ schema_version: 2, models: [] }, 'https://h/'),
      { message: 'The model manifest has schema_version 2; this runtime reads version 1. Rebuild the site with a matching builder.' });
    assert.throws(() => resolveManifest({ schema_version: 1 }, 'https://h/'), { message: 'The model manifest has no "models" list.' });
  });
});

describe('fetchManifest', () => {
  const url = 'https://h/p/models/manifest.json';

  it('fetches and resolves', async () => {
    const raw = readJson(manifestFiles()[0].file);
    const m = await fetchManifest(url, async () => Response.json(raw));
    assert.ok(m.models[0].variants[0].url.startsWith('https://h/p/models/'));
  });

  it('reports HTTP errors, network errors and bad JSON', async () => {
    await assert.rejects(fetchManifest(url, async () => new Response('', { status: 404 })),
      { message: `The model manifest could not be downloaded (${url}): HTTP 404.` });
    await assert.rejects(fetchManifest(url, async () => { throw new TypeError('Failed to fetch'); }),
      { message: `The model manifest could not be downloaded (${url}): Failed to fetch.` });
    await assert.rejects(fetchManifest(url, async () => new Response('<html>')),
      { message: `The model manifest at ${url} is not valid JSON.` });
  });
});

describe('lookups', () => {
  const manifest = resolveManifest(readJson(manifestFiles()[0].file), 'https://h/models/manifest.json');
  const model = manifest.models[0];

  it('finds models and variants; "auto" is the default variant', () => {
    assert.equal(findModel(manifest, 'penguins-species'), model);
    assert.equal(findVariant(model, 'auto').name, model.default_variant);
    assert.equal(findVariant(model, model.variants[0].name), model.variants[0]);
  });

  it('lists the valid choices in errors', () => {
    assert.throws(() => findModel(manifest, 'nope'), { message: 'Unknown model "nope"; the manifest has: penguins-species.' });
    assert.throws(() => findModel({ ...manifest, models: [] }, 'nope'), { message: 'Unknown model "nope"; the manifest has: (no models).' });
    assert.throws(() => findVariant(model, 'int4'),
      { message: `Unknown variant "int4" for model "penguins-species"; its variants are: ${model.variants.map((v) => v.name).join(', ')} (or "auto").` });
    assert.throws(() => findVariant({ ...model, default_variant: 'gone' }, 'auto'),
      { message: 'Model "penguins-species" names default variant "gone", which it does not have; its variants are: fp32.' });
  });
});
