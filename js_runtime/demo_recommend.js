// The demo widget for recommendation (task "recommendation"), on the demo shell. Input: the items the
// visitor picks (a checkbox per label, in a scrolling list with a filter box above it), how many
// recommendations to show, and the build's examples (held-out readers) as buttons. Output: one sentence,
// a Chart.js bar chart of the scores, and a table with the same ranking in words (the chart's text
// alternative): rank, item, which pick speaks for it ("because you eat Eggs") and the score. An example
// knows which items its reader really has but the model was not shown (`expected`): those are marked.
//
// Contract of the model call (the public API): `await m.predict(items, {topK, signal})` →
// {recommendations: [{item, index, score, because}], ms} (js_runtime/recommend.js).
import { cssColors, loadChart } from './chart_loader.js';
import { h } from './dom.js';
import { mountShell } from './demo_shell.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./demo_shell.js').Api} Api */
/** @typedef {import('./demo_shell.js').Model} Model */
/** @typedef {import('./recommend.js').Recommendation} Recommendation (a type only: this module imports nothing of recommend.js) */
/** @typedef {import('./recommend.js').Recommendations & {ms?: number}} Recommendations */
/**
 * A precomputed example: a reader's picks (`input`), the items of that reader hidden from the model
 * (`expected`, optional) and the build's answer.
 * @typedef {{name: string, input: string[], expected?: string[], output: {recommendations: Recommendation[]}}} RecommendExample
 */
/** @typedef {{items: string[], topK: number}} Ask the picked items (in label order) and how many to recommend */

/** The choices of how many recommendations to show (with the manifest's top_k added). */
export const TOP_K_CHOICES = [5, 10, 20];

/**
 * Replace the static content of `root` (a `.vitrine-demo` element) with the recommendation widget.
 * @param {HTMLElement} root
 * @param {ModelEntry} info
 * @param {Api} api
 * @param {string} variant a variant name or "auto"
 */
export function mountRecommend(root, info, api, variant) {
  const labels = info.labels;
  const post = /** @type {{top_k?: number}} */ (/** @type {unknown} */ (info.postprocessing ?? {}));
  const dataset = /** @type {{item_noun?: string, verb?: string, person?: string}} */ (/** @type {unknown} */ (info.dataset ?? {}));
  const examples = recommendExamples(info);
  const words = itemWords(dataset.item_noun, dataset.verb);
  const person = dataset.person?.trim() || 'person';
  const defaultK = Math.min(labels.length, Math.max(1, Math.round(post.top_k ?? 10)));

  /** @type {import('./demo_shell.js').Shell<Ask>} */
  const shell = mountShell(root, info, api, {
    variant,
    inputsLabel: `${capitalize(words.nouns)} for ${info.title}`,
    predict: async (model, ask, signal) => {
      if (model.backend === 'static') return precomputedAnswer(model, ask, examples);
      return readRecommendations(await /** @type {{predict: Function}} */ (/** @type {unknown} */ (model)).predict(ask.items, { topK: ask.topK, signal }));
    },
    onResult: (answer, ask, run) => show(answer, ask, run.live ? 'live' : 'precomputed'),
    onError: () => markStale(),
    onVisible: () => {
      // The picks on screen, live, as soon as the demo is in view (this loads the model).
      if (picked().length) shell.runNow(current());
      else shell.load().catch((e) => shell.showError(e));
    },
    onLoading: startChart,
  });
  const { uid } = shell;
  root.classList.add('vitrine-demo--recommend');

  // ---- inputs: filter, the checklist, the count, how many, the examples ----
  const filter = h('input', {
    type: 'search', id: `${uid}-filter`, class: 'vitrine-rec-filter', autocomplete: 'off', spellcheck: 'false',
    'aria-controls': `${uid}-list`, 'aria-describedby': `${uid}-filter-hint`,
  });
  const filterHint = h('small', { class: 'vitrine-hint', id: `${uid}-filter-hint` }, `Type part of a name to shorten the list; what you have picked stays picked.`);
  const noMatch = h('p', { class: 'vitrine-rec-no-match', role: 'status', hidden: true });
  /** @type {HTMLInputElement[]} */
  const boxes = [];
  /** @type {HTMLElement[]} */
  const rows = labels.map((label, i) => {
    const box = h('input', { type: 'checkbox', id: `${uid}-item-${i}`, class: 'vitrine-rec-check', value: label, 'data-item': label });
    boxes.push(box);
    return h('div', { class: 'vitrine-rec-option', 'data-item': label }, box, h('label', { for: box.id }, label));
  });
  const list = h('div', { class: 'vitrine-rec-list', id: `${uid}-list` }, ...rows);
  const fieldset = h('fieldset', { class: 'vitrine-rec-picks' },
    h('legend', {}, `${capitalize(words.nouns)} you ${words.verb} often`), list);
  const count = h('output', { class: 'vitrine-rec-count', id: `${uid}-count`, for: `${uid}-list` }, '0 picked');
  const clear = h('button', { type: 'button', class: 'md-button vitrine-rec-clear', 'aria-describedby': count.id }, 'Clear');
  const topK = h('select', { id: `${uid}-topk`, class: 'vitrine-rec-topk' },
    ...[...new Set([...TOP_K_CHOICES, defaultK])].filter((k) => k <= labels.length).sort((a, b) => a - b)
      .map((k) => h('option', { value: k }, String(k))));
  topK.value = String(defaultK);
  const exampleGroup = h('div', { class: 'vitrine-actions vitrine-rec-examples', role: 'group', 'aria-label': `Example ${plural(person)}` },
    ...examples.map((ex, i) => {
      const button = h('button', { type: 'button', class: 'md-button vitrine-rec-example', 'data-example': i }, ex.name);
      button.addEventListener('click', () => pickExample(ex));
      return button;
    }));
  shell.inputs.append(
    h('div', { class: 'vitrine-rec-filter-field' }, h('label', { for: filter.id }, `Filter ${words.nouns}`), filter, filterHint),
    noMatch,
    fieldset,
    h('div', { class: 'vitrine-rec-count-row' }, count, clear),
    h('div', { class: 'vitrine-rec-topk-field' }, h('label', { for: topK.id }, 'How many to recommend: '), topK),
    ...(examples.length ? [exampleGroup] : []));

  // ---- output ----
  const source = h('p', { class: 'vitrine-source' });
  const headline = h('p', { class: 'vitrine-label-line vitrine-rec-headline', 'aria-live': 'polite' });
  const hits = h('p', { class: 'vitrine-rec-hits', hidden: true });
  const hint = h('p', { class: 'vitrine-rec-hint', hidden: true },
    `Pick a few ${words.nouns} you ${words.verb} to see what the model recommends.`);
  const canvas = h('canvas');
  const chartBox = h('div', { class: 'vitrine-chart vitrine-rec-chart', 'aria-hidden': 'true' }, canvas);
  const tbody = h('tbody');
  const table = h('table', { class: 'vitrine-probabilities vitrine-rec-table' },
    h('caption', {}, `Recommended ${words.nouns}, best first`),
    h('thead', {}, h('tr', {}, ...['Rank', capitalize(words.noun), 'Why', 'Score'].map((t) => h('th', { scope: 'col' }, t)))),
    tbody);
  const results = h('div', { class: 'vitrine-rec-results' }, hits, chartBox, h('div', { class: 'vitrine-table-scroll' }, table));
  shell.output.append(source, headline, hint, results);

  // ---- state ----
  /** @type {{answer: Recommendations, ask: Ask, expected: Set<string> | null} | null} */
  let shown = null;
  /** @type {import('chart.js').Chart<'bar', number[], string> | null} */
  let chart = null;

  /** @returns {string[]} the picked items, in label order */
  function picked() {
    return boxes.filter((b) => b.checked).map((b) => b.value);
  }

  /** @returns {Ask} */
  function current() {
    return { items: picked(), topK: Number(topK.value) };
  }

  /** @param {Iterable<string>} items check exactly these */
  function setPicks(items) {
    const want = new Set(items);
    for (const box of boxes) box.checked = want.has(box.value);
    countPicks();
  }

  function countPicks() {
    const n = boxes.filter((b) => b.checked).length;
    count.textContent = `${n} picked`;
    clear.disabled = n === 0;
  }

  function applyFilter() {
    const query = filter.value.trim().toLowerCase();
    let visible = 0;
    rows.forEach((row, i) => {
      const match = !query || labels[i].toLowerCase().includes(query);
      row.hidden = !match;
      if (match) visible++;
    });
    noMatch.textContent = visible ? '' : `No ${words.noun} matches “${filter.value.trim()}”.`;
    noMatch.hidden = visible > 0;
  }

  /**
   * @param {Recommendations} answer
   * @param {Ask} ask what it is for
   * @param {'live'|'precomputed'} kind
   */
  function show(answer, ask, kind) {
    const example = exampleFor(ask.items, examples);
    const expected = example?.expected ? new Set(example.expected) : null;
    shown = { answer, ask, expected };
    root.dataset.source = kind;
    delete root.dataset.stale;
    hint.hidden = true;
    results.hidden = false;
    source.textContent = kind === 'live' ? 'Live recommendations, calculated in your browser.'
      : `Precomputed ${example ? `for ${example.name} ` : ''}when the site was built (Python onnxruntime).` +
        (shell.isStatic() ? '' : ` Change the picks to run the model in your browser.`);
    const recs = answer.recommendations;
    const top = recs[0];
    headline.textContent = top
      ? `Top pick: ${top.item}, ${becauseText(top.because, words.verb)}.`
      : `Nothing left to recommend: every ${words.noun} is picked.`;
    const found = expected ? recs.filter((r) => expected.has(r.item)).length : 0;
    hits.textContent = expected
      ? `${found} of ${recs.length} were ${words.nouns} this ${person} ${words.verbs}, hidden from the model.` : '';
    hits.hidden = !expected;
    tbody.replaceChildren(...recs.map((r, i) => {
      const hit = !!expected?.has(r.item);
      return h('tr', { class: `vitrine-rec-row${hit ? ' vitrine-rec-row--hit' : ''}`, 'data-item': r.item, 'data-rank': i + 1, 'data-hit': hit ? 'true' : null },
        h('td', { class: 'vitrine-rec-rank' }, String(i + 1)),
        h('th', { scope: 'row', class: 'vitrine-rec-item' }, r.item,
          ...(hit ? [' ', h('span', { class: 'vitrine-rec-hit' }, `✓ ${words.verbs} it`)] : [])),
        h('td', { class: 'vitrine-rec-because' }, becauseText(r.because, words.verb)),
        h('td', { class: 'vitrine-rec-score' }, formatScore(r.score)));
    }));
    if (!recs.length) tbody.append(h('tr', {}, h('td', { colspan: 4 }, `every ${words.noun} is picked`)));
    chartBox.style.setProperty('--vitrine-rec-bars', String(Math.max(1, recs.length)));
    draw();
  }

  /** No picks: say what to do instead of asking the model. */
  function showHint() {
    shown = null;
    root.dataset.source = 'none';
    delete root.dataset.stale;
    source.textContent = '';
    headline.textContent = '';
    hint.hidden = false;
    results.hidden = true;
    hits.hidden = true;
    tbody.replaceChildren();
    draw();
  }

  /** The shown recommendations are for other picks (the newest run failed): say so. */
  function markStale() {
    if (!shown || sameItems(shown.ask.items, picked())) return;
    root.dataset.stale = 'true';
    source.textContent = 'Recommendations for your previous picks, not the ones ticked now.';
  }

  function draw() {
    if (!chart) return;
    const recs = shown?.answer.recommendations ?? [];
    const expected = shown?.expected ?? null;
    const colors = cssColors(root, { primary: ['--md-primary-fg-color', '#4051b5'] });
    chart.data.labels = recs.map((r) => r.item);
    chart.data.datasets = [{
      label: 'score',
      data: recs.map((r) => r.score),
      // with an example's hidden items known, they stand out; the table says which in words
      backgroundColor: recs.map((r) => (!expected || expected.has(r.item) ? colors.primary : colors.muted)),
      borderWidth: 0,
    }];
    chart.options = {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { title: { display: true, text: 'score', color: colors.text }, ticks: { color: colors.text }, grid: { color: colors.grid } },
        y: { ticks: { color: colors.text, autoSkip: false }, grid: { display: false } },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    };
    chart.update();
  }

  function startChart() {
    loadChart().then((Chart) => {
      chart ??= new Chart(canvas, { type: 'bar', data: { labels: [], datasets: [] }, options: {} });
      draw();
    }).catch((e) => console.warn('[vitrine] No chart (the table shows the recommendations):', e));
  }

  // mkdocs-material switches light/dark by these attributes on <body>: redraw with the new palette.
  new MutationObserver(draw).observe(document.body, { attributes: true, attributeFilter: ['data-md-color-scheme', 'data-md-color-primary'] });

  // ---- running ----
  /** The picks or how many changed: rerun after the debounce, or show the hint with no picks. */
  function changed() {
    countPicks();
    const ask = current();
    if (!ask.items.length) {
      shell.cancel();
      shell.clearError();
      showHint();
      return;
    }
    shell.run(ask);
  }

  /** @param {RecommendExample} example */
  function pickExample(example) {
    setPicks(example.input);
    const ask = current();
    const model = shell.model();
    if (!model || model.backend === 'static') {
      // Before the runtime is here (or where it cannot run): the build's answer at once.
      shell.cancel();
      shell.clearError();
      show(exampleAnswer(example, ask.topK), ask, 'precomputed');
    }
    if (model?.backend !== 'static') shell.runNow(ask);
  }

  fieldset.addEventListener('change', changed);
  topK.addEventListener('change', changed);
  clear.addEventListener('click', () => {
    setPicks([]);
    changed();
  });
  filter.addEventListener('input', applyFilter);
  filter.addEventListener('keydown', (event) => {
    // Down arrow: on to the first item the filter shows.
    if (event.key !== 'ArrowDown') return;
    const first = boxes.find((_, i) => !rows[i].hidden);
    if (!first) return;
    event.preventDefault();
    first.focus();
  });

  // ---- first paint: the first example, precomputed ----
  const first = examples[0];
  if (first) {
    setPicks(first.input);
    show(exampleAnswer(first, defaultK), current(), 'precomputed');
  } else {
    countPicks();
    showHint();
  }
}

// ---- pure parts (tests/js/demo_recommend.test.js) ----

/**
 * The words the widget uses for items: "food", "foods", "eat", "eats".
 * @param {string | undefined} noun
 * @param {string | undefined} verb
 */
export function itemWords(noun, verb) {
  const n = typeof noun === 'string' && noun.trim() ? noun.trim() : 'item';
  const v = typeof verb === 'string' && verb.trim() ? verb.trim() : 'like';
  return { noun: n, nouns: plural(n), verb: v, verbs: plural(v) };
}

/**
 * "foods", "dishes", "berries"; also the third person of a verb ("eats", "watches").
 * @param {string} word
 */
export function plural(word) {
  if (/(s|sh|ch|x|z)$/i.test(word)) return `${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** @param {string} text */
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Why an item is recommended, in words: "because you eat Eggs"; with no single pick speaking for it
 * (the contract's `because: null`), that none stands out.
 * @param {string | null} because
 * @param {string} verb
 */
export function becauseText(because, verb) {
  return because === null ? 'no single pick stands out' : `because you ${verb} ${because}`;
}

/**
 * A score with three decimals, a real minus sign, and no "−0.000".
 * @param {number} score
 */
export function formatScore(score) {
  if (Math.abs(score) < 0.0005) return '0.000';
  return score.toFixed(3).replace('-', '−');
}

/**
 * The manifest's examples of a recommender ({name, input: names, expected?, output: {recommendations}}),
 * skipping anything else.
 * @param {ModelEntry} info
 * @returns {RecommendExample[]}
 */
export function recommendExamples(info) {
  const list = /** @type {unknown[]} */ (Array.isArray(info.examples) ? info.examples : []);
  return /** @type {RecommendExample[]} */ (list.filter((e) => {
    const x = /** @type {Record<string, any> | null} */ (e);
    return x !== null && typeof x === 'object' && typeof x.name === 'string' && Array.isArray(x.input)
      && (x.expected === undefined || Array.isArray(x.expected))
      && Array.isArray(x.output?.recommendations);
  }));
}

/**
 * The example whose picks are exactly `items` (order and duplicates aside), if any.
 * @param {string[]} items
 * @param {RecommendExample[]} examples
 */
export function exampleFor(items, examples) {
  return examples.find((e) => sameItems(e.input, items));
}

/**
 * @param {string[]} a
 * @param {string[]} b
 */
function sameItems(a, b) {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((i) => y.has(i));
}

/**
 * An example's precomputed answer, cut to `topK` (the build stored postprocessing.top_k of them).
 * @param {RecommendExample} example
 * @param {number} topK
 * @returns {Recommendations}
 */
export function exampleAnswer(example, topK) {
  return { recommendations: readRecommendations(example.output).recommendations.slice(0, topK), ms: 0 };
}

/**
 * The static tier answers only the examples' picks (with what the build computed); other picks get a
 * sentence saying so.
 * @param {Model} model
 * @param {Ask} ask
 * @param {RecommendExample[]} examples
 * @returns {Recommendations}
 */
function precomputedAnswer(model, ask, examples) {
  const example = exampleFor(ask.items, examples);
  if (example) return exampleAnswer(example, ask.topK);
  const why = 'notice' in model && typeof model.notice === 'string' ? ` ${model.notice}` : '';
  throw new Error(`These picks are not one of the examples, and the model cannot run here.${why}`);
}

/**
 * The model's answer checked against the contract (a mismatch fails with a sentence, not a half-drawn
 * widget).
 * @param {unknown} answer
 * @returns {Recommendations}
 */
export function readRecommendations(answer) {
  const bad = () => {
    console.error('[vitrine] predict() answered, for picked items, something other than {recommendations: [{item, index, score, because}]}:', answer);
    return new Error('The model returned an answer this page cannot show. The browser console has the technical details.');
  };
  const recs = /** @type {{recommendations?: unknown} | null} */ (answer)?.recommendations;
  if (!Array.isArray(recs)) throw bad();
  const read = recs.map((r) => {
    const x = /** @type {Record<string, unknown> | null} */ (r);
    if (x === null || typeof x !== 'object' || typeof x.item !== 'string' || !Number.isInteger(x.index)
      || typeof x.score !== 'number' || !Number.isFinite(x.score) || (x.because !== null && typeof x.because !== 'string')) throw bad();
    return { item: x.item, index: /** @type {number} */ (x.index), score: x.score, because: /** @type {string | null} */ (x.because) };
  });
  const ms = /** @type {{ms?: unknown}} */ (answer).ms;
  return typeof ms === 'number' ? { recommendations: read, ms } : { recommendations: read };
}
