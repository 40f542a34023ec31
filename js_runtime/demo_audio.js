// The demo widget for voice activity detection (task "voice-activity-detection"), on the demo shell.
// Input: a recording — a file (picker or drop), the microphone (up to RECORD_SECONDS), or an example —
// and the threshold, which re-cuts the segments from the frame probabilities on the page (worker/vad.js,
// the same post-processing as the worker's) without running the model again. Output: one sentence, a
// player, a Chart.js plot of the waveform with the speech probability and the segments over it, and a
// table of the segments, each with a button that plays it (the plot's text alternative).
//
// Contract of the model call (the public API): `await m.predict(recording, {waveform, signal})` →
// {segments, probabilities, frameSeconds, duration, threshold, waveform} (worker/audio_predict.js).
import { cssColors, loadChart } from './chart_loader.js';
import { h, takeDrops } from './dom.js';
import { mountShell } from './demo_shell.js';
import { segmentsAt } from '../worker/vad.js';

/** @typedef {import('./manifest.js').ModelEntry} ModelEntry */
/** @typedef {import('./demo_shell.js').Api} Api */
/** @typedef {import('../worker/audio_predict.js').VoiceActivity} VoiceActivity */
/** @typedef {{blob: Blob, name: string}} Picked a recording and what to call it */

/** How long the microphone records at most. */
export const RECORD_SECONDS = 30;
/** Stretches of the waveform drawn. */
const WAVEFORM = 600;

/**
 * @param {HTMLElement} root
 * @param {ModelEntry} info
 * @param {Api} api
 * @param {string} variant
 */
export function mountAudio(root, info, api, variant) {
  const pre = /** @type {{sample_rate: number, max_seconds: number}} */ (/** @type {unknown} */ (info.preprocessing));
  const post = /** @type {{threshold: number, min_speech_ms: number, min_silence_ms: number, speech_pad_ms: number}} */ (/** @type {unknown} */ (info.postprocessing));
  const examples = /** @type {{audio: string, name: string, shows: string, output: any}[]} */ (/** @type {unknown} */ (info.examples ?? []));

  /** @type {import('./demo_shell.js').Shell<Picked>} */
  const shell = mountShell(root, info, api, {
    variant,
    layout: 'stacked',
    inputsLabel: `Recording for ${info.title}`,
    predict: (model, picked, signal) => /** @type {Promise<VoiceActivity>} */ (/** @type {{predict: Function}} */ (model).predict(picked.blob, { waveform: WAVEFORM, signal })),
    onResult: (result, picked, run) => show(result, picked, run.live ? 'live' : 'precomputed'),
    onLoading: startChart,
  });
  const uid = shell.uid;

  // ---- inputs ----
  const hintId = `${uid}-audio-hint`;
  const file = h('input', { type: 'file', accept: 'audio/*,.wav', hidden: true, tabindex: -1 });
  const fileButton = h('button', { type: 'button', class: 'vitrine-dropzone', 'aria-describedby': hintId },
    h('span', { class: 'vitrine-dropzone-icon', 'aria-hidden': 'true' }, '⇪'),
    h('span', { class: 'vitrine-dropzone-text' }, 'Choose a recording'));
  const record = h('button', { type: 'button', class: 'md-button', hidden: !navigator.mediaDevices?.getUserMedia }, 'Record with the microphone');
  const thresholdValue = h('output', { id: `${uid}-threshold-value` }, String(post.threshold));
  const threshold = h('input', { type: 'range', id: `${uid}-threshold`, min: 0.05, max: 0.95, step: 0.05, value: post.threshold, 'aria-describedby': `${uid}-threshold-value` });
  const exampleButtons = h('div', { class: 'vitrine-actions', role: 'group', 'aria-label': 'Example recordings' },
    ...examples.map((ex) => {
      const button = h('button', { type: 'button', class: 'md-button', title: ex.shows }, ex.name);
      button.addEventListener('click', () => {
        if (shell.isStatic()) {  // no runtime here: the build's answer for this example
          player.src = ex.audio;
          showPrecomputed(ex);
        } else pickUrl(ex.audio, `${ex.name} (${ex.shows})`);
      });
      return button;
    }));
  shell.inputs.append(
    fileButton, file,
    h('p', { class: 'vitrine-hint', id: hintId }, `WAV, MP3, Ogg, WebM…, up to ${Math.round(pre.max_seconds / 60)} minutes; or drop a file here. It stays on your device.`),
    h('div', { class: 'vitrine-actions' }, record),
    exampleButtons,
    h('div', { class: 'vitrine-forecast-field' }, h('label', { for: threshold.id }, 'Speech threshold: '), thresholdValue, threshold));

  // ---- output ----
  const source = h('p', { class: 'vitrine-source' }, 'Choose a recording, record one or try an example.');
  const headline = h('p', { class: 'vitrine-label-line', 'aria-live': 'polite' });
  const player = h('audio', { controls: true, preload: 'metadata', class: 'vitrine-audio-player' });
  const canvas = h('canvas');
  const chartBox = h('div', { class: 'vitrine-chart vitrine-audio-chart', 'aria-hidden': 'true' }, canvas);
  const tbody = h('tbody');
  const table = h('table', { class: 'vitrine-probabilities vitrine-audio-segments' },
    h('caption', {}, 'Stretches of speech'),
    h('thead', {}, h('tr', {}, ...['From', 'To', 'Length', ''].map((t) => h('th', { scope: 'col' }, t)))),
    tbody);
  shell.output.append(source, headline, player, chartBox, h('div', { class: 'vitrine-table-scroll' }, table));

  /** @type {{result: VoiceActivity, name: string} | null} */
  let shown = null;
  /** @type {string | null} */
  let playerUrl = null;
  /** @type {import('chart.js').Chart<'line', {x: number, y: number}[]> | null} */
  let chart = null;
  /** @type {number | null} stops playback at the end of a played segment */
  let stopAt = null;

  /** @param {Picked} picked */
  function pick(picked) {
    if (playerUrl) URL.revokeObjectURL(playerUrl);
    playerUrl = URL.createObjectURL(picked.blob);
    player.src = playerUrl;
    source.textContent = `Reading ${picked.name}…`;
    shell.runNow(picked);
  }

  /**
   * @param {string} url
   * @param {string} name
   */
  async function pickUrl(url, name) {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      pick({ blob: await response.blob(), name });
    } catch (e) {
      shell.showError(new Error(`The example ${name} could not be loaded (${e instanceof Error ? e.message : e}). Reload the page to try again.`));
    }
  }

  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen) pick({ blob: chosen, name: chosen.name });
    file.value = '';
  });
  fileButton.addEventListener('click', () => file.click());
  takeDrops(root, (event, data) => {
    const dropped = [...data.files].find((f) => f.type.startsWith('audio/') || /\.(wav|mp3|ogg|oga|webm|m4a|aac|flac)$/i.test(f.name));
    if (!dropped) return;
    event.preventDefault();
    pick({ blob: dropped, name: dropped.name });
  });
  record.addEventListener('click', () => { recorder ? recorder.stop() : startRecording(); });

  /** @type {MediaRecorder | null} */
  let recorder = null;
  async function startRecording() {
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (e) {
      const denied = e instanceof DOMException && (e.name === 'NotAllowedError' || e.name === 'SecurityError');
      shell.showError(new Error(denied
        ? 'The microphone is blocked for this site: allow it in the browser (the icon by the address), or choose a recording instead.'
        : 'No microphone could be opened; choose a recording instead.'));
      return;
    }
    const chunks = /** @type {Blob[]} */ ([]);
    const active = new MediaRecorder(stream);
    recorder = active;
    const timer = setTimeout(() => active.stop(), RECORD_SECONDS * 1000);
    active.addEventListener('dataavailable', (event) => chunks.push(event.data));
    active.addEventListener('stop', () => {
      clearTimeout(timer);
      for (const track of stream.getTracks()) track.stop();
      recorder = null;
      record.textContent = 'Record with the microphone';
      record.removeAttribute('aria-pressed');
      pick({ blob: new Blob(chunks, { type: active.mimeType }), name: 'Your recording' });
    });
    active.start();
    record.textContent = `Stop recording (at most ${RECORD_SECONDS} s)`;
    record.setAttribute('aria-pressed', 'true');
    shell.announce('Recording');
  }

  /**
   * @param {VoiceActivity} result
   * @param {Picked | {name: string}} picked
   * @param {'live'|'precomputed'} kind
   */
  function show(result, picked, kind) {
    shown = { result, name: picked.name };
    root.dataset.source = kind;
    source.textContent = kind === 'live'
      ? `Live detection, calculated in your browser: ${picked.name}.`
      : `Precomputed detection, calculated when the site was built: ${picked.name}.`;
    if (kind === 'live' && 'notice' in result && result.notice) source.textContent += ` ${result.notice}`;
    recut();
  }

  /** The segments at the slider's threshold (the model's answer when it is the model's). */
  function segmentsNow() {
    if (!shown) return [];
    const { result } = shown;
    const t = Number(threshold.value);
    if (Math.abs(t - result.threshold) < 1e-9) return result.segments;
    return segmentsAt(result.probabilities, post, pre.sample_rate, Math.round(result.duration * pre.sample_rate), t);
  }

  function recut() {
    if (!shown) return;
    const segments = segmentsNow();
    const speech = segments.reduce((sum, s) => sum + s.end - s.start, 0);
    const n = segments.length;
    headline.textContent = n === 0
      ? `No speech found in ${seconds(shown.result.duration)}.`
      : `${n} stretch${n === 1 ? '' : 'es'} of speech: ${seconds(speech)} of ${seconds(shown.result.duration)}.`;
    tbody.replaceChildren(...segments.map((s) => {
      const play = h('button', { type: 'button', class: 'md-button vitrine-play', 'aria-label': `Play ${seconds(s.start)} to ${seconds(s.end)}` }, 'Play');
      play.addEventListener('click', () => {
        player.currentTime = s.start;
        stopAt = s.end;
        player.play().catch(() => {});
      });
      return h('tr', {}, h('td', {}, seconds(s.start)), h('td', {}, seconds(s.end)), h('td', {}, seconds(s.end - s.start)), h('td', {}, play));
    }));
    if (n === 0) tbody.append(h('tr', {}, h('td', { colspan: 4 }, 'no speech found')));
    draw(segments);
  }

  player.addEventListener('timeupdate', () => {
    if (stopAt !== null && player.currentTime >= stopAt) {
      player.pause();
      stopAt = null;
    }
  });
  player.addEventListener('seeking', () => { if (!player.paused) return; stopAt = null; });

  threshold.addEventListener('input', () => {
    thresholdValue.textContent = threshold.value;
    recut();
  });

  /** @param {{start: number, end: number}[]} segments */
  function draw(segments) {
    if (!chart || !shown) return;
    const { result } = shown;
    const colors = cssColors(root, { primary: ['--md-primary-fg-color', '#4051b5'], band: ['--md-accent-fg-color--transparent', 'rgba(68, 138, 255, 0.2)'] });
    const frame = result.frameSeconds;
    const probability = Array.from(result.probabilities, (y, i) => ({ x: (i + 0.5) * frame, y }));
    const speech = segments.flatMap((s) => [{ x: s.start, y: 0 }, { x: s.start, y: 1 }, { x: s.end, y: 1 }, { x: s.end, y: 0 }]);
    const wave = result.waveform;
    const step = wave ? result.duration / wave.min.length : 0;
    // the waveform fills the plot's height whatever its loudness: its own axis, scaled to its peak
    const peak = wave ? Math.max(0.01, ...wave.max, ...wave.min.map((v) => -v)) : 1;
    /** @param {Float32Array} values */
    const envelope = (values) => Array.from(values, (y, k) => ({ x: (k + 0.5) * step, y }));
    chart.data.datasets = [
      { label: 'speech', data: [{ x: 0, y: 0 }, ...speech, { x: result.duration, y: 0 }], yAxisID: 'p', borderColor: 'transparent', backgroundColor: colors.band, fill: 'origin', pointRadius: 0, stepped: false },
      ...(wave ? [
        { label: 'low', data: envelope(wave.min), yAxisID: 'w', borderColor: colors.grid, borderWidth: 1, pointRadius: 0, fill: false },
        { label: 'waveform', data: envelope(wave.max), yAxisID: 'w', borderColor: colors.grid, backgroundColor: colors.grid, borderWidth: 1, pointRadius: 0, fill: '-1' },
      ] : []),
      { label: 'speech probability', data: probability, yAxisID: 'p', borderColor: colors.primary, borderWidth: 1.5, pointRadius: 0 },
      { label: 'threshold', data: [{ x: 0, y: Number(threshold.value) }, { x: result.duration, y: Number(threshold.value) }], yAxisID: 'p', borderColor: colors.text, borderDash: [4, 3], borderWidth: 1, pointRadius: 0 },
    ];
    chart.options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      scales: {
        x: { type: 'linear', min: 0, max: result.duration, title: { display: true, text: 'seconds', color: colors.text }, ticks: { color: colors.text }, grid: { color: colors.grid } },
        p: { position: 'left', min: 0, max: 1, title: { display: true, text: 'speech probability', color: colors.text }, ticks: { color: colors.text }, grid: { color: colors.grid } },
        w: { position: 'right', min: -peak * 1.05, max: peak * 1.05, display: false },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    };
    chart.update();
  }

  function startChart() {
    loadChart().then((Chart) => {
      chart ??= new Chart(canvas, { type: 'line', data: { datasets: [] }, options: {} });
      recut();
    }).catch((e) => console.warn('[vitrine] No chart (the table shows the segments):', e));
  }

  // mkdocs-material switches light/dark by these attributes on <body>: redraw with the new palette.
  new MutationObserver(recut).observe(document.body, { attributes: true, attributeFilter: ['data-md-color-scheme', 'data-md-color-primary'] });

  /** @param {{name: string, shows: string, output: any}} example */
  function showPrecomputed(example) {
    const out = example.output;
    show({ segments: out.segments, probabilities: Float32Array.from(out.probabilities), frameSeconds: out.frame_seconds, duration: out.duration, threshold: post.threshold },
      { name: `${example.name} (${example.shows})` }, 'precomputed');
  }

  if (examples[0]) {
    player.src = examples[0].audio;
    showPrecomputed(examples[0]);
  }
}

/** @param {number} s */
function seconds(s) {
  return `${s.toFixed(2)} s`;
}
