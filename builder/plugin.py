"""The `vitrine` MkDocs plugin: builds models before the site, adds their pages, ships the runtime.

Organised like mkdocs-material's plugins: typed config in VitrineConfig, one hook per job.
`mkdocs serve` watches cards and runtime folders; the content-hash manifest makes each rebuild
redo only what changed.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from pathlib import Path
from typing import Any, Callable, Literal

from markupsafe import escape

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, file_sort_key
from mkdocs.structure.nav import nest_paths
from mkdocs.structure.pages import Page
from rich.console import Console
from rich.markup import escape as rich_escape

from . import assets, bench, card_reference, csp, embeds, manifest, pages, site_swap, stop_signals
from .errors import VitrineError
from .first_build import WAIT_S, FirstBuild
from .pipeline import BuildResult, build_models

_BODY = re.compile(r"<body[^>]*>", re.IGNORECASE)
_HEAD_END = re.compile(r"</head>", re.IGNORECASE)
_MAIN_SRC = re.compile(r'<script src="([^"]*)' + re.escape(assets.MAIN_SCRIPT) + r'"')
# mkdocs-material's search is a role="dialog" without a name (axe-core: aria-dialog-name).
_SEARCH_DIALOG = re.compile(r'<div class="md-search"(?![^>]*aria-label)([^>]*role="dialog")')


class VitrineConfig(base.Config):
    enabled = c.Type(bool, default=True)
    cards_dir = c.Type(str, default="model_cards")
    output_dir = c.Type(str, default="exported_models")
    runtime_dir = c.Type(str, default="js_runtime")
    worker_dir = c.Type(str, default="worker")
    node_modules = c.Type(str, default="node_modules")
    # Site-root service worker: COOP/COEP for WASM threads on static hosts, caching, offline use.
    service_worker = c.Type(bool, default=True)
    # A Content Security Policy <meta> in every built page (builder/csp.py); not under `mkdocs serve`,
    # whose live-reload script is injected after the page is written.
    csp = c.Type(bool, default=True)


class VitrinePlugin(BasePlugin[VitrineConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.result: BuildResult | None = None
        self.root = Path.cwd()
        self.serving = False
        self.problem: str | None = None  # while serving: why the models shown are the last good ones
        self.bundle: assets.Bundle | None = None  # the runtime bundled by esbuild (this build's, or the last good one)
        self.bundle_problem: str | None = None  # while serving: why the runtime shown is not the current source
        self.swap = False  # build into a fresh folder and swap it in at the end (not for serve or --dirty)
        self.swapping: tuple[Path, Path] | None = None  # (site_dir, the fresh folder MkDocs writes into)
        self.failed = False
        self.first_build: FirstBuild | None = None  # `mkdocs serve`'s first model build, while it runs
        self.building: list[str] = []  # the models it builds (pages say so), while it runs
        self.restore_signals: Callable[[], None] = lambda: None  # serve: SIGTERM/SIGHUP stop it as Ctrl+C does

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"
        self.swap = command in ("build", "gh-deploy") and not dirty
        if self.serving:
            self.restore_signals = stop_signals.stop_as_interrupt()

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True

    def on_shutdown(self) -> None:
        self.restore_signals()
        if self.first_build is not None:
            self.first_build.close()
        if self.swapping is None:
            return
        site_dir, built = self.swapping
        self.swapping = None
        if self.failed:
            site_swap.discard(built)
            Console(stderr=True).print(f"vitrine: the build failed; {site_dir} was left as it was", highlight=False)
        else:
            site_swap.swap_in(built, site_dir)
            Console(stderr=True).print(f"vitrine: site written to {site_dir}", highlight=False)

    def _path(self, value: str) -> Path:
        return (self.root / value).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        script = c.ExtraScriptValue(assets.MAIN_SCRIPT)
        script.type = "module"
        if assets.MAIN_SCRIPT not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(script)
        if assets.STYLESHEET not in config.extra_css:
            config.extra_css.append(assets.STYLESHEET)
        if self.swap and self.swapping is None:
            self.swapping = (Path(config.site_dir), site_swap.fresh_dir(Path(config.site_dir)))
            config.site_dir = str(self.swapping[1])
        return config

    def _sources(self) -> assets.Sources:
        return assets.Sources(
            output_dir=self._path(self.config.output_dir),
            runtime_dir=self._path(self.config.runtime_dir),
            worker_dir=self._path(self.config.worker_dir),
            node_modules=self._path(self.config.node_modules),
        )

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        console = Console(stderr=True, soft_wrap=True)
        # The runtime first (well under a second): a JS error stops a build before any model is trained.
        try:
            self.bundle = assets.bundle_runtime(self._sources())
            self.bundle_problem = None
        except VitrineError as err:
            if not self.serving:
                raise PluginError(str(err)) from err
            # As with a broken card below: keep serving the last good bundle (or, before the first
            # one, the runtime's modules unbundled) and show the problem on every page.
            self.bundle_problem = str(err)
            console.print(f"[bold red]vitrine:[/] {rich_escape(self.bundle_problem)}\n"
                          "[yellow]Serving the last good runtime bundle until this is fixed.[/]", highlight=False)
        output_dir = self._path(self.config.output_dir)
        if self.serving and self._first_build_running(console, output_dir):
            return
        try:
            self.result = build_models(self._path(self.config.cards_dir), output_dir, console=console)
            self.problem = None
        except VitrineError as err:
            if not self.serving:
                raise PluginError(str(err)) from err
            self._serve_despite(str(err), console, output_dir)

    def _serve_despite(self, problem: str, console: Console, output_dir: Path) -> None:
        """A dev server keeps serving the last good models (a failed build leaves them intact) and shows
        the problems on every page until the cards are fixed; raising here would leave every browser
        request waiting for a build that never succeeds."""
        self.problem = problem
        console.print(f"[bold red]vitrine:[/] {rich_escape(problem)}\n[yellow]Serving the last good build until this is fixed.[/]", highlight=False)
        if self.result is None:
            self.result = BuildResult(manifest.load(output_dir), [], 0.0)

    def _first_build_running(self, console: Console, output_dir: Path) -> bool:
        """The dev server's first model build runs beside it (first_build.py): True while it does, the
        site then showing the models already in `output_dir` (none on a fresh checkout) and a notice.
        Once it has ended, builds run here again: the next one, which its end asks for, finds its models
        built (seconds) and sees what changed meanwhile (a card saved during the first build)."""
        if self.result is None and self.first_build is None:
            self.first_build = FirstBuild(self._path(self.config.cards_dir), output_dir)
            if not self.first_build.done.wait(WAIT_S):
                self.result = BuildResult(manifest.load(output_dir), [], 0.0)
                console.print("[yellow]vitrine: serving while the models build; the pages reload by themselves when they are in.[/]", highlight=False)
        first = self.first_build
        if first is None:
            return False
        if not first.done.is_set():
            self.building = first.pending()
            return True
        first.close()
        self.first_build, self.building = None, []
        return False

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.result is None:
            return files
        entries = self.result.manifest["models"]
        for entry in entries:
            page = pages.page_path(entry["id"])
            # a page at gallery/<id>.md is served at gallery/<id>/ (or gallery/<id>.html)
            depth = page.count("/") + (1 if config.use_directory_urls else 0)
            models_url = posixpath.join(*([".."] * depth), assets.MODELS)
            out = self._path(self.config.output_dir)
            description = pages.artifact_text(entry, "description", out)
            content = pages.model_page(entry, models_url, description, pages.explanations(entry, out))
            files.append(File.generated(config, page, content=content))
        index = f"{pages.GALLERY}/index.md"
        if files.get_file_from_path(index) is None:
            files.append(File.generated(config, index, content=pages.gallery_index(entries, bool(self.building))))
        if files.get_file_from_path(card_reference.PAGE) is None:
            files.append(File.generated(config, card_reference.PAGE, content=card_reference.render()))
        if files.get_file_from_path("performance.md") is None:
            bench_path = self._path(self.config.output_dir) / bench.BENCH_FILE
            document = json.loads(bench_path.read_text()) if bench_path.is_file() else None
            content = pages.performance_page(document, entries, f"{self.config.output_dir}/{bench.BENCH_FILE}")
            files.append(File.generated(config, "performance.md", content=content))
        if config.nav is None:  # a site's own nav stays as written
            config.nav = site_nav(files)
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.result is None or page.file.generated_by:
            return markdown
        source = os.path.relpath(Path(config.docs_dir) / page.file.src_uri)
        try:
            return embeds.expand(markdown, source, page.url, self.result.manifest["models"], self.building)
        except VitrineError as err:
            if not self.serving:
                raise PluginError(str(err)) from err
            Console(stderr=True).print(f"[bold red]vitrine:[/] {rich_escape(str(err))}", highlight=False)
            # The dev server keeps going: the page shows the problem where its author will look.
            return (f'<div class="admonition failure" role="alert"><p class="admonition-title">This page could not be built as written</p>'
                    f"<p>{escape(str(err))}</p></div>\n\n{markdown}")

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        output = _SEARCH_DIALOG.sub(r'<div class="md-search" aria-label="Search"\1', output, count=1)
        if self.bundle is not None:
            output = _preload(output, self.bundle.preload)
        if self.building:
            output = _BODY.sub(lambda m: m.group(0) + _building_notice(self.building), output, count=1)
        if self.problem:
            output = _BODY.sub(lambda m: m.group(0) + _banner(self.problem or "", "the model cards"), output, count=1)
        if self.bundle_problem:
            output = _BODY.sub(lambda m: m.group(0) + _banner(self.bundle_problem or "", "js_runtime/ or worker/"), output, count=1)
        if self.config.csp and not self.serving:
            output = csp.add_meta(output)
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        sources = self._sources()
        try:
            assets.copy_all(sources, Path(config.site_dir), self.bundle)
            assets.write_service_worker(sources.worker_dir, Path(config.site_dir), self.config.service_worker)
        except VitrineError as err:
            raise PluginError(str(err)) from err

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if self.config.enabled:
            for folder in (self.config.cards_dir, self.config.runtime_dir, self.config.worker_dir):
                if self._path(folder).is_dir():
                    server.watch(str(self._path(folder)))
            if self.first_build is not None:
                self.first_build.watch(server)
        return server


def _preload(html: str, files: tuple[str, ...]) -> str:
    """`<link rel="modulepreload">` in <head> for main.js and the chunks it imports statically (paths
    under vitrine/), with the relative prefix MkDocs gave this page's main.js script tag: the browser
    fetches them all at once instead of discovering each import after the one before has arrived."""
    found = _MAIN_SRC.search(html)
    if found is None or not files:
        return html
    prefix = found.group(1) + assets.RUNTIME + "/"
    links = "".join(f'<link rel="modulepreload" href="{escape(prefix + name)}">' for name in files)
    return _HEAD_END.sub(lambda m: links + m.group(0), html, count=1)


# The sidebar's order for a showcase (MkDocs alone sorts by file name: api.md first): the gallery, then
# how to add a model, then the references. What the list does not name follows, in MkDocs' order.
NAV_ORDER = ("index.md", "gallery", "getting-started.md", "authoring.md", "api.md", "reference", "performance.md")


def site_nav(files: Files) -> list[Any]:
    """The nav MkDocs would build from the files, its top level in NAV_ORDER."""
    paths = [f.src_uri for f in sorted(files.documentation_pages(), key=file_sort_key) if f.inclusion.is_in_nav()]
    items = nest_paths(paths)

    def rank(item: Any) -> int:
        first = item if isinstance(item, str) else next(iter(item.values()))[0]
        while not isinstance(first, str):  # a section's first entry may be a section
            first = next(iter(first.values()))[0]
        top = first.split("/", 1)[0]
        return NAV_ORDER.index(top) if top in NAV_ORDER else len(NAV_ORDER)

    return sorted(items, key=rank)


def _building_notice(models: list[str]) -> str:
    """The dev server's notice on every page while its first model build runs (first_build.py)."""
    style = (
        "position:sticky;top:0;z-index:10;margin:0;padding:.8rem 1rem;background:#0d47a1;color:#fff;"
        "font:14px/1.4 system-ui,sans-serif"
    )
    names = ", ".join(models) if len(models) <= 12 else f"{len(models)} models"
    return (
        f'<div class="vitrine-building" role="status" style="{style}">'
        f"<strong>Building the models</strong> ({escape(names)}): the first build takes a few minutes, and the terminal shows its progress. "
        "This page reloads by itself when they are in.</div>"
    )


def _banner(problem: str, fix: str) -> str:
    """The dev server's notice on every page while a card or the runtime's JS is broken (text escaped:
    it quotes cards). `fix`: what to fix."""
    style = (
        "position:sticky;top:0;z-index:10;margin:0;padding:.8rem 1rem;background:#b71c1c;color:#fff;"
        "font:14px/1.4 system-ui,sans-serif;max-height:50vh;overflow:auto"
    )
    return (
        f'<div class="vitrine-build-problem" role="alert" style="{style}">'
        "<strong>The last build failed: this page shows the last good build.</strong> "
        f"Fix {escape(fix)} and save; the page reloads by itself."
        f'<pre style="white-space:pre-wrap;margin:.5rem 0 0;color:inherit;background:none">{escape(problem)}</pre></div>'
    )
