// The JavaScript API reference (site_src/reference/javascript-api.md) is generated from the runtime's
// JSDoc by `npm run gen:api-reference` (js_runtime/tools/gen_api_reference.mjs, TypeDoc): it must never
// go stale, must document the real API, and its in-page links must reach a heading or anchor.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from './helpers.js';

const SCRIPT = path.join(REPO, 'js_runtime/tools/gen_api_reference.mjs');
const COMMITTED = path.join(REPO, 'site_src/reference/javascript-api.md');

/** The page as the generator writes it now, into a temporary folder. */
function generated() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-api-reference-test-'));
  try {
    const out = path.join(dir, 'javascript-api.md');
    execFileSync(process.execPath, [SCRIPT, '--out', out], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text of one heading's section, up to the next heading of the same or a higher level.
 * @param {string} page
 * @param {string} heading e.g. "## load()"
 */
function section(page, heading) {
  const level = heading.indexOf(' ');
  const lines = page.split('\n');
  const start = lines.findIndex((l) => l === heading || l.startsWith(`${heading} {#`));
  assert.notEqual(start, -1, `the page has no heading "${heading}"`);
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level);
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

describe('JavaScript API reference page', () => {
  const committed = fs.readFileSync(COMMITTED);
  const page = committed.toString('utf8');

  it('is what the generator writes from the JSDoc now (else: npm run gen:api-reference)', () => {
    const fresh = generated();
    assert.ok(fresh.equals(committed),
      'site_src/reference/javascript-api.md is stale: run `npm run gen:api-reference` and commit the result');
  });

  it('documents load() and its options, the handles and their methods, the error codes', () => {
    assert.match(page, /^# JavaScript API reference\n/);
    assert.match(page, /npm run gen:api-reference/);
    assert.match(page, /\[JavaScript API\]\(\.\.\/api\.md\)/, 'the introduction links to the guide');
    const load = section(page, '## load()');
    assert.match(load, /function load\(source: unknown, options\?: LoadOptions\): Promise<Model \| StaticModel>;/);
    assert.match(load, /\[`LoadOptions`\]\(#loadoptions\)/);
    const loadOptions = section(page, '## LoadOptions');
    for (const option of ['variant', 'backend', 'onProgress', 'signal']) {
      assert.match(loadOptions, new RegExp(`\`${option}\\?\``), `LoadOptions documents ${option}`);
    }
    for (const name of ['capabilities', 'manifest', 'models', 'preload']) section(page, `## ${name}()`);
    const model = section(page, '## Model');
    for (const method of ['run', 'predict', 'explain', 'drift', 'generate', 'dispose']) {
      section(model, `#### ${method}()`);
    }
    assert.match(section(model, '#### predict()'), /Task-native prediction\./);
    for (const property of ['info', 'variant', 'backend', 'backendLabel', 'backendReason', 'threads']) {
      assert.match(model, new RegExp(`\`${property}\` \\|`), `Model documents ${property}`);
    }
    section(section(page, '## StaticModel'), '#### predict()');
    const codes = section(page, '## ERROR\\_CODE');
    for (const code of ['bad-input', 'integrity', 'aborted', 'worker-died']) assert.match(codes, new RegExp(`"${code}"`));
  });

  it('leaves out what is internal, and says nothing about this machine or the time', () => {
    for (const internal of ['startRuntime', 'predictText', 'runTimed', 'BackendPlan', 'taskSpec']) {
      assert.doesNotMatch(page, new RegExp(`\\b${internal}\\b`), `${internal} is internal`);
    }
    assert.doesNotMatch(page, /Defined in:/, 'no source links: they carry line numbers');
    assert.doesNotMatch(page, /\/(home|tmp|work|Users)\//);
    assert.doesNotMatch(page, /\b20\d\d-\d\d-\d\d\b/);
  });

  it('every in-page link reaches a heading {#id} or an <a id>', () => {
    const ids = new Set([...page.matchAll(/\{#([^}\s]+)\}$|<a id="([^"]+)"><\/a>/gm)].map((m) => m[1] ?? m[2]));
    const links = [...page.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(links.length > 50, `only ${links.length} in-page links`);
    assert.deepEqual([...new Set(links.filter((id) => !ids.has(id)))], []);
    const other = [...page.matchAll(/\]\(([^#)][^)]*)\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(other)], ['../api.md'], 'the only link to another page is the guide');
  });

  it('has no {…} at the end of a line or table cell outside code, which MkDocs (attr_list) would take for attributes', () => {
    const prose = page.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '``');
    const taken = prose.split('\n').filter((line) => /(?<!\\)\{(?!#)[^{}]*(?<!\\)\}\s*(\||$)/.test(line));
    assert.deepEqual(taken, [], 'write such a {…} in backticks in the JSDoc');
  });
});
