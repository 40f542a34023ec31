import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { fetchManifest, findModel, findVariant, loadManifest, loadValidator, manifestUrl, resolveManifest } from '../../js_runtime/manifest.js';
import { REPO, manifestFiles, readJson, tabularManifest } from './helpers.js';

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
    const manifest = tabularManifest();
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
    const raw = tabularManifest();
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

describe('files the manifest names stay inside the site\'s models folder', () => {
  const url = 'https://h/p/models/manifest.json';
  const outside = [
    'http://evil.example/x.onnx',
    '//evil.example/x.onnx',
    'https://h/other/models/x.onnx', // same origin, outside models/
    '../x.onnx',
    '/x.onnx',
    'penguins/../../x.onnx',
    'https://user:pw@h/p/models/x.onnx',
    'http://h/p/models/x.onnx', // another scheme
    'https://h:8443/p/models/x.onnx', // another port
    'data:application/octet-stream;base64,AAAA',
    'javascript:alert(1)',
    'file:///etc/passwd',
    './', // the folder itself
  ];

  /**
   * The manifest fetched through a spy: every URL requested, and the error (or null).
   * @param {(m: any) => void} damage
   */
  async function fetchDamaged(damage) {
    const raw = tabularManifest();
    damage(raw);
    /** @type {string[]} */
    const requested = [];
    try {
      await fetchManifest(url, async (u) => { requested.push(String(u)); return Response.json(raw); });
      return { requested, error: null };
    } catch (e) {
      return { requested, error: /** @type {Error} */ (e) };
    }
  }

  for (const bad of outside) {
    it(`refuses variant url ${JSON.stringify(bad)} before anything but the manifest is requested`, async () => {
      const { requested, error } = await fetchDamaged((m) => { m.models[0].variants[0].url = bad; });
      assert.deepEqual(requested, [url]);
      assert.equal(error?.message, 'The model manifest names a file outside this site\'s models folder ' +
        `(models[0].variants[0].url is ${JSON.stringify(bad)}, in model "penguins-species"), so it was not requested. ` +
        'The site\'s build is damaged: rebuild the site and publish it again.');
    });
  }

  it('refuses fixtures and artifact URLs outside the folder the same way', () => {
    const raw = tabularManifest();
    assert.throws(() => resolveManifest({ ...raw, models: [{ ...raw.models[0], variants: [{ ...raw.models[0].variants[0], fixtures: 'https://evil.example/f.json' }] }] }, url),
      /outside this site's models folder \(models\[0\]\.variants\[0\]\.fixtures is "https:\/\/evil\.example\/f\.json", in model "penguins-species"\)/);
    assert.throws(() => resolveManifest({ ...raw, models: [{ ...raw.models[0], artifacts: [{ ...raw.models[0].artifacts[0], url: '../../a.md' }] }] }, url),
      /outside this site's models folder \(models\[0\]\.artifacts\[0\]\.url is "\.\.\/\.\.\/a\.md"/);
  });

  it('an artifact URL outside the folder is refused by the schema check first, still before any request', async () => {
    const { requested, error } = await fetchDamaged((m) => { m.models[0].artifacts[0].url = 'https://evil.example/a.md'; });
    assert.deepEqual(requested, [url]);
    assert.match(error?.message ?? '', /^The site's build is damaged: .*models\[0\]\.artifacts\[0\]\.url: has the wrong format/);
  });

  it('keeps URLs inside the folder, artifacts made absolute too', () => {
    const raw = tabularManifest();
    const m = resolveManifest(raw, url);
    assert.equal(m.models[0].artifacts[0].url, `https://h/p/models/${raw.models[0].artifacts[0].url}`);
    assert.equal(resolveManifest({ ...raw, models: [{ ...raw.models[0], variants: [{ ...raw.models[0].variants[0], url: 'https://h/p/models/a/b.onnx' }] }] }, url)
      .models[0].variants[0].url, 'https://h/p/models/a/b.onnx');
  });
});

describe('loadManifest: a draft to start downloads from, then the schema check', () => {
  const url = 'https://h/p/models/manifest.json';

  it('one fetch; the draft is the resolved manifest; the checked one is the same after the schema check', async () => {
    const raw = tabularManifest();
    let fetches = 0;
    const { draft, checked } = loadManifest(url, async () => { fetches++; return Response.json(raw); });
    assert.deepEqual(await draft, resolveManifest(raw, url));
    assert.deepEqual(await checked, await draft);
    assert.equal(fetches, 1);
  });

  it('a manifest that fails its schema has a draft (its files still confined to the folder), and `checked` refuses it', async () => {
    const raw = tabularManifest();
    raw.models[0].variants[0].extra = 1;
    const { draft, checked } = loadManifest(url, async () => Response.json(raw));
    assert.equal((await draft).models[0].variants[0].url, `https://h/p/models/${raw.models[0].variants[0].url}`);
    await assert.rejects(checked, { message: /its model manifest is invalid \(models\[0\]\.variants\[0\]\.extra: unknown field/ });
    raw.models[0].variants[0].url = 'https://evil.example/m.onnx';
    const outside = loadManifest(url, async () => Response.json(raw));
    await assert.rejects(outside.draft, /outside this site's models folder/);
    await assert.rejects(outside.checked);
  });
});

describe('a damaged manifest is refused by its schema, naming the model and the field', () => {
  const url = 'https://h/p/models/manifest.json';
  /** @param {string} problem */
  const message = (problem) => `The site's build is damaged: its model manifest is invalid (${problem}). Rebuild the site and publish it again.`;
  /** @type {[string, (m: any) => void, string][]} */
  const cases = [
    ['no variants', (m) => { delete m.models[0].variants; }, 'models[0].variants: required, in model "penguins-species"'],
    ['no preprocessing', (m) => { delete m.models[0].preprocessing; }, 'models[0].preprocessing: required, in model "penguins-species"'],
    ['a categorical feature without categories', (m) => {
      const i = m.models[0].preprocessing.features.findIndex((/** @type {any} */ f) => f.type === 'categorical');
      delete m.models[0].preprocessing.features[i].categories;
    }, 'models[0].preprocessing.features[4].categories: required, in model "penguins-species"'],
    ['a numeric feature without min', (m) => { delete m.models[0].preprocessing.features[0].min; },
      'models[0].preprocessing.features[0].min: required, in model "penguins-species"'],
    ['an unknown field', (m) => { m.models[0].variants[0].extra = 1; }, 'models[0].variants[0].extra: unknown field, in model "penguins-species"'],
    ['a wrong type', (m) => { m.models[0].variants[0].bytes = '12'; }, 'models[0].variants[0].bytes: must be an integer, in model "penguins-species"'],
    ['a model that is not an object', (m) => { m.models[0] = null; }, 'models[0]: must be an object'],
    ['an unknown task', (m) => { m.models[0].task = 'x'; }, 'models[0].task: must be one of "tabular-classification", "tabular-regression", "time-series-forecasting", "anomaly-detection", "image-classification", "object-detection", "text-classification", "semantic-search", "text-generation", "voice-activity-detection", "recommendation", in model "penguins-species"'],
  ];
  /** @type {unknown} */
  let validator;
  before(async () => { validator = await loadValidator(); });
  for (const [what, damage, problem] of cases) {
    it(`${what}: ${problem}`, async () => {
      const raw = tabularManifest();
      damage(raw);
      await assert.rejects(fetchManifest(url, async () => Response.json(raw)), { message: message(problem) });
      assert.throws(() => resolveManifest(raw, url, /** @type {any} */ (validator)), { message: message(problem) });
    });
  }

  it('without the schema check, a model without variants still gets a clear message', () => {
    const raw = tabularManifest();
    delete raw.models[0].variants;
    assert.throws(() => resolveManifest(raw, url), { message: message('models[0].variants: required, in model "penguins-species"') });
  });
});

describe('fetchManifest', () => {
  const url = 'https://h/p/models/manifest.json';

  it('fetches and resolves', async () => {
    const raw = tabularManifest();
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
  const manifest = resolveManifest(tabularManifest(), 'https://h/models/manifest.json');
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
