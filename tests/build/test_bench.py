"""`vitrine bench` in a real browser, and the Performance page rendered from its JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from builder import bench

from ..conftest import REPO, BuiltSite, mkdocs, write_site_config

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def document(built_site: BuiltSite) -> dict:
    return bench.run(built_site.site, backends=("wasm", "no-such-tier"), runs=50, isolate=True)


def test_bench_measures_browser_and_native(document: dict, built_site: BuiltSite) -> None:
    assert document["runs"] == 50 and document["environment"]["browser"].startswith("Chromium ")
    ok, bad = document["results"]
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    assert ok["model"] == "penguins-species" and ok["sha256"] == manifest["models"][0]["variants"][0]["sha256"]
    assert ok["error"] is None and ok["backend_used"] == "wasm"
    assert ok["threads"] > 1, "COOP/COEP-isolated page should run WASM threads"
    for key in ("browser_ms", "session_run_ms", "native_ms"):
        assert 0 < ok[key]["p50"] <= ok[key]["p95"], key
    assert ok["session_run_ms"]["p50"] <= ok["browser_ms"]["p50"]
    assert ok["browser_over_native"] == round(ok["browser_ms"]["p50"] / ok["native_ms"]["p50"], 1)
    assert 0 < ok["cached_first_prediction_ms"] and 0 < ok["cold_first_prediction_ms"]
    assert ok["cached_over_cold"] == round(ok["cached_first_prediction_ms"] / ok["cold_first_prediction_ms"], 3)
    assert bad["backend"] == "no-such-tier" and "no-such-tier" in bad["error"]


def test_performance_page_shows_bench_results(document: dict, built_models, tmp_path: Path) -> None:
    out = tmp_path / "exported_models"
    shutil.copytree(built_models[0], out)
    bench.write(document, out / bench.BENCH_FILE)
    proc = mkdocs("build", "--strict", "-f", str(write_site_config(tmp_path, out)))
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "site" / "performance" / "index.html").read_text()
    ok = document["results"][0]
    assert f"<strong>{ok['browser_over_native']}×</strong>" in html
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
