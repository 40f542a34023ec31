"""Build pipeline: content-hash skip, staging/atomicity, garbage collection, manifest contract."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import jsonschema
import onnx
import pytest
from onnx import TensorProto
from rich.console import Console

from builder import BuildError, CardError, build_models, manifest, pages, pipeline
from builder import evaluate as evaluate_stage

from ..conftest import REPO
from .conftest import PENGUINS, PHOTO, gallery_ids, model

QUIET = Console(quiet=True)
JPEG_MAGIC = b"\xff\xd8\xff"


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
    if os.environ.get("VITRINE_TEST_MODELS"):  # a seeded run (make test) reuses what `make models` built
        assert sorted(result.built + result.unchanged) == sorted(gallery_ids())
    else:
        assert result.built == gallery_ids() and result.wrote
    data = json.loads((out / "manifest.json").read_text())
    jsonschema.Draft202012Validator(manifest.manifest_schema()).validate(data)
    assert [m["id"] for m in data["models"]] == gallery_ids()
    for entry in data["models"]:
        for variant in entry["variants"]:
            model_file = out / variant["url"]
            digest = hashlib.sha256(model_file.read_bytes()).hexdigest()
            assert variant["sha256"] == digest
            assert model_file.name == f"{variant['name']}.{digest[:16]}.onnx"
            assert model_file.parent.name == entry["id"]
            assert variant["bytes"] == model_file.stat().st_size
            assert 0 < variant["gzip_bytes"] < variant["bytes"]
    [variant] = model(data, PENGUINS)["variants"]
    assert variant["name"] == "fp32"


def test_tabular_variant_is_not_optimized_and_has_a_tight_tolerance(built_models) -> None:
    """skl2onnx graphs ship as exported (OPTIMIZE = None); their parity tolerance stays at 1e-4."""
    entry = model(built_models[1].manifest, PENGUINS)
    [variant] = entry["variants"]
    nodes = len(onnx.load(built_models[0] / variant["url"]).graph.node)
    assert variant["optimization"] == {"level": "none", "nodes_before": nodes, "nodes_after": nodes}
    assert 0 < variant["tolerance"] <= 1e-4
    assert variant["artifacts"] == [] and "method" not in variant
    assert "agreement" not in variant["metrics"]  # one variant: nothing to agree with
    assert variant["metrics"]["parameters"] > 1000  # 100 trees' thresholds and leaf weights
    assert entry["postprocessing"] == {"kind": "tabular-classification", "label_output": "label", "probability_output": "probabilities"}
    assert entry["preprocessing"]["kind"] == "tabular"
    assert not {"label_output", "probability_output"} & set(entry["preprocessing"])
    assert [o["name"] for o in entry["outputs"]] == ["label", "probabilities"]


# ---- a card with several variants: each its own file, fixtures and measurements ----

def test_each_variant_has_its_own_file_and_fixtures(built_models) -> None:
    out, result = built_models
    entry = model(result.manifest, PHOTO)
    variants = {v["name"]: v for v in entry["variants"]}
    assert list(variants) == ["fp32", "int8", "fp16"] and entry["default_variant"] == "fp32"
    for key in ("url", "sha256", "fixtures"):
        assert len({v[key] for v in variants.values()}) == 3, key
    for name, variant in variants.items():
        assert variant["precision"] == name
        fixtures = json.loads((out / variant["fixtures"]).read_text())
        assert (fixtures["model"], fixtures["variant"], fixtures["sha256"]) == (PHOTO, name, variant["sha256"])
        assert Path(variant["fixtures"]).name == f"{name}.{variant['sha256'][:16]}.parity.json"
        assert fixtures["inputs"][entry["preprocessing"]["input"]]["dims"] == [1, 3, 224, 224]
        assert set(fixtures["outputs"]) == {o["name"] for o in entry["outputs"]}
        assert 0 < variant["tolerance"] < 1
        assert variant["optimization"]["level"] == "extended"
        assert variant["optimization"]["nodes_after"] < variant["optimization"]["nodes_before"]
        assert variant["metrics"]["parameters"] == variants["fp32"]["metrics"]["parameters"] > 4_000_000
    assert variants["fp32"]["tolerance"] < variants["fp16"]["tolerance"]
    assert "method" not in variants["fp32"] and variants["int8"]["method"] and variants["fp16"]["method"]
    assert {o["name"] for o in entry["outputs"]} >= {entry["postprocessing"]["logits_output"], entry["postprocessing"]["cam_output"]}


def test_quantized_variants_are_smaller_and_follow_fp32(built_models) -> None:
    out, result = built_models
    variants = {v["name"]: v for v in model(result.manifest, PHOTO)["variants"]}
    fp32 = variants["fp32"]["bytes"]
    assert variants["int8"]["bytes"] < 0.35 * fp32
    assert 0.45 * fp32 < variants["fp16"]["bytes"] < 0.55 * fp32
    for name in ("int8", "fp16"):
        agreement = variants[name]["metrics"]["agreement"]
        assert agreement["rows"] >= 40, name
        assert 0.5 <= agreement["top1"] <= 1 and 0 < agreement["mean_abs"] <= agreement["max_abs"], name
        assert variants[name]["metrics"]["top5"] >= variants["fp32"]["metrics"]["top5"] - 0.2, name
    assert variants["fp16"]["metrics"]["agreement"]["max_abs"] < variants["int8"]["metrics"]["agreement"]["max_abs"]
    precisions = {name: {TensorProto.DataType.Name(t.data_type) for t in onnx.load(out / v["url"]).graph.initializer} for name, v in variants.items()}
    assert "FLOAT16" in precisions["fp16"] and "INT8" in precisions["int8"] and "FLOAT16" not in precisions["fp32"]


def test_example_images_are_content_addressed_jpegs(built_models) -> None:
    out, result = built_models
    entry = model(result.manifest, PHOTO)
    examples = [a for a in entry["artifacts"] if a["kind"] == "example"]
    assert len(examples) >= len(entry["examples"]) > 0
    for artifact in examples:
        data = (out / artifact["url"]).read_bytes()
        assert data.startswith(JPEG_MAGIC), artifact["url"]
        assert artifact["media_type"] == "image/jpeg" and len(data) == artifact["bytes"]
        assert artifact["url"] == f"{PHOTO}/example.{hashlib.sha256(data).hexdigest()[:16]}.jpg" and artifact["sha256"] == hashlib.sha256(data).hexdigest()
    assert [e["image"] for e in entry["examples"]] == [a["url"] for a in examples][: len(entry["examples"])]
    for example in entry["examples"]:
        assert example["shows"] and len(example["output"]) == entry["postprocessing"]["top_k"]
        scores = [o["score"] for o in example["output"]]
        assert scores == sorted(scores, reverse=True) and 0 < sum(scores) <= 1 + 1e-9
        assert all(entry["labels"][o["index"]] == o["label"] for o in example["output"])
    manifest.validate(result.manifest)
    assert manifest.is_intact(out, entry)


def test_parity_fixtures_cover_the_test_split(built_models) -> None:
    out, result = built_models
    entry = model(result.manifest, PENGUINS)
    fixtures = json.loads((out / entry["variants"][0]["fixtures"]).read_text())
    n = entry["dataset"]["test_rows"]
    assert n >= 50
    assert len(fixtures["rows"]) == n
    assert fixtures["outputs"]["probabilities"]["dims"] == [n, len(entry["labels"])]
    assert {name: t["dims"] for name, t in fixtures["inputs"].items()} == {i["name"]: [n, 1] for i in entry["inputs"]}


def test_metrics_are_consistent(built_models) -> None:
    entry = model(built_models[1].manifest, PENGUINS)
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
    result = build_models(REPO / "model_cards", out, console=QUIET)
    assert result.built == [] and result.unchanged == gallery_ids()
    assert not result.wrote
    assert snapshot(out) == before
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == mtimes
    assert not list(out.glob(".staging-*"))


def test_card_change_rebuilds_and_removes_stale_files(out: Path, cards_copy: Path) -> None:
    old_files = set(snapshot(out))
    card = cards_copy / "penguins-species.yaml"
    card.write_text(card.read_text().replace("max_depth: 6", "max_depth: 3"))
    result = build_models(cards_copy, out, console=QUIET)  # only the edited card is rebuilt
    assert result.built == [PENGUINS] and result.unchanged == [i for i in gallery_ids() if i != PENGUINS]
    new_files = set(snapshot(out))
    assert new_files != old_files
    assert len([f for f in new_files if f.startswith(f"{PENGUINS}/") and f.endswith(".onnx")]) == 1, "the old variant file was not collected"
    assert {f for f in old_files - new_files if not f.startswith(f"{PENGUINS}/")} == set(), "another model lost files"
    assert {p.name for p in result.removed} == {Path(f).name for f in old_files - new_files}


def test_tampered_model_file_is_rebuilt(out: Path) -> None:
    [model_file] = out.glob(f"{PENGUINS}/*.onnx")
    good = model_file.read_bytes()
    model_file.write_bytes(good[:-10] + b"0123456789")
    result = build_models(REPO / "model_cards", out, console=QUIET)
    assert result.built == [PENGUINS]
    assert model_file.read_bytes() == good


def test_missing_side_file_means_rebuild(penguins_out: Path, penguins_cards: Path) -> None:
    """A model's side files count as its output: one missing means the model is rebuilt (here: its description)."""
    [description] = penguins_out.glob(f"{PENGUINS}/description.*.md")
    description.unlink()
    assert build_models(penguins_cards, penguins_out, console=QUIET).built == [PENGUINS]
    assert description.is_file()


def test_a_missing_or_damaged_example_image_makes_the_model_not_intact(built_models, tmp_path: Path) -> None:
    """Example images are checked like model files (without rebuilding the photo model here: links to its files)."""
    out, result = built_models
    entry = model(result.manifest, PHOTO)
    for name in manifest.named_files({"models": [entry]}):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        os.link(out / name, tmp_path / name)
    assert manifest.is_intact(tmp_path, entry)
    example = tmp_path / next(a["url"] for a in entry["artifacts"] if a["kind"] == "example")
    data = example.read_bytes()
    example.unlink()
    assert not manifest.is_intact(tmp_path, entry)
    example.write_bytes(data[:-1] + b"\0")
    assert not manifest.is_intact(tmp_path, entry)
    example.write_bytes(data)
    assert manifest.is_intact(tmp_path, entry)


def test_corrupt_manifest_means_rebuild(penguins_out: Path, penguins_cards: Path) -> None:
    (penguins_out / "manifest.json").write_text("{not json")
    result = build_models(penguins_cards, penguins_out, console=QUIET)
    assert result.built == [PENGUINS]
    manifest.validate(json.loads((penguins_out / "manifest.json").read_text()))


def test_bad_card_writes_nothing(out: Path, cards_copy: Path) -> None:
    before = snapshot(out)
    card = cards_copy / "penguins-species.yaml"
    card.write_text(card.read_text().replace("bill_depth_mm, type", "bill_dept_mm, type").replace("max_depth: 6", "max_depth: 2"))
    with pytest.raises(CardError, match=r"penguins-species.yaml:15: dataset.features\[1\].name: no column 'bill_dept_mm'"):
        build_models(cards_copy, out, console=QUIET)
    assert snapshot(out) == before


def test_failing_stage_leaves_output_intact(penguins_out: Path, penguins_cards: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = penguins_out
    before = snapshot(out)
    card = penguins_cards / "penguins-species.yaml"
    card.write_text(card.read_text().replace("max_depth: 6", "max_depth: 4"))

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(evaluate_stage, "latency", boom)
    with pytest.raises(BuildError, match=r"penguins-species: evaluate failed: RuntimeError: disk on fire \(exported_models/ is unchanged\)"):
        build_models(penguins_cards, out, console=QUIET)
    assert snapshot(out) == before
    assert not list(out.glob(".staging-*"))


@pytest.mark.parametrize("stage", [name for name, _ in pipeline.STAGES])
def test_every_stage_failure_names_its_stage(stage: str, penguins_out: Path, penguins_cards: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stage table drives the build: a failure in any stage is reported under that stage's name."""
    before = snapshot(penguins_out)
    card = penguins_cards / "penguins-species.yaml"
    card.write_text(card.read_text().replace("max_depth: 6", "max_depth: 4"))

    def boom(b: pipeline.Build) -> None:
        raise RuntimeError(f"{stage} broke")

    monkeypatch.setattr(pipeline, "STAGES", tuple((name, boom if name == stage else run) for name, run in pipeline.STAGES))
    with pytest.raises(BuildError, match=rf"^penguins-species: {stage} failed: RuntimeError: {stage} broke \(exported_models/ is unchanged\)$"):
        build_models(penguins_cards, penguins_out, console=QUIET)
    assert snapshot(penguins_out) == before


def test_a_card_may_ship_only_a_quantized_variant(tmp_path: Path) -> None:
    """fp32 is still exported (it is the reference of agreement) but only the card's variants ship."""
    cards = tmp_path / "cards"
    cards.mkdir()
    card = (REPO / "model_cards" / "face-detector.yaml").read_text().replace("variants: [fp32, int8, fp16]", "variants: [int8]")
    (cards / "face-detector.yaml").write_text(card)
    result = build_models(cards, tmp_path / "out", console=QUIET)
    [entry] = result.manifest["models"]
    [variant] = entry["variants"]
    assert entry["default_variant"] == variant["name"] == "int8"
    assert variant["metrics"]["agreement"]["rows"] == entry["dataset"]["agreement_images"] and variant["metrics"]["agreement"]["max_abs"] > 0
    assert sorted(p.name.split(".")[0] for p in (tmp_path / "out" / "face-detector").glob("*.onnx")) == ["int8"]
    assert "Agreement is measured on" in pages.model_page(entry, "../../models")


def test_garbage_collection_never_deletes_through_a_link(tmp_path: Path) -> None:
    """A link inside the output folder (say, to another checkout's exported_models) is not a model
    folder: publishing deletes the stale files of the real model folders and nothing behind the link."""
    out_dir, elsewhere = tmp_path / "exported_models", tmp_path / "elsewhere"
    (out_dir / "old-model").mkdir(parents=True)
    (out_dir / "old-model" / "fp32.0123456789abcdef.onnx").write_bytes(b"stale")
    (elsewhere / "kept-model").mkdir(parents=True)
    (elsewhere / "manifest.json").write_text("{}")
    (elsewhere / "kept-model" / "fp32.onnx").write_bytes(b"not ours")
    (out_dir / "exported_models").symlink_to(elsewhere, target_is_directory=True)
    stage = tmp_path / "stage"
    stage.mkdir()
    removed = manifest.publish(stage, out_dir, {"schema_version": 1, "generator": "test", "models": []})
    assert removed == [out_dir / "old-model" / "fp32.0123456789abcdef.onnx"]
    assert not (out_dir / "old-model").exists()
    assert (elsewhere / "manifest.json").read_text() == "{}"
    assert (elsewhere / "kept-model" / "fp32.onnx").read_bytes() == b"not ours"
    assert (out_dir / "exported_models").is_symlink()


def test_stages_run_in_order() -> None:
    assert [name for name, _ in pipeline.STAGES] == ["data", "train", "export", "optimize", "variants", "evaluate", "explain", "drift"]


def test_removed_card_drops_model(out: Path, tmp_path: Path) -> None:
    empty = tmp_path / "no_cards"
    empty.mkdir()
    result = build_models(empty, out, console=QUIET)
    assert result.manifest["models"] == []
    assert not list(out.glob("*/*.onnx")) and not list(out.glob("*/"))
    assert {p.name.split(".")[0] for p in result.removed} >= {"fp32", "int8", "fp16", "description", "example"}  # side files too


def test_fixture_rows_are_the_float32_inputs_written_as_people_would(built_models) -> None:
    import numpy as np

    out, result = built_models
    entry = model(result.manifest, PENGUINS)
    fixtures = json.loads((out / entry["variants"][0]["fixtures"]).read_text())
    for name, tensor in fixtures["inputs"].items():
        column = [row[name] for row in fixtures["rows"]]
        if tensor["type"] == "float32":
            assert np.array_equal(np.float32(column), np.float32(tensor["data"])), name
            assert all(len(repr(v)) <= 8 for v in column), name  # 39.1, not 39.099998474121094
        else:
            assert column == tensor["data"], name


# ---- latency: 200 timed calls for fast models, a time budget for slow ones, never fewer than the warm-up ----

class FakeSession:
    def __init__(self, seconds: float) -> None:
        self.seconds, self.calls = seconds, 0

    def run(self, outputs, feeds):
        import time

        self.calls += 1
        if self.seconds:
            time.sleep(self.seconds)
        return [feeds["x"]]


def test_latency_runs_fast_models_the_full_count() -> None:
    import numpy as np

    session = FakeSession(0)
    result = evaluate_stage.latency(session, {"x": np.zeros((5, 1), np.float32)})
    assert result["runs"] == evaluate_stage.LATENCY_RUNS
    assert session.calls == evaluate_stage.LATENCY_WARMUP + evaluate_stage.LATENCY_RUNS
    assert 0 <= result["p50"] <= result["p95"]


def test_latency_of_slow_models_fits_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    monkeypatch.setattr(evaluate_stage, "LATENCY_BUDGET_S", 0.2)
    session = FakeSession(0.005)
    result = evaluate_stage.latency(session, {"x": np.zeros((1, 1), np.float32)})
    assert evaluate_stage.LATENCY_WARMUP <= result["runs"] <= 40  # 0.2 s / ≥ 5 ms a call
    assert session.calls == evaluate_stage.LATENCY_WARMUP + result["runs"]
    assert result["p50"] >= 5
    monkeypatch.setattr(evaluate_stage, "LATENCY_BUDGET_S", 0.001)
    assert evaluate_stage.latency(FakeSession(0.005), {"x": np.zeros((1, 1), np.float32)})["runs"] == evaluate_stage.LATENCY_WARMUP


def test_tensor_json_writes_each_float32_as_its_shortest_decimal() -> None:
    import numpy as np

    from builder.tasks import tensor_json

    values = np.array([[0.1, 1 / 3, 39.1], [np.inf, -0.0, 1e-8]], np.float32)
    encoded = tensor_json(values)
    assert encoded["type"] == "float32" and encoded["dims"] == [2, 3]
    assert np.array_equal(np.float32(encoded["data"]), values.ravel())  # reads back as the same float32
    assert encoded["data"][0] == 0.1 and encoded["data"][2] == 39.1  # not 0.10000000149011612
    assert tensor_json(np.array([[3], [-1]], np.int64)) == {"type": "int64", "dims": [2, 1], "data": [3, -1]}
    assert tensor_json(np.array([["Dream"]], object)) == {"type": "string", "dims": [1, 1], "data": ["Dream"]}
    with pytest.raises(TypeError, match="no fixture encoding for float64"):
        tensor_json(np.zeros(2))
