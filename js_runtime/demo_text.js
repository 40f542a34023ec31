// The demo widget for text classification (task "text-classification"), on the demo shell
// (demo_shell.js: loading, status, errors, debounce, cancellation). Input: a labelled textarea and the
// card's example texts as buttons. Output: the verdict, every label's probability as a bar with its
// number, any notice (the text was cut to the model's length), and which words pushed the verdict:
// highlighted in a copy of the text, and listed in words (the text alternative of the highlights).
//
// Runs: the verdict first (a plain predict, debounced while typing, a superseded one cancelled by the
// shell), then, once the text has rested a little, the word importance (one batched run of the text
// with each word removed), also cancelled the moment the text changes. Before the runtime is loaded
// the first example's precomputed answer (from the manifest) is shown, marked as precomputed.
//
// Contract of the model call (the public API):
//   await m.predict(text, {signal, words?}) → [{label, score (0..1), index}] for every label, best first;
//   non-enumerable `ms`, `notice` (a sentence, e.g. the text was truncated) and, with words: true,
//   `words: [{text, start, end, weight}]` (UTF-16 offsets into the text; weight: how much the top label's
//   probability drops when the word is removed, positive = the word supports the top label).
// Model and visitor text only ever goes into the page as text nodes.
import { h } from './dom.js';
import { mountShell } from './demo_shell.js';
import { isAbortError } from './worker_client.js';
import { latestOnly } from './latest_only.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./demo_shell.js').Api} Api */
/** @typedef {import('./demo_shell.js').Model} Model */

/**
 * @typedef {object} LabelScore
 * @property {string} label
 * @property {number} score 0..1
 * @property {number} index the label's index in the model's output
 */

/**
 * @typedef {object} WordWeight
 * @property {string} text
 * @property {number} start UTF-16 offset into the text
 * @property {number} end
 * @property {number} weight drop of the top label's probability without this word (positive: supports it)
 */

/**
 * What the widget shows for one text.
 * @typedef {object} Verdict
 * @property {LabelScore[]} scores every label, best first
 * @property {string} notice '' or a sentence for visitors (e.g. the text was cut)
 * @property {number} [ms] session time in the worker (the shell's status line shows it)
 */

/**
 * A precomputed example of a text task (the manifest's `examples`).
 * @typedef {object} TextExample
 * @property {string} text
 * @property {any[]} output
 */

/** @typedef {{predict(text: string, options: {signal: AbortSignal, words?: boolean}): Promise<unknown>}} TextModel */

/** Wait after the verdict before asking which words mattered (the costly batched run). */
export const WORDS_DELAY_MS = 400;
/** Announce a verdict reached by typing once the visitor has paused this long (not on every keystroke). */
export const ANNOUNCE_PAUSE_MS = 1200;
/** Words whose removal moves the top label's probability by less than this are neither marked nor listed. */
export const MIN_WEIGHT = 0.005;
/** How many words per direction the text alternative lists. */
export const LISTED_WORDS = 5;

/**
 * Replace the static content of `root` (a `.vitrine-demo` element) with the text-classification widget.
 * @param {HTMLElement} root
 * @param {ModelEntry} info
 * @param {Api} api
 * @param {string} variant a variant name or "auto"
 */
export function mountText(root, info, api, variant) {
  const examples = textExamples(info);
  const labels = info.labels;

  /** @type {import('./demo_shell.js').Shell<string>} */
  const shell = mountShell(root, info, api, {
    variant,
    layout: 'stacked',
    inputsLabel: `Text for ${info.title}`,
    async predict(model, text, signal) {
      if (model.backend === 'static') return precomputedAnswer(model, text, exampleVerdict, 'text', 'examples');
      return readVerdict(await /** @type {TextModel} */ (/** @type {unknown} */ (model)).predict(text, { signal }));
    },
    onResult: (verdict, text, run) => {
      showVerdict(verdict, text, run.live ? 'live' : 'precomputed');
      if (run.live) wordsRunner.submit(text);
      else showWordsUnavailable('Word importance needs the live model, which cannot run here.');
    },
    onError: () => markStale(),
    onVisible: () => {
      // The text on screen, live, as soon as the demo is in view (this loads the model).
      if (textarea.value.trim()) shell.runNow(textarea.value);
      else shell.load().catch((e) => shell.showError(e));
    },
  });
  const { uid } = shell;
  root.classList.add('vitrine-demo--text');

  // ---- input ----
  const textId = `${uid}-text`;
  const hintId = `${uid}-text-hint`;
  const textarea = h('textarea', {
    id: textId, class: 'vitrine-textarea', rows: 6, spellcheck: 'false', autocomplete: 'off',
    'aria-describedby': hintId,
  });
  const field = h('div', { class: 'vitrine-text-field' },
    h('label', { for: textId }, 'Text to classify'),
    textarea,
    h('small', { class: 'vitrine-hint', id: hintId },
      'The verdict updates as you type. The text stays in your browser.'));
  const exampleList = exampleButtons(examples, `${uid}-examples`, 'Example texts', (example) => pickExample(example));
  shell.inputs.append(field, ...(exampleList ? [exampleList] : []), shell.staticNote);

  // ---- output ----
  const source = h('p', { class: 'vitrine-source' });
  const label = h('strong', { class: 'vitrine-label' }, '–');
  const labelLine = h('p', { class: 'vitrine-label-line' }, 'Verdict: ', label);
  const notice = h('p', { class: 'vitrine-text-notice', role: 'note', hidden: true });
  const scoresTitle = h('p', { class: 'vitrine-topk-title', id: `${uid}-scores` }, 'Probability of each label');
  const scoreList = h('ol', { class: 'vitrine-scores', 'aria-labelledby': scoresTitle.id });
  const wordsTitle = h('p', { class: 'vitrine-topk-title', id: `${uid}-words` }, 'Words that mattered');
  const wordsStatus = h('p', { class: 'vitrine-words-status' });
  // The highlighted copy is for eyes; the list under it says the same in words (and is what screen readers get).
  const highlighted = h('p', { class: 'vitrine-highlighted', 'aria-hidden': 'true', hidden: true });
  const legend = h('p', { class: 'vitrine-words-legend', 'aria-hidden': 'true', hidden: true });
  const wordsText = h('div', { class: 'vitrine-words-text', hidden: true });
  const wordsBox = h('section', { class: 'vitrine-words', 'aria-labelledby': wordsTitle.id },
    wordsTitle, wordsStatus, highlighted, legend, wordsText);
  shell.output.append(h('div', { class: 'vitrine-panel vitrine-text-result' },
    source, labelLine, notice, scoresTitle, scoreList, wordsBox));
  root.dataset.source = 'none';

  // ---- state ----
  /** The text the shown verdict is for. @type {string | null} */
  let shownText = null;
  /** @type {LabelScore[]} */
  let shownScores = [];
  let announced = '';
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let announceTimer;
  /** Announce the next verdict at once (an example or a deliberate run), not after a typing pause. */
  let announceNow = false;
  /** Nothing is announced until the visitor has typed or picked something (not the first paint's run). */
  let interacted = false;

  /**
   * @param {Verdict} verdict
   * @param {string} text what it is for
   * @param {'live'|'precomputed'} kind
   */
  function showVerdict(verdict, text, kind) {
    const { scores } = verdict;
    shownText = text;
    shownScores = scores;
    root.dataset.source = kind;
    delete root.dataset.stale;
    delete root.dataset.pending;
    const example = examples.find((e) => e.text === text);
    source.textContent = kind === 'live' ? 'Live prediction, calculated in your browser.'
      : `Precomputed ${example ? 'for this example ' : ''}when the site was built (Python onnxruntime).` +
        (shell.isStatic() ? '' : ' Edit the text to run the model in your browser.');
    label.textContent = scores[0]?.label ?? '–';
    scoreList.replaceChildren(...scores.map((s, i) => scoreRow(s, i === 0)));
    notice.textContent = verdict.notice;
    notice.hidden = !verdict.notice;
    scheduleAnnouncement();
  }

  /**
   * @param {LabelScore} s
   * @param {boolean} top
   */
  function scoreRow(s, top) {
    const fill = h('span', { class: 'vitrine-bar-fill' });
    fill.style.width = `${clamp01(s.score) * 100}%`;
    return h('li', { class: `vitrine-score${top ? ' vitrine-score--top' : ''}`, 'data-label': s.label, 'data-score': String(s.score) },
      h('span', { class: 'vitrine-score-name' }, s.label),
      h('span', { class: 'vitrine-score-value' }, formatPercent(s.score)),
      h('span', { class: 'vitrine-bar', 'aria-hidden': 'true' }, fill));
  }

  function clearVerdict() {
    shownText = null;
    shownScores = [];
    root.dataset.source = 'none';
    delete root.dataset.stale;
    delete root.dataset.pending;
    source.textContent = 'Type or paste some text, or pick an example.';
    label.textContent = '–';
    scoreList.replaceChildren();
    notice.hidden = true;
    notice.textContent = '';
    clearWords('');
  }

  /** The shown verdict is for other text (the newest run failed): say so. */
  function markStale() {
    if (shownText === null || shownText === textarea.value) return;
    delete root.dataset.pending;
    root.dataset.stale = 'true';
    source.textContent = 'Verdict for the previous text, not the one in the box.';
  }

  // ---- announcements: the verdict, once typing pauses (or at once for an example) ----
  function scheduleAnnouncement() {
    clearTimeout(announceTimer);
    if (!interacted) return;
    const now = announceNow;
    announceNow = false;
    announceTimer = setTimeout(() => {
      const top = shownScores[0];
      if (!top) return;
      const text = `Verdict: ${top.label}, ${formatPercent(top.score)}.`;
      if (text === announced && !now) return;
      announced = text;
      shell.announce(text);
    }, now ? 0 : ANNOUNCE_PAUSE_MS);
  }

  // ---- word importance: its own latest-only runner, after the verdict ----
  const wordsRunner = latestOnly(
    /** @returns {Promise<{words: WordWeight[], scores: LabelScore[]}>} */
    async (text, signal) => {
      const model = shell.model();
      if (!model || model.backend === 'static') throw new Error('Word importance needs the live model.');
      wordsBox.setAttribute('aria-busy', 'true');
      wordsStatus.textContent = 'Finding the words that mattered…';
      const answer = await /** @type {TextModel} */ (/** @type {unknown} */ (model)).predict(text, { signal, words: true });
      return { words: readWords(answer, text), scores: readVerdict(answer).scores };
    },
    {
      delay: WORDS_DELAY_MS,
      onResult({ words, scores }, text) {
        wordsBox.removeAttribute('aria-busy');
        if (text !== textarea.value) return;
        showWords(words, scores, text);
      },
      onError(error, text) {
        wordsBox.removeAttribute('aria-busy');
        if (text !== textarea.value || isAbortError(error)) return;
        console.warn('[vitrine] word importance failed:', error);
        showWordsUnavailable(`Word importance is not available for this text: ${error instanceof Error ? error.message : String(error)}`);
      },
    },
  );

  /**
   * @param {WordWeight[]} words
   * @param {LabelScore[]} scores the same run's scores (its top label is the one the weights are about)
   * @param {string} text
   */
  function showWords(words, scores, text) {
    const top = scores[0];
    if (!top) return clearWords('');
    const other = labels.length === 2 ? labels.find((l) => l !== top.label) ?? null : null;
    const directions = wordDirections(top.label, other);
    delete wordsBox.dataset.stale;
    const marked = words.filter((w) => Math.abs(w.weight) >= MIN_WEIGHT);
    const scale = Math.max(0.05, ...marked.map((w) => Math.abs(w.weight)));
    highlighted.replaceChildren(...highlightNodes(text, marked, (w) => {
      const d = w.weight >= 0 ? directions.towards : directions.away;
      const mark = h('mark', { class: `vitrine-word vitrine-word--${d.key}`, 'data-weight': String(w.weight) });
      mark.style.setProperty('--w', (Math.min(1, Math.abs(w.weight) / scale)).toFixed(3));
      return mark;
    }));
    highlighted.hidden = marked.length === 0;
    legend.replaceChildren(
      h('span', { class: `vitrine-word vitrine-word--${directions.towards.key}` }, directions.towards.name),
      ' ',
      h('span', { class: `vitrine-word vitrine-word--${directions.away.key}` }, directions.away.name));
    legend.hidden = marked.length === 0;
    wordsText.replaceChildren(...describeWords(marked, directions, top.label).map((line) => h('p', {}, line)));
    wordsText.hidden = false;
    wordsStatus.textContent = marked.length
      ? `Marked: words that change the probability of “${top.label}” by ${MIN_WEIGHT} or more when they are left out; ` +
        'the number says by how much.'
      : '';
  }

  /** @param {string} message */
  function showWordsUnavailable(message) {
    clearWords(message);
  }

  /** @param {string} message */
  function clearWords(message) {
    wordsRunner.cancel();
    delete wordsBox.dataset.stale;
    wordsBox.removeAttribute('aria-busy');
    highlighted.replaceChildren();
    highlighted.hidden = true;
    legend.hidden = true;
    wordsText.replaceChildren();
    wordsText.hidden = true;
    wordsStatus.textContent = message;
  }

  // ---- running ----
  /**
   * What is shown is about to be replaced (or is for other text): the word importance is dimmed and its
   * run cancelled (a run still queued in the worker is dropped); `data-pending` marks the verdict as
   * not yet for the text in the box (no visual change, so typing does not flicker).
   * @param {string} text the text in the box now
   */
  function supersede(text) {
    wordsRunner.cancel();
    if (!highlighted.hidden || !wordsText.hidden) wordsBox.dataset.stale = 'true';
    if (shownText !== null && shownText !== text) root.dataset.pending = 'true';
  }

  /** @param {string} text */
  function onTextChanged(text) {
    interacted = true;
    supersede(text);
    if (!text.trim()) {
      shell.cancel();
      shell.clearError();
      clearVerdict();
      return;
    }
    shell.run(text);
  }

  textarea.addEventListener('input', () => onTextChanged(textarea.value));

  /** @param {TextExample} example */
  function pickExample(example) {
    textarea.value = example.text;
    interacted = true;
    supersede(example.text);
    announceNow = true;
    const model = shell.model();
    if (!model || model.backend === 'static') {
      // Before the runtime is here (or where it cannot run): the build's answer at once.
      shell.cancel();
      shell.clearError();
      showVerdict(exampleVerdict(example), example.text, 'precomputed');
      clearWords(model ? 'Word importance needs the live model, which cannot run here.' : '');
    }
    if (model?.backend !== 'static') shell.runNow(example.text);
  }

  // ---- first paint: the first example, precomputed ----
  const first = examples[0];
  if (first) {
    textarea.value = first.text;
    showVerdict(exampleVerdict(first), first.text, 'precomputed');
    wordsStatus.textContent = 'The words that mattered are shown once the model runs in your browser.';
  } else {
    clearVerdict();
  }
}

/**
 * The manifest's examples of a text task ({text, output}), skipping anything else.
 * @param {ModelEntry} info
 * @returns {TextExample[]}
 */
export function textExamples(info) {
  const list = /** @type {unknown[]} */ (Array.isArray(info.examples) ? info.examples : []);
  return /** @type {TextExample[]} */ (list.filter((e) => {
    const x = /** @type {Record<string, unknown> | null} */ (e);
    return x !== null && typeof x === 'object' && typeof x.text === 'string' && Array.isArray(x.output);
  }));
}

/**
 * The card's example texts (or queries) as buttons in a labelled list; null when there are none.
 * @template {{text: string}} E
 * @param {E[]} examples
 * @param {string} id for the list's title
 * @param {string} title
 * @param {(example: E, button: HTMLButtonElement) => void} onPick
 * @returns {HTMLElement | null}
 */
export function exampleButtons(examples, id, title, onPick) {
  if (!examples.length) return null;
  const list = h('ul', { class: 'vitrine-text-examples-list', 'aria-labelledby': id });
  for (const example of examples) {
    const button = h('button', { type: 'button', class: 'vitrine-text-example' },
      h('span', { class: 'vitrine-text-example-text' }, example.text));
    button.addEventListener('click', () => onPick(example, button));
    list.append(h('li', {}, button));
  }
  return h('div', { class: 'vitrine-text-examples' }, h('p', { class: 'vitrine-examples-title', id }, title), list);
}

/**
 * The precomputed answer for an example, as the widget shows a live one.
 * @param {TextExample} example
 * @returns {Verdict}
 */
function exampleVerdict(example) {
  return { ...readVerdict(example.output), ms: 0 };
}

/**
 * The static tier answers only the examples (with what the build computed, read by `read`); other
 * input gets a sentence naming `what` it is and which `examples` it may be instead.
 * @template T
 * @param {Model} model
 * @param {string} text
 * @param {(example: TextExample) => T} read
 * @param {string} what e.g. "text"
 * @param {string} examples e.g. "examples"
 * @returns {T}
 */
export function precomputedAnswer(model, text, read, what, examples) {
  const example = textExamples(model.info).find((e) => e.text === text);
  if (example) return read(example);
  const why = 'notice' in model && typeof model.notice === 'string' ? ` ${model.notice}` : '';
  throw new Error(`This ${what} is not one of the ${examples}, and the model cannot run here.${why}`);
}

/**
 * The model's answer checked against the contract (a mismatch fails with a sentence, not a half-drawn
 * widget): every label with its score, best first, and the notice, if any.
 * @param {unknown} answer
 * @returns {Verdict}
 */
export function readVerdict(answer) {
  const bad = () => {
    console.error('[vitrine] predict() answered, for a text, something other than [{label, score, index}]:', answer);
    return new Error('The model returned an answer this page cannot show. The browser console has the technical details.');
  };
  if (!Array.isArray(answer)) throw bad();
  /** @type {LabelScore[]} */
  const scores = [];
  for (const item of answer) {
    const { label, score, index } = /** @type {Record<string, any>} */ (item ?? {});
    if (typeof label !== 'string' || !Number.isFinite(score)) throw bad();
    scores.push({ label, score: clamp01(score), index: Number.isInteger(index) ? index : -1 });
  }
  scores.sort((a, b) => b.score - a.score);
  const extra = /** @type {{notice?: unknown, ms?: unknown}} */ (answer);
  return {
    scores,
    notice: typeof extra.notice === 'string' ? extra.notice : '',
    ...(typeof extra.ms === 'number' ? { ms: extra.ms } : {}),
  };
}

/**
 * The answer's word weights, kept only where they are sound for `text`: numbers, inside the text, in
 * order and not overlapping.
 * @param {unknown} answer
 * @param {string} text
 * @returns {WordWeight[]}
 */
export function readWords(answer, text) {
  const raw = /** @type {{words?: unknown}} */ (answer ?? {}).words;
  if (!Array.isArray(raw)) return [];
  /** @type {WordWeight[]} */
  const words = raw
    .map((w) => /** @type {Record<string, any>} */ (w ?? {}))
    .filter((w) => Number.isInteger(w.start) && Number.isInteger(w.end) && w.start >= 0 && w.end > w.start &&
      w.end <= text.length && Number.isFinite(w.weight))
    .map((w) => ({ text: text.slice(w.start, w.end), start: w.start, end: w.end, weight: w.weight }))
    .sort((a, b) => a.start - b.start);
  /** @type {WordWeight[]} */
  const out = [];
  for (const w of words) if (!out.length || w.start >= out[out.length - 1].end) out.push(w);
  return out;
}

/**
 * @typedef {object} Direction
 * @property {string} key CSS modifier: "a" or "b" (a colour and an underline style)
 * @property {string} name for the legend: "towards spam"
 * @property {string} lead for the list: "Words that pushed towards spam"
 * @property {1|-1} sign how the list writes a weight of this direction: +|w| or −|w|
 */

/**
 * What a positive and a negative weight mean, in words. With two labels each direction is named by its
 * label and keeps its colour whichever label wins (the labels in sorted order: "a" for the second), and
 * a word that lowers one label raises the other by as much, so both lists show positive numbers; with
 * more labels, a negative weight means away from the top label (the list shows it negative).
 * @param {string} top the top label the weights are about
 * @param {string | null} other the other label, when there are exactly two
 * @returns {{towards: Direction, away: Direction}}
 */
export function wordDirections(top, other) {
  if (other === null) {
    return {
      towards: { key: 'a', name: `towards ${top}`, lead: `Words that pushed towards ${top}`, sign: 1 },
      away: { key: 'b', name: `away from ${top}`, lead: `Words that pushed away from ${top}`, sign: -1 },
    };
  }
  const [first] = [top, other].sort();
  return {
    towards: { key: top === first ? 'b' : 'a', name: `towards ${top}`, lead: `Words that pushed towards ${top}`, sign: 1 },
    away: { key: other === first ? 'b' : 'a', name: `towards ${other}`, lead: `Words that pushed towards ${other}`, sign: 1 },
  };
}

/**
 * The text alternative of the highlights: per direction, the strongest words with how much each moved
 * the probability. "Words that pushed towards spam: FREE (+0.210), prize (+0.150)."
 * @param {WordWeight[]} words already filtered to those that matter
 * @param {{towards: Direction, away: Direction}} directions
 * @param {string} top the label the weights are about
 * @returns {string[]}
 */
export function describeWords(words, directions, top) {
  if (!words.length) return [`No single word, left out, changes the probability of “${top}” by ${MIN_WEIGHT} or more.`];
  const lines = [];
  for (const [d, side] of /** @type {const} */ ([[directions.towards, 1], [directions.away, -1]])) {
    const picked = words.filter((w) => side * w.weight > 0)
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
      .slice(0, LISTED_WORDS);
    if (picked.length) lines.push(`${d.lead}: ${picked.map((w) => `${w.text} (${formatWeight(d.sign * Math.abs(w.weight))})`).join(', ')}.`);
  }
  return lines;
}

/**
 * `text` as nodes: plain text between the words, each word wrapped by `wrap` (text nodes only).
 * @param {string} text
 * @param {WordWeight[]} words sorted, not overlapping, inside the text
 * @param {(word: WordWeight) => HTMLElement} wrap
 * @returns {Node[]}
 */
export function highlightNodes(text, words, wrap) {
  /** @type {Node[]} */
  const nodes = [];
  let at = 0;
  for (const w of words) {
    if (w.start > at) nodes.push(document.createTextNode(text.slice(at, w.start)));
    const el = wrap(w);
    el.append(text.slice(w.start, w.end));
    nodes.push(el);
    at = w.end;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

/** @param {number} x */
function clamp01(x) {
  return Math.max(0, Math.min(1, x));
}

/** @param {number} p 0..1 */
export function formatPercent(p) {
  return `${(p * 100).toFixed(1)}%`;
}

/**
 * A signed weight, always with three decimals and a real minus sign: "+0.210", "−0.005".
 * @param {number} w
 */
export function formatWeight(w) {
  return `${w < 0 ? '−' : '+'}${Math.abs(w).toFixed(3)}`;
}
