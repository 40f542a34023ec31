"""A page that mounts a text widget (demo_text.js / demo_search.js) on a fake API, for the widget tests.

The page is the theme's real stylesheets plus js_runtime/ served from the repo; `harness.js` mounts the
widget with a fake `load()` whose model answers the public contract after a configurable delay and
records every call (with whether its signal was aborted) in window.__calls. Query parameters:
`?scheme=slate` (material's dark palette), `?hold` (load() waits for window.__releaseLoad()),
`?static` (the model is on the static tier). No built site and no model are needed.
"""

from __future__ import annotations

import json
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from builder.browser import serve_directory

REPO = Path(__file__).resolve().parents[2]

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>TITLE</title>
<link rel="stylesheet" href="material/main.css"><link rel="stylesheet" href="material/palette.css">
<link rel="stylesheet" href="js_runtime/vitrine.css">
<style>/* the content column's width on a real page, between material's two sidebars */
@media (min-width: 76.25em) { .md-content { max-width: 36.8rem; margin: 0 auto; } }</style>
</head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">
<article class="md-content__inner md-typeset">
<h1>TITLE</h1>
<h2>Try it</h2>
<div class="vitrine-demo" data-model="MODEL"><p>Static content</p></div>
<h2>Model</h2><p>More text.</p>
</article></div></div></main></div>
<script type="module" src="harness.js"></script>
</body></html>"""

# The fake API around a widget's fake model (FAKE_MODEL defines `predictImpl(input, options, call)`).
HARNESS = """
import { MOUNT } from './js_runtime/MODULE';

const params = new URLSearchParams(location.search);
if (params.get('scheme') === 'slate') document.body.setAttribute('data-md-color-scheme', 'slate');
const info = INFO_JSON;
const fake = window.__fake = {delay: 60, fail: null, ignoreAbort: false, loads: 0};
const calls = window.__calls = [];
let release;
const held = new Promise((resolve) => { release = resolve; });
window.__releaseLoad = () => release();
if (!params.has('hold')) release();

function wait(ms, signal, ignoreAbort) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    if (!ignoreAbort) signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      const e = new Error('The request was cancelled (superseded by a newer one).');
      e.name = 'AbortError';
      e.code = 'aborted';
      reject(e);
    });
  });
}

FAKE_MODEL

const model = {
  backend: params.has('static') ? 'static' : 'wasm',
  backendLabel: params.has('static') ? 'precomputed examples only' : 'WASM-SIMD',
  backendReason: params.has('static') ? 'forced by ?backend=static' : 'auto; WebGPU unavailable: no adapter',
  threads: params.has('static') ? 0 : 4, info,
  ...(params.has('static') ? {notice: 'Live predictions are turned off (?backend=static); only the precomputed examples are shown.'} : {}),
  async predict(input, options = {}) {
    if (params.has('static')) throw new Error('predict() does not support task "' + info.task + '" yet; use run().');
    const call = {input, options: Object.keys(options).sort(), words: options.words === true, topK: options.topK,
                  aborted: false, settled: null};
    calls.push(call);
    const {signal} = options;
    signal?.addEventListener('abort', () => { call.aborted = true; });
    const delay = (options.words ? 2 : 1) * fake.delay, fail = fake.fail, ignoreAbort = fake.ignoreAbort;
    fake.fail = null;
    try {
      await wait(delay, signal, ignoreAbort);
    } catch (e) { call.settled = 'aborted'; throw e; }
    if (fail) { call.settled = 'failed'; throw new Error(fail); }
    try {
      const out = predictImpl(input, options, call);
      call.settled = 'answered';
      return out;
    } catch (e) { call.settled = 'failed'; throw e; }
  },
  dispose() {},
};

const api = {
  async load(id, {onProgress}) {
    fake.loads++;
    onProgress?.({loaded: 5e6, total: 2.3e7});
    await held;
    await new Promise((r) => setTimeout(r, 30));
    onProgress?.({loaded: 2.3e7, total: 2.3e7});
    return model;
  },
};

MOUNT(document.querySelector('.vitrine-demo'), info, api, 'auto');
window.__mounted = true;
"""


def _theme(root: Path) -> None:
    material = root / "material"
    material.mkdir()
    try:
        import material as mkdocs_material  # the theme's own stylesheets: the real variables and typography

        sheets = Path(mkdocs_material.__file__).parent / "templates" / "assets" / "stylesheets"
        shutil.copy(next(sheets.glob("main.*.min.css")), material / "main.css")
        shutil.copy(next(sheets.glob("palette.*.min.css")), material / "palette.css")
    except (ImportError, StopIteration):
        (material / "main.css").write_text("")
        (material / "palette.css").write_text("")


@contextmanager
def serve_widget(root: Path, *, info: dict, module: str, mount: str, fake_model: str,
                 files: dict[str, bytes] | None = None) -> Iterator[str]:
    """Write the harness page for `info` into `root` (plus `files`, paths relative to it) and serve it."""
    (root / "js_runtime").symlink_to(REPO / "js_runtime")
    (root / "worker").symlink_to(REPO / "worker")
    _theme(root)
    for name, data in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    harness = (HARNESS.replace("MOUNT", mount).replace("MODULE", module)
               .replace("INFO_JSON", json.dumps(info)).replace("FAKE_MODEL", fake_model))
    (root / "harness.js").write_text(harness)
    (root / "index.html").write_text(PAGE.replace("TITLE", info["title"]).replace("MODEL", info["id"]))
    with serve_directory(root) as url:
        yield url
