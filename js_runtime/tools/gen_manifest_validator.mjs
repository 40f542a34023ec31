#!/usr/bin/env node
// Generates js_runtime/manifest_validator.js: builder/schemas/manifest.schema.json compiled by ajv into a
// standalone ES module, so the browser checks the manifest against the same JSON Schema the builder
// writes it with, without shipping ajv itself.
//
//   npm run gen:manifest-validator          (re)write the file
//   node js_runtime/tools/gen_manifest_validator.mjs --check    exit 1 when the committed file is stale
//
// tests/js/api_manifest_validator.test.js fails when the committed file differs from what this writes.
// Run only under Node (this folder is not copied into the site).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SCHEMA_FILE = path.join(REPO, 'builder/schemas/manifest.schema.json');
export const OUTPUT_FILE = path.join(REPO, 'js_runtime/manifest_validator.js');

const HEADER = `// GENERATED FILE, do not edit. Source: builder/schemas/manifest.schema.json, compiled by ajv
// (standalone ES module: validate(data) → boolean, errors in validate.errors).
// Regenerate after changing the schema: npm run gen:manifest-validator
// (js_runtime/tools/gen_manifest_validator.mjs); tests/js/api_manifest_validator.test.js fails while it is stale.
// @ts-nocheck
`;

/** ajv runtime helpers that are plain, dependency-free functions, by their module name. */
const INLINE_HELPERS = {
  ucs2length: require('ajv/dist/runtime/ucs2length').default,
};

/** @param {string} text @param {string} word */
function countWord(text, word) {
  return text.match(new RegExp(`\\b${word}\\b`, 'g'))?.length ?? 0;
}

/**
 * The module's text for `schema` (default: the schema file as it is now).
 * @param {object} [schema]
 * @returns {string}
 */
export function generate(schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'))) {
  const Ajv2020 = require('ajv/dist/2020').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const ajv = new Ajv2020({
    // Stop at the first error: the browser only reports it, and the module stays small.
    allErrors: false,
    strict: true,
    allowUnionTypes: true, // example inputs are type: ["number", "string"]
    code: { source: true, esm: true, lines: true, optimize: true },
  });
  let code = standaloneCode(ajv, ajv.compile(schema));
  // The browser cannot resolve require(): inline the ajv runtime helpers we know (self-contained
  // functions), and refuse any other (fast-deep-equal for object consts, uri, …) until handled here.
  for (const [name, helper] of Object.entries(INLINE_HELPERS)) {
    code = code.replaceAll(`require("ajv/dist/runtime/${name}").default`, `(${helper.toString()})`);
  }
  // ajv declares every schema it visited; drop the declarations the code never reads.
  code = code.replace(/^const (schema\d+) = .*;\n/gm, (line, id) => (countWord(code, id) > 1 ? line : ''));
  if (/\brequire\s*\(/.test(code)) {
    throw new Error('The generated manifest validator needs an ajv runtime helper (require(...)); ' +
      'adjust the ajv options in js_runtime/tools/gen_manifest_validator.mjs.');
  }
  return `${HEADER}${code.trimEnd()}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = generate();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUTPUT_FILE) ? fs.readFileSync(OUTPUT_FILE, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(REPO, OUTPUT_FILE)} is stale: run npm run gen:manifest-validator`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(OUTPUT_FILE, text);
    console.log(`wrote ${path.relative(REPO, OUTPUT_FILE)} (${text.length} bytes)`);
  }
}
