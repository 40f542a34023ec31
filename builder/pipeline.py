"""The model pipeline: cards → data → train → ONNX → evaluate → manifest.

Both the MkDocs plugin and the CLI call `build_models()`; neither holds build logic. Every
card is validated (schema, recipe parameters, dataset columns) before anything is trained, and
all outputs are staged, so a bad card or a failing stage leaves `exported_models/` untouched.
"""

from __future__ import annotations

import hashlib
import json
import importlib.metadata
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from . import __version__, manifest, recipes, tasks
from .cards import Card, read_cards
from .errors import BuildError, CardError

_VERSIONED = ("numpy", "pandas", "scikit-learn", "skl2onnx", "onnx", "onnxruntime", "torch", "pillow", "shap")
_PACKAGE = Path(__file__).resolve().parent
# Every file of this package that shapes what a build writes to exported_models/ (manifest
# entries, model files, fixtures): their hashes go into each model's build key, with the card's
# recipe module. tests/unit/test_authoring.py fails when a module is in no list.
BUILD_INPUTS = (
    "cards.py", "explain.py", "export.py", "evaluate.py", "manifest.py", "optimize.py", "pipeline.py", "quantize.py",
    "recipes/__init__.py", "variant_report.py", "schemas/card.schema.json", "schemas/manifest.schema.json", "tasks/__init__.py",
)
# …and the modules of the card's task only: a change to image code does not rebuild tabular models.
TASK_INPUTS = {
    "tabular-classification": ("datasets.py", "drift.py", "tasks/tabular.py"),
    "tabular-regression": ("datasets.py", "tasks/tabular_regression.py"),
    "time-series-forecasting": ("series.py", "tasks/forecasting.py"),
    "anomaly-detection": ("datasets.py", "tasks/anomaly.py"),
    "image-classification": ("image_preprocess.py", "image_sets.py", "tasks/image_classification.py"),
    "object-detection": (
        "image_preprocess.py", "image_sets.py", "tasks/object_detection.py", "detectors/__init__.py", "detectors/blazeface.py",
        "detectors/evaluate_boxes.py", "detectors/face_set.py", "detectors/face_truth.json", "detectors/ssd.py", "detectors/tflite_onnx.py",
    ),
    "text-classification": ("text_sets.py", "text_tokenizer.py", "tasks/text.py", "tasks/text_classification.py"),
    "semantic-search": ("text_sets.py", "text_tokenizer.py", "search_questions.json", "tasks/text.py", "tasks/semantic_search.py"),
    "text-generation": ("sampling.py", "text_sets.py", "text_tokenizer.py", "tasks/text.py", "tasks/text_generation.py"),
    "voice-activity-detection": ("speech.py", "tasks/voice_activity.py"),
    "recommendation": ("baskets.py", "tasks/recommendation.py"),
}
NOT_BUILD_INPUTS = (  # pages, site assets, tools: they never change a model's files or entry
    "__init__.py", "assets.py", "bench.py", "bench_bare.py", "bench_peer.py", "detectors/__main__.py", "browser.py", "card_text.py", "cli.py", "errors.py", "pages.py", "plugin.py",
    "site_swap.py", "csp.py", "gallery_cards.py", "card_reference.py", "embeds.py", "first_build.py", "stop_signals.py",
)


@dataclass
class ModelResult:
    id: str
    status: str  # "built" | "unchanged"
    seconds: float
    entry: dict[str, Any]


@dataclass
class BuildResult:
    manifest: dict[str, Any]
    models: list[ModelResult]
    seconds: float
    removed: list[Path] = field(default_factory=list)
    wrote: bool = False

    @property
    def built(self) -> list[str]:
        return [m.id for m in self.models if m.status == "built"]

    @property
    def unchanged(self) -> list[str]:
        return [m.id for m in self.models if m.status == "unchanged"]


def validate(cards_dir: Path) -> list[Card]:
    """All cards, fully checked (schema, recipe parameters, dataset columns), or CardError.

    Warnings (a card that builds, but likely not as meant) do not stop the build: they are in
    each card's `warnings`, for the caller to show.
    """
    partial: list[Card] = []
    cards, problems = read_cards(cards_dir, partial)
    problems += [p for card in [*cards, *partial] for p in recipes.check(card)]
    problems += [p for card in cards for p in tasks.get(card.data["task"]).check(card)]
    errors = [p for p in problems if not p.warning]
    if errors:
        raise CardError(sorted(errors, key=lambda p: (str(p.path), p.line or 0)))
    for card in cards:
        card.warnings = sorted((p for p in problems if p.path == card.path), key=lambda p: p.line or 0)
    return cards


def print_warnings(console: Console, cards: list[Card]) -> None:
    for card in cards:
        for warning in card.warnings:
            console.print(f"[yellow]{escape(str(warning))}[/]", highlight=False)  # card text is not markup


def build_models(cards_dir: Path, out_dir: Path, console: Console | None = None) -> BuildResult:
    """Build what changed; return the manifest and what happened to each model."""
    console = console or Console(stderr=True)
    start = time.perf_counter()
    cards = validate(cards_dir)
    print_warnings(console, cards)
    with manifest.locked(out_dir), manifest.staging(out_dir) as stage:
        previous = manifest.load(out_dir)
        old = {m["id"]: m for m in previous["models"]}
        results: list[ModelResult] = []
        with _progress(console) as progress:
            for card in cards:
                results.append(_build_or_reuse(card, out_dir, stage, old.get(card.id), progress, console))
        new = {**manifest.empty(), "models": [r.entry for r in results]}
        wrote, removed = False, []
        if new != previous or any(r.status == "built" for r in results):
            removed = manifest.publish(stage, out_dir, new)
            wrote = True
    result = BuildResult(new, results, time.perf_counter() - start, removed, wrote)
    _summarise(console, result)
    return result


@dataclass
class Build:
    """One model's build, filled in stage by stage (see STAGES)."""

    card: Card
    out_dir: Path
    stage: Path
    old: dict[str, Any] | None
    task: Any = None  # the card's task module (builder/tasks/)
    data: Any = None
    key: str = ""
    trained: recipes.Trained | None = None
    parts: dict[str, Any] = field(default_factory=dict)  # task-specific manifest parts (labels, pre/postprocessing…)
    model: Any = None  # the verified fp32 onnx.ModelProto
    optimization: dict[str, Any] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)  # variant name → the bytes that ship
    entry: dict[str, Any] | None = None
    reused: bool = False
    session: Any = None  # the default variant's native session, for the explain and drift stages (_default_session)

    def artifact(self, kind: str, data: bytes, suffix: str, **extra: Any) -> dict[str, Any]:
        """Stage a content-addressed side file of this model and describe it for the manifest."""
        digest = manifest.sha256(data)
        url = manifest.content_name(self.card.id, kind, digest, suffix)
        (self.stage / url).parent.mkdir(parents=True, exist_ok=True)
        (self.stage / url).write_bytes(data)
        return {"kind": kind, "url": url, "sha256": digest, "bytes": len(data), **extra}


def _data(b: Build) -> None:
    b.task = tasks.get(b.card.data["task"])
    b.data = b.task.prepare(b.card)
    b.key = _build_key(b.card, b.data)
    if b.old is not None and b.old["build_key"] == b.key and manifest.is_intact(b.out_dir, b.old):
        b.entry, b.reused = b.old, True


def _train(b: Build) -> None:
    b.trained = recipes.get(b.card.recipe["kind"]).train(b.card, b.data)
    b.parts = b.task.describe(b.card, b.data, b.trained, b.artifact)


def _export(b: Build) -> None:
    from . import export

    assert b.trained is not None
    features = b.parts["preprocessing"].get("features")
    b.model = export.to_onnx(b.trained, b.task.feeds(b.data, b.parts, "verify"), b.card.id, b.parts["labels"], features)


def _optimize(b: Build) -> None:
    """Offline graph optimization for the browser (never ORT_ENABLE_ALL: onnxruntime-web cannot run its layout ops)."""
    recipe = recipes.get(b.card.recipe["kind"])
    level = recipe.OPTIMIZE
    fp32 = b.model.SerializeToString()
    if level is None:
        b.files["fp32"] = fp32
        b.optimization = {"level": "none", "nodes_before": len(b.model.graph.node), "nodes_after": len(b.model.graph.node)}
        return
    from . import optimize

    result = optimize.optimize(fp32, level, **getattr(recipe, "OPTIMIZE_SHAPE", {}))
    b.files["fp32"] = result.model_bytes
    b.optimization = {"level": result.level, "nodes_before": result.nodes_before, "nodes_after": result.nodes_after}


def _variants(b: Build) -> None:
    """fp16 and int8 files made from the exported fp32 graph, as the card asks (builder/quantize.py)."""
    wanted = [v for v in b.card.variants if v != "fp32"]
    if not wanted:
        return
    from . import quantize

    exported = b.model.SerializeToString()
    for name in wanted:
        recipe = quantize.recipe(_variant_recipe(b.card, name))
        calibration = b.task.feeds(b.data, b.parts, "calibration") if recipe.needs_calibration else None
        b.files[name] = recipe.make(b.files["fp32"] if recipe.from_optimized else exported, calibration=calibration)


def _variant_recipe(card: Card, name: str) -> str:
    """builder/quantize.py's recipe for a card's variant name: the model's recipe may pick another (int8 → int8-dynamic)."""
    return getattr(recipes.get(card.recipe["kind"]), "VARIANT_RECIPES", {}).get(name, name)


# How each variant is made (by builder/quantize.py recipe), in words for the variants table.
METHODS = {
    "fp16": "fp16 weights and activations; float32 inputs and outputs",
    "int8": "static QDQ: int8 weights per channel, uint8 activations calibrated on other inputs",
    "int8-dynamic": "dynamic int8: int8 weights per channel, activations quantized at run time, fused attention",
    "int8-weight-only": "weight-only int8: int8 weights per output channel, dequantized to float when the session starts; float activations",
}


def _evaluate(b: Build) -> None:
    """Measure every variant on the bytes that ship, then write files and the manifest entry."""
    import numpy as np
    import onnx

    from . import evaluate, export, variant_report

    n_examples = b.card.data["demo"]["examples"]
    default = b.card.variants[0]
    agreement_rows = b.task.feeds(b.data, b.parts, "agreement") if len(b.files) > 1 else []
    latency_row = b.task.feeds(b.data, b.parts, "verify")[0]
    config = getattr(recipes.get(b.card.recipe["kind"]), "SESSION_OPTIONS", {})
    sessions = {name: evaluate.native_session(data, as_in_browser=True, config=config.get(name)) for name, data in b.files.items()}
    per_position = getattr(b.task, "AGREE_PER_POSITION", False)  # a language model: each position's next-token logits

    def first_output(name: str) -> np.ndarray:
        outputs = [sessions[name].run(None, row)[0] for row in agreement_rows]
        return np.concatenate([o.reshape(-1, o.shape[-1]) for o in outputs] if per_position else outputs)

    # Variants are compared with the fp32 graph, also when the card does not ship it.
    reference = first_output("fp32") if agreement_rows else None
    variants, examples = [], []
    for name in b.card.variants:
        data = b.files[name]
        session = sessions[name]
        result = b.task.evaluate(session, b.data, b.parts, n_examples)
        proto = onnx.load_from_string(data)
        metrics = {
            **result.metrics,
            "latency_ms": evaluate.latency(evaluate.native_session(data, config=config.get(name)), latency_row, whole=getattr(b.task, "LATENCY_WHOLE", False)),
            "parameters": variant_report.parameter_count(proto),
        }
        if reference is not None:
            outputs = reference if name == "fp32" else first_output(name)
            gap = variant_report.agreement([reference], [outputs])
            # detectors and encoders have no top class; embeddings are compared by their direction
            agrees_on = getattr(b.task, "AGREES_ON", "top1") if b.card.data["task"] != "object-detection" else None
            kept = {"top1": {"top1": gap["top1_agreement"]}, "cosine": {"cosine_min": gap["cosine_min"], "cosine_mean": gap["cosine_mean"]}}.get(agrees_on or "", {})
            metrics["agreement"] = {"rows": int(reference.shape[0]), **kept, "max_abs": gap["max_abs"], "mean_abs": gap["mean_abs"]}
        if name == default:
            examples = result.examples
        digest = manifest.sha256(data)
        url = manifest.content_name(b.card.id, name, digest, ".onnx")
        fixtures = manifest.content_name(b.card.id, name, digest, ".parity.json")
        (b.stage / b.card.id).mkdir(parents=True, exist_ok=True)
        (b.stage / url).write_bytes(data)
        manifest.write_json_atomic(b.stage / fixtures, {"model": b.card.id, "variant": name, "sha256": digest, "runtime": f"onnxruntime {evaluate.ort.__version__}", **result.fixtures})
        raw, gz = evaluate.sizes(data)
        variants.append({
            "name": name,
            "precision": name,
            "url": url,
            "sha256": digest,
            "bytes": raw,
            "gzip_bytes": gz,
            "opsets": {o.domain or "ai.onnx": o.version for o in proto.opset_import},
            "ir_version": proto.ir_version,
            "metrics": metrics,
            "fixtures": fixtures,
            "tolerance": variant_report.parity_tolerance(name, b.card.data["task"], proto),
            **({"method": method} if (method := METHODS.get(_variant_recipe(b.card, name))) else {}),
            **({"session_options": config[name]} if name in config else {}),
            "optimization": b.optimization,
            "artifacts": [],
        })
    model = onnx.load_from_string(b.files["fp32"])
    artifacts = b.parts.get("artifacts", [])
    if b.card.data["description"]:
        artifacts = [b.artifact("description", b.card.data["description"].encode(), ".md"), *artifacts]
    b.entry = {
        "id": b.card.id,
        "title": b.card.data["title"],
        "task": b.card.data["task"],
        "recipe": b.trained.summary if b.trained else "",
        "build_key": b.key,
        "labels": b.parts["labels"],
        "inputs": export.tensor_specs(model.graph.input),
        "outputs": export.tensor_specs(model.graph.output),
        "preprocessing": b.parts["preprocessing"],
        "postprocessing": b.parts["postprocessing"],
        "dataset": b.parts["dataset"],
        "examples": examples,
        "default_variant": default,
        "variants": variants,
        "artifacts": artifacts,
    }


def _default_session(b: Build) -> Any:
    """The variant that ships by default, run as onnxruntime-web runs it (made once per build)."""
    from . import evaluate

    if b.session is None:
        assert b.entry is not None
        default = b.entry["default_variant"]
        config = getattr(recipes.get(b.card.recipe["kind"]), "SESSION_OPTIONS", {}).get(default)
        b.session = evaluate.native_session(b.files[default], as_in_browser=True, config=config)
    return b.session


def _explain(b: Build) -> None:
    """SHAP baselines for tasks that have them (tabular): a side file the page and the worker read."""
    if not hasattr(b.task, "explanations"):
        return
    assert b.entry is not None
    data = b.task.explanations(_default_session(b), b.data, b.parts, b.card)
    record = b.artifact("explanations", json.dumps(data, separators=(",", ":")).encode(), ".json", media_type="application/json")
    b.entry["artifacts"] = [*b.entry["artifacts"], record]
    b.entry["explain"] = {"method": data["method"], "explanations": record["url"], "background_rows": len(data["background"]), "output": data["output"]}


def _drift(b: Build) -> None:
    """The drift check's training reference and the held-out rows as CSV, for tasks that have them (tabular)."""
    if not hasattr(b.task, "drift"):
        return
    assert b.entry is not None
    data, test_rows = b.task.drift(_default_session(b), b.data, b.parts, b.card)
    reference = b.artifact("drift_reference", json.dumps(data, separators=(",", ":")).encode(), ".json", media_type="application/json")
    sample = b.artifact("test_rows", test_rows, ".csv", media_type="text/csv")
    b.entry["artifacts"] = [*b.entry["artifacts"], reference, sample]
    b.entry["drift"] = {"reference": reference["url"], "reference_rows": data["rows"], "test_rows": sample["url"]}


Stage = Callable[[Build], None]
# The order of a build, and the labels of its progress bar: one table.
STAGES: tuple[tuple[str, Stage], ...] = (
    ("data", _data),
    ("train", _train),
    ("export", _export),
    ("optimize", _optimize),
    ("variants", _variants),
    ("evaluate", _evaluate),
    ("explain", _explain),
    ("drift", _drift),
)


def _build_or_reuse(card: Card, out_dir: Path, stage: Path, old: dict[str, Any] | None, progress: Progress, console: Console) -> ModelResult:
    start = time.perf_counter()
    b = Build(card, out_dir, stage, old)
    task = progress.add_task(f"{card.id}: {STAGES[0][0]}", total=len(STAGES))
    for name, run in STAGES:
        progress.update(task, description=f"{card.id}: {name}")
        try:
            run(b)
        except (BuildError, CardError):
            raise
        except Exception as err:
            raise BuildError(card.id, name, f"{type(err).__name__}: {err}") from err
        if b.reused:
            progress.update(task, completed=len(STAGES), description=f"{card.id}: unchanged")
            assert b.entry is not None
            return ModelResult(card.id, "unchanged", time.perf_counter() - start, b.entry)
        progress.advance(task)
    progress.update(task, description=f"{card.id}: built")
    assert b.entry is not None
    return ModelResult(card.id, "built", time.perf_counter() - start, b.entry)


def code_fingerprint(recipe_kind: str, task: str) -> dict[str, str]:
    """sha256 of every source file that shapes a model's outputs, by path inside the package."""
    paths = [_PACKAGE / name for name in (*BUILD_INPUTS, *TASK_INPUTS[task])] + [recipes.source_file(recipe_kind).resolve()]
    return {p.relative_to(_PACKAGE).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def _build_key(card: Card, data: Any) -> str:
    return manifest.build_key({
        "card": card.data,
        "data": data.fingerprint,
        "code": code_fingerprint(card.recipe["kind"], card.data["task"]),
        "versions": {"vitrine": __version__, **{name: _version(name) for name in _VERSIONED}},
    })


def _headline(variant: dict[str, Any]) -> str:
    """One variant in a line: size and its task's main metric."""
    metrics = variant["metrics"]
    if "accuracy" in metrics:
        score = f"accuracy {metrics['accuracy']:.3f}"
    elif "ndcg" in metrics:
        score = f"NDCG@{metrics['k']} {metrics['ndcg']:.3f}, precision@{metrics['k']} {metrics['precision']:.3f} (popularity: {metrics['baseline']['ndcg']:.3f}, {metrics['baseline']['precision']:.3f}) on {metrics['queries']} held-out inputs"
    elif "by_snr" in metrics:
        score = f"F1 {metrics['f1']:.3f} (energy detector: {metrics['baseline']['f1']:.3f}), ROC AUC {metrics['roc_auc']:.3f} over {metrics['frames']} frames"
    elif "roc_auc" in metrics:
        score = f"ROC AUC {metrics['roc_auc']:.3f}, average precision {metrics['average_precision']:.3f} (a blind score: {metrics['prevalence']:.3f})"
    elif "mase" in metrics:
        score = f"MASE {metrics['mase']:.3f} (seasonal naive: {metrics['baseline']['mase']:.3f}) over {metrics['origins']} back-test origins"
    elif "mae" in metrics:
        score = f"MAE {metrics['mae']:.4g} (training mean: {metrics['baseline']['mae']:.4g}), R² {metrics['r2']:.3f}"
    elif "top1" in metrics:
        score = f"top-1 {metrics['top1']:.2f}, top-5 {metrics['top5']:.2f} on {metrics['images']} photos"
    elif "perplexity" in metrics:
        score = f"perplexity {metrics['perplexity']:.1f}, {metrics['decode_ms_per_token']:.0f} ms/token"
    elif "hit_at_10" in metrics:
        score = f"hit@10 {metrics['hit_at_10']:.2f}, MRR {metrics['mrr']:.2f} on {metrics['questions']} questions"
    else:
        score = f"AP@0.5 {metrics['ap50']:.3f} on {metrics['images']} images"
    return f"{variant['name']} {variant['bytes'] / 1024:.0f} KB ({variant['gzip_bytes'] / 1024:.0f} KB gzip), {score}"


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _progress(console: Console) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


def _summarise(console: Console, result: BuildResult) -> None:
    for model in result.models:
        if model.status == "built":
            shown = "; ".join(_headline(v) for v in model.entry["variants"])
            console.print(f"[green]✓[/] {model.id}: built in {model.seconds:.1f} s — {shown}")
        else:
            console.print(f"[dim]= {model.id}: unchanged, nothing re-exported[/]")
    for path in result.removed:
        console.print(f"[dim]- removed stale {path.name}[/]")
    n_built = len(result.built)
    console.print(f"vitrine: {n_built} built, {len(result.unchanged)} unchanged in {result.seconds:.1f} s")
