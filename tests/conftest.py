"""Shared fixtures: the repository's real cards built once per test run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from builder import BuildResult, build_models

REPO = Path(__file__).resolve().parent.parent
TABULAR = "penguins-species"  # the gallery's tabular model: the form, feature and manifest-message tests use it


def gallery_ids() -> list[str]:
    """The ids of the repo's cards, in build (file name) order."""
    return sorted(p.stem for p in (REPO / "model_cards").glob("*.yaml"))


def unknown_recipe(card: Path, line: int) -> str:
    """The error line every entry point prints for the test cards' misspelt recipe 'sklearn_tabulr'."""
    from builder import recipes

    return f"{card}:{line}: recipe.kind: unknown recipe 'sklearn_tabulr' (available: {', '.join(recipes.available())})"


def model_entry(manifest: dict, model_id: str = TABULAR) -> dict:
    """A model's manifest entry by id (the gallery holds several: never rely on their order)."""
    return next(m for m in manifest["models"] if m["id"] == model_id)


def only_model(manifest: dict, model_id: str = TABULAR) -> dict:
    """The manifest with one model, so a test's `models[0]` means that model."""
    return {**manifest, "models": [model_entry(manifest, model_id)]}
BIN = Path(sys.executable).parent


@pytest.fixture(scope="session")
def built_models(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """exported_models/ built from the repo's model_cards/ into a temp folder (one build per run).

    VITRINE_TEST_MODELS=<an exported_models folder> (as `make test` sets it, after `make models`)
    seeds the folder first, so the run reuses what the content-hash cache already built instead of
    building the gallery a second time; every entry is still checked against its files and build key.
    """
    out = tmp_path_factory.mktemp("exported_models")
    if (seed := os.environ.get("VITRINE_TEST_MODELS")) and (Path(seed) / "manifest.json").is_file():
        # the models and their manifest only: not the folder's own files, a lock or a benchmark
        shutil.copytree(seed, out, dirs_exist_ok=True, ignore=shutil.ignore_patterns("bench.json", ".gitignore", "README.md", ".lock"))
    result = build_models(REPO / "model_cards", out, console=Console(quiet=True))
    return out, result


@pytest.fixture
def cards_copy(tmp_path: Path) -> Path:
    """A private copy of the repo's cards, for tests that edit them."""
    dest = tmp_path / "model_cards"
    shutil.copytree(REPO / "model_cards", dest)
    return dest


@dataclass
class BuiltSite:
    config: Path
    site: Path
    output_dir: Path
    log: str


def write_site_config(tmp: Path, output_dir: Path, cards_dir: Path = REPO / "model_cards") -> Path:
    """A fixture site: the repo's mkdocs.yml with every folder made absolute, writing into `tmp`."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text())
    config["docs_dir"] = str(REPO / "site_src")
    config["site_dir"] = str(tmp / "site")
    plugins = []
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "vitrine" in plugin:
            plugin = {"vitrine": {
                "cards_dir": str(cards_dir),
                "output_dir": str(output_dir),
                "runtime_dir": str(REPO / "js_runtime"),
                "worker_dir": str(REPO / "worker"),
                "node_modules": str(REPO / "node_modules"),
            }}
        plugins.append(plugin)
    config["plugins"] = plugins
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def build_card_site(tmp: Path, card_id: str, card: str) -> tuple[Path, dict, dict]:
    """One card of a test's own built into `tmp`: its models (tmp/out) and `mkdocs build --strict` of a
    site over them (tmp/site). Returns the site folder, the model's manifest entry and its fixtures."""
    cards = tmp / "cards"
    cards.mkdir()
    (cards / f"{card_id}.yaml").write_text(card)
    result = build_models(cards, tmp / "out", console=Console(quiet=True))
    proc = mkdocs("build", "--strict", "-f", str(write_site_config(tmp, tmp / "out", cards)))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    [entry] = result.manifest["models"]
    return tmp / "site", entry, json.loads((tmp / "out" / entry["variants"][0]["fixtures"]).read_text())


def mkdocs(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    return subprocess.run([str(BIN / "mkdocs"), *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, built_models: tuple[Path, BuildResult]) -> BuiltSite:
    """`mkdocs build --strict` of a fixture site over the session's models (built once per run)."""
    tmp = tmp_path_factory.mktemp("site")
    config = write_site_config(tmp, built_models[0])
    proc = mkdocs("build", "--strict", "-f", str(config))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return BuiltSite(config, tmp / "site", built_models[0], proc.stdout + proc.stderr)


# ---- collection guard: a test folder or file can never silently drop out of the run ----

def _test_files() -> list[Path]:
    return sorted(p for p in (REPO / "tests").rglob("test_*.py") if "__pycache__" not in p.parts)


def pytest_collection_finish(session: pytest.Session) -> None:
    """On a whole-suite run, every tests/*/test_*.py file must contribute tests; print the counts per folder."""
    config = session.config
    whole_run = not config.args or [Path(a).resolve() for a in config.args] == [REPO / "tests"]
    if not whole_run or config.getoption("keyword") or config.getoption("markexpr"):
        return
    per_file: dict[Path, int] = {path: 0 for path in _test_files()}
    for item in session.items:
        path = Path(str(item.path)).resolve()
        if path in per_file:
            per_file[path] += 1
    per_folder: dict[str, int] = {}
    for path, n in per_file.items():
        folder = path.parent.relative_to(REPO).as_posix()
        per_folder[folder] = per_folder.get(folder, 0) + n
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line("collected per folder: " + ", ".join(f"{k} {v}" for k, v in sorted(per_folder.items())))
    empty = [str(p.relative_to(REPO)) for p, n in per_file.items() if n == 0]
    if empty:
        raise pytest.UsageError(f"these test files collected no tests (check norecursedirs and file names): {', '.join(empty)}")
