"""Getting started (site_src/getting-started.md), followed on a fresh clone: the card the page gives
is valid, its mistake prints exactly what the page shows, and the build adds the model's page while
every other model comes from the cache. The page's own blocks are what the test runs, so the page
cannot drift from the tool."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from ..conftest import BIN, REPO
from ..unit.test_pipeline import snapshot

DOC = REPO / "site_src" / "getting-started.md"
ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "1000", "NO_MKDOCS_2_WARNING": "1"}  # a wide terminal: no folded lines


def fresh_clone(dest: Path) -> Path:
    """The files a clone of this checkout would have once committed: tracked and not ignored ones, none
    of the build's outputs. node_modules is linked, standing in for step 1's `npm ci`."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():  # a tracked file deleted in the working tree is not listed by a clone either
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    (dest / "node_modules").symlink_to(REPO / "node_modules")
    return dest


def vitrine(clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "vitrine"), *args], cwd=clone, capture_output=True, text=True, env=ENV, timeout=600)


def test_getting_started_on_a_fresh_clone(tmp_path: Path, built_models) -> None:
    doc = DOC.read_text()
    [(card_file, card)] = re.findall(r'```yaml title="(model_cards/[^"]+)"\n(.*?)```', doc, re.S)
    [mistake] = re.findall(r"```text\n(.*?)```", doc, re.S)
    card_id = yaml.safe_load(card)["id"]
    clone = fresh_clone(tmp_path / "vitrine")
    assert not (clone / "exported_models" / "manifest.json").exists() and not (clone / "site").exists()
    # Step 1, `make serve`, built the gallery once: this run's build of the same cards stands in for it.
    # Hard links, not copies (~0.4 GB): the build writes new files and replaces the manifest, never edits one.
    shutil.copytree(built_models[0], clone / "exported_models", dirs_exist_ok=True, copy_function=os.link)
    cached = json.loads((clone / "exported_models" / "manifest.json").read_text())["models"]

    # Step 2: the card, then step 3.
    (clone / card_file).write_text(card)
    proc = vitrine(clone, "check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(rf"✓ \d+ model cards valid: .*\b{card_id}\b", proc.stderr), proc.stderr

    # Step 3's mistake prints what the page shows, and writes nothing.
    wrong = re.search(r"no column '([^']+)'", mistake)[1]  # type: ignore[index]
    index = int(re.search(r"dataset\.features\[(\d+)\]", mistake)[1])  # type: ignore[index]
    right = yaml.safe_load(card)["dataset"]["features"][index]["name"]
    (clone / card_file).write_text(card.replace(f"{{name: {right},", f"{{name: {wrong},"))
    before = snapshot(clone / "exported_models")
    proc = vitrine(clone, "check")
    assert proc.returncode == 1
    assert [line.rstrip() for line in (proc.stdout + proc.stderr).strip().splitlines()] == mistake.strip().splitlines()
    assert snapshot(clone / "exported_models") == before

    # Step 4 without the server: `vitrine build` trains this model only and writes its page.
    (clone / card_file).write_text(card)
    proc = vitrine(clone, "build")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    built = json.loads((clone / "exported_models" / "manifest.json").read_text())["models"]
    assert {m["id"]: m for m in built if m["id"] != card_id} == {m["id"]: m for m in cached}  # the others: from the cache
    [entry] = [m for m in built if m["id"] == card_id]
    page = (clone / "site" / "gallery" / card_id / "index.html").read_text()
    assert "Italian wines — which cultivar?" in page and 'class="vitrine-demo"' in page
    assert f"{100 * entry['variants'][0]['metrics']['accuracy']:.1f}%" in page
    assert {"Barolo", "Grignolino", "Barbera"} <= set(entry["labels"])
    assert 'vitrine-confusion">' in page and entry["explain"]  # the confusion matrix and SHAP, as step 4 says
