// worker/tokenize.js gives the ids of Python's `tokenizers` (Rust) for the shipped MiniLM tokenizer:
// the strings and ids of tests/fixtures/tokenizer_parity.json, a hash sweep over every code point, the
// npm import and the minified file the site vendors. The fixture and tests/fixtures/minilm_tokenizer.json
// come from tests/fixtures/make_tokenizer_fixture.py (Python is not needed here);
// tests/unit/test_tokenizer_fixture.py checks they are up to date with the installed `tokenizers`.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Tokenizer } from '@huggingface/tokenizers';
import { createTokenizer, LIBRARY_URL, loadTokenizerLibrary, replaceLoneSurrogates } from '../../worker/tokenize.js';
import { REPO } from './helpers.js';

const FIXTURES = path.join(REPO, 'tests/fixtures');
const REGENERATE = 'regenerate with .venv/bin/python tests/fixtures/make_tokenizer_fixture.py';
const TOKENIZER_BYTES = fs.readFileSync(path.join(FIXTURES, 'minilm_tokenizer.json'));
const TOKENIZER_JSON = JSON.parse(TOKENIZER_BYTES.toString('utf8'));
/** @type {{max_tokens: number, tokenizer_sha256: string, sweep: {block: number, full_planes: number[], sample_stride: number, count: number, hashes: string[]}, cases: {category: string, text: string, ids: number[], known_difference?: string}[]}} */
const FIXTURE = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'tokenizer_parity.json'), 'utf8'));
const MINIFIED = (await import(pathToFileURL(path.join(REPO, 'node_modules/@huggingface/tokenizers/dist/tokenizers.min.mjs')).href)).Tokenizer;

const tokenizer = createTokenizer(Tokenizer, TOKENIZER_JSON, FIXTURE.max_tokens);

/**
 * Cases whose ids differ, as readable lines (at most 20).
 * @param {{encode: (text: string) => {ids: number[], attentionMask: number[], typeIds: number[]}}} tok
 */
function mismatches(tok) {
  const bad = [];
  for (const [i, c] of FIXTURE.cases.entries()) {
    if (c.known_difference) continue;
    const got = tok.encode(c.text);
    const ok = JSON.stringify(got.ids) === JSON.stringify(c.ids)
      && got.attentionMask.length === got.ids.length && got.attentionMask.every((v) => v === 1)
      && got.typeIds.length === got.ids.length && got.typeIds.every((v) => v === 0);
    if (!ok) bad.push(`#${i} ${c.category} ${JSON.stringify(c.text.slice(0, 60))}: python ${c.ids.slice(0, 16)} js ${got.ids.slice(0, 16)}`);
  }
  return bad;
}

/** The code points of the fixture's sweep, in its order (make_tokenizer_fixture.py sweep_code_points). */
function sweepCodePoints() {
  const { full_planes: full, sample_stride: stride } = FIXTURE.sweep;
  const cps = [];
  for (let cp = 0; cp < 0x110000; cp++) {
    if (full.includes(cp >> 16) && !(cp >= 0xd800 && cp <= 0xdfff)) cps.push(cp);
  }
  for (let cp = 0x40000; cp < 0x110000; cp += stride) if (!full.includes(cp >> 16)) cps.push(cp);
  return cps;
}

/** A text of `n` characters: English words, spaces included. */
function englishText(n) {
  const words = FIXTURE.cases.filter((c) => c.category === 'english').map((c) => c.text).join(' ');
  return words.repeat(Math.ceil(n / words.length) + 1).slice(0, n);
}

/** The same tokenizer without truncation: every id, the reference for the prefix shortcut. */
const untruncated = createTokenizer(Tokenizer, { ...TOKENIZER_JSON, truncation: null });

describe('the tokenizer file', () => {
  it('is the one the fixture was made from (shipped_tokenizer_json(128))', () => {
    const sha = crypto.createHash('sha256').update(TOKENIZER_BYTES).digest('hex');
    assert.equal(sha, FIXTURE.tokenizer_sha256, `minilm_tokenizer.json and tokenizer_parity.json disagree: ${REGENERATE}`);
    assert.equal(TOKENIZER_JSON.truncation.max_length, FIXTURE.max_tokens);
    assert.equal(TOKENIZER_JSON.padding, null);
    assert.equal(tokenizer.maxTokens, 128);
  });
});

describe('ids equal Python tokenizers', () => {
  it('on every fixture case (npm import)', (t) => {
    assert.ok(FIXTURE.cases.length >= 500, `only ${FIXTURE.cases.length} cases`);
    const counts = new Map();
    for (const c of FIXTURE.cases) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
    t.diagnostic(`${FIXTURE.cases.length} cases: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    const known = FIXTURE.cases.filter((c) => c.known_difference);
    if (known.length) t.diagnostic(`known differences (not compared): ${known.map((c) => `${c.category}: ${c.known_difference}`).join('; ')}`);
    const bad = mismatches(tokenizer);
    assert.deepEqual(bad.slice(0, 20), [], `${bad.length} cases differ from Python`);
  });

  it('on every fixture case with the minified build the site vendors', () => {
    const bad = mismatches(createTokenizer(MINIFIED, TOKENIZER_JSON, FIXTURE.max_tokens));
    assert.deepEqual(bad.slice(0, 20), [], `${bad.length} cases differ from Python`);
  });

  it('for "a<c>b" and every code point c of planes 0-3 and 14 (hashes per 256 code points)', (t) => {
    const { block, hashes, count } = FIXTURE.sweep;
    const cps = sweepCodePoints();
    assert.equal(cps.length, count);
    const started = performance.now();
    const bad = [];
    for (let b = 0; b * block < cps.length; b++) {
      const part = cps.slice(b * block, (b + 1) * block);
      const ids = part.map((cp) => `${tokenizer.encode(`a${String.fromCodePoint(cp)}b`).ids.join(',')};`).join('');
      const hash = crypto.createHash('sha256').update(ids).digest('hex').slice(0, 16);
      if (hash !== hashes[b]) bad.push(`U+${part[0].toString(16)}..U+${part.at(-1)?.toString(16)}`);
    }
    t.diagnostic(`${cps.length} code points in ${Math.round(performance.now() - started)} ms`);
    assert.deepEqual(bad, [], `ids differ from Python somewhere in these code point blocks: ${bad.length}`);
  });

  it('lone surrogates: the ids of the text with U+FFFD in their place (which Rust drops)', () => {
    assert.deepEqual(tokenizer.encode('a\ud800b'), tokenizer.encode('a\ufffdb'));
    assert.deepEqual(tokenizer.encode('a\ud800b').ids, tokenizer.encode('ab').ids);
    assert.equal(replaceLoneSurrogates('\udc00x\ud83d\ude00\ud800'), '\ufffdx\ud83d\ude00\ufffd');
    assert.equal(replaceLoneSurrogates('\ud800\ud800\udc00'), '\ufffd\ud800\udc00');
  });
});

describe('the library alone differs from Rust (why tokenize.js replaces its normalizer, pre-tokenizer and truncation)', () => {
  // If one of these starts failing after a library upgrade, the library fixed that quirk.
  const raw = new Tokenizer(TOKENIZER_JSON, {});
  for (const [quirk, find] of [
    ['no truncation', (/** @type {string} */ text) => text === words(200)],
    ['final sigma lowered to ς', (/** @type {string} */ text) => text === 'ΟΔΟΣ'],
    ['astral CJK ideographs not split', (/** @type {string} */ text) => text === '𠀀𠀁𠀂'],
    ['newer Unicode data (U+1734 is Mc now, Mn in Rust\'s tables)', (/** @type {string} */ text) => text.includes('a\u1734b')],
  ]) {
    it(quirk, () => {
      const c = FIXTURE.cases.find((x) => find(x.text));
      assert.ok(c, `no fixture case for ${quirk}`);
      assert.notDeepEqual(raw.encode(c.text).ids, c.ids);
      assert.deepEqual(tokenizer.encode(c.text).ids, c.ids);
    });
  }
});

describe('truncation', () => {
  it('keeps [CLS], the first 126 tokens and [SEP]; `truncated` says whether tokens were dropped', () => {
    for (const [n, truncated] of [[125, false], [126, false], [127, true], [1000, true]]) {
      const out = tokenizer.encode(words(/** @type {number} */ (n)));
      assert.equal(out.truncated, truncated, `${n} words`);
      assert.equal(out.ids.length, Math.min(/** @type {number} */ (n), 126) + 2);
      assert.equal(out.ids[0], 101);
      assert.equal(out.ids.at(-1), 102);
    }
    assert.equal(tokenizer.encode('').truncated, false);
    assert.deepEqual(tokenizer.encode('').ids, [101, 102]);
    assert.equal(tokenizer.encode(`${words(126)}${' '.repeat(100000)}`).truncated, false);
    assert.equal(tokenizer.encode(`${words(126)}${' '.repeat(100000)}b`).truncated, true);
  });

  it('the prefix shortcut gives the first tokens of the whole text, whatever the text', () => {
    const texts = [
      englishText(300000),
      '中文'.repeat(50000),
      'x'.repeat(200000),
      `${' '.repeat(200000)}tail words here`,
      `${'\u0001'.repeat(100000)}${words(300)}`,
      'ですます。'.repeat(20000),
      '[CLS]'.repeat(20000),
      `${'a,'.repeat(100000)}`,
      `${'😀 '.repeat(50000)}`,
      `${'é\u0301 '.repeat(50000)}`,
      `${words(126)}${'\u200b '.repeat(50000)}zzz`,
      `${'\ud800 '.repeat(50000)}a`,
      'a\u037e'.repeat(50000), // GREEK QUESTION MARK: NFD makes it ";"
      '[a]'.repeat(50000), // "[" and "]" occur in added tokens, but no added token spans these cuts
      '[CL'.repeat(50000),
      '\uf900'.repeat(50000), // a CJK compatibility ideograph: NFD makes it U+8C48
      '𠀀'.repeat(50000),
      'a\u1fef'.repeat(50000), // GREEK VARIA: NFD makes it "`"
    ];
    for (const text of texts) {
      const all = untruncated.encode(text).ids;
      const cut = tokenizer.encode(text);
      const expected = all.length > 128 ? [...all.slice(0, 127), 102] : all;
      assert.deepEqual(cut.ids, expected, JSON.stringify(text.slice(0, 30)));
      assert.equal(cut.truncated, all.length > 128, JSON.stringify(text.slice(0, 30)));
    }
  });

  it('pieces give the tokens of the whole text on random texts (cuts every few tokens)', () => {
    // Small max_length, so that pieces are short and cuts many; the characters are the ones that
    // could break a cut: marks, added tokens and their parts, Σ, ideographs, dropped and lone surrogates.
    const alphabet = [
      'a', 'b', 'Σ', 'σ', 'é', 'e\u0301', '\u0301', '\u0316', '\u0345', '\u1734', ' ', '  ', '\t', '\n', '\u00a0', '\u3000',
      ',', '.', '[', ']', '[CLS]', '[SEP]', '[UNK', 'CLS]', '[MASK]', '中', '\uf900', '𠀀', '。', '\u037e', '\u1fef',
      '\u0001', '\u200b', '\ufeff', '\ud800', '\udc00', '😀', '👍🏽', 'İ', 'ß', '한', '\u1100\u1161', '##', 'un', 'believ', 'able',
    ];
    let seed = 12345;
    const random = () => { seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5 >>> 0; return seed / 2 ** 32; };
    for (const maxLength of [4, 8, 32]) {
      const small = createTokenizer(Tokenizer, { ...TOKENIZER_JSON, truncation: { ...TOKENIZER_JSON.truncation, max_length: maxLength } });
      for (let k = 0; k < 60; k++) {
        let text = '';
        while (text.length < 3000) text += alphabet[Math.floor(random() * alphabet.length)];
        const all = untruncated.encode(text).ids;
        const expected = all.length > maxLength ? [...all.slice(0, maxLength - 1), 102] : all;
        assert.deepEqual(small.encode(text).ids, expected, JSON.stringify(text.slice(0, 80)));
      }
    }
  });

  it('1 MB of text does not hang (well under a second here; 5 s allowed for a loaded machine)', (t) => {
    for (const [label, text, length] of /** @type {[string, string, number][]} */ ([
      ['English', englishText(1 << 20), 128],
      ['one word ([UNK])', 'x'.repeat(1 << 20), 3],
      ['CJK', '中文'.repeat(1 << 19), 128],
      ['spaces, then words', `${' '.repeat((1 << 20) - 1000)}${words(500)}`, 128],
      ['kana and 。', 'ですます。'.repeat(1 << 18), 128],
      ['emoji, no spaces (one word: [UNK])', '😀👍🏽'.repeat(1 << 18), 3],
      ['"[CLS]" again and again', '[CLS]'.repeat(1 << 18), 128],
      ['"[a]" again and again', '[a]'.repeat(1 << 18), 128],
      ['CJK compatibility ideographs', '\uf900'.repeat(1 << 20), 128],
    ])) {
      const started = performance.now();
      const out = tokenizer.encode(text);
      const ms = performance.now() - started;
      t.diagnostic(`${label}: ${text.length} UTF-16 units in ${ms.toFixed(1)} ms`);
      assert.equal(out.ids.length, length, label);
      assert.equal(out.truncated, length === 128, label);
      assert.ok(ms < 5000, `${label}: ${ms} ms`);
    }
  });
});

describe('refusals', () => {
  it('encode() takes only strings, and says what it got', () => {
    for (const [value, named] of [
      [undefined, 'undefined'], [null, 'null'], [42, 'number 42'], [['a'], 'an array'],
      [{ text: 'a' }, 'an object (Object)'], [new String('a'), 'an object (String)'], [Symbol('s'), 'symbol'],
      [new Uint8Array(2), 'an object (Uint8Array)'],
    ]) {
      assert.throws(() => tokenizer.encode(/** @type {any} */ (value)), (e) => e instanceof TypeError && e.message === `encode() needs a string, got ${named}`);
    }
  });

  it('maxTokens must match the file, files must be the BERT WordPiece kind it reproduces', () => {
    assert.throws(() => createTokenizer(Tokenizer, TOKENIZER_JSON, 64), /maxTokens 64 differs from the tokenizer file's truncation.max_length 128/);
    assert.throws(() => createTokenizer(Tokenizer, TOKENIZER_JSON, 2), /maxTokens must be an integer above 2/);
    assert.equal(createTokenizer(Tokenizer, { ...TOKENIZER_JSON, truncation: null }, 16).encode(words(100)).ids.length, 16);
    const padded = { ...TOKENIZER_JSON, padding: { strategy: { Fixed: 128 } } };
    assert.throws(() => createTokenizer(Tokenizer, padded), /padding is set/);
    assert.throws(() => createTokenizer(Tokenizer, { ...TOKENIZER_JSON, normalizer: { type: 'NFC' } }), /unsupported tokenizer.json: normalizer "NFC"/);
    assert.throws(() => createTokenizer(Tokenizer, { ...TOKENIZER_JSON, truncation: { ...TOKENIZER_JSON.truncation, direction: 'Left' } }), /direction Right/);
    assert.throws(() => createTokenizer(Tokenizer, 'not parsed'), TypeError);
    assert.throws(() => createTokenizer(/** @type {any} */ (null), TOKENIZER_JSON), /TokenizerClass must be the library's Tokenizer class, got null/);
  });

  it('loadTokenizerLibrary names the vendored URL when the import fails, and tries again next time', async () => {
    // Node has no site: the vendored file does not exist next to worker/, so the import fails.
    assert.match(LIBRARY_URL, /\/vendor\/@huggingface\/tokenizers\/tokenizers\.min\.mjs$/);
    await assert.rejects(loadTokenizerLibrary(), (e) => e instanceof Error && e.message.includes(LIBRARY_URL));
    const again = loadTokenizerLibrary();
    await assert.rejects(again);
  });
});

/** @param {number} n */
function words(n) {
  return Array(n).fill('a').join(' ');
}
