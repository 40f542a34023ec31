"""Model pages: Markdown generated from manifest entries (jinja2, autoescaped).

Pages are rendered from the manifest alone, so what a page says is exactly what was measured,
and an unchanged model yields an unchanged page.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .card_text import description_html
from .gallery_cards import card

GALLERY = "gallery"
# a task's templates: _<kind>_precomputed.md.j2, _<kind>_evaluation.md.j2, ...
KINDS = {"tabular-classification": "tabular", "tabular-regression": "regression", "time-series-forecasting": "forecast", "anomaly-detection": "anomaly",
         "image-classification": "image", "object-detection": "detection",
         "text-classification": "text", "semantic-search": "search", "text-generation": "generation",
         "voice-activity-detection": "audio", "recommendation": "recommend"}


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("builder", "templates"),
        autoescape=True,  # card and model text is data, never markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["kb"] = lambda n: f"{n / 1024:,.1f} KB"
    env.filters["size"] = lambda n: f"{n / 1024:,.1f} KB" if n < 1024**2 else f"{n / 1024**2:,.1f} MB"
    env.filters["pct"] = lambda x: f"{100 * x:.1f}%"
    env.filters["shape"] = lambda dims: "[" + ", ".join(str(d) for d in dims) + "]"
    env.filters["stepped"] = stepped
    # model text with its line breaks as character references: kept by white-space: pre-wrap, and no
    # blank line that would end a raw HTML block for Markdown
    env.filters["lines"] = lambda text: Markup(str(escape(text)).replace("\r", "&#13;").replace("\n", "&#10;"))
    env.tests["startingwith"] = lambda value, prefix: str(value).startswith(prefix)
    return env


def stepped(x: float, step: float, extra: int = 0) -> str:
    """A feature's value with as many decimals as its slider step (plus `extra`, for means and spreads),
    so a page writes a feature's numbers one way: 59.6 for a float32 59.599998, 2,700 for 2700.0."""
    decimals = max(0, -int(Decimal(repr(step)).normalize().as_tuple().exponent)) + extra
    return f"{x:,.{decimals}f}"


def page_path(model_id: str) -> str:
    return f"{GALLERY}/{model_id}.md"


def artifact_text(entry: dict[str, Any], kind: str, out_dir: Path) -> str:
    """The text of a model's side file of `kind` (see builder.pipeline._artifact), or "" when it has none."""
    found = next((a for a in entry["artifacts"] if a["kind"] == kind), None)
    return (out_dir / found["url"]).read_text(encoding="utf-8") if found else ""


def explanations(entry: dict[str, Any], out_dir: Path) -> dict[str, Any] | None:
    """A model's SHAP baselines (builder/explain.py), or None when it has none."""
    text = artifact_text(entry, "explanations", out_dir)
    return json.loads(text) if text else None


def model_page(entry: dict[str, Any], models_url: str, description: str = "", explained: dict[str, Any] | None = None) -> str:
    """The Markdown of one model's page; `models_url` is the page-relative URL of the models folder,
    `description` the card's description (Markdown, from the model's description artifact), `explained`
    its SHAP baselines (`explanations`)."""
    return _env().get_template("model_page.md.j2").render(
        m=entry,
        v=default_variant(entry),
        kinds=KINDS,
        models=models_url,
        # MkDocs' and the theme's templates print page titles unescaped (<title>, nav): escape once here
        title_meta=Markup(json.dumps(str(escape(entry["title"])))),
        description=description_html(description),
        x=explained,
    )


def default_variant(entry: dict[str, Any]) -> dict[str, Any]:
    """The variant that ships by default (the manifest's `default_variant`)."""
    return next(v for v in entry["variants"] if v["name"] == entry["default_variant"])


def demo(entry: dict[str, Any], models_url: str) -> str:
    """A model's demo (its precomputed examples, then the live widget) for any page."""
    return _env().get_template("_demo.md.j2").render(m=entry, v=default_variant(entry), kind=KINDS[entry["task"]], models=models_url)


def gallery_cards(entries: list[dict[str, Any]], models_url: str, gallery_url: str, level: int = 2) -> str:
    """The gallery's cards for any page: `gallery_url` is the page-relative URL of the gallery folder."""
    return _env().get_template("_gallery_cards.md.j2").render(
        cards=[card(e, default_variant(e)) for e in entries], models=models_url, gallery=gallery_url, level=level)


def gallery_index(entries: list[dict[str, Any]], building: bool = False) -> str:
    """The gallery's page; `building`: the dev server's first model build is running (first_build.py)."""
    cards = [card(e, default_variant(e)) for e in entries]
    tasks = {c.task: c.task_name for c in cards}
    return _env().get_template("gallery_index.md.j2").render(cards=cards, tasks=tasks, models="../models", gallery="", level=2, building=building)


def performance_page(bench: dict[str, Any] | None, entries: list[dict[str, Any]], bench_file: str) -> str:
    """The Performance page from `vitrine bench` output; results for a since-rebuilt model are flagged."""
    current = {v["sha256"] for m in entries for v in m["variants"]}
    return _env().get_template("performance.md.j2").render(bench=bench, current=current, bench_file=bench_file)
