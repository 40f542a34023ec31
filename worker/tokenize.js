// Text tokenization in the worker, equal to Python's `tokenizers` (Rust) on the shipped tokenizer.json.
// builder/text_tokenizer.py is the reference (it makes that file); tests/js/tokenizer_parity.test.js
// checks this module against Python's ids in tests/fixtures/tokenizer_parity.json (regenerate both
// the fixture and the tables below with `.venv/bin/python tests/fixtures/make_tokenizer_fixture.py`).
//
// Who does what. npm @huggingface/tokenizers (a pure-JS port of HF tokenizers; passed in as
// createTokenizer's first argument: the npm import in Node tests, the site's vendored copy in the
// worker, see loadTokenizerLibrary) reads the vocabulary, splits off special tokens typed in the text
// ("[CLS]" in the text is id 101, as in Rust), runs WordPiece and adds [CLS]/[SEP] from the file's
// template. This module swaps the library's BertNormalizer and BertPreTokenizer for ports of Rust's
// and truncates itself, because there the library (0.2.0) gives other ids than Rust:
// 1. It ignores the file's `truncation`: a 10 000-character text gives 2 000+ ids. Here: Rust's
//    truncation of one sequence (LongestFirst or OnlyFirst, direction Right) keeps the first
//    max_length - 2 content tokens, then [CLS] … [SEP].
// 2. Its CJK splitting walks UTF-16 code units, so ideographs outside the BMP (CJK Extension B and
//    later, U+20000…) are not made tokens of their own: "𠀀𠀁" is one [UNK] in JS, two in Rust.
// 3. It lowercases the whole string, then strips accents. JS toLowerCase applies the final-sigma rule
//    ("ΟΔΟΣ" → "οδος", ς), Rust strips accents first and lowercases character by character (σ).
// 4. It classifies characters with the JS engine's Unicode data (Node 20 here: Unicode 17; each
//    browser its own version), Rust with fixed, older tables (the `unicode_categories` crate): 658
//    code points (marks, format characters and punctuation added to Unicode since, or moved between
//    categories like U+1734, now Mc) were dropped, kept or split differently in Node. RUST_TABLES
//    below hold Rust's classes, probed from Python's `tokenizers` by the fixture script, so the ids
//    no longer depend on the browser's Unicode version. Only NFD (String.prototype.normalize) and
//    toLowerCase still come from the engine: decompositions of existing characters never change
//    (Unicode's normalization stability policy) and their case mappings practically never do. The
//    fixture's code point sweep checks every code point of planes 0-3 and 14 in Node.
//
// Lone UTF-16 surrogates: a JS string may hold them, UTF-8 cannot carry them, and Python's
// `tokenizers` raises on a str that holds them, so Python has no ids for such text. Like TextEncoder,
// encode() first replaces each lone surrogate with U+FFFD (which Rust's clean_text then drops): the
// ids are Python's for the U+FFFD-replaced text, which is how the fixture computes its surrogate cases.
//
// Long inputs: the library tokenizes all it is given (some 0.2-1 s a megabyte), and only the first
// max_length tokens count. So encode() gives it a long text in pieces, each twice as long as the one
// before, and stops once it has more tokens than it keeps. A piece ends just before a character of
// the CUT table (whitespace, punctuation, CJK ideographs: characters whose normalized form starts
// with a word boundary, and whose NFD starts with a combining class 0 starter) where no added token
// occurs across the cut. There tokens(a + b) = tokens(a) + tokens(b): normalization works character
// by character except NFD's reordering of combining marks, which cannot cross a starter; the
// pre-tokenizer ends the word before it; and no "[CLS]" match spans it. So the pieces' tokens,
// joined, are the whole text's, and once there are more than max_length - 2 of them the first
// max_length - 2 are exact and the text is truncated. A text without CUT characters is one long
// word, or a few, which WordPiece makes [UNK] each (see shortenWord): 1 MB takes 0.2-0.7 s.

/**
 * @typedef {object} TextEncoding one text's model inputs (the worker makes each an int64 [1, T] tensor)
 * @property {number[]} ids input_ids, [CLS] … [SEP]
 * @property {number[]} attentionMask all 1 (no padding)
 * @property {number[]} typeIds token_type_ids, all 0 for one sequence
 * @property {boolean} truncated the text had more tokens than maxTokens, and its tail was dropped
 */

/**
 * @typedef {object} TextTokenizer
 * @property {(text: string) => TextEncoding} encode
 * @property {number} maxTokens ids per text at most, [CLS] and [SEP] included (Infinity: no truncation)
 */

/**
 * @typedef {object} LibraryTokenizer the parts of the library's Tokenizer class that this module uses
 * @property {(text: string, options: {return_token_type_ids: true}) => {ids: number[], token_type_ids?: number[]}} encode
 * @property {unknown} normalizer replaced by normalizeLikeRust
 * @property {unknown} pre_tokenizer replaced by preTokenizeLikeRust
 */

/** @typedef {new (tokenizerJson: object, config: object) => LibraryTokenizer} TokenizerClass */

/**
 * @typedef {object} BertNormalizerOptions the BertNormalizer settings of tokenizer.json
 * @property {boolean} cleanText drop control characters, map whitespace to " "
 * @property {boolean} chinese put spaces around CJK ideographs
 * @property {boolean} stripAccents NFD, then drop non-spacing marks (null in the file: as lowercase)
 * @property {boolean} lowercase
 */

/** Where the site serves the library (builder/assets.py copies dist/tokenizers.min.mjs there). */
export const LIBRARY_URL = new URL('../vendor/@huggingface/tokenizers/tokenizers.min.mjs', import.meta.url).href;

/** A long text's first piece has this many characters per kept token (English averages about 5). */
const FIRST_PIECE_CHARS_PER_TOKEN = 8;

// Code point classes, as bit flags in one table (built on first use).
const REMOVED = 1; // clean_text drops it (0, U+FFFD and Rust's is_control: Cc, Cf, Co but not \t \n \r)
const SPACE = 2; // clean_text makes it " " (Rust's is_whitespace, \t \n \r included)
const CHINESE = 4; // handle_chinese_chars puts spaces around it (Rust's is_chinese_char)
const MARK = 8; // strip_accents drops it after NFD (Rust's is_mark_nonspacing: Mn)
const PUNCT = 16; // the pre-tokenizer makes it a word of its own (ASCII punctuation or Rust's P*)
const SPLIT = 32; // the pre-tokenizer splits on it and drops it (char::is_whitespace)
const CUT = 64; // a piece of a long text may end before it (see "Long inputs" above)

// BEGIN RUST_TABLES (written by tests/fixtures/make_tokenizer_fixture.py; do not edit by hand)
// Probed from Python tokenizers 0.23.3: code point classes of Rust's BertNormalizer and
// BertPreTokenizer, as hex ranges ("first-last" or one code point).
const RUST_TABLES = {
  removed: '0-8,b-c,e-1f,7f-9f,ad,600-605,61c,6dd,70f,180e,200b-200f,202a-202e,2060-2064,2066-206f,'
    + 'e000-f8ff,feff,fff9-fffb,fffd,110bd,1bca0-1bca3,1d173-1d17a,e0001,e0020-e007f,f0000-ffffd,'
    + '100000-10fffd',
  space: '9-a,d,20,a0,1680,2000-200a,2028-2029,202f,205f,3000',
  chinese: '3400-4dbf,4e00-9fff,f900-faff,20000-2a6df,2a700-2b81f,2b920-2ceaf,2f800-2fa1f',
  mark: '300-36f,483-487,591-5bd,5bf,5c1-5c2,5c4-5c5,5c7,610-61a,64b-65f,670,6d6-6dc,6df-6e4,6e7-6e8,'
    + '6ea-6ed,711,730-74a,7a6-7b0,7eb-7f3,816-819,81b-823,825-827,829-82d,859-85b,8e3-902,93a,93c,'
    + '941-948,94d,951-957,962-963,981,9bc,9c1-9c4,9cd,9e2-9e3,a01-a02,a3c,a41-a42,a47-a48,a4b-a4d,a51,'
    + 'a70-a71,a75,a81-a82,abc,ac1-ac5,ac7-ac8,acd,ae2-ae3,b01,b3c,b3f,b41-b44,b4d,b56,b62-b63,b82,bc0,'
    + 'bcd,c00,c3e-c40,c46-c48,c4a-c4d,c55-c56,c62-c63,c81,cbc,cbf,cc6,ccc-ccd,ce2-ce3,d01,d41-d44,d4d,'
    + 'd62-d63,dca,dd2-dd4,dd6,e31,e34-e3a,e47-e4e,eb1,eb4-eb9,ebb-ebc,ec8-ecd,f18-f19,f35,f37,f39,'
    + 'f71-f7e,f80-f84,f86-f87,f8d-f97,f99-fbc,fc6,102d-1030,1032-1037,1039-103a,103d-103e,1058-1059,'
    + '105e-1060,1071-1074,1082,1085-1086,108d,109d,135d-135f,1712-1714,1732-1734,1752-1753,1772-1773,'
    + '17b4-17b5,17b7-17bd,17c6,17c9-17d3,17dd,180b-180d,18a9,1920-1922,1927-1928,1932,1939-193b,'
    + '1a17-1a18,1a1b,1a56,1a58-1a5e,1a60,1a62,1a65-1a6c,1a73-1a7c,1a7f,1ab0-1abd,1b00-1b03,1b34,'
    + '1b36-1b3a,1b3c,1b42,1b6b-1b73,1b80-1b81,1ba2-1ba5,1ba8-1ba9,1bab-1bad,1be6,1be8-1be9,1bed,'
    + '1bef-1bf1,1c2c-1c33,1c36-1c37,1cd0-1cd2,1cd4-1ce0,1ce2-1ce8,1ced,1cf4,1cf8-1cf9,1dc0-1df5,'
    + '1dfc-1dff,20d0-20dc,20e1,20e5-20f0,2cef-2cf1,2d7f,2de0-2dff,302a-302d,3099-309a,a66f,a674-a67d,'
    + 'a69e-a69f,a6f0-a6f1,a802,a806,a80b,a825-a826,a8c4,a8e0-a8f1,a926-a92d,a947-a951,a980-a982,a9b3,'
    + 'a9b6-a9b9,a9bc,a9e5,aa29-aa2e,aa31-aa32,aa35-aa36,aa43,aa4c,aa7c,aab0,aab2-aab4,aab7-aab8,'
    + 'aabe-aabf,aac1,aaec-aaed,aaf6,abe5,abe8,abed,fb1e,fe00-fe0f,fe20-fe2f,101fd,102e0,10376-1037a,'
    + '10a01-10a03,10a05-10a06,10a0c-10a0f,10a38-10a3a,10a3f,10ae5-10ae6,11001,11038-11046,1107f-11081,'
    + '110b3-110b6,110b9-110ba,11100-11102,11127-1112b,1112d-11134,11173,11180-11181,111b6-111be,'
    + '111ca-111cc,1122f-11231,11234,11236-11237,112df,112e3-112ea,11300-11301,1133c,11340,11366-1136c,'
    + '11370-11374,114b3-114b8,114ba,114bf-114c0,114c2-114c3,115b2-115b5,115bc-115bd,115bf-115c0,'
    + '115dc-115dd,11633-1163a,1163d,1163f-11640,116ab,116ad,116b0-116b5,116b7,1171d-1171f,11722-11725,'
    + '11727-1172b,16af0-16af4,16b30-16b36,16f8f-16f92,1bc9d-1bc9e,1d167-1d169,1d17b-1d182,1d185-1d18b,'
    + '1d1aa-1d1ad,1d242-1d244,1da00-1da36,1da3b-1da6c,1da75,1da84,1da9b-1da9f,1daa1-1daaf,1e8d0-1e8d6,'
    + 'e0100-e01ef',
  punct: '21-2f,3a-40,5b-60,7b-7e,a1,a7,ab,b6-b7,bb,bf,37e,387,55a-55f,589-58a,5be,5c0,5c3,5c6,5f3-5f4,'
    + '609-60a,60c-60d,61b,61e-61f,66a-66d,6d4,700-70d,7f7-7f9,830-83e,85e,964-965,970,af0,df4,e4f,'
    + 'e5a-e5b,f04-f12,f14,f3a-f3d,f85,fd0-fd4,fd9-fda,104a-104f,10fb,1360-1368,1400,166d-166e,'
    + '169b-169c,16eb-16ed,1735-1736,17d4-17d6,17d8-17da,1800-180a,1944-1945,1a1e-1a1f,1aa0-1aa6,'
    + '1aa8-1aad,1b5a-1b60,1bfc-1bff,1c3b-1c3f,1c7e-1c7f,1cc0-1cc7,1cd3,2010-2027,2030-2043,2045-2051,'
    + '2053-205e,207d-207e,208d-208e,2308-230b,2329-232a,2768-2775,27c5-27c6,27e6-27ef,2983-2998,'
    + '29d8-29db,29fc-29fd,2cf9-2cfc,2cfe-2cff,2d70,2e00-2e2e,2e30-2e42,3001-3003,3008-3011,3014-301f,'
    + '3030,303d,30a0,30fb,a4fe-a4ff,a60d-a60f,a673,a67e,a6f2-a6f7,a874-a877,a8ce-a8cf,a8f8-a8fa,a8fc,'
    + 'a92e-a92f,a95f,a9c1-a9cd,a9de-a9df,aa5c-aa5f,aade-aadf,aaf0-aaf1,abeb,fd3e-fd3f,fe10-fe19,'
    + 'fe30-fe52,fe54-fe61,fe63,fe68,fe6a-fe6b,ff01-ff03,ff05-ff0a,ff0c-ff0f,ff1a-ff1b,ff1f-ff20,'
    + 'ff3b-ff3d,ff3f,ff5b,ff5d,ff5f-ff65,10100-10102,1039f,103d0,1056f,10857,1091f,1093f,10a50-10a58,'
    + '10a7f,10af0-10af6,10b39-10b3f,10b99-10b9c,11047-1104d,110bb-110bc,110be-110c1,11140-11143,'
    + '11174-11175,111c5-111c9,111cd,111db,111dd-111df,11238-1123d,112a9,114c6,115c1-115d7,11641-11643,'
    + '1173c-1173e,12470-12474,16a6e-16a6f,16af5,16b37-16b3b,16b44,1bc9f,1da87-1da8b',
  split: '9-d,20,85,a0,1680,2000-200a,2028-2029,202f,205f,3000',
  cut: '9-a,d,20-2f,3a-40,5b-60,7b-7e,a0-a1,a7,ab,b6-b7,bb,bf,37e,387,55a-55f,589-58a,5be,5c0,5c3,5c6,'
    + '5f3-5f4,609-60a,60c-60d,61b,61e-61f,66a-66d,6d4,700-70d,7f7-7f9,830-83e,85e,964-965,970,af0,df4,'
    + 'e4f,e5a-e5b,f04-f12,f14,f3a-f3d,f85,fd0-fd4,fd9-fda,104a-104f,10fb,1360-1368,1400,166d-166e,'
    + '1680,169b-169c,16eb-16ed,1735-1736,17d4-17d6,17d8-17da,1800-180a,1944-1945,1a1e-1a1f,1aa0-1aa6,'
    + '1aa8-1aad,1b5a-1b60,1bfc-1bff,1c3b-1c3f,1c7e-1c7f,1cc0-1cc7,1cd3,1fef,2000-200a,2010-2029,'
    + '202f-2043,2045-2051,2053-205f,207d-207e,208d-208e,2260,226e-226f,2308-230b,2329-232a,2768-2775,'
    + '27c5-27c6,27e6-27ef,2983-2998,29d8-29db,29fc-29fd,2cf9-2cfc,2cfe-2cff,2d70,2e00-2e2e,2e30-2e42,'
    + '3000-3003,3008-3011,3014-301f,3030,303d,30a0,30fb,3400-4dbf,4e00-9fff,a4fe-a4ff,a60d-a60f,a673,'
    + 'a67e,a6f2-a6f7,a874-a877,a8ce-a8cf,a8f8-a8fa,a8fc,a92e-a92f,a95f,a9c1-a9cd,a9de-a9df,aa5c-aa5f,'
    + 'aade-aadf,aaf0-aaf1,abeb,f900-fa6d,fa70-fad9,fd3e-fd3f,fe10-fe19,fe30-fe52,fe54-fe61,fe63,fe68,'
    + 'fe6a-fe6b,ff01-ff03,ff05-ff0a,ff0c-ff0f,ff1a-ff1b,ff1f-ff20,ff3b-ff3d,ff3f,ff5b,ff5d,ff5f-ff65,'
    + '10100-10102,1039f,103d0,1056f,10857,1091f,1093f,10a50-10a58,10a7f,10af0-10af6,10b39-10b3f,'
    + '10b99-10b9c,11047-1104d,110bb-110bc,110be-110c1,11140-11143,11174-11175,111c5-111c9,111cd,111db,'
    + '111dd-111df,11238-1123d,112a9,114c6,115c1-115d7,11641-11643,1173c-1173e,12470-12474,16a6e-16a6f,'
    + '16af5,16b37-16b3b,16b44,1bc9f,1da87-1da8b,20000-2a6df,2a700-2b738,2b740-2b81d,2b920-2cea1,'
    + '2f800-2fa1d',
};
// END RUST_TABLES

/** @type {Uint8Array | null} */
let classTable = null;

/** One byte of class flags per code point, from RUST_TABLES. */
function classes() {
  if (classTable) return classTable;
  const table = new Uint8Array(0x110000);
  /** @type {[string, number][]} */
  const sets = [
    [RUST_TABLES.removed, REMOVED], [RUST_TABLES.space, SPACE], [RUST_TABLES.chinese, CHINESE],
    [RUST_TABLES.mark, MARK], [RUST_TABLES.punct, PUNCT], [RUST_TABLES.split, SPLIT], [RUST_TABLES.cut, CUT],
  ];
  for (const [ranges, bit] of sets) {
    for (const range of ranges.split(',')) {
      const [first, last = first] = range.split('-');
      for (let cp = parseInt(first, 16), end = parseInt(last, 16); cp <= end; cp++) table[cp] |= bit;
    }
  }
  classTable = table;
  return table;
}

/**
 * Rust's BertNormalizer (tokenizers/src/normalizers/bert.rs), step for step: clean_text, CJK
 * padding, strip accents (NFD, then drop Mn), lowercase character by character.
 * @param {string} text well-formed UTF-16
 * @param {BertNormalizerOptions} options
 * @returns {string}
 */
export function normalizeLikeRust(text, options) {
  const table = classes();
  const dropMask = options.cleanText ? REMOVED : 0;
  const spaceMask = options.cleanText ? SPACE : 0;
  const padMask = options.chinese ? CHINESE : 0;
  const anyMask = dropMask | spaceMask | padMask;
  let out = '';
  let run = 0; // start of the characters not yet copied to `out`
  for (let i = 0; i < text.length;) {
    const cp = /** @type {number} */ (text.codePointAt(i));
    const width = cp > 0xffff ? 2 : 1;
    const flags = table[cp];
    if (flags & anyMask && cp !== 0x20) { // " " stays " "
      out += text.slice(run, i);
      if (flags & dropMask) {
        // dropped
      } else if (flags & spaceMask) {
        out += ' ';
      } else {
        out += ` ${text.slice(i, i + width)} `;
      }
      run = i + width;
    }
    i += width;
  }
  out += text.slice(run);
  if (options.stripAccents) {
    const nfd = out.normalize('NFD');
    out = '';
    run = 0;
    for (let i = 0; i < nfd.length;) {
      const cp = /** @type {number} */ (nfd.codePointAt(i));
      const width = cp > 0xffff ? 2 : 1;
      if (table[cp] & MARK) {
        out += nfd.slice(run, i);
        run = i + width;
      }
      i += width;
    }
    out += nfd.slice(run);
  }
  // Rust maps each character alone (char::to_lowercase); JS's toLowerCase does too, except that it
  // lowers a word-final capital sigma to ς: lower every Σ to σ first. (Final_Sigma is the only
  // context-dependent rule of the locale-independent toLowerCase.)
  if (options.lowercase) out = out.replaceAll('Σ', 'σ').toLowerCase();
  return out;
}

/**
 * Rust's BertPreTokenizer: split on whitespace (dropped), then isolate each punctuation character.
 * @param {string} text normalized text
 * @returns {string[]} the words WordPiece gets
 */
export function preTokenizeLikeRust(text) {
  const table = classes();
  /** @type {string[]} */
  const words = [];
  let start = -1; // start of the current word, -1 between words
  for (let i = 0; i < text.length;) {
    const cp = /** @type {number} */ (text.codePointAt(i));
    const width = cp > 0xffff ? 2 : 1;
    const flags = table[cp];
    if (flags & (SPLIT | PUNCT)) {
      if (start >= 0) words.push(text.slice(start, i));
      start = -1;
      if (!(flags & SPLIT)) words.push(text.slice(i, i + width));
    } else if (start < 0) {
      start = i;
    }
    i += width;
  }
  if (start >= 0) words.push(text.slice(start));
  return words;
}

/**
 * `word` cut after max + 1 code points (if longer): WordPiece gives [UNK] for either.
 * @param {string} word
 * @param {number} max max_input_chars_per_word
 */
function shortenWord(word, max) {
  if (word.length <= max + 1) return word; // not more than max + 1 code points
  let end = 0;
  for (let n = 0; n <= max; n++) end += /** @type {number} */ (word.codePointAt(end)) > 0xffff ? 2 : 1;
  return word.slice(0, end);
}

/**
 * The model's max_input_chars_per_word (Rust's default: 100).
 * @param {any} model
 */
function checkedMaxWord(model) {
  const max = model.max_input_chars_per_word ?? 100;
  if (!Number.isInteger(max) || max < 1) throw new Error(`unsupported tokenizer.json: max_input_chars_per_word ${JSON.stringify(max)}`);
  return max;
}

/**
 * `text` with each lone surrogate replaced by U+FFFD, as TextEncoder (and String.prototype.toWellFormed)
 * do. Valid pairs stay.
 * @param {string} text
 */
export function replaceLoneSurrogates(text) {
  // A loop, not a regular expression: a lookbehind does not parse in WPE WebKit 2.38, and this module
  // is imported when the worker starts, for every model.
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xD800 || unit > 0xDFFF) continue;
    if (unit <= 0xDBFF) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        i++;
        continue;
      }
    }
    out += `${text.slice(start, i)}\uFFFD`;
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

/**
 * What a non-string value is, for error messages.
 * @param {unknown} value
 */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'no prototype'})`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return typeof value;
}

/**
 * Checks that the file is a tokenizer this module reproduces exactly: a BERT WordPiece tokenizer
 * (BertNormalizer, BertPreTokenizer, TemplateProcessing) with plain added tokens and no padding.
 * Anything else would need code and fixtures that do not exist, so it is refused, not approximated.
 * @param {any} json parsed tokenizer.json
 * @returns {{options: BertNormalizerOptions, before: number, after: number, maxLength: number | null, addedTokens: string[]}}
 */
function checkTokenizerJson(json) {
  const problem = (/** @type {string} */ what) => new Error(`unsupported tokenizer.json: ${what} (worker/tokenize.js reproduces BERT WordPiece tokenizers only)`);
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new TypeError(`tokenizerJson must be the parsed tokenizer.json object, got ${describe(json)}`);
  if (json.model?.type !== 'WordPiece') throw problem(`model type ${JSON.stringify(json.model?.type)}`);
  const norm = json.normalizer;
  if (norm?.type !== 'BertNormalizer') throw problem(`normalizer ${JSON.stringify(norm?.type)}`);
  if (json.pre_tokenizer?.type !== 'BertPreTokenizer') throw problem(`pre_tokenizer ${JSON.stringify(json.pre_tokenizer?.type)}`);
  if (json.padding != null) throw problem('padding is set (ship the file with "padding": null)');
  const post = json.post_processor;
  const single = post?.type === 'TemplateProcessing' ? post.single : null;
  const seq = Array.isArray(single) ? single.findIndex((/** @type {any} */ item) => 'Sequence' in item) : -1;
  if (seq < 0 || single.some((/** @type {any} */ item, /** @type {number} */ i) => i !== seq && !('SpecialToken' in item))) {
    throw problem('post_processor is not a TemplateProcessing of special tokens around one sequence');
  }
  for (const item of single) {
    if ('SpecialToken' in item && post.special_tokens?.[item.SpecialToken.id]?.ids?.length !== 1) {
      throw problem(`template token ${item.SpecialToken.id} is not one id`);
    }
  }
  /** @type {string[]} */
  const addedTokens = [];
  for (const token of json.added_tokens ?? []) {
    // The library ignores single_word; the others would need more than tokenize.js does.
    if (token.normalized || token.single_word || token.lstrip || token.rstrip || typeof token.content !== 'string' || !token.content) {
      throw problem(`added token ${JSON.stringify(token.content)} is normalized, single_word, lstrip, rstrip or empty`);
    }
    addedTokens.push(token.content);
  }
  const trunc = json.truncation;
  if (trunc != null) {
    if (!['LongestFirst', 'OnlyFirst'].includes(trunc.strategy) || (trunc.direction ?? 'Right') !== 'Right') {
      throw problem(`truncation ${trunc.strategy}/${trunc.direction} (only LongestFirst or OnlyFirst, direction Right)`);
    }
    if (!Number.isInteger(trunc.max_length)) throw problem('truncation.max_length is not an integer');
  }
  return {
    options: {
      cleanText: norm.clean_text !== false,
      chinese: norm.handle_chinese_chars !== false,
      stripAccents: norm.strip_accents ?? norm.lowercase !== false,
      lowercase: norm.lowercase !== false,
    },
    before: seq,
    after: single.length - seq - 1,
    maxLength: trunc == null ? null : trunc.max_length,
    addedTokens,
  };
}

/**
 * A tokenizer that gives Python's ids for `tokenizerJson` (the shipped file, truncation included).
 * @param {TokenizerClass} TokenizerClass the library's Tokenizer class (see loadTokenizerLibrary)
 * @param {object} tokenizerJson the parsed tokenizer.json (builder/text_tokenizer.py shipped_tokenizer_json)
 * @param {number} [maxTokens] the manifest's max_tokens: must equal the file's truncation.max_length (a
 *   mismatch means a broken build); truncates here only where the file sets no truncation
 * @returns {TextTokenizer}
 */
export function createTokenizer(TokenizerClass, tokenizerJson, maxTokens) {
  if (typeof TokenizerClass !== 'function') throw new TypeError(`TokenizerClass must be the library's Tokenizer class, got ${describe(TokenizerClass)}`);
  const { options, before, after, maxLength, addedTokens } = checkTokenizerJson(tokenizerJson);
  if (maxTokens !== undefined) {
    if (!Number.isInteger(maxTokens) || maxTokens <= before + after) {
      throw new RangeError(`maxTokens must be an integer above ${before + after} (the special tokens), got ${describe(maxTokens)}`);
    }
    if (maxLength !== null && maxLength !== maxTokens) {
      throw new RangeError(`maxTokens ${maxTokens} differs from the tokenizer file's truncation.max_length ${maxLength}`);
    }
  }
  const limit = maxLength ?? maxTokens ?? Infinity;
  if (limit <= before + after) throw new RangeError(`truncation.max_length ${limit} leaves no room for text`);
  const keep = limit - before - after; // content tokens kept

  const library = new TokenizerClass(tokenizerJson, {});
  if (library.normalizer === undefined || library.pre_tokenizer === undefined || typeof library.encode !== 'function') {
    throw new Error('the tokenizer library has no encode, normalizer or pre_tokenizer (not @huggingface/tokenizers 0.2?)');
  }
  library.normalizer = (/** @type {string} */ text) => normalizeLikeRust(text, options);
  // WordPiece makes a word of more than max_input_chars_per_word code points one [UNK], whatever
  // it holds, but the library first spreads the whole word into an array (slow for a 1 MB word):
  // pass on only its first max + 1 code points, which give the same [UNK].
  const maxWord = checkedMaxWord(/** @type {any} */ (tokenizerJson).model);
  library.pre_tokenizer = (/** @type {string} */ text) => preTokenizeLikeRust(text).map((word) => shortenWord(word, maxWord));

  // Long texts go in pieces that end before a CUT character (see "Long inputs" above), where no
  // added token ("[CLS]" …) occurs across the cut. The CUT table holds for MiniLM's normalizer
  // settings (all four on); with others, long texts are tokenized whole.
  const table = classes();
  const piecewise = keep !== Infinity && options.cleanText && options.chinese && options.stripAccents && options.lowercase;
  /** @param {string} text @param {number} i */
  const cutsBefore = (text, i) => {
    if (!(table[/** @type {number} */ (text.codePointAt(i))] & CUT)) return false;
    for (const token of addedTokens) {
      for (let start = Math.max(0, i - token.length + 1); start < i; start++) {
        if (text.startsWith(token, start)) return false;
      }
    }
    return true;
  };

  /**
   * The library's ids for a piece of text, split into the template's tokens and the text's.
   * @param {string} text
   */
  const run = (text) => {
    const encoded = library.encode(replaceLoneSurrogates(text), { return_token_type_ids: true });
    const { ids } = encoded;
    const typeIds = encoded.token_type_ids ?? ids.map(() => 0);
    const end = ids.length - after;
    return {
      head: { ids: ids.slice(0, before), typeIds: typeIds.slice(0, before) },
      tail: { ids: ids.slice(end), typeIds: typeIds.slice(end) },
      ids: ids.slice(before, end),
      typeIds: typeIds.slice(before, end),
    };
  };

  return {
    maxTokens: limit,
    encode(text) {
      if (typeof text !== 'string') throw new TypeError(`encode() needs a string, got ${describe(text)}`);
      /** @type {number[]} */
      let ids = [];
      /** @type {number[]} */
      let typeIds = [];
      let template = null; // the template's tokens before and after the text's, from the first piece
      // Piece by piece (one piece: the whole text, unless piecewise), each twice as long as the one
      // before, until more tokens than kept: then the kept ones are exact. A piece ends before a CUT
      // character, never inside a surrogate pair, so its lone surrogates are those of the whole text.
      let start = 0;
      let size = FIRST_PIECE_CHARS_PER_TOKEN * limit;
      do {
        let end = piecewise ? Math.min(start + size, text.length) : text.length;
        while (end < text.length && !cutsBefore(text, end)) end++;
        const piece = run(start === 0 && end === text.length ? text : text.slice(start, end));
        template ??= { head: piece.head, tail: piece.tail };
        for (let i = 0; i < piece.ids.length && ids.length <= keep; i++) {
          ids.push(piece.ids[i]);
          typeIds.push(piece.typeIds[i]);
        }
        start = end;
        size *= 2;
      } while (start < text.length && ids.length <= keep);
      const truncated = ids.length > keep;
      if (truncated) {
        // Right truncation of the text's tokens, then the template's tokens around them.
        ids = ids.slice(0, keep);
        typeIds = typeIds.slice(0, keep);
      }
      ids = [...template.head.ids, ...ids, ...template.tail.ids];
      typeIds = [...template.head.typeIds, ...typeIds, ...template.tail.typeIds];
      return { ids, attentionMask: ids.map(() => 1), typeIds, truncated };
    },
  };
}

/** @type {Promise<TokenizerClass> | null} */
let libraryPromise = null;

/**
 * The library's Tokenizer class, imported once from the site's vendored copy (LIBRARY_URL). A failed
 * import is not cached, so a later call (after a network error) tries again.
 * @returns {Promise<TokenizerClass>}
 */
export function loadTokenizerLibrary() {
  libraryPromise ??= import(/* @vite-ignore */ LIBRARY_URL).then(
    (module) => {
      if (typeof module.Tokenizer !== 'function') throw new Error(`${LIBRARY_URL} has no Tokenizer export (not @huggingface/tokenizers?)`);
      return /** @type {TokenizerClass} */ (module.Tokenizer);
    },
    (error) => {
      throw new Error(`could not load the tokenizer library from ${LIBRARY_URL}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    },
  ).catch((error) => {
    libraryPromise = null;
    throw error;
  });
  return libraryPromise;
}
