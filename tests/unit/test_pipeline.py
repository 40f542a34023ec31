"""Build pipeline: content-hash skip, staging/atomicity, garbage collection, manifest contract."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from rich.console import Console

from builder import BuildError, CardError, build_models, manifest
from builder import evaluate as evaluate_stage

QUIET = Console(quiet=True)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (hidden lock file aside) with its content hash."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


@pytest.fixture
def out(tmp_path: Path, built_models: tuple[Path, object]) -> Path:
    """A private copy of the session's build output."""
    dest = tmp_path / "exported_models"
    shutil.copytree(built_models[0], dest)
    return dest


def test_first_build_writes_content_addressed_files(built_models) -> None:
    out, result = built_models
    assert result.built == ["penguins-species"] and result.wrote
    data = json.loads((out / "manifest.json").read_text())
    jsonschema.Draft202012Validator(manifest.manifest_schema()).validate(data)
    [entry] = data["models"]
    [variant] = entry["variants"]
    model_file = out / variant["url"]
    digest = hashlib.sha256(model_file.read_bytes()).hexdigest()
    assert variant["sha256"] == digest
    assert model_file.name == f"fp32.{digest[:16]}.onnx"
    assert variant["bytes"] == model_file.stat().st_size
    assert 0 < variant["gzip_bytes"] < variant["bytes"]


def test_parity_fixtures_cover_the_test_split(built_models) -> None:
    out, result = built_models
    entry = result.manifest["models"][0]
    fixtures = json.loads((out / entry["variants"][0]["fixtures"]).read_text())
    n = entry["dataset"]["test_rows"]
    assert n >= 50
    assert len(fixtures["rows"]) == n
    assert fixtures["outputs"]["probabilities"]["dims"] == [n, len(entry["labels"])]
    assert {name: t["dims"] for name, t in fixtures["inputs"].items()} == {i["name"]: [n, 1] for i in entry["inputs"]}


def test_metrics_are_consistent(built_models) -> None:
    entry = built_models[1].manifest["models"][0]
    metrics = entry["variants"][0]["metrics"]
    matrix = metrics["confusion_matrix"]
    total = sum(map(sum, matrix))
    assert total == entry["dataset"]["test_rows"]
    assert metrics["accuracy"] == pytest.approx(sum(matrix[i][i] for i in range(len(matrix))) / total)
    assert [c["support"] for c in metrics["per_class"].values()] == [sum(row) for row in matrix]
    assert metrics["latency_ms"]["p50"] > 0 and metrics["latency_ms"]["runs"] == evaluate_stage.LATENCY_RUNS


def test_second_build_reexports_nothing(out: Path) -> None:
    before = snapshot(out)
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    result = build_models(Path(__file__).parents[2] / "model_cards", out, console=QUIET)
    assert result.built == [] and result.unchanged == ["penguins-species"]
    assert not result.wrote
    assert snapshot(out) == before
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == mtimes
    assert not list(out.glob(".staging-*"))


def test_card_change_rebuilds_and_removes_stale_files(out: Path, cards_copy: Path) -> None:
    old_files = set(snapshot(out))
    card = cards_copy / "penguins-species.yaml"
    card.write_text(card.read_text().replace("max_depth: 6", "max_depth: 3"))
    result = build_models(cards_copy, out, console=QUIET)
    assert result.built == ["penguins-species"]
    new_files = set(snapshot(out))
    assert new_files != old_files
    assert len([f for f in new_files if f.endswith(".onnx")]) == 1, "the old variant file was not collected"
    assert {p.name for p in result.removed} == {Path(f).name for f in old_files - new_files}


def test_tampered_model_file_is_rebuilt(out: Path) -> None:
    [model_file] = out.glob("*/*.onnx")
    good = model_file.read_bytes()
    model_file.write_bytes(good[:-10] + b"0123456789")
    result = build_models(Path(__file__).parents[2] / "model_cards", out, console=QUIET)
    assert result.built == ["penguins-species"]
    assert model_file.read_bytes() == good


def test_corrupt_manifest_means_rebuild(out: Path) -> None:
    (out / "manifest.json").write_text("{not json")
    result = build_models(Path(__file__).parents[2] / "model_cards", out, console=QUIET)
    assert result.built == ["penguins-species"]
    manifest.validate(json.loads((out / "manifest.json").read_text()))


def test_bad_card_writes_nothing(out: Path, cards_copy: Path) -> None:
    before = snapshot(out)
    card = cards_copy / "penguins-species.yaml"
    card.write_text(card.read_text().replace("bill_depth_mm, type", "bill_dept_mm, type").replace("max_depth: 6", "max_depth: 2"))
    with pytest.raises(CardError, match=r"penguins-species.yaml:15: dataset.features\[1\].name: no column 'bill_dept_mm'"):
        build_models(cards_copy, out, console=QUIET)
    assert snapshot(out) == before


def test_failing_stage_leaves_output_intact(out: Path, cards_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(out)
    card = cards_copy / "penguins-species.yaml"
    card.write_text(card.read_text().replace("max_depth: 6", "max_depth: 4"))

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(evaluate_stage, "latency", boom)
    with pytest.raises(BuildError, match=r"penguins-species: evaluate failed: RuntimeError: disk on fire \(exported_models/ is unchanged\)"):
        build_models(cards_copy, out, console=QUIET)
    assert snapshot(out) == before
    assert not list(out.glob(".staging-*"))


def test_removed_card_drops_model(out: Path, tmp_path: Path) -> None:
    empty = tmp_path / "no_cards"
    empty.mkdir()
    result = build_models(empty, out, console=QUIET)
    assert result.manifest["models"] == []
    assert not list(out.glob("*/*.onnx")) and not list(out.glob("*/"))


def test_fixture_rows_are_the_float32_inputs_written_as_people_would(built_models) -> None:
    import numpy as np

    out, result = built_models
    entry = result.manifest["models"][0]
    fixtures = json.loads((out / entry["variants"][0]["fixtures"]).read_text())
    for name, tensor in fixtures["inputs"].items():
        column = [row[name] for row in fixtures["rows"]]
        if tensor["type"] == "float32":
            assert np.array_equal(np.float32(column), np.float32(tensor["data"])), name
            assert all(len(repr(v)) <= 8 for v in column), name  # 39.1, not 39.099998474121094
        else:
            assert column == tensor["data"], name
