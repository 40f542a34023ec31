"""`vitrine bench` in a real browser, and the Performance page rendered from its JSON."""

from __future__ import annotations

import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from builder import bench

from ..conftest import REPO, BuiltSite, mkdocs, write_site_config

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
