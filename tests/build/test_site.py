"""The site as MkDocs builds it: generated pages, served files, and failures that change nothing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from builder.assets import BUNDLED_ENTRIES

from ..conftest import BIN, REPO, BuiltSite, gallery_ids, mkdocs, model_entry, unknown_recipe, write_site_config
from ..unit.test_pipeline import snapshot


def test_strict_build_reuses_unchanged_models(built_site: BuiltSite) -> None:
    assert "penguins-species: unchanged, nothing re-exported" in built_site.log
    assert f"0 built, {len(gallery_ids())} unchanged" in built_site.log


def test_model_page_has_demo_card_and_metrics(built_site: BuiltSite) -> None:
    html = (built_site.site / "gallery" / "penguins-species" / "index.html").read_text()
    assert re.search(r'<div class="vitrine-demo" data-model="penguins-species" data-variant="fp32"', html)
    assert "Precomputed example" in html
    assert 'vitrine-confusion">' in html
    manifest = json.loads((built_site.output_dir / "manifest.json").read_text())
    variant = model_entry(manifest)["variants"][0]
    assert f'href="../../models/{variant["url"]}"' in html
    accuracy = f"{100 * variant['metrics']['accuracy']:.1f}%"
    assert f"<td>{accuracy}</td>" in html
    assert "held out for testing" in html


def test_every_page_loads_the_runtime_as_a_module(built_site: BuiltSite) -> None:
    for page in ("index.html", "gallery/index.html", "gallery/penguins-species/index.html", "api/index.html"):
        html = (built_site.site / page).read_text()
        assert re.search(r'<script src="[./]*vitrine/js_runtime/main\.js" type="module">', html), page
        assert re.search(r'<link rel="stylesheet" href="[./]*vitrine/js_runtime/vitrine\.css">', html), page


def test_site_serves_models_runtime_and_vendored_libraries(built_site: BuiltSite) -> None:
    site = built_site.site
    assert json.loads((site / "models" / "manifest.json").read_text()) == json.loads((built_site.output_dir / "manifest.json").read_text())
    # The source modules are served as they are, for deep imports; the entry points are esbuild bundles
    # (tests/build/test_bundle.py), and site_config.js is written by the build from mkdocs.yml (see
    # test_service_worker).
    for src in (REPO / "js_runtime").glob("*.js"):
        if src.name != "site_config.js" and f"js_runtime/{src.name}" not in BUNDLED_ENTRIES:
            assert (site / "vitrine" / "js_runtime" / src.name).read_bytes() == src.read_bytes(), src.name
    assert (site / "vitrine" / "js_runtime" / "site_config.js").read_text().startswith("export const SITE_CONFIG = ")
    for src in (REPO / "worker").glob("*.js"):
        assert (site / "vitrine" / "worker" / src.name).is_file()
    wasm = site / "vitrine" / "vendor" / "onnxruntime-web" / "ort-wasm-simd-threaded.wasm"
    assert wasm.read_bytes() == (REPO / "node_modules" / "onnxruntime-web" / "dist" / wasm.name).read_bytes()
    assert (site / "vitrine" / "vendor" / "chart.js" / "chart.umd.min.js").is_file()


def test_no_page_links_a_script_or_stylesheet_from_another_host(built_site: BuiltSite) -> None:
    for page in built_site.site.rglob("*.html"):
        html = page.read_text()
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', html), page
        assert "fonts.googleapis" not in html, page


def test_bad_card_fails_the_build_and_changes_nothing(tmp_path: Path, built_models) -> None:
    out = tmp_path / "exported_models"
    shutil.copytree(built_models[0], out)
    cards = tmp_path / "cards"
    shutil.copytree(REPO / "model_cards", cards)
    card = cards / "penguins-species.yaml"
    text = card.read_text().replace("kind: sklearn_tabular", "kind: sklearn_tabulr")
    card.write_text(text)
    line = text.splitlines().index("  kind: sklearn_tabulr") + 1
    before = snapshot(out)
    proc = mkdocs("build", "--strict", "-f", str(write_site_config(tmp_path, out, cards)))
    assert proc.returncode != 0
    assert unknown_recipe(card, line) in proc.stdout + proc.stderr
    assert snapshot(out) == before


def test_cli_models_only_and_check(tmp_path: Path, built_models) -> None:
    out = tmp_path / "exported_models"
    shutil.copytree(built_models[0], out)
    cards = tmp_path / "cards"
    shutil.copytree(REPO / "model_cards", cards)
    config = write_site_config(tmp_path, out, cards)
    run = lambda *a: subprocess.run([str(BIN / "vitrine"), *a, "-f", str(config)], capture_output=True, text=True, timeout=300)  # noqa: E731

    ok = run("check")
    assert ok.returncode == 0 and f"{len(gallery_ids())} model cards valid: {', '.join(gallery_ids())}" in ok.stderr
    same = run("build", "--models-only")
    assert same.returncode == 0 and f"0 built, {len(gallery_ids())} unchanged" in same.stderr

    card = cards / "penguins-species.yaml"
    card.write_text(card.read_text().replace("target: species", "target: specie"))
    before = snapshot(out)
    for command in (("check",), ("build", "--models-only")):
        bad = run(*command)
        assert bad.returncode == 1, command
        assert "error:" in bad.stderr and "dataset.target: no column 'specie' in palmerpenguins/penguins" in bad.stderr
    assert snapshot(out) == before


def test_sidebar_leads_with_the_gallery_then_how_to_add_a_model_then_the_references(built_site: BuiltSite) -> None:
    html = (built_site.site / "index.html").read_text()
    links = [h for h in re.findall(r'href="([^"#]*)" class="md-nav__link', html) if h.count("/") <= 1 or h.startswith("reference/")]
    order = list(dict.fromkeys(links))  # first appearance: the primary sidebar
    assert order == [".", "gallery/", "getting-started/", "authoring/", "api/", "reference/cards/", "reference/javascript-api/", "performance/"]
