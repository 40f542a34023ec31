"""`vitrine bench`: what a visitor waits for, measured in a real browser against native onnxruntime.

Per model and backend tier: cold load → first prediction (empty cache), cached reload → first
prediction (same browser profile), and prediction latency over many runs; the same model's native
onnxruntime latency is measured in the same run so the page can show ratios, which survive noisy
machines better than absolute times.

Beside each Vitrine measurement, in the same run, a bare onnxruntime-web page (builder/bench_bare.py)
loads the same model file with the same runtime bundle and runs the variant's parity-fixture inputs:
Vitrine ÷ bare for cold load, warm reload and the per-prediction round trip is Vitrine's overhead. The
model's own demo page is timed too (navigation → the demo's first live result, cold and on a second view).
Cold/warm pairs are repeated (`repeat`, a fresh Chromium profile on disk each, the order of the two sides
alternating) and their medians reported.

Text-generation models are measured token by token: cold and cached load → first token, then
`gen_runs` greedy generations of `gen_tokens` tokens (prefill, decode ms per token, tokens/s) against
native onnxruntime running the same loop (builder/tasks/text_generation.generate) on the same prompt.

Text models also get a peer in the same Chromium run (builder/bench_peer.py, the `peers` section):
Transformers.js running the very same ONNX file on the same text, each side with its default settings.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from . import __version__, bench_bare, bench_peer, card_reference, manifest, pages
from .browser import CHROMIUM_ARGS, DiskProfiles, find_chromium, serve_directory
from .errors import VitrineError

BENCH_FILE = "bench.json"
DEFAULT_BACKENDS = ("wasm", "wasm-nosimd")
WARMUP = 10
REPEAT = 3  # cold/warm pairs per side (Vitrine, bare page), each in a fresh Chromium profile on disk; medians reported
GENERATION = "text-generation"
GEN_TOKENS = 32  # tokens per generation in the steady state (greedy)
GEN_RUNS = 3  # generations per variant and tier (and natively)
EXPLAIN_RUNS = 5  # m.explain calls per method, model and tier (after one that fetches the explanations file)

# `input` is a tabular row, a text, or the URL of an example image or recording (`image`: fetched once, then predicted as a Blob).
_FIRST_PREDICTION = """async ({id, variant, input, image}) => {
    const requested = performance.now();
    const m = await vitrine.load(id, {variant});
    const loaded = performance.now();
    const p = await m.predict(image ? await (await fetch(input)).blob() : input);
    return {ms: performance.now(), requested, loaded, backend: m.backend, threads: m.threads};
}"""
# A generation model's first output is its first token: one prefill step (and the tokenizer on first use).
_GEN_FIRST = """async ({id, variant, prompt}) => {
    const requested = performance.now();
    const m = await vitrine.load(id, {variant});
    const loaded = performance.now();
    const p = await m.predict(prompt, {maxNewTokens: 1, temperature: 0});
    return {ms: performance.now(), requested, loaded, backend: m.backend, threads: m.threads, tokens: Array.from(p.tokens, Number)};
}"""
_GEN_STEADY = """async ({id, variant, prompt, maxNewTokens, runs}) => {
    const m = await vitrine.load(id, {variant});
    const out = [];
    for (let i = 0; i < runs; i++) {
        const t = performance.now();
        let firstToken = null;
        const p = await m.predict(prompt, {maxNewTokens, temperature: 0, onToken: () => { if (firstToken === null) firstToken = performance.now() - t; }});
        out.push({wall: performance.now() - t, firstToken, ms: p.ms, firstTokenMs: p.firstTokenMs, tokensPerSecond: p.tokensPerSecond,
                  tokens: Array.from(p.tokens, Number), promptTokens: p.promptTokens, finishReason: p.finishReason});
    }
    return out;
}"""
_LATENCY = """async ({id, variant, input, image, runs, warmup}) => {
    const m = await vitrine.load(id, {variant});
    const row = image ? await (await fetch(input)).blob() : input;
    for (let i = 0; i < warmup; i++) await m.predict(row);
    const roundTrip = [], inWorker = [];
    for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const p = await m.predict(row);
        roundTrip.push(performance.now() - t);
        inWorker.push(p.ms);
    }
    return {roundTrip, inWorker};
}"""

# Explanation latency of a model whose build stored explanations: each method on the example row, `runs` times
# after a first call (which fetches the explanations file). `wall` is the page's round trip, `ms` the worker's runs.
_EXPLAIN = """async ({id, variant, input, methods, explainRuns: runs}) => {
    const m = await vitrine.load(id, {variant});
    const out = {};
    for (const method of methods) {
        try {
            await m.explain(input, {method});
            const wall = [], inWorker = [];
            let e = null;
            for (let i = 0; i < runs; i++) {
                const t = performance.now();
                e = await m.explain(input, {method});
                wall.push(performance.now() - t);
                inWorker.push(e.ms);
            }
            out[method] = {wall, inWorker, evaluations: e.evaluations, samples: e.samples ?? null};
        } catch (error) {  // one method failing leaves the others' figures
            out[method] = {error: String(error?.message ?? error)};
        }
    }
    return out;
}"""


def run(
    site_dir: Path,
    backends: tuple[str, ...] = DEFAULT_BACKENDS,
    runs: int = 100,
    isolate: bool = True,
    chromium_args: tuple[str, ...] = (),
    models: tuple[str, ...] = (),
    peer: bool = True,
    peer_runs: int = bench_peer.RUNS,
    peer_warmup: int = bench_peer.WARMUP,
    peer_repeat: int = bench_peer.REPEAT,
    peer_variants: tuple[str, ...] = (),
    node_modules: Path | None = None,
    bare: bool = True,
    repeat: int = REPEAT,
    gen_tokens: int = GEN_TOKENS,
    gen_runs: int = GEN_RUNS,
) -> dict[str, Any]:
    """Benchmark every variant of every model (or of `models`) of a built site; returns the bench.json document.

    `backends` are the tiers measured per model (none: only the peer), each `repeat` times cold and warm
    (medians) and, with `bare`, beside a bare onnxruntime-web page on the same file (builder/bench_bare.py);
    generation models run `gen_runs` generations of `gen_tokens` tokens. With `peer`, text models are also
    measured beside Transformers.js (`peers`: `peer_runs` calls per steady state, `peer_repeat` cold/warm
    pairs per side; `peer_variants` limits it to those variants; `node_modules` is where
    @huggingface/transformers is installed, by default the project's).
    """
    if min(runs, peer_runs, peer_repeat, repeat, gen_tokens, gen_runs) < 1:
        raise VitrineError("--runs, --peer-runs, --peer-repeat, --repeat, --gen-tokens and --gen-runs must be at least 1")
    data = json.loads((site_dir / "models" / manifest.MANIFEST).read_text())
    unknown = set(models) - {m["id"] for m in data["models"]}
    if unknown:
        raise VitrineError(f"no model {', '.join(sorted(unknown))} in this site (models: {', '.join(m['id'] for m in data['models'])})")
    import onnxruntime as ort  # here, not at import: `vitrine --help` must stay light

    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:
        raise VitrineError("vitrine bench needs Playwright: pip install 'vitrine[bench]'") from err
    executable = find_chromium()
    if executable is None:
        raise VitrineError("vitrine bench needs Chromium: install it (Debian: apt-get install chromium) or set VITRINE_CHROMIUM")
    chosen = [m for m in data["models"] if not models or m["id"] in models]
    # Transformers.js runs encoders (AutoModel, a BERT config): not the generation model, although its preprocessing is "text" too.
    peer_entries = [m for m in bench_peer.text_models(data, models) if m.get("task") != GENERATION] if peer else []
    bare_entries = chosen if bare and backends else []
    node_modules = node_modules or bench_peer.default_node_modules()
    # With a peer or the bare page, the server's root is the site plus their pages (_peer/, _bare/), as symlinks and copies.
    if peer_entries:
        root = bench_peer.make_root(site_dir, node_modules, peer_entries)
    elif bare_entries:
        root = bench_bare.make_root(site_dir)
    else:
        root = site_dir
    load_before = os.getloadavg()
    log: list[str] = []
    results = []
    peers = None
    http_cache = None
    generation_models = []
    try:
        bare_specs = bench_bare.install(root, site_dir, bare_entries) if bare_entries else {}
        with serve_directory(root, isolate=isolate, log=log) as base, sync_playwright() as p:
            if bare_specs:
                http_cache = bench_bare.http_cache(base, next(iter(bare_specs.values()))["modelPath"])
            browser = p.chromium.launch(executable_path=executable, args=[*CHROMIUM_ARGS, *chromium_args])
            # every cold/warm side in a fresh profile on disk, whose HTTP cache keeps big files as a visitor's does
            profiles = DiskProfiles(p, executable, [*CHROMIUM_ARGS, *chromium_args])
            try:
                for entry in chosen:
                    if not backends:
                        continue
                    gen = None
                    if entry.get("task") == GENERATION:
                        generation_models.append(entry["id"])
                        gen = {"prompt": _generation_prompt(entry, gen_tokens), "tokens": gen_tokens, "runs": gen_runs}
                        native = _native_generation(site_dir, entry, gen["prompt"], gen_tokens, gen_runs)
                    else:
                        native = _native(site_dir, entry, runs)
                    python_shap = {"exact": _native_shap_exact(site_dir, entry, EXPLAIN_RUNS)} if "exact" in explain_methods(entry) else None
                    for variant in entry["variants"]:
                        for backend in backends:
                            results.append(_bench_one(profiles, base, log, entry, variant, backend, runs, native, repeat=repeat,
                                                      bare=bare_specs.get((entry["id"], variant["name"])), gen=gen, python_shap=python_shap))
                if peer_entries:
                    peers = bench_peer.run(profiles, base, root, log, site_dir, peer_entries, node_modules,
                                           runs=peer_runs, warmup=peer_warmup, variants=peer_variants, repeat=peer_repeat)
                version = browser.version
            finally:
                browser.close()
                profiles.remove()
    finally:
        if root != site_dir:
            shutil.rmtree(root, ignore_errors=True)  # symlinks and copies only: the site stays
    return {
        "schema_version": 1,
        "generator": f"vitrine {__version__}",
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "environment": {
            "browser": f"Chromium {version}",
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "native_runtime": f"onnxruntime {ort.__version__} CPU, 1 thread",
            "cross_origin_isolated": isolate,
            # 1, 5 and 15 min: the machine's other work slows the browser side (threads) most
            "load_average": {"before": [round(x, 2) for x in load_before], "after": [round(x, 2) for x in os.getloadavg()]},
        },
        "runs": runs,
        "repeat": repeat,
        "explain_runs": EXPLAIN_RUNS,
        "results": results,
        "bare": {"page": bench_bare.DESCRIPTION, "targets": bench_bare.TARGETS, "warmup": WARMUP, "http_cache": http_cache} if bare_entries else None,
        "generation": {"max_new_tokens": gen_tokens, "runs": gen_runs, "temperature": 0} if generation_models else None,
        "peers": peers,
    }


def write(document: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_json_atomic(path, document)


def _native(site_dir: Path, entry: dict[str, Any], runs: int) -> dict[str, dict[str, Any]]:
    """Python onnxruntime latency of each variant on the same example the browser uses."""
    from . import evaluate

    feeds = _example_feeds(site_dir, entry)
    out = {}
    for variant in entry["variants"]:
        session = evaluate.native_session((site_dir / "models" / variant["url"]).read_bytes(), config=variant.get("session_options"))
        out[variant["name"]] = evaluate.latency(session, feeds, runs, whole=entry["preprocessing"]["kind"] == "audio")
    return out


def explain_methods(entry: dict[str, Any]) -> list[str]:
    """The m.explain methods a model offers: none without stored explanations; exact up to its feature limit."""
    if not entry.get("explain"):
        return []
    from .explain import EXACT_MAX_FEATURES

    return [*(["exact"] if len(entry["preprocessing"]["features"]) <= EXACT_MAX_FEATURES else []), "kernel", "lime"]


def _native_shap_exact(site_dir: Path, entry: dict[str, Any], runs: int) -> dict[str, float]:
    """Python shap's Exact explainer on the example row, over the same background and the default variant's file
    (onnxruntime CPU, 1 thread): what the browser's exact method is compared with."""
    import logging

    import pandas as pd
    import shap

    from . import evaluate, explain

    logging.getLogger("shap").setLevel(logging.ERROR)
    artifact = json.loads((site_dir / "models" / entry["explain"]["explanations"]).read_text())
    features = entry["preprocessing"]["features"]
    codes = {f["input"]: artifact["categories"][f["name"]] for f in features if f["type"] == "categorical"}

    def frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
        return pd.DataFrame([{f["input"]: row[f["name"]] for f in features} for row in rows])

    variant = pages.default_variant(entry)
    session = evaluate.native_session((site_dir / "models" / variant["url"]).read_bytes(), as_in_browser=True, config=variant.get("session_options"))
    probability = entry["postprocessing"]["probability_output"]
    f = explain.model_function(lambda feeds: session.run([probability], feeds)[0], features, codes)
    background = explain.encode(frame(artifact["background"]), features, codes)
    explainer = shap.explainers.Exact(f, shap.maskers.Independent(background, max_samples=len(background)))
    x = explain.encode(frame([entry["examples"][0]["input"]]), features, codes)
    explainer(x, silent=True)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        explainer(x, silent=True)
        times.append((time.perf_counter() - start) * 1000)
    return {"p50": round(_median(times), 2), "runs": runs}


def _generation_prompt(entry: dict[str, Any], tokens: int) -> str:
    """The first example whose (greedy) answer is at least `tokens` long, so every run decodes `tokens` tokens; else the longest."""
    examples = entry["examples"]
    return next((e["text"] for e in examples if len(e["output"]["tokens"]) >= tokens),
                max(examples, key=lambda e: len(e["output"]["tokens"]))["text"])


def generation_parts(site_dir: Path, entry: dict[str, Any]) -> dict[str, Any]:
    """What builder/tasks/text_generation reads of a model: its manifest pre/postprocessing and the shipped tokenizer."""
    return {"preprocessing": entry["preprocessing"], "postprocessing": entry["postprocessing"],
            "tokenizer_json": (site_dir / "models" / entry["preprocessing"]["tokenizer"]).read_bytes()}


def _native_generation(site_dir: Path, entry: dict[str, Any], prompt: str, tokens: int, runs: int) -> dict[str, dict[str, Any]]:
    """Python onnxruntime running the worker's decode loop on `prompt`: per variant, prefill and decode ms per token."""
    from . import evaluate
    from .tasks import text_generation

    parts = generation_parts(site_dir, entry)
    out = {}
    for variant in entry["variants"]:
        session = evaluate.native_session((site_dir / "models" / variant["url"]).read_bytes(), as_in_browser=False,
                                          config=variant.get("session_options"))
        text_generation.generate(session, prompt, parts, max_new_tokens=2, temperature=0.0)  # warm-up
        done = [text_generation.generate(session, prompt, parts, max_new_tokens=tokens, temperature=0.0) for _ in range(runs)]
        out[variant["name"]] = native_generation_summary(done)
    return out


def native_generation_summary(done: list[dict[str, Any]]) -> dict[str, Any]:
    """Prefill (each run's first step) and decode (the mean of each run's later steps: 1000 / its tokens per second), medians over runs
    (as the p50 of `native_ms`)."""
    import statistics

    decode = [sum(r["ms"][1:]) / (len(r["ms"]) - 1) for r in done if len(r["ms"]) > 1]
    per_token = statistics.median(decode) if decode else None
    steps = [ms for r in done for ms in r["ms"][1:]]
    return {
        "runs": len(done),
        "prompt_tokens": len(done[0]["prompt_ids"]),
        "tokens": done[0]["tokens"],
        "prefill_ms": round(statistics.median(r["ms"][0] for r in done), 2),
        "decode_ms_per_token": round(per_token, 2) if per_token else None,
        "decode_ms_per_run": [round(x, 3) for x in decode],
        "decode_step_ms": _percentiles(steps, 2) if steps else None,
        "tokens_per_second": round(1000 / per_token, 2) if per_token else None,
    }


def _example_feeds(site_dir: Path, entry: dict[str, Any]) -> dict[str, Any]:
    """The model's first precomputed example as feeds: its tabular row, its series window, its picked items, its text's token ids, its recording's first block, or its example image preprocessed."""
    example = entry["examples"][0]
    pre = entry["preprocessing"]
    if pre["kind"] == "audio":
        from .speech import read_wav, resample
        from .tasks.voice_activity import blocks, state

        samples, rate = read_wav((site_dir / "models" / example["audio"]).read_bytes())
        return {pre["input"]: blocks(resample(samples, rate, pre["sample_rate"]), pre)[0], **state(pre)}
    if pre["kind"] == "series":
        import numpy as np

        return {pre["input"]: np.array([example["input"]], np.float32)}
    if pre["kind"] == "items":
        import numpy as np

        picked = np.zeros((1, pre["count"]), np.float32)
        picked[0, [entry["labels"].index(name) for name in example["input"]]] = 1
        return {pre["input"]: picked}
    if pre["kind"] == "text":
        from .tasks.text import feed

        return feed(example["text"], pre)
    if pre["kind"] == "tabular":
        import pandas as pd

        from .tasks.tabular import feeds_for

        features = pre["features"]
        return feeds_for(pd.DataFrame([{f["input"]: example["input"][f["name"]] for f in features}]), features)
    from .image_preprocess import decode, prepare

    data = (site_dir / "models" / example["image"]).read_bytes()
    return {pre["input"]: prepare(decode(data, pre["background"]), pre).tensor}


def _percentiles(values: Any, digits: int) -> dict[str, float]:
    from .evaluate import percentiles  # onnxruntime: imported only when a bench runs

    return percentiles(values, digits)


def _median(values: list[float]) -> float:
    """The lower median: a measured value (bench_peer does the same)."""
    return sorted(values)[(len(values) - 1) // 2]


# The page vitrine.load is timed on: one of the site's own (theme, main.js) without a demo, whose widget would
# load a model of its own beside the one measured (the home page has one). The card reference is made by the
# plugin on every site.
QUIET_PAGE = card_reference.PAGE.removesuffix(".md") + "/"


def _vitrine_side(browser: Any, base: str, log: list[str], backend: str, args: dict[str, Any], steady: bool, generation: bool,
                  page_path: str = QUIET_PAGE) -> dict[str, Any]:
    """Vitrine in a fresh profile: cold first prediction, the steady state when `steady`, then a reload → cached first prediction."""
    url = f"{base}{page_path}?backend={backend}"
    evaluate = (lambda page, script: bench_peer._evaluate(page, script, args)) if generation else (lambda page, script: page.evaluate(script, args))
    first, latency = (_GEN_FIRST, _GEN_STEADY) if generation else (_FIRST_PREDICTION, _LATENCY)
    context = browser.new_context()
    bench_peer.start_on_ready(context, "vitrine", first, args)
    try:
        page = context.new_page()
        page.goto(url)
        cold = bench_peer.first_result(page)
        if page.query_selector(".vitrine-demo"):
            raise RuntimeError(f"{page_path} has a demo on it, which would load a model of its own beside the one measured")
        timings = evaluate(page, latency) if steady else None
        explained = page.evaluate(_EXPLAIN, args) if steady and args.get("methods") else None
        del log[:]
        page.reload()
        cached = bench_peer.first_result(page)
        model_requests = sum(1 for path in log if path.endswith(".onnx"))
    finally:
        context.close()
    return {"cold": cold, "cached": cached, "timings": timings, "explained": explained, "model_requests_on_reload": model_requests}


# The model's own gallery page, as a visitor opens it at its demo: navigation start → the demo shows its
# first live result. Unlike vitrine.load on a page without a demo, this includes the page's early start of
# the worker, the runtime and the model (js_runtime/main.js) and the widget's own code.
_DEMO_LIVE = '.vitrine-demo[data-state="ready"][data-source="live"]'
_DEMO_WATCH = """new MutationObserver((_, observer) => {
  if (document.querySelector('%s')) { window.__vitrineLive = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-source']});""" % _DEMO_LIVE


def _demo_side(profiles: Any, base: str, entry: dict[str, Any], backend: str) -> dict[str, float]:
    """The demo page in a fresh profile: cold, then opened again (with the service worker and caches the first view left)."""
    context = profiles.new_context()
    try:
        context.add_init_script(_DEMO_WATCH)
        page = context.new_page()
        out = {}
        for load in ("cold", "warm"):
            if load == "warm":  # leave, then a new page view (the same URL with its #fragment would only scroll)
                page.goto("about:blank")
            page.goto(f"{base}gallery/{entry['id']}/?backend={backend}#try-it")
            page.wait_for_selector(_DEMO_LIVE, timeout=120_000)
            page.wait_for_function("() => window.__vitrineLive !== undefined")
            out[load] = page.evaluate("() => window.__vitrineLive")
            if load == "cold":  # a returning visitor: the service worker the first view registered is active by then
                _service_worker_settled(page)
    finally:
        context.close()
    return out


def _service_worker_settled(page: Any, timeout_s: float = 15) -> None:
    """Wait until the site's service worker is activated (it registers once the page has settled; a site
    that turned it off registers none, and this gives up after `timeout_s`)."""
    deadline = time.monotonic() + timeout_s
    script = "async () => (await navigator.serviceWorker?.getRegistration())?.active?.state === 'activated'"
    while not page.evaluate(script) and time.monotonic() < deadline:
        page.wait_for_timeout(100)


def _bench_one(browser: Any, base: str, log: list[str], entry: dict[str, Any], variant: dict[str, Any], backend: str, runs: int,
               native: dict[str, Any], repeat: int = 1, bare: dict[str, Any] | None = None, gen: dict[str, Any] | None = None,
               python_shap: dict[str, Any] | None = None) -> dict[str, Any]:
    """One variant on one tier: `repeat` cold/cached pairs (medians; the steady state and the explanation
    latency in the first), and with `bare` (bench_bare.install's spec of this variant) the bare page beside
    it, the two sides alternating which goes first. `gen` (prompt, tokens, runs) for a generation model;
    `python_shap` (per method, Python shap's times) what the browser's explanations are compared with."""
    result: dict[str, Any] = {"model": entry["id"], "variant": variant["name"], "sha256": variant["sha256"], "backend": backend}
    if gen:
        args = {"id": entry["id"], "variant": variant["name"], "prompt": gen["prompt"], "maxNewTokens": gen["tokens"], "runs": gen["runs"]}
    else:
        example = entry["examples"][0]
        file = example.get("image") or example.get("audio")
        args = {"id": entry["id"], "variant": variant["name"], "image": file is not None, "runs": runs, "warmup": WARMUP,
                "input": f"{base}models/{file}" if file else example["text"] if "text" in example else example["input"],
                "methods": explain_methods(entry), "explainRuns": EXPLAIN_RUNS}
    reps: list[dict[str, Any]] = []
    bare_reps: list[dict[str, Any]] = []
    demo_reps: list[dict[str, float]] = []
    themeless_reps: list[dict[str, Any]] = []
    bare_error = demo_error = themeless_error = None
    for i in range(repeat):
        for side in ("vitrine", "demo", "themeless", "bare") if i % 2 == 0 else ("bare", "themeless", "demo", "vitrine"):
            # the pages timed beside the bare page (a generation demo waits for a prompt: none; the static tier runs no model)
            beside_bare = bare is not None and gen is None and (not reps or reps[0]["cold"]["backend"] != "static")
            if side == "vitrine":
                try:
                    reps.append(_vitrine_side(browser, base, log, backend, args, steady=i == 0, generation=gen is not None))
                except Exception as err:  # a tier this browser lacks is a result too, not a crash
                    result["error"] = str(err).splitlines()[0]
                    return result
            elif side == "demo":
                if beside_bare and demo_error is None:  # the model's own page
                    try:
                        demo_reps.append(_demo_side(browser, base, entry, backend))
                    except Exception as err:  # the demo's figures fail alone
                        demo_error = str(err).splitlines()[0]
            elif side == "themeless":
                if beside_bare and themeless_error is None:
                    try:
                        themeless_reps.append(_vitrine_side(browser, base, log, backend, args, steady=False, generation=False,
                                                            page_path=bench_bare.THEMELESS_PAGE))
                    except Exception as err:  # its figures fail alone
                        themeless_error = str(err).splitlines()[0]
            # The bare page runs the tier Vitrine ended up on (a forced tier this browser lacks falls back; the
            # first pair always starts with Vitrine); the static tier runs no model, so there is nothing to compare.
            elif bare is not None and bare_error is None and reps[0]["cold"]["backend"] != "static":
                try:
                    bare_reps.append(bench_bare.side(browser, base, log, entry, variant, bare, reps[0]["cold"]["backend"], runs, WARMUP,
                                                     steady=i == 0 and gen is None, check=i == 0))
                except Exception as err:  # the comparison fails, Vitrine's own numbers stand
                    bare_error = str(err).splitlines()[0]
    cold = [r["cold"]["ms"] for r in reps]
    cached = [r["cached"]["ms"] for r in reps]
    first = reps[0]["cold"]
    result.update(
        backend_used=first["backend"],
        threads=first["threads"],
        cold_first_prediction_ms=round(_median(cold), 1),
        cached_first_prediction_ms=round(_median(cached), 1),
        cached_over_cold=round(_median(cached) / _median(cold), 3),
        cold_first_prediction_ms_all=[round(x, 1) for x in cold],
        cached_first_prediction_ms_all=[round(x, 1) for x in cached],
        model_requests_on_reload=max(r["model_requests_on_reload"] for r in reps),
    )
    if "requested" in first:  # where the median loads' time went: page, vitrine.load, first prediction
        result.update(cold_phases=_vitrine_phases(reps[cold.index(_median(cold))]["cold"]),
                      cached_phases=_vitrine_phases(reps[cached.index(_median(cached))]["cached"]))
    if gen:
        result.update(task=GENERATION, **_generation_result(reps[0]["timings"], native[variant["name"]], gen))
    else:
        timings = reps[0]["timings"]
        browser_ms = _percentiles(timings["roundTrip"], 4)
        worker_ms = _percentiles(timings["inWorker"], 4)
        native_ms = native[variant["name"]]
        result.update(
            browser_ms=browser_ms,
            session_run_ms=worker_ms,
            native_ms={k: round(native_ms[k], 4) for k in ("p50", "p95")},
            browser_over_native=round(browser_ms["p50"] / native_ms["p50"], 1),
            session_run_over_native=round(worker_ms["p50"] / native_ms["p50"], 1),
        )
        if reps[0]["explained"]:
            result["explain"] = _explain_result(reps[0]["explained"], python_shap)
    if bare is not None and result["backend_used"] != "static":
        result.update(_bare_result(result, bare_reps, bare_error))
        if demo_reps and result.get("vitrine_over_bare"):
            result.update(_demo_result(demo_reps, result))
        elif demo_error:
            result["demo_error"] = demo_error
        if themeless_reps and result.get("vitrine_over_bare"):
            result.update(_themeless_result(themeless_reps, result))
        elif themeless_error:
            result["themeless_error"] = themeless_error
    result["error"] = None
    return result


def _explain_result(explained: dict[str, Any], native: dict[str, Any] | None) -> dict[str, Any]:
    """Per method: the page's round trip and the worker's model time (medians), the rows evaluated, and for
    exact the ratio to Python shap's Exact explainer on the same row and background."""
    out = {}
    for method, t in explained.items():
        if "error" in t:
            out[method] = {"error": t["error"].splitlines()[0]}
            continue
        wall = _median(t["wall"])
        out[method] = {"wall_ms": round(wall, 2), "worker_ms": round(_median(t["inWorker"]), 2), "evaluations": t["evaluations"],
                       "samples": t["samples"], "runs": len(t["wall"])}
        if native and method in native:
            out[method].update(python_shap_ms=native[method]["p50"], wall_over_python_shap=round(wall / native[method]["p50"], 3))
    return out


def _generation_result(runs: list[dict[str, Any]], native: dict[str, Any], gen: dict[str, Any]) -> dict[str, Any]:
    """A generation model's steady state: browser (the page API's own figures) beside native onnxruntime on the same prompt.
    Medians over the runs (the mean of the middle two for an even count, as the p50 of `browser_ms`)."""
    from statistics import median

    decode = [1000 / r["tokensPerSecond"] for r in runs if r.get("tokensPerSecond")]
    prefill = [r["firstTokenMs"] for r in runs if r.get("firstTokenMs") is not None]
    per_token = median(decode) if decode else None
    prefill_ms = median(prefill) if prefill else None
    first_token = [r["firstToken"] for r in runs if r.get("firstToken") is not None]
    ratio = lambda a, b: round(a / b, 2) if a and b else None  # noqa: E731
    return {
        # the keys every result has (the CLI prints them): ms per decoded token, browser and native
        "browser_ms": _percentiles(decode, 2) if decode else {"p50": None, "p95": None},
        "native_ms": _percentiles(native["decode_ms_per_run"], 2) if native["decode_ms_per_run"] else {"p50": None, "p95": None},
        "browser_over_native": ratio(per_token, native["decode_ms_per_token"]),
        "generation": {
            "prompt": gen["prompt"],
            "prompt_tokens": runs[0].get("promptTokens"),
            "max_new_tokens": gen["tokens"],
            "runs": len(runs),
            "tokens_generated": [len(r["tokens"]) for r in runs],
            "finish_reasons": [r.get("finishReason") for r in runs],
            "same_tokens_as_native": runs[0]["tokens"] == native["tokens"],
            "browser": {
                "first_token_ms": round(median(first_token), 1) if first_token else None,  # page: call → first onToken
                "prefill_ms": round(prefill_ms, 2) if prefill_ms is not None else None,  # worker: the prefill session.run
                "decode_ms_per_token": round(per_token, 2) if per_token else None,
                "tokens_per_second": round(1000 / per_token, 2) if per_token else None,
                "round_trip_ms": round(median([r["wall"] for r in runs]), 1),
            },
            "native": {k: native[k] for k in ("prefill_ms", "decode_ms_per_token", "tokens_per_second", "prompt_tokens")},
            "prefill_browser_over_native": ratio(prefill_ms, native["prefill_ms"]),
            "decode_browser_over_native": ratio(per_token, native["decode_ms_per_token"]),
        },
    }


def _vitrine_phases(first: dict[str, Any]) -> dict[str, float]:
    """A Vitrine first prediction in phases that add up to it (ms since navigation start)."""
    return {
        "page_ready": round(first["requested"], 1),  # the site's page (theme included) and window.vitrine
        "load": round(first["loaded"] - first["requested"], 1),  # manifest, worker, runtime, model (sha256, Cache API), session
        "first_prediction": round(first["ms"] - first["loaded"], 1),  # preprocessing, session.run, postprocessing, messages
    }


def _bare_phases(first: dict[str, Any]) -> dict[str, float]:
    """A bare first output in phases that add up to it (ms since navigation start)."""
    return {
        "page_ready": round(first["requested"], 1),
        "runtime_import": round(first["imported"] - first["requested"], 1),
        "session_create": round(first["created"] - first["imported"], 1),  # model download or HTTP cache, .wasm, InferenceSession.create
        "first_run": round(first["ms"] - first["created"], 1),
    }


def _bare_result(result: dict[str, Any], reps: list[dict[str, Any]], error: str | None) -> dict[str, Any]:
    """The bare page's medians and Vitrine ÷ bare, for a result whose Vitrine numbers are in."""
    if error or not reps:
        return {"bare_error": error or "the bare page did not run", "vitrine_over_bare": None}
    cold = [r["cold"]["ms"] for r in reps]
    warm = [r["warm"]["ms"] for r in reps]
    c, w = _median(cold), _median(warm)
    run_ms = _percentiles(reps[0]["run_ms"], 4) if reps[0].get("run_ms") else None
    vitrine_run = result["browser_ms"]["p50"] if run_ms and result.get("browser_ms") else None
    return {
        "bare_threads": reps[0]["cold"]["threads"],
        "bare_cold_ms": round(c, 1),
        "bare_warm_ms": round(w, 1),
        "bare_cold_ms_all": [round(x, 1) for x in cold],
        "bare_warm_ms_all": [round(x, 1) for x in warm],
        "bare_cold_phases": _bare_phases(reps[cold.index(c)]["cold"]),
        "bare_warm_phases": _bare_phases(reps[warm.index(w)]["warm"]),
        "bare_run_ms": run_ms,
        "bare_model_requests_on_reload": max(r["model_requests_on_reload"] for r in reps),
        "bare_warm_model_from": [bench_bare.model_source(r["warm"]) for r in reps],  # per warm reload, in order
        "bare_parity": reps[0].get("parity"),
        "vitrine_over_bare": {
            "cold": bench_bare.ratio(result["cold_first_prediction_ms"], c),
            "warm": bench_bare.ratio(result["cached_first_prediction_ms"], w),
            "run": bench_bare.ratio(vitrine_run, run_ms["p50"]) if run_ms else None,
        },
    }


def _themeless_result(reps: list[dict[str, Any]], result: dict[str, Any]) -> dict[str, Any]:
    """Vitrine on the page without the theme: medians with their runs' phases, and ratios to the bare page's
    (added to vitrine_over_bare)."""
    cold, warm = [r["cold"]["ms"] for r in reps], [r["cached"]["ms"] for r in reps]
    c, w = _median(cold), _median(warm)
    result["vitrine_over_bare"].update(themeless_cold=bench_bare.ratio(c, result["bare_cold_ms"]),
                                       themeless_warm=bench_bare.ratio(w, result["bare_warm_ms"]))
    return {"themeless_cold_ms": round(c, 1), "themeless_warm_ms": round(w, 1),
            "themeless_cold_ms_all": [round(x, 1) for x in cold], "themeless_warm_ms_all": [round(x, 1) for x in warm],
            "themeless_cold_phases": _vitrine_phases(reps[cold.index(c)]["cold"]),
            "themeless_warm_phases": _vitrine_phases(reps[warm.index(w)]["cached"])}


def _demo_result(reps: list[dict[str, float]], result: dict[str, Any]) -> dict[str, Any]:
    """The demo page's medians, and their ratios to the bare page's (added to vitrine_over_bare)."""
    cold, warm = _median([r["cold"] for r in reps]), _median([r["warm"] for r in reps])
    result["vitrine_over_bare"].update(demo_cold=bench_bare.ratio(cold, result["bare_cold_ms"]),
                                       demo_warm=bench_bare.ratio(warm, result["bare_warm_ms"]))
    return {"demo_cold_ms": round(cold, 1), "demo_warm_ms": round(warm, 1),
            "demo_cold_ms_all": [round(r["cold"], 1) for r in reps], "demo_warm_ms_all": [round(r["warm"], 1) for r in reps]}


def build_site(config_file: Path) -> tuple[Path, Path]:
    """Build the site into a temp folder (models first, as `mkdocs build` does); returns (site, output_dir)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site = Path(tempfile.mkdtemp(prefix="vitrine-bench-"))
    config = load_config(str(config_file), site_dir=str(site))
    mkdocs_build(config)
    plugin = config.plugins["vitrine"]
    return site, (config_file.resolve().parent / plugin.config.output_dir)
