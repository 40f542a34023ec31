"""`vitrine bench`: what a visitor waits for, measured in a real browser against native onnxruntime.

Per model and backend tier: cold load → first prediction (empty cache), cached reload → first
prediction (same browser profile), and prediction latency over many runs; the same model's native
onnxruntime latency is measured in the same run so the page can show ratios, which survive noisy
machines better than absolute times.

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
from pathlib import Path
from typing import Any

from . import __version__, bench_peer, manifest
from .browser import CHROMIUM_ARGS, find_chromium, serve_directory
from .errors import VitrineError

BENCH_FILE = "bench.json"
DEFAULT_BACKENDS = ("wasm", "wasm-nosimd")
WARMUP = 10

# `input` is a tabular row, a text, or the URL of an example image (fetched once, then predicted as a Blob).
_FIRST_PREDICTION = """async ({id, variant, input, image}) => {
    const m = await vitrine.load(id, {variant});
    const p = await m.predict(image ? await (await fetch(input)).blob() : input);
    return {ms: performance.now(), backend: m.backend, threads: m.threads};
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
) -> dict[str, Any]:
    """Benchmark every variant of every model (or of `models`) of a built site; returns the bench.json document.

    `backends` are the tiers measured per model (none: only the peer); with `peer`, text models are also
    measured beside Transformers.js (`peers`: `peer_runs` calls per steady state, `peer_repeat` cold/warm
    pairs per side; `peer_variants` limits it to those variants; `node_modules` is where
    @huggingface/transformers is installed, by default the project's).
    """
    if runs < 1 or peer_runs < 1 or peer_repeat < 1:
        raise VitrineError("--runs, --peer-runs and --peer-repeat must be at least 1")
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
    peer_entries = bench_peer.text_models(data, models) if peer else []
    node_modules = node_modules or bench_peer.default_node_modules()
    # With a peer, the server's root is the site plus the peer's pages and model folders (_peer/).
    root = bench_peer.make_root(site_dir, node_modules, peer_entries) if peer_entries else site_dir
    log: list[str] = []
    results = []
    peers = None
    try:
        with serve_directory(root, isolate=isolate, log=log) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable, args=[*CHROMIUM_ARGS, *chromium_args])
            try:
                for entry in (m for m in data["models"] if not models or m["id"] in models):
                    if not backends:
                        continue
                    native = _native(site_dir, entry, runs)
                    for variant in entry["variants"]:
                        for backend in backends:
                            results.append(_bench_one(browser, base, log, entry, variant, backend, runs, native))
                if peer_entries:
                    peers = bench_peer.run(browser, base, root, log, site_dir, peer_entries, node_modules,
                                           runs=peer_runs, warmup=peer_warmup, variants=peer_variants, repeat=peer_repeat)
                version = browser.version
            finally:
                browser.close()
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
        },
        "runs": runs,
        "results": results,
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
        session = evaluate.native_session((site_dir / "models" / variant["url"]).read_bytes())
        out[variant["name"]] = evaluate.latency(session, feeds, runs)
    return out


def _example_feeds(site_dir: Path, entry: dict[str, Any]) -> dict[str, Any]:
    """The model's first precomputed example as feeds: its tabular row, its text's token ids, or its example image preprocessed."""
    example = entry["examples"][0]
    pre = entry["preprocessing"]
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


def _bench_one(browser: Any, base: str, log: list[str], entry: dict[str, Any], variant: dict[str, Any], backend: str, runs: int, native: dict[str, Any]) -> dict[str, Any]:
    from . import evaluate

    result: dict[str, Any] = {"model": entry["id"], "variant": variant["name"], "sha256": variant["sha256"], "backend": backend}
    # a page without a demo: the widget would load the model on its own and muddy the timings
    url = f"{base}?backend={backend}"
    example = entry["examples"][0]
    image = "image" in example
    args = {"id": entry["id"], "variant": variant["name"], "image": image, "runs": runs, "warmup": WARMUP,
            "input": f"{base}models/{example['image']}" if image else example["text"] if "text" in example else example["input"]}
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("() => window.vitrine !== undefined")
        cold = page.evaluate(_FIRST_PREDICTION, args)
        timings = page.evaluate(_LATENCY, args)
        del log[:]
        page.reload()
        page.wait_for_function("() => window.vitrine !== undefined")
        cached = page.evaluate(_FIRST_PREDICTION, args)
        model_requests = sum(1 for path in log if path.endswith(".onnx"))
    except Exception as err:  # a tier this browser lacks is a result too, not a crash
        result["error"] = str(err).splitlines()[0]
        return result
    finally:
        context.close()
    browser_ms = evaluate.percentiles(timings["roundTrip"], 4)
    worker_ms = evaluate.percentiles(timings["inWorker"], 4)
    native_ms = native[variant["name"]]
    result.update(
        backend_used=cold["backend"],
        threads=cold["threads"],
        cold_first_prediction_ms=round(cold["ms"], 1),
        cached_first_prediction_ms=round(cached["ms"], 1),
        cached_over_cold=round(cached["ms"] / cold["ms"], 3),
        model_requests_on_reload=model_requests,
        browser_ms=browser_ms,
        session_run_ms=worker_ms,
        native_ms={k: round(native_ms[k], 4) for k in ("p50", "p95")},
        browser_over_native=round(browser_ms["p50"] / native_ms["p50"], 1),
        session_run_over_native=round(worker_ms["p50"] / native_ms["p50"], 1),
        error=None,
    )
    return result


def build_site(config_file: Path) -> tuple[Path, Path]:
    """Build the site into a temp folder (models first, as `mkdocs build` does); returns (site, output_dir)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site = Path(tempfile.mkdtemp(prefix="vitrine-bench-"))
    config = load_config(str(config_file), site_dir=str(site))
    mkdocs_build(config)
    plugin = config.plugins["vitrine"]
    return site, (config_file.resolve().parent / plugin.config.output_dir)
