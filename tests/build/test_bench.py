"""`vitrine bench` in a real browser, and the Performance page rendered from its JSON."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from builder import bench, bench_bare, bench_peer, pages

from ..conftest import REPO, BuiltSite, mkdocs, model_entry, write_site_config

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def document(built_site: BuiltSite) -> dict:
    # In a thread of its own: the browser tests' Playwright (a session fixture) owns this thread's
    # event loop, and Playwright's sync API refuses to start a second one beside it.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(bench.run, built_site.site, backends=("wasm", "no-such-tier"), runs=50, isolate=True,
                           models=("penguins-species", "face-detector"), bare=False, repeat=1).result()


def test_bench_measures_browser_and_native(document: dict, built_site: BuiltSite) -> None:
    assert document["runs"] == 50 and document["environment"]["browser"].startswith("Chromium ")
    assert document["peers"] is None, "no text model was measured, so there is no Transformers.js comparison"
    assert document["bare"] is None and document["generation"] is None and document["repeat"] == 1
    assert all(len(document["environment"]["load_average"][k]) == 3 for k in ("before", "after"))
    assert not any("vitrine_over_bare" in r for r in document["results"]), "bare=False measures no bare page"
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    penguins = next(m for m in manifest["models"] if m["id"] == "penguins-species")
    ok, bad = [r for r in document["results"] if r["model"] == "penguins-species"]
    assert ok["model"] == "penguins-species" and ok["sha256"] == penguins["variants"][0]["sha256"]
    assert ok["error"] is None and ok["backend_used"] == "wasm"
    assert ok["threads"] > 1, "COOP/COEP-isolated page should run WASM threads"
    for key in ("browser_ms", "session_run_ms", "native_ms"):
        assert 0 < ok[key]["p50"] <= ok[key]["p95"], key
    # session.run() is part of each round trip, so it cannot take longer than the round trip.
    assert ok["session_run_ms"]["p50"] <= ok["browser_ms"]["p50"]
    assert 0 < ok["cached_first_prediction_ms"] and 0 < ok["cold_first_prediction_ms"]
    assert ok["model_requests_on_reload"] == 0, "the cached reload downloaded the model again"
    assert ok["browser_over_native"] > 0 and ok["session_run_over_native"] > 0 and ok["cached_over_cold"] > 0
    assert bad["backend"] == "no-such-tier" and "no-such-tier" in bad["error"]
    # explanation latency: every method of m.explain, and the exact one beside Python shap on the same row and background
    assert document["explain_runs"] == bench.EXPLAIN_RUNS
    assert list(ok["explain"]) == bench.explain_methods(penguins) == ["exact", "kernel", "lime"]
    for method, x in ok["explain"].items():
        assert "error" not in x, (method, x)
        assert x["runs"] == bench.EXPLAIN_RUNS and 0 < x["worker_ms"] <= x["wall_ms"] and x["evaluations"] > 0, (method, x)
    exact = ok["explain"]["exact"]
    assert exact["python_shap_ms"] > 0 and exact["wall_over_python_shap"] == pytest.approx(exact["wall_ms"] / exact["python_shap_ms"], abs=0.001)
    assert "python_shap_ms" not in ok["explain"]["kernel"], "Python shap is timed for the exact method only"
    # An image model: every variant is measured, each predicting from its example photo.
    faces = [r for r in document["results"] if r["model"] == "face-detector" and r["backend"] == "wasm"]
    detector = next(m for m in manifest["models"] if m["id"] == "face-detector")
    assert [r["variant"] for r in faces] == [v["name"] for v in detector["variants"]]
    for r in faces:
        assert r["error"] is None and 0 < r["session_run_ms"]["p50"] <= r["browser_ms"]["p50"], r
        assert r["model_requests_on_reload"] == 0
        assert "explain" not in r, "a model without stored explanations has no explanation latency"


def test_bench_refuses_an_unknown_model(built_site: BuiltSite) -> None:
    with pytest.raises(bench.VitrineError, match="no model nope"):
        bench.run(built_site.site, models=("nope",))


class _FakePage:
    """Plays a browser page for bench._bench_one: canned timings, and the requests a server would log."""

    def __init__(self, log: list[str], cold: dict, cached: dict, timings: dict) -> None:
        self.log, self.first, self.timings = log, [cold, cached], timings

    def goto(self, url: str) -> None:
        self.log += ["/", "/models/m/fp32.0123456789abcdef.onnx"]  # the cold load downloads the model

    def reload(self) -> None:
        self.log += ["/", "/models/m/fp32.0123456789abcdef.onnx", "/models/m/fp32.parity.json", "/vitrine/vendor/ort.wasm"]

    def wait_for_function(self, script: str, **_: object) -> None:
        pass

    def query_selector(self, selector: str) -> None:
        return None  # the page has no demo

    def evaluate(self, script: str, args: dict) -> dict:
        if _FIRST_RESULT in script:  # what the init script's call gave (bench_peer.start_on_ready)
            assert bench._FIRST_PREDICTION in self.init and '"id": "m", "variant": "fp32"' in self.init and '"runs": 21' in self.init
            return self.first.pop(0)
        assert args["id"] == "m" and args["variant"] == "fp32" and args["runs"] == 21
        assert script == bench._LATENCY
        return self.timings


_FIRST_RESULT = "window.__benchFirst"


class _FakeBrowser:
    def __init__(self, page: _FakePage) -> None:
        self.page = page
        self.closed = 0

    def new_context(self) -> "_FakeBrowser":
        return self

    def add_init_script(self, script: str) -> None:
        self.page.init = script

    def new_page(self) -> _FakePage:
        return self.page

    def close(self) -> None:
        self.closed += 1


def test_bench_summary_against_hand_computed_numbers() -> None:
    """The ratios and percentiles of one result, from timings whose answers were worked out by hand.

    Round trips: ten 10 ms, one 20 ms, nine 30 ms and one 1000 ms outlier (21 runs): p50 = 20 (the
    11th of 21), p95 = 30 (linear interpolation at index 19 of 0..20), while the mean would be ~68.
    In-worker: ten 4, one 5, nine 6, one 500 → p50 = 5, p95 = 6. Native p50 = 2.5 ms, so browser
    over native = 20 / 2.5 = 8.0 and session.run over native = 5 / 2.5 = 2.0; cold first prediction
    640 ms, cached 160 ms → cached over cold = 0.25.
    """
    round_trip = [1000.0] + [10.0] * 10 + [30.0] * 9 + [20.0]
    in_worker = [6.0] * 9 + [500.0, 5.0] + [4.0] * 10
    log: list[str] = []
    page = _FakePage(log, {"ms": 640.04, "requested": 100.0, "loaded": 600.0, "backend": "wasm", "threads": 2, "label": "A"},
                     {"ms": 160.01, "requested": 60.0, "loaded": 150.0, "backend": "wasm", "threads": 2, "label": "A"},
                     {"roundTrip": round_trip, "inWorker": in_worker})
    browser = _FakeBrowser(page)
    entry = {"id": "m", "default_variant": "fp32", "variants": [{"name": "int8", "sha256": "1" * 64}, {"name": "fp32", "sha256": "f" * 64}],
             "examples": [{"input": {"x": 1.0}}]}
    native = {"fp32": {"p50": 2.5, "p95": 4.0, "runs": 21}, "int8": {"p50": 100.0, "p95": 200.0, "runs": 21}}
    result = bench._bench_one(browser, "http://127.0.0.1:1/", log, entry, entry["variants"][1], "wasm", 21, native)
    assert result == {
        "model": "m", "variant": "fp32", "sha256": "f" * 64, "backend": "wasm",
        "backend_used": "wasm", "threads": 2,
        "cold_first_prediction_ms": 640.0, "cached_first_prediction_ms": 160.0, "cached_over_cold": 0.25,
        "cold_first_prediction_ms_all": [640.0], "cached_first_prediction_ms_all": [160.0],
        "cold_phases": {"page_ready": 100.0, "load": 500.0, "first_prediction": 40.0},
        "cached_phases": {"page_ready": 60.0, "load": 90.0, "first_prediction": 10.0},
        "model_requests_on_reload": 1,  # the reload's .onnx request only; not the cold load's, not .parity.json
        "browser_ms": {"p50": 20.0, "p95": 30.0}, "session_run_ms": {"p50": 5.0, "p95": 6.0},
        "native_ms": {"p50": 2.5, "p95": 4.0},
        "browser_over_native": 8.0, "session_run_over_native": 2.0,
        "error": None,
    }
    assert browser.closed == 1, "the browser context is closed after each result"


def test_explanation_latency_against_hand_computed_numbers() -> None:
    """Medians of five calls (the lower median of an even count is a measured call); the ratio to Python shap
    for the methods it was timed for; a failed method keeps its first line and leaves the others."""
    explained = {
        "exact": {"wall": [30.0, 10.0, 20.0, 50.0, 40.0], "inWorker": [8.0, 6.0, 7.0, 9.0, 5.0], "evaluations": 3201, "samples": None},
        "kernel": {"wall": [12.0, 11.0], "inWorker": [9.0, 10.0], "evaluations": 3151, "samples": 62},
        "lime": {"error": "explain(): no\nstack"},
    }
    assert bench._explain_result(explained, {"exact": {"p50": 8.0, "runs": 5}}) == {
        "exact": {"wall_ms": 30.0, "worker_ms": 7.0, "evaluations": 3201, "samples": None, "runs": 5,
                  "python_shap_ms": 8.0, "wall_over_python_shap": 3.75},
        "kernel": {"wall_ms": 11.0, "worker_ms": 9.0, "evaluations": 3151, "samples": 62, "runs": 2},
        "lime": {"error": "explain(): no"},
    }


def _performance_html(document: dict, built_models, tmp_path: Path) -> str:
    """The Performance page a site build renders from `document` as its bench.json."""
    out = tmp_path / "exported_models"
    shutil.copytree(built_models[0], out)
    bench.write(document, out / bench.BENCH_FILE)
    proc = mkdocs("build", "--strict", "-f", str(write_site_config(tmp_path, out)))
    assert proc.returncode == 0, proc.stderr
    return (tmp_path / "site" / "performance" / "index.html").read_text()


def test_performance_page_shows_bench_results(document: dict, built_models, tmp_path: Path) -> None:
    html = _performance_html(document, built_models, tmp_path)
    ok = document["results"][0]
    assert f"<strong>{ok['browser_over_native']}×</strong>" in html
    assert "face-detector" in html and "int8" in html
    assert f"<strong>{ok['cached_over_cold']}×</strong>" in html
    assert "failed: " in html and "no-such-tier" in html
    assert "model changed since" not in html
    penguins = next(r for r in document["results"] if r["model"] == "penguins-species" and not r["error"])
    assert "Browser ÷ Python shap" in html and f"<strong>{penguins['explain']['exact']['wall_over_python_shap']}×</strong>" in html


def test_performance_page_without_bench_says_how_to_run_it(built_site: BuiltSite) -> None:
    html = (built_site.site / "performance" / "index.html").read_text()
    assert "No benchmark has been run for this build" in html


def test_performance_page_flags_results_of_a_rebuilt_model(document: dict, built_models, tmp_path: Path) -> None:
    stale = json.loads(json.dumps(document))
    stale["results"][0]["sha256"] = "0" * 64
    assert "(model changed since)" in _performance_html(stale, built_models, tmp_path)


# ---- the Transformers.js peer (builder/bench_peer.py) ----

TEXT_MODEL = "spam-filter"


@pytest.fixture(scope="module")
def peer_document(built_site: BuiltSite) -> dict:
    """One text model variant beside Transformers.js, with small counts: a shape and honesty check, not a benchmark."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(bench.run, built_site.site, backends=(), models=(TEXT_MODEL,), peer_runs=3, peer_warmup=1,
                           peer_repeat=1, peer_variants=("int8",)).result()


def test_peer_runs_transformers_js_on_the_same_file(peer_document: dict, built_site: BuiltSite) -> None:
    assert peer_document["results"] == [], "no tier was asked for"
    peers = peer_document["peers"]
    assert peers["transformers_js"]["package"] == "@huggingface/transformers 4.3.2"
    assert peers["runs"] == 3 and peers["repeat"] == 1
    [r] = peers["results"]
    assert r["error"] is None, r["error"]
    assert (r["model"], r["variant"], r["tjs_dtype"]) == (TEXT_MODEL, "int8", "q8")
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    variant = next(v for v in model_entry(manifest, TEXT_MODEL)["variants"] if v["name"] == "int8")
    on_disk = hashlib.sha256((built_site.site / "models" / variant["url"]).read_bytes()).hexdigest()
    # Each side fetched one model file from its own URL, and both files are the manifest's bytes.
    assert r["files"] == {
        "vitrine": [{"path": f"/models/{variant['url']}", "sha256": on_disk}],
        "transformers_js": [{"path": f"/_peer/models/{TEXT_MODEL}/onnx/model_quantized.onnx", "sha256": on_disk}],
    }
    assert on_disk == variant["sha256"] == r["sha256"] and r["same_file"] is True
    assert r["same_input_ids"] is True, "the two tokenizers fed the model different ids"
    assert r["texts"]["long"]["tokens"] == bench_peer.LONG_TOKENS and 2 < r["texts"]["short"]["tokens"] < bench_peer.LONG_TOKENS
    for side in ("vitrine", "transformers_js"):
        s = r[side]
        assert s["external_requests"] == [], f"{side} made requests outside the local server"
        assert s["requests_seen"]["onnx"] >= 1, "the request observer missed the worker's model fetch"
        assert s["threads"] >= 1 and s["backend"] == "wasm"
        assert s["model_requests_on_reload"] == 0, f"{side}'s warm reload downloaded the model again"
        assert 0 < s["warm_ms"] and 0 < s["cold_ms"] and s["cold_ms_all"] == [s["cold_ms"]]
        assert sum(s["cold"]["phases"].values()) == pytest.approx(s["cold_ms"], abs=0.5)
        # the browser's CPU time over the cold load, from /proc (this suite runs on Linux): some, and at
        # most every core busy all the time (with a little slack for the clock ticks it counts in)
        assert 0 < s["cold_cpu_ms"] <= (os.cpu_count() or 1) * s["cold_ms"] + 50
        for key in ("long", "short"):
            assert s["steady"][key]["runs"] == 3
            assert 0 < s["steady"][key]["inference"]["p50"] <= s["steady"][key]["round_trip"]["p50"]
    tjs = r["transformers_js"]
    assert tjs["dtype"] == "q8" and tjs["versions"]["transformers"] == "4.3.2"
    threads = {str(r["vitrine"]["threads"]), str(tjs["threads"])}
    assert set(r["native_ms"]) == threads, "native onnxruntime runs at each side's thread count"
    # The ratios are those of this run's own numbers.
    v, q = r["vitrine"], r["ratios"]
    assert q["cold_load"] == round(tjs["cold_ms"] / v["cold_ms"], 2)
    assert q["warm_reload"] == round(tjs["warm_ms"] / v["warm_ms"], 2)
    assert q["steady_p50_long"] == round(tjs["steady"]["long"]["round_trip"]["p50"] / v["steady"]["long"]["round_trip"]["p50"], 2)
    assert q["browser_over_native_short"] == round(v["steady"]["short"]["inference"]["p50"] / r["native_ms"][str(v["threads"])]["short"]["p50"], 2)
    if v["threads"] != tjs["threads"]:  # the diagnostic: each side at the other's thread count
        assert r["equal_threads"]["vitrine"]["threads"] == tjs["threads"]
        assert r["equal_threads"]["transformers_js"]["threads"] == v["threads"]
        assert r["equal_threads"]["transformers_js"]["cold_ms"] > 0
    assert isinstance(r["shortfalls"], list)


def test_peer_section_of_the_performance_page(peer_document: dict, built_site: BuiltSite) -> None:
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    text = _peer_section(peer_document, manifest["models"])
    [r] = peer_document["peers"]["results"]
    # ratios first, then the times
    assert text.index("### Ratios") < text.index("### Times (ms) and threads") < text.index("### Where the load time goes")
    assert f"| {TEXT_MODEL} | int8 | **{r['ratios']['cold_load']}×**" in text
    assert f"| {TEXT_MODEL} | int8 | Transformers.js | wasm, dtype q8 | {r['transformers_js']['threads']} | {r['transformers_js']['cold_ms']} |" in text
    assert "(model changed since)" not in text and "Requests outside the local server" not in text


def _peer_section(document: dict, entries: list[dict]) -> str:
    """The Transformers.js section as performance.md.j2 includes it."""
    current = {v["sha256"] for m in entries for v in m["variants"]}
    return pages._env().get_template("_performance_peers.md.j2").render(bench=document, current=current)


def _peer_result(**changes: object) -> dict:
    """A peer result with round numbers: Vitrine 2 threads, Transformers.js 1; ratios worked out by hand below."""
    side = lambda cold, warm, long_rt, long_inf, short_rt, short_inf, threads, phases, details: {  # noqa: E731
        "threads": threads, "backend": "wasm", "dtype": "q8", "cold_ms": cold, "warm_ms": warm, "external_requests": [],
        "cold": {"phases": phases, "details": details}, "warm": {"phases": phases, "details": details},
        "steady": {"long": {"runs": 20, "round_trip": {"p50": long_rt, "p95": long_rt}, "inference": {"p50": long_inf, "p95": long_inf}},
                   "short": {"runs": 20, "round_trip": {"p50": short_rt, "p95": short_rt}, "inference": {"p50": short_inf, "p95": short_inf}}},
    }
    result = {
        "model": "m", "variant": "int8", "sha256": "a" * 64, "bytes": 1000, "tjs_dtype": "q8", "error": None, "same_input_ids": True,
        "texts": {"long": {"text": "x", "tokens": 128}, "short": {"text": "y", "tokens": 9}},
        # Vitrine cold 2000 = 300 + 700 + 800 + 200; Transformers.js cold 2400 = 200 + 400 + 1600 + 200.
        "vitrine": side(2000.0, 1000.0, 52.0, 50.0, 11.0, 10.0, 2, {"page_ready": 300.0, "model_bytes": 700.0, "to_session": 800.0, "first_output": 200.0},
             {"model_fetch": 500.0, "wasm_fetch": None}),
        "transformers_js": side(2400.0, 1500.0, 91.0, 90.0, 12.1, 12.0, 1, {"page_ready": 200.0, "model_bytes": 400.0, "to_session": 1600.0, "first_output": 200.0},
             {"model_read": 300.0, "session_after_wasm": 900.0}),
        "native_ms": {"1": {"long": {"p50": 40.0, "p95": 41.0}, "short": {"p50": 8.0, "p95": 9.0}},
                      "2": {"long": {"p50": 25.0, "p95": 26.0}, "short": {"p50": 5.0, "p95": 6.0}}},
    }
    result.update(changes)
    return result


def test_peer_ratios_and_shortfalls_against_hand_computed_numbers() -> None:
    """Transformers.js ÷ Vitrine: cold 2400/2000 = 1.2, warm 1500/1000 = 1.5, steady 91/52 = 1.75 and 12.1/11 = 1.1,
    inference 90/50 = 1.8 and 12/10 = 1.2; Vitrine's session.run ÷ native at its 2 threads: 50/25 = 2.0 and 10/5 = 2.0."""
    r = _peer_result()
    r["ratios"] = bench_peer.ratios(r)
    assert r["ratios"] == {"cold_load": 1.2, "warm_reload": 1.5, "steady_p50_long": 1.75, "steady_p50_short": 1.1,
                           "inference_p50_long": 1.8, "inference_p50_short": 1.2,
                           "browser_over_native_long": 2.0, "browser_over_native_short": 2.0}
    notes = bench_peer.shortfalls(r)
    # Missed: cold (1.2 < 1.5), short steady (1.1 < 1.5), browser ÷ native both texts (2.0 > 1.5); met: warm, long steady.
    assert [n.split(" (")[0] for n in notes] == ["cold load 1.2×", "steady p50", "browser ÷ native", "browser ÷ native"]
    # Against 1.5×, Vitrine's excess per phase is 300-133, 700-267, 800-1067, 200-133: model bytes bounds it.
    assert "page ready 300.0 vs 200.0, model bytes 700.0 vs 400.0" in notes[0] and "largest excess is model bytes." in notes[0]
    assert "Vitrine model fetch 500.0; Transformers.js model read 300.0, session after wasm 900.0." in notes[0]
    busy = _peer_result()
    busy["ratios"] = bench_peer.ratios(busy)
    busy["vitrine"]["cold_cpu_ms"], busy["transformers_js"]["cold_cpu_ms"] = 3000.0, 2400.0
    assert (f"The browser's processes used 3000 ms of CPU time in Vitrine's cold load (1.50 cores busy on average) and 2400 ms in "
            f"Transformers.js' (1.00 cores), on a machine with {os.cpu_count()} cores.") in bench_peer.shortfalls(busy)[0]
    assert "CPU time" not in notes[0], "without the measurement, no sentence"
    with_storage = bench_peer.shortfalls(r, {"1000": {"sha256": 50.0, "cache_put": 200.0, "cache_read": 40.0}})
    assert with_storage[0].endswith("takes 50.0 ms to hash it (SHA-256), 200.0 ms to write it to the Cache API and 40.0 ms to read it back.")
    assert "(9 tokens) 1.1×" in notes[1] and "10.0 ms on 2 threads vs 12.0 ms on 1 thread (1.2×)" in notes[1] and "1.0 vs 0.1 ms" in notes[1]
    assert "session.run 50.0 ms in onnxruntime-web vs 25.0 ms in Python onnxruntime, both on 2 threads" in notes[2]
    # fp32 has no browser ÷ native target (the issue sets it for the int8 session)
    fp32 = _peer_result(variant="fp32")
    fp32["ratios"] = bench_peer.ratios(fp32)
    assert not any(n.startswith("browser") for n in bench_peer.shortfalls(fp32))


def test_peer_section_flags_failures_stale_files_and_outside_requests() -> None:
    ok = _peer_result()
    ok["ratios"] = bench_peer.ratios(ok)
    ok["shortfalls"] = bench_peer.shortfalls(ok)
    ok["transformers_js"]["external_requests"] = ["https://cdn.jsdelivr.net/npm/onnxruntime-web/dist/x.wasm"]
    failed = {"model": "m", "variant": "fp32", "sha256": "b" * 64, "tjs_dtype": "fp32", "texts": {}, "error": "Transformers.js could not load"}
    document = {"environment": {"cpus": 2}, "peers": {
        "transformers_js": {"package": "@huggingface/transformers 4.3.2", "settings": "defaults"}, "pages": "bare pages",
        "runs": 20, "warmup": 5, "repeat": 3, "native_runtime": "onnxruntime 1.x CPU", "targets": bench_peer.TARGETS,
        "wasm_compile": {}, "storage_ms": {}, "load_average": {"before": [0.1, 0.2, 0.3], "after": [0.2, 0.2, 0.3]},
        "results": [ok, failed]}}
    text = _peer_section(document, [{"variants": [{"sha256": "b" * 64}]}])  # "a"*64 was rebuilt since
    assert "| m (model changed since) | int8 | **1.2×** (target 1.5×: missed) | **1.5×** (met) |" in text
    assert "| m | fp32 | failed: Transformers.js could not load |" in text
    assert "**Requests outside the local server** (there should be none): https://cdn.jsdelivr.net/" in text
    assert "- **m int8**: cold load 1.2×" in text
    assert _peer_section({"environment": {}, "peers": None}, []).strip() == ""
    assert _peer_section({"environment": {}}, []).strip() == "", "a bench.json from before the comparison renders as before"


def test_peer_server_root_serves_the_site_files_themselves(tmp_path: Path) -> None:
    """The model folder Transformers.js reads links to the site's own files; nothing is copied or converted."""
    site = tmp_path / "site"
    (site / "models" / "m").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>")
    (site / "models" / "m" / "int8.0123.onnx").write_bytes(b"int8 bytes")
    (site / "models" / "m" / "fp32.4567.onnx").write_bytes(b"fp32 bytes")
    (site / "models" / "m" / "tokenizer.89ab.json").write_text("{}")
    entry = {"id": "m", "preprocessing": {"kind": "text", "tokenizer": "m/tokenizer.89ab.json"},
             "variants": [{"name": "int8", "url": "m/int8.0123.onnx"}, {"name": "fp32", "url": "m/fp32.4567.onnx"},
                          {"name": "pruned", "url": "m/pruned.cdef.onnx"}]}
    root = bench_peer.make_root(site, REPO / "node_modules", [entry])
    try:
        model = root / "_peer" / "models" / "m"
        assert (model / "onnx" / "model_quantized.onnx").resolve() == (site / "models" / "m" / "int8.0123.onnx").resolve()
        assert (model / "onnx" / "model.onnx").read_bytes() == b"fp32 bytes"
        assert sorted(p.name for p in (model / "onnx").iterdir()) == ["model.onnx", "model_quantized.onnx"]  # no dtype for "pruned"
        assert (model / "tokenizer.json").resolve() == (site / "models" / "m" / "tokenizer.89ab.json").resolve()
        assert json.loads((model / "config.json").read_text())["model_type"] == "bert"
        assert (model / "tokenizer_config.json").is_file()
        assert (root / "index.html").read_text() == "<p>home</p>" and (root / "models" / "m" / "int8.0123.onnx").is_file()
        for name in ("transformers.min.js", *bench_peer.TJS_WASM):
            assert (root / "_peer" / "lib" / name).is_file(), name
        assert {p.name for p in (root / "_peer").iterdir()} >= {"tjs.html", "tjs_page.js", "tjs_worker.js", "vitrine.html"}
    finally:
        shutil.rmtree(root)
    assert (site / "models" / "m" / "int8.0123.onnx").read_bytes() == b"int8 bytes", "removing the root left the site alone"


# ---- the bare onnxruntime-web page (builder/bench_bare.py) ----

@pytest.fixture(scope="module")
def bare_document(built_site: BuiltSite) -> dict:
    """The tabular model beside a bare onnxruntime-web page, two cold/warm pairs per side (the order alternates)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(bench.run, built_site.site, backends=("wasm",), runs=20, models=("penguins-species",), repeat=2).result()


def _fixture_digest(tensor: dict) -> str:
    """sha256 of a fixture input as fed: its little-endian bytes (string tensors: their values as compact JSON)."""
    if tensor["type"] == "string":
        return hashlib.sha256(json.dumps(tensor["data"], separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()
    dtypes = {"float32": "<f4", "int64": "<i8", "float64": "<f8", "int32": "<i4", "uint8": "u1"}
    return hashlib.sha256(np.asarray(tensor["data"], dtype=dtypes[tensor["type"]]).tobytes()).hexdigest()


def test_bare_page_runs_the_fixture_beside_vitrine(bare_document: dict, built_site: BuiltSite) -> None:
    doc = bare_document
    assert doc["repeat"] == 2 and doc["bare"]["targets"] == {"cold": 1.2, "warm": 1.1}
    headers = doc["bare"]["http_cache"]["headers"]
    assert "Last-Modified" in headers and "Cache-Control" not in headers, "the note must say what the server really sends"
    [r] = doc["results"]
    assert r["error"] is None and "bare_error" not in r, r.get("bare_error")
    # two loads per side, medians (the lower one of two: a measured load) and ratios of those medians
    for key in ("cold_first_prediction_ms_all", "cached_first_prediction_ms_all", "bare_cold_ms_all", "bare_warm_ms_all"):
        assert len(r[key]) == 2 and all(x > 0 for x in r[key]), key
    assert r["bare_cold_ms"] == min(r["bare_cold_ms_all"]) and r["cold_first_prediction_ms"] == min(r["cold_first_prediction_ms_all"])
    q = r["vitrine_over_bare"]
    assert all(q[k] > 0 for k in ("cold", "warm", "run")), q
    assert q["cold"] == pytest.approx(r["cold_first_prediction_ms"] / r["bare_cold_ms"], abs=0.011)
    assert q["warm"] == pytest.approx(r["cached_first_prediction_ms"] / r["bare_warm_ms"], abs=0.011)
    assert q["run"] == pytest.approx(r["browser_ms"]["p50"] / r["bare_run_ms"]["p50"], abs=0.011)
    # the model's own page: navigation → the demo's first live result, cold and on a second view
    assert "demo_error" not in r, r.get("demo_error")
    assert len(r["demo_cold_ms_all"]) == 2 and len(r["demo_warm_ms_all"]) == 2
    assert r["demo_cold_ms"] == min(r["demo_cold_ms_all"]) > 0 and r["demo_warm_ms"] == min(r["demo_warm_ms_all"]) > 0
    assert q["demo_cold"] == pytest.approx(r["demo_cold_ms"] / r["bare_cold_ms"], abs=0.011)
    assert q["demo_warm"] == pytest.approx(r["demo_warm_ms"] / r["bare_warm_ms"], abs=0.011)
    assert r["demo_warm_ms_all"] != r["demo_cold_ms_all"], "the second view was measured anew"
    # the same vitrine.load on a page without the theme: what the runtime adds alone
    assert "themeless_error" not in r, r.get("themeless_error")
    assert len(r["themeless_cold_ms_all"]) == 2 and r["themeless_cold_ms"] == min(r["themeless_cold_ms_all"]) > 0
    assert q["themeless_cold"] == pytest.approx(r["themeless_cold_ms"] / r["bare_cold_ms"], abs=0.011)
    assert q["themeless_warm"] == pytest.approx(r["themeless_warm_ms"] / r["bare_warm_ms"], abs=0.011)
    assert sum(r["themeless_warm_phases"].values()) == pytest.approx(r["themeless_warm_ms"], abs=0.5)
    assert 0 < r["bare_run_ms"]["p50"] <= r["bare_run_ms"]["p95"]
    assert r["bare_threads"] == r["threads"] > 1, "the bare page asks for Vitrine's thread count"
    assert r["model_requests_on_reload"] == 0
    # the bare page's warm reloads: the server saw a model request exactly when resource timing says it was not an HTTP cache hit
    assert len(r["bare_warm_model_from"]) == 2 and set(r["bare_warm_model_from"]) <= {"HTTP cache", "revalidated (304)", "downloaded"}
    assert (r["bare_model_requests_on_reload"] == 0) == (set(r["bare_warm_model_from"]) == {"HTTP cache"})
    for side, phases, total in (("bare cold", r["bare_cold_phases"], r["bare_cold_ms"]), ("bare warm", r["bare_warm_phases"], r["bare_warm_ms"]),
                                ("vitrine cold", r["cold_phases"], r["cold_first_prediction_ms"])):
        assert sum(phases.values()) == pytest.approx(total, abs=0.5), side
    # The page fed the fixture's inputs (the very bytes) and its outputs match Python's within the variant's tolerance.
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    entry = model_entry(manifest, "penguins-species")
    variant = entry["variants"][0]
    fixture = json.loads((built_site.site / "models" / variant["fixtures"]).read_text())
    p = r["bare_parity"]
    assert p["ok"] is True
    assert {name: i["sha256"] for name, i in p["inputs"].items()} == {name: _fixture_digest(t) for name, t in fixture["inputs"].items()}
    assert set(p["outputs"]) == set(fixture["outputs"])
    first = entry["outputs"][0]["name"]
    for name, want in fixture["outputs"].items():
        got = p["outputs"][name]
        assert got["dims"] == want["dims"]
        limit = 0 if want["type"] == "int64" else variant["tolerance"] * (1 if name == first else 10)
        assert got["max_abs_diff"] <= limit, (name, got)


def test_bare_page_helpers() -> None:
    data, layout = bench_bare.tensor_bytes({
        "a": {"type": "uint8", "dims": [3], "data": [1, 2, 3]},
        "b": {"type": "int64", "dims": [1, 2], "data": [5, -1]},
        "s": {"type": "string", "dims": [2, 1], "data": ["Biscoe", "Dream"]},
        "past": {"type": "float32", "dims": [1, 3, 0, 64], "data": []},
    })
    assert layout == [{"name": "a", "type": "uint8", "dims": [3], "offset": 0, "length": 3},
                      {"name": "b", "type": "int64", "dims": [1, 2], "offset": 8, "length": 2},  # aligned to 8
                      {"name": "s", "type": "string", "dims": [2, 1], "values": ["Biscoe", "Dream"]},
                      {"name": "past", "type": "float32", "dims": [1, 3, 0, 64], "offset": 24, "length": 0}]
    assert data == bytes([1, 2, 3, 0, 0, 0, 0, 0]) + (5).to_bytes(8, "little") + (-1).to_bytes(8, "little", signed=True)
    with pytest.raises(ValueError, match="3 values for dims"):
        bench_bare.tensor_bytes({"x": {"type": "float32", "dims": [2], "data": [1, 2, 3]}})
    assert bench_bare.extra(None) is None and bench_bare.extra({}) is None
    assert bench_bare.extra({"session.disable_quant_qdq": "1", "session.x": "2", "top": "3"}) == {
        "session": {"disable_quant_qdq": "1", "x": "2"}, "top": "3"}
    assert bench_bare.ratio(300.0, 200.0) == 1.5 and bench_bare.ratio(None, 2.0) is None and bench_bare.ratio(1.0, 0.0) is None


def test_bare_parity_rule() -> None:
    """int64 exact; the first output within the tolerance; others within 10× (int8: 5 % of the largest magnitude)."""
    fixture = {"inputs": {"x": {"type": "float32", "dims": [1, 2], "data": [1.0, 2.0]}},
               "outputs": {"scores": {"type": "float32", "dims": [1, 2], "data": [0.5, 0.5]},
                           "label": {"type": "int64", "dims": [1], "data": [1]},
                           "map": {"type": "float32", "dims": [2], "data": [10.0, -20.0]}}}
    entry = {"outputs": [{"name": "scores"}, {"name": "label"}, {"name": "map"}]}
    fed = {"x": {"dims": [1, 2], "sha256": bench_bare.input_digest(fixture["inputs"]["x"])}}
    got = {"inputs": fed, "outputs": {"scores": {"dims": [1, 2], "data": [0.5, 0.509]}, "label": {"dims": [1], "data": [1]},
                                      "map": {"dims": [2], "data": [10.9, -20.0]}}}
    int8 = bench_bare.parity(got, fixture, entry, {"precision": "int8", "tolerance": 0.01})
    assert int8["ok"] and int8["outputs"]["map"]["limit"] == 1.0 and int8["outputs"]["scores"]["max_abs_diff"] == 0.009
    fp32 = bench_bare.parity(got, fixture, entry, {"precision": "fp32", "tolerance": 0.01})
    assert not fp32["ok"] and not fp32["outputs"]["map"]["ok"] and fp32["outputs"]["map"]["limit"] == 0.1
    wrong_input = {**got, "inputs": {"x": {"dims": [1, 2], "sha256": "0" * 64}}}
    assert not bench_bare.parity(wrong_input, fixture, entry, {"precision": "int8", "tolerance": 0.01})["ok"]
    wrong_label = {**got, "outputs": {**got["outputs"], "label": {"dims": [1], "data": [0]}}}
    assert not bench_bare.parity(wrong_label, fixture, entry, {"precision": "int8", "tolerance": 0.01})["ok"]


# ---- text generation ----

GEN_PROMPT = "Write a short poem about the sea."


class _FakeGenPage:
    """Plays both sides' pages for a generation model: canned loads and runs, and the order the bench called them in."""

    def __init__(self, log: list[str]) -> None:
        self.log, self.calls, self.side = log, [], None
        # Vitrine: cold 5000, 4000, 6000 → median 5000; cached 1000, 1200, 800 → 1000. Bare: cold 4000, 3500, 4500 → 4000; warm 500, 400, 600 → 500.
        self.vitrine = [{"ms": ms, "requested": 200.0, "loaded": ms - 300, "backend": "wasm", "threads": 4, "tokens": [1]}
                        for ms in (5000.0, 1000.0, 4000.0, 1200.0, 6000.0, 800.0)]
        self.bare = [{"ms": ms, "requested": 50.0, "imported": 60.0, "created": ms - 100, "threads": 4, "backend": "wasm"}
                     for ms in (4000.0, 500.0, 3500.0, 400.0, 4500.0, 600.0)]

    def goto(self, url: str) -> None:
        self.side = "bare" if url.endswith(bench_bare.PAGE) else "vitrine"
        self.calls.append(self.side)

    def reload(self) -> None:
        self.log.append("/models/m/int8.0123.onnx" if self.side == "vitrine" else "/other")

    def wait_for_function(self, script: str, **_: object) -> None:
        pass

    def query_selector(self, selector: str) -> None:
        return None

    def evaluate(self, script: str, arg: object = None) -> object:
        if _FIRST_RESULT in script:  # what the init script's call gave (bench_peer.start_on_ready)
            if bench._GEN_FIRST in self.init:
                assert f'"prompt": {json.dumps(GEN_PROMPT)}' in self.init
                return self.vitrine.pop(0)
            assert bench_bare.FIRST in self.init
            return self.bare.pop(0)
        if bench._GEN_STEADY in script:
            assert arg["maxNewTokens"] == 3 and arg["runs"] == 3
            self.calls.append("steady")
            # decode 1000/20 = 50, 1000/25 = 40, 1000/10 = 100 ms per token → median 50; prefill 150, 100, 200 → 150
            return [{"wall": w, "firstToken": f, "ms": 500.0, "firstTokenMs": p, "tokensPerSecond": tps, "tokens": [7, 8, 9],
                     "promptTokens": 38, "finishReason": "length"}
                    for w, f, p, tps in ((2000.0, 300.0, 150.0, 20.0), (1800.0, 250.0, 100.0, 25.0), (3500.0, 400.0, 200.0, 10.0))]
        if bench_bare.LAST in script:
            self.calls.append("check")
            return {"inputs": {}, "outputs": {}}
        raise AssertionError(f"unexpected script {script[:80]}")


def _generation_result() -> dict:
    """A generation result from canned pages: the numbers below are worked out by hand in the test."""
    log: list[str] = []
    page = _FakeGenPage(log)
    browser = _FakeBrowser(page)
    entry = {"id": "m", "outputs": [{"name": "logits"}], "examples": [{"text": GEN_PROMPT}], "variants": [{"name": "int8", "sha256": "e" * 64}]}
    # native: three runs' decode means 24, 25, 26 ms per token (median 25), prefill 75 ms
    native = {"int8": bench.native_generation_summary([
        {"ms": [75.0, 24.0, 24.0], "prompt_ids": [1] * 38, "tokens": [7, 8, 9]},
        {"ms": [70.0, 25.0, 25.0], "prompt_ids": [1] * 38, "tokens": [7, 8, 9]},
        {"ms": [80.0, 26.0, 26.0], "prompt_ids": [1] * 38, "tokens": [7, 8, 9]}])}
    spec = {"modelPath": "models/m/int8.0123.onnx", "feedsPath": "_bare/feeds/m/int8.bin", "layout": [], "extra": None, "fixture": {"inputs": {}, "outputs": {}}}
    result = bench._bench_one(browser, "http://127.0.0.1:1/", log, entry, entry["variants"][0], "wasm", 21, native, repeat=3, bare=spec,
                              gen={"prompt": GEN_PROMPT, "tokens": 3, "runs": 3})
    return result, page, browser


def test_generation_bench_against_hand_computed_numbers() -> None:
    result, page, browser = _generation_result()
    # sides alternate; Vitrine's steady state and the bare page's parity check run in the first pair only; no bare steady state
    assert page.calls == ["vitrine", "steady", "bare", "check", "bare", "vitrine", "vitrine", "bare"]
    assert browser.closed == 6
    assert result["error"] is None and result["task"] == "text-generation"
    assert (result["cold_first_prediction_ms"], result["cached_first_prediction_ms"], result["cached_over_cold"]) == (5000.0, 1000.0, 0.2)
    assert result["cold_first_prediction_ms_all"] == [5000.0, 4000.0, 6000.0]
    g = result["generation"]
    assert g["browser"] == {"first_token_ms": 300.0, "prefill_ms": 150.0, "decode_ms_per_token": 50.0, "tokens_per_second": 20.0, "round_trip_ms": 2000.0}
    assert g["native"] == {"prefill_ms": 75.0, "decode_ms_per_token": 25.0, "tokens_per_second": 40.0, "prompt_tokens": 38}
    assert g["decode_browser_over_native"] == 2.0 and g["prefill_browser_over_native"] == 2.0
    assert g["same_tokens_as_native"] is True and g["tokens_generated"] == [3, 3, 3] and g["prompt_tokens"] == 38
    # the keys every result has: ms per decoded token (p95 of 40, 50, 100 = 50 + 0.9 × 50)
    assert result["browser_ms"] == {"p50": 50.0, "p95": 95.0} and result["native_ms"] == {"p50": 25.0, "p95": 25.9}
    assert result["browser_over_native"] == 2.0
    # bare: cold median 4000, warm 500; a generation model has no bare steady state, so no run ratio
    assert (result["bare_cold_ms"], result["bare_warm_ms"], result["bare_run_ms"]) == (4000.0, 500.0, None)
    assert result["vitrine_over_bare"] == {"cold": 1.25, "warm": 2.0, "run": None}
    assert result["model_requests_on_reload"] == 1 and result["bare_model_requests_on_reload"] == 0
    assert result["bare_warm_model_from"] == [None, None, None], "the canned loads say nothing of the model's transfer"


def test_generation_prompt_and_native_loop(built_site: BuiltSite) -> None:
    """The prompt is the first example that decodes the full budget; Python onnxruntime runs the worker's loop on it."""
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    entry = next(m for m in manifest["models"] if m["task"] == "text-generation")
    prompt = bench._generation_prompt(entry, 4)
    example = next(e for e in entry["examples"] if e["text"] == prompt)
    assert len(example["output"]["tokens"]) >= 4 and entry["examples"].index(example) == min(
        i for i, e in enumerate(entry["examples"]) if len(e["output"]["tokens"]) >= 4)
    longest = max(len(e["output"]["tokens"]) for e in entry["examples"])
    assert len(next(e for e in entry["examples"] if e["text"] == bench._generation_prompt(entry, 10**6))["output"]["tokens"]) == longest
    native = bench._native_generation(built_site.site, entry, prompt, 4, 1)
    for variant in entry["variants"]:
        n = native[variant["name"]]
        assert n["tokens"] == example["output"]["tokens"][:4], "greedy: the first tokens of the card's example"
        assert n["prompt_tokens"] == example["output"]["prompt_tokens"]
        assert n["prefill_ms"] > 0 and n["decode_ms_per_token"] > 0 and len(n["decode_ms_per_run"]) == 1
        assert n["tokens_per_second"] == pytest.approx(1000 / n["decode_ms_per_token"], rel=0.01)


def test_generation_model_in_the_browser_beside_native_and_the_bare_page(built_site: BuiltSite) -> None:
    """One short real run of the 137 MB generation model: one cold/warm pair per side, one generation of 4 tokens."""
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    entry = next(m for m in manifest["models"] if m["task"] == "text-generation")
    with ThreadPoolExecutor(1) as pool:
        doc = pool.submit(bench.run, built_site.site, backends=("wasm",), runs=1, models=(entry["id"],), repeat=1,
                          gen_tokens=4, gen_runs=1).result()
    assert doc["generation"] == {"max_new_tokens": 4, "runs": 1, "temperature": 0} and doc["peers"] is None, "no Transformers.js run on a generation model"
    [r] = doc["results"]
    assert r["error"] is None, r["error"]
    assert r["task"] == "text-generation" and r["model_requests_on_reload"] == 0
    g = r["generation"]
    example = next(e for e in entry["examples"] if e["text"] == g["prompt"])
    assert g["prompt_tokens"] == g["native"]["prompt_tokens"] == example["output"]["prompt_tokens"]
    assert g["tokens_generated"] == [4] and g["finish_reasons"] == ["length"]
    assert g["same_tokens_as_native"] is True, "greedy: the browser's first tokens are Python's"
    for side in ("browser", "native"):
        assert g[side]["prefill_ms"] > 0 and g[side]["decode_ms_per_token"] > 0, side
        assert g[side]["tokens_per_second"] == pytest.approx(1000 / g[side]["decode_ms_per_token"], rel=0.01)
    assert g["decode_browser_over_native"] == pytest.approx(g["browser"]["decode_ms_per_token"] / g["native"]["decode_ms_per_token"], abs=0.011)
    assert 0 < g["browser"]["prefill_ms"] <= g["browser"]["first_token_ms"] <= g["browser"]["round_trip_ms"]
    # the bare page: one prefill step of the fixture's ids, matching Python's logits and cache within the tolerance
    assert r["bare_parity"]["ok"] is True and r["bare_run_ms"] is None
    q = r["vitrine_over_bare"]
    assert q["cold"] > 0 and q["warm"] > 0 and q["run"] is None
    assert r["bare_threads"] == r["threads"]


def test_performance_page_shows_the_bare_and_generation_tables(bare_document: dict, built_models, tmp_path: Path) -> None:
    generation, _, _ = _generation_result()
    doc = {**bare_document, "results": [*bare_document["results"], generation],
           "generation": {"max_new_tokens": 3, "runs": 3, "temperature": 0}}
    html = _performance_html(doc, built_models, tmp_path)
    r = bare_document["results"][0]
    q = r["vitrine_over_bare"]
    # ratios first: the overhead section (ratios, times, phases) comes before the page's other sections
    order = ['<h2 id="vitrines-overhead-over-a-bare-onnxruntime-web-page">', '<h3 id="ratios">', '<h3 id="times-ms">',
             '<h3 id="where-the-load-time-goes-ms">', '<h2 id="ratios_1">', '<h2 id="times-ms_1">', '<h2 id="text-generation">']
    assert [h for h in order if h not in html] == []
    assert [html.index(h) for h in order] == sorted(html.index(h) for h in order)
    assert f"<strong>{q['cold']}×</strong>" in html and f"<strong>{q['warm']}×</strong>" in html and f"<strong>{q['run']}×</strong>" in html
    assert f"<td>{r['cold_first_prediction_ms']} / {r['bare_cold_ms']}</td>" in html and f"<td>{r['cached_first_prediction_ms']} / {r['bare_warm_ms']}</td>" in html
    assert f"<strong>{q['demo_cold']}×</strong>" in html and f"<td>{r['demo_cold_ms']} / {r['demo_warm_ms']}</td>" in html
    assert f"<strong>{q['themeless_warm']}×</strong>" in html and f"<td>Vitrine, no theme</td>\n<td>{r['themeless_warm_phases']['page_ready']}</td>" in html
    assert "<code>Last-Modified: " in html
    assert "its outputs matched\nPython onnxruntime's within the variant's tolerance.</p>" in html
    # the generation row: first tokens, decode ms per token browser / native and their ratio, tokens/s, the bare ratios (cold 1.25×, target 1.2×: missed)
    assert "<td>m (model changed since)</td>\n<td>int8</td>\n<td>wasm</td>\n<td>4</td>\n<td>5000.0</td>\n<td>1000.0</td>\n<td>50.0 / 25.0</td>\n<td><strong>2.0×</strong></td>" in html
    assert "<td>20.0 / 40.0</td>" in html and "<strong>1.25×</strong> (target ≤ 1.2×: missed)" in html
    # the generation result stays out of the per-prediction tables
    assert html.count("<td>m (model changed since)</td>") == 2  # the bare overhead row and the generation row


def test_performance_page_without_bare_results_has_no_overhead_table(document: dict) -> None:
    text = pages.performance_page(document, [], "bench.json")
    assert "bare onnxruntime-web" not in text and "## Text generation" not in text
    old = {k: v for k, v in document.items() if k not in ("bare", "repeat", "generation")}  # a bench.json from before them
    assert "bare onnxruntime-web" not in pages.performance_page(old, [], "bench.json")
