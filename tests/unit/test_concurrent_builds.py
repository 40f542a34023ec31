"""Builds that overlap or die: the output folder always holds one whole, consistent build."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rich.console import Console

from builder import build_models, manifest

from ..conftest import write_site_config
from .conftest import PENGUINS, model


def consistent(out: Path) -> dict:
    data = json.loads((out / "manifest.json").read_text())
    manifest.validate(data)
    assert all(manifest.is_intact(out, entry) for entry in data["models"])
    return data


def test_two_builds_at_once_take_turns(tmp_path: Path, penguins_cards: Path) -> None:
    """Both build from nothing (the penguins card alone: a full build of the gallery's photo model would take a minute)."""
    card = penguins_cards / "penguins-species.yaml"
    card.write_text(card.read_text().replace("max_depth: 6", "max_depth: 5"))
    out = tmp_path / "out"
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _: build_models(penguins_cards, out, console=Console(quiet=True)), range(2)))
    assert sorted(r.built + r.unchanged for r in results) == [[PENGUINS], [PENGUINS]]
    assert [len(r.built) for r in results].count(1) >= 1
    consistent(out)
    assert not list(out.glob(".staging-*"))


def test_a_build_killed_at_any_moment_leaves_a_whole_build(tmp_path: Path, penguins_out: Path, penguins_cards: Path) -> None:
    out = penguins_out
    consistent(out)
    card = penguins_cards / "penguins-species.yaml"
    config = write_site_config(tmp_path, out, penguins_cards)
    for delay, depth in ((0.3, 4), (1.5, 3), (3.0, 2)):  # before, during and around export
        card.write_text(card.read_text().replace(f"max_depth: {depth + 1}", f"max_depth: {depth}").replace("max_depth: 6", f"max_depth: {depth}"))
        proc = subprocess.Popen([str(Path(sys.executable).parent / "vitrine"), "build", "--models-only", "-f", str(config)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        consistent(out)  # the old build or the new one, every file it names whole: never a mix
    result = build_models(penguins_cards, out, console=Console(quiet=True))
    consistent(out)
    assert not list(out.glob(".staging-*")) and not list(out.glob(".manifest.json.*"))
    assert "max_depth=2" in model(result.manifest, PENGUINS)["recipe"]
