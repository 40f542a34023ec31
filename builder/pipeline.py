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
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from . import __version__, datasets, manifest, recipes
from .cards import Card, read_cards
from .errors import BuildError, CardError

if TYPE_CHECKING:
    from .datasets import Split

STAGES = ("data", "train", "export", "evaluate")
_VERSIONED = ("numpy", "pandas", "scikit-learn", "skl2onnx", "onnx", "onnxruntime")
_PACKAGE = Path(__file__).resolve().parent
# Every file of this package that shapes what a build writes to exported_models/ (manifest
# entries, model files, fixtures): their hashes go into each model's build key, with the card's
# recipe module. tests/unit/test_build_key.py fails when a module is in neither list.
BUILD_INPUTS = (
    "cards.py", "datasets.py", "export.py", "evaluate.py", "manifest.py", "pipeline.py",
    "recipes/__init__.py", "schemas/card.schema.json", "schemas/manifest.schema.json",
)
NOT_BUILD_INPUTS = (  # pages, site assets, tools: they never change a model's files or entry
    "__init__.py", "assets.py", "bench.py", "browser.py", "card_text.py", "cli.py", "errors.py", "pages.py", "plugin.py",
    "site_swap.py",
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
    problems += [p for card in cards for p in datasets.check(card)]
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


def _build_or_reuse(card: Card, out_dir: Path, stage: Path, old: dict[str, Any] | None, progress: Progress, console: Console) -> ModelResult:
    from . import export  # onnx, onnxruntime and scikit-learn load only when a model is built

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


def _entry(card: Card, split: Split, trained: recipes.Trained, model: Any, key: str, stage: Path) -> dict[str, Any]:
    from . import evaluate, export

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
        "artifacts": [_artifact(stage, card.id, "description", card.data["description"].encode(), ".md")] if card.data["description"] else [],
    }


def _artifact(stage: Path, model_id: str, kind: str, data: bytes, suffix: str) -> dict[str, Any]:
    """Stage a content-addressed side file of a model and describe it for the manifest."""
    digest = manifest.sha256(data)
    url = manifest.content_name(model_id, kind, digest, suffix)
    (stage / url).parent.mkdir(parents=True, exist_ok=True)
    (stage / url).write_bytes(data)
    return {"kind": kind, "url": url, "sha256": digest, "bytes": len(data)}


def code_fingerprint(recipe_kind: str) -> dict[str, str]:
    """sha256 of every source file that shapes a model's outputs, by path inside the package."""
    paths = [_PACKAGE / name for name in BUILD_INPUTS] + [recipes.source_file(recipe_kind).resolve()]
    return {p.relative_to(_PACKAGE).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def _build_key(card: Card, split: Split) -> str:
    return manifest.build_key({
        "card": card.data,
        "data": split.fingerprint,
        "code": code_fingerprint(card.recipe["kind"]),
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
