"""Nothing half-written: a failed site build keeps the last good site, and leftovers of killed
builds (site or model staging folders) are cleared by the next build."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from builder import build_models

from ..conftest import BIN, REPO, mkdocs, write_site_config
from ..unit.test_pipeline import snapshot


@pytest.fixture
def built(tmp_path: Path, built_models) -> tuple[Path, Path]:
    """(mkdocs.yml, site/) after one good build of a private copy."""
    out = tmp_path / "exported_models"
    shutil.copytree(built_models[0], out)
    config = write_site_config(tmp_path, out)
    proc = mkdocs("build", "--strict", "-f", str(config))
    assert proc.returncode == 0, proc.stderr
    return config, tmp_path / "site"


def with_plugin_option(config: Path, **options: object) -> None:
    data = yaml.safe_load(config.read_text())
    for plugin in data["plugins"]:
        if isinstance(plugin, dict) and "vitrine" in plugin:
            plugin["vitrine"].update(options)
    config.write_text(yaml.safe_dump(data, sort_keys=False))


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f"{site.name}.vitrine-"))


@pytest.mark.parametrize("command", [["mkdocs", "build", "--strict"], ["vitrine", "build"]])
def test_failure_after_pages_were_written_keeps_the_last_good_site(built: tuple[Path, Path], tmp_path: Path, command: list[str]) -> None:
    config, site = built
    before = snapshot(site)
    empty = tmp_path / "no_node_modules"
    empty.mkdir()
    with_plugin_option(config, node_modules=str(empty))  # fails in on_post_build, after every page is written
    proc = subprocess.run([str(BIN / command[0]), *command[1:], "-f", str(config)], capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert "run `npm ci`" in proc.stdout + proc.stderr
    assert snapshot(site) == before
    assert leftovers(site) == []


def test_strict_mode_abort_keeps_the_last_good_site(built: tuple[Path, Path]) -> None:
    config, site = built
    before = snapshot(site)
    data = yaml.safe_load(config.read_text())
    docs = config.parent / "docs"
    shutil.copytree(REPO / "site_src", docs)
    (docs / "broken.md").write_text("# Broken\n\n[a link to nowhere](nowhere.md)\n")
    data["docs_dir"] = str(docs)
    config.write_text(yaml.safe_dump(data, sort_keys=False))
    proc = mkdocs("build", "--strict", "-f", str(config))
    assert proc.returncode != 0 and "nowhere.md" in proc.stderr
    assert snapshot(site) == before
    assert leftovers(site) == []


def test_next_build_clears_what_a_killed_build_left(built: tuple[Path, Path]) -> None:
    config, site = built
    (site.parent / f"{site.name}.vitrine-new-killed").mkdir()
    (site.parent / f"{site.name}.vitrine-new-killed" / "index.html").write_text("half")
    out = Path(yaml.safe_load(config.read_text())["plugins"][1]["vitrine"]["output_dir"])
    (out / ".staging-killed").mkdir()
    (out / ".staging-killed" / "x.onnx").write_bytes(b"half")
    (out / ".manifest.json.killed").write_text("{")
    proc = mkdocs("build", "--strict", "-f", str(config))
    assert proc.returncode == 0, proc.stderr
    assert leftovers(site) == []
    assert (site / "index.html").is_file()
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".lock") == []


def test_killed_model_build_litter_is_removed_by_build_models(tmp_path: Path, built_models) -> None:
    out = tmp_path / "exported_models"
    shutil.copytree(built_models[0], out)
    (out / ".staging-abc123").mkdir()
    build_models(REPO / "model_cards", out, console=Console(quiet=True))
    assert not list(out.glob(".staging-*"))
