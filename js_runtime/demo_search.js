// The demo widget for semantic search (task "semantic-search"), on the demo shell (demo_shell.js:
// loading, status, errors, debounce, cancellation). Input: a labelled search box (results update while
// typing, or at once with Enter) and the card's example queries as buttons. Output: the top documents
// with rank, score (cosine similarity, always three decimals), title and passage.
//
// Before the runtime is loaded the first example's precomputed results (from the manifest) are shown,
// marked as precomputed. The manifest names those documents by index only, so the widget downloads the
// corpus's documents artifact (checked against its sha256 like every other file) to show their passages.
//
// Contract of the model call (the public API):
//   await m.predict(query, {signal, topK?}) → [{rank, index, score, title, text}], best first;
//   non-enumerable `ms` and `notice` (a sentence, e.g. the query was cut). An empty query rejects.
// Model, document and visitor text only ever goes into the page as text nodes.
import { h } from './dom.js';
import { mountShell } from './demo_shell.js';
import { exampleButtons, precomputedAnswer, textExamples } from './demo_text.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./demo_shell.js').Api} Api */
/** @typedef {import('./demo_shell.js').Model} Model */
/** @typedef {import('./demo_text.js').TextExample} TextExample */

/**
 * One found document.
 * @typedef {object} Hit
 * @property {number} rank 1 = best
 * @property {number} index the document's index in the corpus
 * @property {number} score cosine similarity of query and document
 * @property {string} title
 * @property {string | null} text the passage; null while the precomputed results wait for the documents
 */

/**
 * @typedef {object} Found
 * @property {Hit[]} hits best first
 * @property {string} notice '' or a sentence for visitors
 * @property {number} [ms]
 */

/** @typedef {{title: string, text: string}} Document */
/** @typedef {{predict(query: string, options: {signal: AbortSignal, topK?: number}): Promise<unknown>}} SearchModel */

/** How many documents to show. */
export const TOP_K = 10;
/** Searching is cheap (one short query): a little longer than the shell's default, so words finish first. */
const DEBOUNCE_MS = 250;
/** Announce results reached by typing once the visitor has paused this long. */
const ANNOUNCE_PAUSE_MS = 1200;
/** Passages longer than this are cut (at a word) with a button that shows the rest. */
export const PASSAGE_CHARS = 320;

/**
 * Replace the static content of `root` (a `.vitrine-demo` element) with the search widget.
 * @param {HTMLElement} root
 * @param {ModelEntry} info
 * @param {Api} api
 * @param {string} variant a variant name or "auto"
 */
export function mountSearch(root, info, api, variant) {
  const examples = textExamples(info);
  const corpus = /** @type {{count?: unknown} | undefined} */ (/** @type {Record<string, any>} */ (info.postprocessing).corpus);
  const count = typeof corpus?.count === 'number' ? corpus.count : null;

  /** @type {import('./demo_shell.js').Shell<string>} */
  const shell = mountShell(root, info, api, {
    variant,
    layout: 'stacked',
    debounceMs: DEBOUNCE_MS,
    inputsLabel: `Search with ${info.title}`,
    async predict(model, query, signal) {
      if (model.backend === 'static') return precomputedAnswer(model, query, exampleFound, 'query', 'example queries');
      return readHits(await /** @type {SearchModel} */ (/** @type {unknown} */ (model)).predict(query, { signal, topK: TOP_K }));
    },
    onResult: (found, query, run) => showFound(found, query, run.live ? 'live' : 'precomputed'),
    onError: () => markStale(),
    onVisible: () => {
      if (box.value.trim()) shell.runNow(box.value);
      else shell.load().catch((e) => shell.showError(e));
    },
  });
  const { uid } = shell;
  root.classList.add('vitrine-demo--search');

  // ---- input ----
  const boxId = `${uid}-query`;
  const hintId = `${uid}-query-hint`;
  const box = h('input', {
    type: 'search', id: boxId, name: 'q', class: 'vitrine-search-box', autocomplete: 'off', spellcheck: 'false',
    enterkeyhint: 'search', 'aria-describedby': hintId,
  });
  const form = h('form', { class: 'vitrine-search-form', role: 'search', novalidate: true },
    h('label', { for: boxId }, 'Search query'),
    h('div', { class: 'vitrine-search-row' },
      box,
      h('button', { type: 'submit', class: 'vitrine-search-button md-button md-button--primary' }, 'Search')),
    h('small', { class: 'vitrine-hint', id: hintId },
      'Results update as you type; Enter searches at once. Your query stays in your browser.'));
  const exampleList = exampleButtons(examples, `${uid}-examples`, 'Example queries', (example) => pickExample(example));
  shell.inputs.append(form, ...(exampleList ? [exampleList] : []), shell.staticNote);

  // ---- output ----
  const source = h('p', { class: 'vitrine-source' });
  const summary = h('p', { class: 'vitrine-search-summary', id: `${uid}-summary` });
  const notice = h('p', { class: 'vitrine-text-notice', role: 'note', hidden: true });
  const scoreHint = h('p', { class: 'vitrine-search-hint' },
    'Score: cosine similarity of the query and the passage (higher is closer in meaning).');
  const list = h('ol', { class: 'vitrine-results', 'aria-labelledby': summary.id });
  const documentsNote = h('p', { class: 'vitrine-documents-note', hidden: true });
  shell.output.append(h('div', { class: 'vitrine-panel vitrine-search-result' },
    source, summary, scoreHint, notice, list, documentsNote));
  root.dataset.source = 'none';

  // ---- the documents, for precomputed results (live ones carry their passages) ----
  /** @type {Document[] | null} */
  let documents = null;
  const documentsReady = loadDocuments(info).then((docs) => {
    documents = docs;
    fillPassages();
  }, (e) => {
    console.warn('[vitrine] the documents of the precomputed results could not be loaded:', e);
    documentsNote.textContent = e instanceof Error ? e.message : String(e);
    documentsNote.hidden = false;
    fillPassages();
  });
  void documentsReady;

  // ---- state ----
  /** @type {Found | null} */
  let shown = null;
  /** @type {string | null} */
  let shownQuery = null;
  let announced = '';
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let announceTimer;
  let announceNow = false;
  /** Nothing is announced until the visitor has typed or picked something (not the first paint's run). */
  let interacted = false;

  /**
   * @param {Found} found
   * @param {string} query
   * @param {'live'|'precomputed'} kind
   */
  function showFound(found, query, kind) {
    shown = found;
    shownQuery = query;
    root.dataset.source = kind;
    delete root.dataset.stale;
    delete root.dataset.pending;
    const example = examples.find((e) => e.text === query);
    source.textContent = kind === 'live' ? 'Live results, calculated in your browser.'
      : `Precomputed ${example ? 'for this example ' : ''}when the site was built (Python onnxruntime).` +
        (shell.isStatic() ? '' : ' Edit the query to search in your browser.');
    summary.textContent = found.hits.length
      ? `Top ${found.hits.length}${count ? ` of ${count.toLocaleString('en')} passages` : ''} for “${query}”`
      : `Nothing found for “${query}”.`;
    notice.textContent = found.notice;
    notice.hidden = !found.notice;
    list.replaceChildren(...found.hits.map((hit) => resultItem(hit)));
    fillPassages();
    scheduleAnnouncement();
  }

  /** @param {Hit} hit */
  function resultItem(hit) {
    const passage = h('p', { class: 'vitrine-result-text', id: `${uid}-passage-${hit.rank}` });
    const item = h('li', { class: 'vitrine-result', 'data-index': String(hit.index), 'data-score': String(hit.score) },
      h('div', { class: 'vitrine-result-head' },
        h('span', { class: 'vitrine-result-rank', 'aria-hidden': 'true' }, `${hit.rank}`),
        h('strong', { class: 'vitrine-result-title' }, hit.title),
        h('span', { class: 'vitrine-result-score' },
          h('span', { class: 'vitrine-sr-only' }, 'similarity '), h('span', { class: 'vitrine-result-score-value' }, formatScore(hit.score)))),
      passage);
    setPassage(item, passage, hit);
    return item;
  }

  /**
   * @param {HTMLElement} item
   * @param {HTMLElement} passage
   * @param {Hit} hit
   */
  function setPassage(item, passage, hit) {
    item.querySelector('.vitrine-passage-toggle')?.remove();
    const text = hit.text ?? documentText(hit);
    passage.classList.toggle('vitrine-result-text--missing', text === null);
    if (text === null) {
      passage.textContent = documents === null && documentsNote.hidden ? 'Loading the passage…' : 'The passage could not be loaded.';
      return;
    }
    const short = cutPassage(text, PASSAGE_CHARS);
    passage.textContent = short;
    if (short === text) return;
    const toggle = h('button', {
      type: 'button', class: 'vitrine-passage-toggle', 'aria-expanded': 'false', 'aria-controls': passage.id,
    }, 'Show the whole passage');
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      passage.textContent = open ? text : short;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = open ? 'Show less' : 'Show the whole passage';
    });
    item.append(toggle);
  }

  /**
   * The passage of a precomputed hit, from the documents artifact (when it names the same title).
   * @param {Hit} hit
   * @returns {string | null}
   */
  function documentText(hit) {
    const doc = documents?.[hit.index];
    return doc && doc.title === hit.title && typeof doc.text === 'string' ? doc.text : null;
  }

  /** Put the downloaded passages into precomputed results that wait for them. */
  function fillPassages() {
    if (!shown) return;
    const items = /** @type {HTMLElement[]} */ ([...list.children]);
    shown.hits.forEach((hit, i) => {
      const item = items[i];
      const passage = item?.querySelector('.vitrine-result-text');
      if (hit.text === null && passage instanceof HTMLElement && passage.classList.contains('vitrine-result-text--missing')) {
        setPassage(item, passage, hit);
      }
    });
  }

  /** @param {string} message */
  function clearFound(message) {
    shown = null;
    shownQuery = null;
    root.dataset.source = 'none';
    delete root.dataset.stale;
    delete root.dataset.pending;
    source.textContent = message;
    summary.textContent = '';
    scoreHint.hidden = true;
    notice.hidden = true;
    list.replaceChildren();
  }

  function markStale() {
    if (shownQuery === null || shownQuery === box.value) return;
    delete root.dataset.pending;
    root.dataset.stale = 'true';
    source.textContent = 'Results for the previous query, not the one in the box.';
  }

  function scheduleAnnouncement() {
    clearTimeout(announceTimer);
    if (!interacted) return;
    const now = announceNow;
    announceNow = false;
    announceTimer = setTimeout(() => {
      if (!shown) return;
      const best = shown.hits[0];
      const text = best
        ? `${shown.hits.length} results. Best: ${best.title}, similarity ${formatScore(best.score)}.`
        : 'Nothing found.';
      if (text === announced && !now) return;
      announced = text;
      shell.announce(text);
    }, now ? 0 : ANNOUNCE_PAUSE_MS);
  }

  // ---- running ----
  /**
   * The results shown are not for `query` (yet): `data-pending` says so (no visual change while typing).
   * @param {string} query
   */
  function supersede(query) {
    if (shownQuery !== null && shownQuery !== query) root.dataset.pending = 'true';
  }

  box.addEventListener('input', () => {
    interacted = true;
    supersede(box.value);
    if (!box.value.trim()) {
      shell.cancel();
      shell.clearError();
      clearFound('Type a question or some words, or pick an example query.');
      return;
    }
    shell.run(box.value);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    interacted = true;
    if (!box.value.trim()) {
      box.focus();
      return;
    }
    announceNow = true;
    shell.runNow(box.value);
  });

  /** @param {TextExample} example */
  function pickExample(example) {
    box.value = example.text;
    interacted = true;
    supersede(example.text);
    announceNow = true;
    const model = shell.model();
    if (!model || model.backend === 'static') {
      shell.cancel();
      shell.clearError();
      showFound(exampleFound(example), example.text, 'precomputed');
    }
    if (model?.backend !== 'static') shell.runNow(example.text);
  }

  // ---- first paint: the first example, precomputed ----
  const first = examples[0];
  if (first) {
    box.value = first.text;
    showFound(exampleFound(first), first.text, 'precomputed');
  } else {
    clearFound('Type a question or some words.');
  }
}

/**
 * The corpus's documents ([{title, text}]), downloaded from the manifest's documents artifact and checked
 * against its sha256 (where the browser can hash: secure contexts).
 * @param {ModelEntry} info
 * @param {typeof fetch} [fetchImpl]
 * @returns {Promise<Document[]>}
 */
export async function loadDocuments(info, fetchImpl = (input, init) => fetch(input, init)) {
  const artifacts = /** @type {{kind: string, url: string, sha256?: string}[]} */ (/** @type {unknown} */ (info.artifacts ?? []));
  const artifact = artifacts.find((a) => a.kind === 'documents' && typeof a.url === 'string');
  if (!artifact) throw new Error('The passages of the precomputed results are not part of this build.');
  let response;
  try {
    response = await fetchImpl(artifact.url);
  } catch {
    throw new Error('The passages of the precomputed results could not be downloaded; check the connection and reload the page.');
  }
  if (!response.ok) throw new Error(`The passages of the precomputed results could not be downloaded (HTTP ${response.status}).`);
  const bytes = await response.arrayBuffer();
  const subtle = globalThis.crypto?.subtle;
  if (artifact.sha256 && subtle) {
    const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
    const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    if (hex !== artifact.sha256.toLowerCase()) {
      throw new Error('The passages of the precomputed results are damaged (they do not match the site\'s manifest), so they are not shown. ' +
        'Reload the page; if that does not help, the site needs to be published again.');
    }
  }
  let docs;
  try {
    docs = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    docs = null;
  }
  if (!Array.isArray(docs)) throw new Error('The passages of the precomputed results are damaged (not a list of documents).');
  return docs;
}

/**
 * The model's answer checked against the contract, best first, at most TOP_K.
 * @param {unknown} answer
 * @returns {Found}
 */
export function readHits(answer) {
  const bad = () => {
    console.error('[vitrine] predict() answered, for a query, something other than [{rank, index, score, title, text}]:', answer);
    return new Error('The model returned an answer this page cannot show. The browser console has the technical details.');
  };
  if (!Array.isArray(answer)) throw bad();
  /** @type {Hit[]} */
  const hits = [];
  for (const item of answer) {
    const { index, score, title, text } = /** @type {Record<string, any>} */ (item ?? {});
    if (!Number.isInteger(index) || !Number.isFinite(score) || typeof title !== 'string') throw bad();
    hits.push({ rank: 0, index, score, title, text: typeof text === 'string' ? text : null });
  }
  hits.sort((a, b) => b.score - a.score || a.index - b.index);
  const top = hits.slice(0, TOP_K).map((hit, i) => ({ ...hit, rank: i + 1 }));
  const extra = /** @type {{notice?: unknown, ms?: unknown}} */ (answer);
  return {
    hits: top,
    notice: typeof extra.notice === 'string' ? extra.notice : '',
    ...(typeof extra.ms === 'number' ? { ms: extra.ms } : {}),
  };
}

/**
 * An example's precomputed results ({index, score, title}; passages come from the documents).
 * @param {TextExample} example
 * @returns {Found}
 */
function exampleFound(example) {
  return { ...readHits(example.output), ms: 0 };
}

/**
 * `text` cut to about `limit` characters at a word boundary, with "…"; unchanged when short enough.
 * @param {string} text
 * @param {number} limit
 */
export function cutPassage(text, limit) {
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  const space = head.lastIndexOf(' ');
  return `${(space > limit * 0.6 ? head.slice(0, space) : head).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * A similarity, always with three decimals: "0.675", "−0.012".
 * @param {number} score
 */
export function formatScore(score) {
  const text = Math.abs(score).toFixed(3);
  return score < 0 && text !== '0.000' ? `−${text}` : text;
}
