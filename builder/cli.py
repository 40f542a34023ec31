"""`vitrine` command line: a thin layer over the same functions the MkDocs plugin calls."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from . import bench
from .errors import VitrineError

app = typer.Typer(help="Vitrine: trained models as a static site whose demos run in the browser.", no_args_is_help=True, add_completion=False)
err_console = Console(stderr=True, soft_wrap=True)  # no hard wraps: errors quote paths and card text


def _show_mkdocs_log() -> None:
    """Print MkDocs' own messages (its errors carry our card problems; "Serving on …" the URL), as
    `mkdocs` does: without a handler they would be dropped and only "Aborted with a BuildError!" remain."""
    logger = logging.getLogger("mkdocs")
    if not any(h.name == "vitrine" for h in logger.handlers):
        handler = logging.StreamHandler()  # stderr, like mkdocs' own
        handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
        handler.name = "vitrine"
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False

ConfigOption = Annotated[Path, typer.Option("--config-file", "-f", help="mkdocs.yml of the site.", exists=True, dir_okay=False)]


def _plugin_paths(config_file: Path) -> tuple[Path, Path]:
    """cards_dir and output_dir as the site's mkdocs.yml configures the vitrine plugin."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    plugin = config.plugins.get("vitrine")
    if plugin is None:
        raise VitrineError(f"{config_file}: the vitrine plugin is not enabled (add `- vitrine` under `plugins:`)")
    root = config_file.resolve().parent
    return root / plugin.config.cards_dir, root / plugin.config.output_dir


def _fail(err: Exception) -> None:
    err_console.print(f"[bold red]error:[/] {escape(str(err))}", highlight=False)  # card text is not markup
    raise typer.Exit(1)


@app.command()
def build(
    config_file: ConfigOption = Path("mkdocs.yml"),
    models_only: Annotated[bool, typer.Option("--models-only", help="Build models and the manifest, not the site.")] = False,
    site_dir: Annotated[Optional[Path], typer.Option(help="Where to write the site (default: mkdocs.yml's site_dir).")] = None,
) -> None:
    """Build changed models, then the site (`mkdocs build`)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .pipeline import build_models

    _show_mkdocs_log()
    try:
        if models_only:
            build_models(*_plugin_paths(config_file), console=err_console)
            return
        overrides = {"site_dir": str(site_dir.resolve())} if site_dir else {}
        config = load_config(str(config_file), **overrides)
        config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (VitrineError, MkDocsException) as err:
        _fail(err)


@app.command()
def serve(
    config_file: ConfigOption = Path("mkdocs.yml"),
    dev_addr: Annotated[str, typer.Option("--dev-addr", "-a", help="IP:port to serve on.")] = "127.0.0.1:8000",
) -> None:
    """Serve the site with live reload; editing a card rebuilds only that model."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    _show_mkdocs_log()
    try:
        mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr)
    except (VitrineError, MkDocsException) as err:
        _fail(err)


@app.command("bench")
def bench_command(
    config_file: ConfigOption = Path("mkdocs.yml"),
    backend: Annotated[list[str], typer.Option("--backend", "-b", help="Tier to measure (repeatable): wasm, wasm-nosimd, webgpu, static.")] = list(bench.DEFAULT_BACKENDS),
    runs: Annotated[int, typer.Option(min=50, help="Predictions per model and backend for latency percentiles.")] = 100,
    isolate: Annotated[bool, typer.Option(help="Serve with COOP/COEP headers (WASM threads allowed).")] = True,
    webgpu: Annotated[bool, typer.Option(help="Start Chromium with --enable-unsafe-webgpu.")] = False,
    model: Annotated[Optional[list[str]], typer.Option("--model", "-m", help="Model id to measure (repeatable; default: every model).")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Where to write the JSON (default: <output_dir>/bench.json).")] = None,
    peer: Annotated[bool, typer.Option(help="Also run text models in Transformers.js (same ONNX file, same Chromium run) and compare.")] = True,
    peer_runs: Annotated[int, typer.Option(min=1, help="Steady-state calls per text and side in the Transformers.js comparison.")] = bench.bench_peer.RUNS,
    peer_repeat: Annotated[int, typer.Option(min=1, help="Cold/warm loads per side in the comparison, each in a fresh profile (the median is reported).")] = bench.bench_peer.REPEAT,
    bare: Annotated[bool, typer.Option(help="Also run each model in a bare onnxruntime-web page (same file and runtime) and report Vitrine's overhead.")] = True,
    repeat: Annotated[int, typer.Option(min=1, help="Cold/warm loads per model, tier and side (Vitrine, bare page), each in a fresh profile (the median is reported).")] = bench.REPEAT,
    gen_tokens: Annotated[int, typer.Option(min=1, help="Tokens per generation for text-generation models (greedy).")] = bench.GEN_TOKENS,
    gen_runs: Annotated[int, typer.Option(min=1, help="Generations per text-generation model variant and tier (and natively).")] = bench.GEN_RUNS,
) -> None:
    """Measure every model in a real browser (cold, cached, latency) against native onnxruntime, and text models beside Transformers.js."""
    from mkdocs.exceptions import MkDocsException

    site = None
    try:
        site, output_dir = bench.build_site(config_file)
        document = bench.run(site, tuple(backend), runs, isolate, ("--enable-unsafe-webgpu",) if webgpu else (), tuple(model or ()),
                             peer=peer, peer_runs=peer_runs, peer_repeat=peer_repeat, bare=bare, repeat=repeat,
                             gen_tokens=gen_tokens, gen_runs=gen_runs)
        target = out or output_dir / bench.BENCH_FILE
        bench.write(document, target)
    except (VitrineError, MkDocsException) as err:
        _fail(err)
    finally:
        if site is not None:
            shutil.rmtree(site, ignore_errors=True)  # the temporary build the bench served (a few hundred MB)
    for r in document["results"]:
        if r["error"]:
            err_console.print(f"[red]✗[/] {r['model']} {r['variant']} on {r['backend']}: {escape(r['error'])}", highlight=False)
        else:
            err_console.print(
                f"[green]✓[/] {r['model']} {r['variant']} on {r['backend_used']} ({r['threads']} thread{'s' if r['threads'] != 1 else ''}): "
                f"browser {r['browser_over_native']}× native (p50 {r['browser_ms']['p50']} ms vs {r['native_ms']['p50']} ms), "
                f"cached reload {r['cached_over_cold']}× cold ({r['cached_first_prediction_ms']} vs {r['cold_first_prediction_ms']} ms)"
                + (f"; Vitrine ÷ bare page: " + ", ".join(f"{k} {v}×" for k, v in o.items() if v is not None) if (o := r.get("vitrine_over_bare")) else ""),
                highlight=False,
            )
    for r in (document.get("peers") or {}).get("results", []):
        label = f"{r['model']} {r['variant']} beside Transformers.js"
        if r["error"]:
            err_console.print(f"[red]✗[/] {label}: {escape(r['error'])}", highlight=False)
            continue
        q = r["ratios"]
        err_console.print(
            f"[green]✓[/] {label} (Transformers.js ÷ Vitrine; threads {r['vitrine']['threads']} vs {r['transformers_js']['threads']}): "
            f"cold {q['cold_load']}×, warm {q['warm_reload']}×, steady p50 {q['steady_p50_long']}× ({r['texts']['long']['tokens']} tokens) / "
            f"{q['steady_p50_short']}× ({r['texts']['short']['tokens']} tokens); session.run ÷ native {q['browser_over_native_long']}×"
            + ("" if r["same_file"] else " [red](not the same file!)[/]")
            + (f" [red]({len(r['vitrine']['external_requests']) + len(r['transformers_js']['external_requests'])} requests left the server)[/]"
               if r["vitrine"]["external_requests"] or r["transformers_js"]["external_requests"] else ""),
            highlight=False,
        )
    err_console.print(f"wrote {target}; the Performance page shows it on the next build")


@app.command()
def check(config_file: ConfigOption = Path("mkdocs.yml")) -> None:
    """Validate every model card (schema, recipe, dataset columns) without building."""
    from .pipeline import print_warnings, validate

    try:
        cards_dir, _ = _plugin_paths(config_file)
        cards = validate(cards_dir)
    except VitrineError as err:
        _fail(err)
    else:
        print_warnings(err_console, cards)
        err_console.print(f"[green]✓[/] {len(cards)} model card{'s' if len(cards) != 1 else ''} valid: {', '.join(c.id for c in cards)}")


if __name__ == "__main__":
    app()
