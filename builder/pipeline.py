"""The model pipeline: cards → data → train → ONNX → evaluate → manifest.

Both the MkDocs plugin and the CLI call `build_models()`; neither holds build logic. Every
card is validated (schema, recipe parameters, dataset columns) before anything is trained, and
all outputs are staged, so a bad card or a failing stage leaves `exported_models/` untouched.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from . import __version__, datasets, evaluate, export, manifest, recipes
from .cards import Card, read_cards
from .errors import BuildError, CardError

STAGES = ("data", "train", "export", "evaluate")
_VERSIONED = ("numpy", "pandas", "scikit-learn", "skl2onnx", "onnx", "onnxruntime")


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
    """All cards, fully checked (schema, recipe parameters, dataset columns), or CardError."""
    cards, problems = read_cards(cards_dir)
    problems += [p for card in cards for p in recipes.check(card)]
    problems += [p for card in cards for p in datasets.check(card)]
    if problems:
        raise CardError(sorted(problems, key=lambda p: (str(p.path), p.line or 0)))
    return cards


def build_models(cards_dir: Path, out_dir: Path, console: Console | None = None) -> BuildResult:
    """Build what changed; return the manifest and what happened to each model."""
    console = console or Console(stderr=True)
    start = time.perf_counter()
    cards = validate(cards_dir)
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


def _build_or_reuse(card: Card, out_dir: Path, stage: Path, old: dict[str, Any] | None, progress: Progress, console: Console) -> ModelResult:
    start = time.perf_counter()
    task = progress.add_task(f"{card.id}: data", total=len(STAGES))
    current = "data"
    try:
        split = datasets.prepare(card)
        key = _build_key(card, split)
        if old is not None and old["build_key"] == key and manifest.is_intact(out_dir, old):
            progress.update(task, completed=len(STAGES), description=f"{card.id}: unchanged")
            return ModelResult(card.id, "unchanged", time.perf_counter() - start, old)
        progress.advance(task)
        current = "train"
        progress.update(task, description=f"{card.id}: train")
        trained = recipes.get(card.recipe["kind"]).train(card, split)
        progress.advance(task)
        current = "export"
        progress.update(task, description=f"{card.id}: export")
        model = export.to_onnx(trained, split, card.id)
        progress.advance(task)
        current = "evaluate"
        progress.update(task, description=f"{card.id}: evaluate")
        entry = _entry(card, split, trained, model, key, stage)
        progress.advance(task)
    except (BuildError, CardError):
        raise
    except Exception as err:
        raise BuildError(card.id, current, f"{type(err).__name__}: {err}") from err
    progress.update(task, description=f"{card.id}: built")
    return ModelResult(card.id, "built", time.perf_counter() - start, entry)


def _entry(card: Card, split: datasets.Split, trained: recipes.Trained, model: Any, key: str, stage: Path) -> dict[str, Any]:
    model_bytes = model.SerializeToString()
    digest = manifest.sha256(model_bytes)
    variants = []
    for variant in card.variants:  # recipes check that only fp32 is asked for today
        result = evaluate.evaluate(model_bytes, split, card.data["demo"]["examples"])
        url = manifest.content_name(card.id, variant, digest, ".onnx")
        fixtures = manifest.content_name(card.id, variant, digest, ".parity.json")
        (stage / card.id).mkdir(parents=True, exist_ok=True)
        (stage / url).write_bytes(model_bytes)
        manifest.write_json_atomic(stage / fixtures, {"model": card.id, "variant": variant, "sha256": digest, **result.fixtures})
        variants.append({
            "name": variant,
            "precision": variant,
            "url": url,
            "sha256": digest,
            "bytes": result.bytes,
            "gzip_bytes": result.gzip_bytes,
            "opsets": {o.domain or "ai.onnx": o.version for o in model.opset_import},
            "ir_version": model.ir_version,
            "metrics": result.metrics,
            "fixtures": fixtures,
        })
    outputs = export.tensor_specs(model.graph.output)
    return {
        "id": card.id,
        "title": card.data["title"],
        "description": card.data["description"],
        "task": card.data["task"],
        "recipe": trained.summary,
        "build_key": key,
        "labels": split.labels,
        "inputs": export.tensor_specs(model.graph.input),
        "outputs": outputs,
        "preprocessing": {
            "kind": "tabular",
            "features": split.features,
            "label_output": outputs[0]["name"],
            "probability_output": outputs[1]["name"],
        },
        "dataset": split.info,
        "examples": result.examples,
        "default_variant": card.variants[0],
        "variants": variants,
    }


def _build_key(card: Card, split: datasets.Split) -> str:
    sources = [recipes.source_file(card.recipe["kind"]), *(Path(m.__file__ or "") for m in (datasets, export, evaluate))]
    return manifest.build_key({
        "card": card.data,
        "data": split.fingerprint,
        "code": {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sources},
        "versions": {"vitrine": __version__, **{name: importlib.metadata.version(name) for name in _VERSIONED}},
    })


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
        variant = model.entry["variants"][0]
        if model.status == "built":
            console.print(
                f"[green]✓[/] {model.id}: built in {model.seconds:.1f} s — {variant['name']} "
                f"{variant['bytes'] / 1024:.0f} KB ({variant['gzip_bytes'] / 1024:.0f} KB gzip), "
                f"accuracy {variant['metrics']['accuracy']:.3f}"
            )
        else:
            console.print(f"[dim]= {model.id}: unchanged, nothing re-exported[/]")
    for path in result.removed:
        console.print(f"[dim]- removed stale {path.name}[/]")
    n_built = len(result.built)
    console.print(f"vitrine: {n_built} built, {len(result.unchanged)} unchanged in {result.seconds:.1f} s")
