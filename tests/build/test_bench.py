"""`vitrine bench` in a real browser, and the Performance page rendered from its JSON."""

from __future__ import annotations

import hashlib
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from builder import bench, bench_peer, pages

from ..conftest import REPO, BuiltSite, mkdocs, model_entry, write_site_config

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def document(built_site: BuiltSite) -> dict:
    # In a thread of its own: the browser tests' Playwright (a session fixture) owns this thread's
    # event loop, and Playwright's sync API refuses to start a second one beside it.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(bench.run, built_site.site, backends=("wasm", "no-such-tier"), runs=50, isolate=True,
                           models=("penguins-species", "face-detector")).result()


def test_bench_measures_browser_and_native(document: dict, built_site: BuiltSite) -> None:
    assert document["runs"] == 50 and document["environment"]["browser"].startswith("Chromium ")
    assert document["peers"] is None, "no text model was measured, so there is no Transformers.js comparison"
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
    # An image model: every variant is measured, each predicting from its example photo.
    faces = [r for r in document["results"] if r["model"] == "face-detector" and r["backend"] == "wasm"]
    detector = next(m for m in manifest["models"] if m["id"] == "face-detector")
    assert [r["variant"] for r in faces] == [v["name"] for v in detector["variants"]]
    for r in faces:
        assert r["error"] is None and 0 < r["session_run_ms"]["p50"] <= r["browser_ms"]["p50"], r
        assert r["model_requests_on_reload"] == 0


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

    def wait_for_function(self, script: str) -> None:
        pass

    def evaluate(self, script: str, args: dict) -> dict:
        assert args["id"] == "m" and args["variant"] == "fp32" and args["runs"] == 21
        if script == bench._LATENCY:
            return self.timings
        assert script == bench._FIRST_PREDICTION
        return self.first.pop(0)


class _FakeBrowser:
    def __init__(self, page: _FakePage) -> None:
        self.page = page
        self.closed = 0

    def new_context(self) -> "_FakeBrowser":
        return self

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
    page = _FakePage(log, {"ms": 640.04, "backend": "wasm", "threads": 2, "label": "A"},
                     {"ms": 160.01, "backend": "wasm", "threads": 2, "label": "A"},
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
        "model_requests_on_reload": 1,  # the reload's .onnx request only; not the cold load's, not .parity.json
        "browser_ms": {"p50": 20.0, "p95": 30.0}, "session_run_ms": {"p50": 5.0, "p95": 6.0},
        "native_ms": {"p50": 2.5, "p95": 4.0},
        "browser_over_native": 8.0, "session_run_over_native": 2.0,
        "error": None,
    }
    assert browser.closed == 1, "the browser context is closed after each result"


def test_performance_page_shows_bench_results(document: dict, built_models, tmp_path: Path) -> None:
    out = tmp_path / "exported_models"
    shutil.copytree(built_models[0], out)
    bench.write(document, out / bench.BENCH_FILE)
    proc = mkdocs("build", "--strict", "-f", str(write_site_config(tmp_path, out)))
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "site" / "performance" / "index.html").read_text()
    ok = document["results"][0]
    assert f"<strong>{ok['browser_over_native']}×</strong>" in html
    assert "face-detector" in html and "int8" in html
    assert f"<strong>{ok['cached_over_cold']}×</strong>" in html
    assert "failed: " in html and "no-such-tier" in html
    assert "model changed since" not in html


def test_performance_page_without_bench_says_how_to_run_it(built_site: BuiltSite) -> None:
    html = (built_site.site / "performance" / "index.html").read_text()
    assert "No benchmark has been run for this build" in html


def test_performance_page_flags_results_of_a_rebuilt_model(document: dict, built_models, tmp_path: Path) -> None:
    out = tmp_path / "exported_models"
    shutil.copytree(built_models[0], out)
    stale = json.loads(json.dumps(document))
    stale["results"][0]["sha256"] = "0" * 64
    bench.write(stale, out / bench.BENCH_FILE)
    proc = mkdocs("build", "--strict", "-f", str(write_site_config(tmp_path, out, REPO / "model_cards")))
    assert proc.returncode == 0, proc.stderr
    assert "(model changed since)" in (tmp_path / "site" / "performance" / "index.html").read_text()


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
