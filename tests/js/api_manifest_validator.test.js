// The browser's manifest check (js_runtime/manifest_validator.js) is generated from
// builder/schemas/manifest.schema.json by `npm run gen:manifest-validator`; it must never go stale,
// must load in a browser (no require/bare imports), and must agree with ajv compiled from the schema.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { OUTPUT_FILE, generate } from '../../js_runtime/tools/gen_manifest_validator.mjs';
import { validate } from '../../js_runtime/manifest_validator.js';
import { REPO, manifestFiles, readJson, tabularManifest } from './helpers.js';

const SCHEMA = readJson(path.join(REPO, 'builder/schemas/manifest.schema.json'));
const committed = fs.readFileSync(OUTPUT_FILE, 'utf8');

describe('generated manifest validator', () => {
  it('is up to date with builder/schemas/manifest.schema.json (else: npm run gen:manifest-validator)', () => {
    assert.ok(committed === generate(),
      'js_runtime/manifest_validator.js is stale: run `npm run gen:manifest-validator` and commit the result');
  });

  it('the staleness check is not vacuous: another schema generates another file', () => {
    const changed = structuredClone(SCHEMA);
    changed.$defs.variant.properties.sha256.pattern = '^[0-9a-f]{128}$';
    assert.notEqual(generate(changed), committed);
  });

  it('says it is generated and how to regenerate it', () => {
    assert.match(committed.split('\n').slice(0, 5).join('\n'), /GENERATED FILE.*\n.*\n.*npm run gen:manifest-validator/);
  });

  it('imports nothing the browser cannot resolve', () => {
    assert.doesNotMatch(committed, /\brequire\s*\(/);
    assert.doesNotMatch(committed, /^\s*import\s/m);
    assert.doesNotMatch(committed, /\bimport\s*\(/);
  });

  it('agrees with ajv on the real manifest and on damaged copies', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(SCHEMA);
    const real = tabularManifest();
    /** @type {[string, (m: any) => void][]} */
    const damages = [
      ['intact', () => {}],
      ['no variants', (m) => { delete m.models[0].variants; }],
      ['no preprocessing', (m) => { delete m.models[0].preprocessing; }],
      ['a categorical feature without categories', (m) => {
        delete m.models[0].preprocessing.features.find((/** @type {any} */ f) => f.type === 'categorical').categories;
      }],
      ['an unknown field', (m) => { m.models[0].variants[0].extra = 1; }],
      ['a bad sha256', (m) => { m.models[0].variants[0].sha256 = 'xyz'; }],
      ['an empty tensor name (minLength, ajv inlines ucs2length)', (m) => { m.models[0].inputs[0].name = ''; }],
      ['an absolute artifact URL', (m) => { m.models[0].artifacts[0].url = 'https://evil.example/a.md'; }],
    ];
    for (const [what, damage] of damages) {
      const m = structuredClone(real);
      damage(m);
      assert.equal(validate(m), ajv(m), what);
      assert.equal(validate(m), what === 'intact', what);
    }
  });
});
