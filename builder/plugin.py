"""The `vitrine` MkDocs plugin: builds models before the site, adds their pages, ships the runtime.

Organised like mkdocs-material's plugins: typed config in VitrineConfig, one hook per job.
`mkdocs serve` watches cards and runtime folders; the content-hash manifest makes each rebuild
redo only what changed.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import assets, bench, pages
from .errors import VitrineError
from .pipeline import BuildResult, build_models


class VitrineConfig(base.Config):
    enabled = c.Type(bool, default=True)
    cards_dir = c.Type(str, default="model_cards")
    output_dir = c.Type(str, default="exported_models")
    runtime_dir = c.Type(str, default="js_runtime")
    worker_dir = c.Type(str, default="worker")
    node_modules = c.Type(str, default="node_modules")
    # Site-root service worker: COOP/COEP for WASM threads on static hosts, caching, offline use.
    service_worker = c.Type(bool, default=True)


class VitrinePlugin(BasePlugin[VitrineConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.result: BuildResult | None = None
        self.root = Path.cwd()

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
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        try:
            self.result = build_models(self._path(self.config.cards_dir), self._path(self.config.output_dir))
        except VitrineError as err:
            raise PluginError(str(err)) from err

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.result is None:
            return files
        entries = self.result.manifest["models"]
        for entry in entries:
            page = pages.page_path(entry["id"])
            # a page at gallery/<id>.md is served at gallery/<id>/ (or gallery/<id>.html)
            depth = page.count("/") + (1 if config.use_directory_urls else 0)
            models_url = posixpath.join(*([".."] * depth), assets.MODELS)
            files.append(File.generated(config, page, content=pages.model_page(entry, models_url)))
        index = f"{pages.GALLERY}/index.md"
        if entries and files.get_file_from_path(index) is None:
            files.append(File.generated(config, index, content=pages.gallery_index(entries)))
        if files.get_file_from_path("performance.md") is None:
            bench_path = self._path(self.config.output_dir) / bench.BENCH_FILE
            document = json.loads(bench_path.read_text()) if bench_path.is_file() else None
            content = pages.performance_page(document, entries, f"{self.config.output_dir}/{bench.BENCH_FILE}")
            files.append(File.generated(config, "performance.md", content=content))
        return files

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        sources = assets.Sources(
            output_dir=self._path(self.config.output_dir),
            runtime_dir=self._path(self.config.runtime_dir),
            worker_dir=self._path(self.config.worker_dir),
            node_modules=self._path(self.config.node_modules),
        )
        try:
            assets.copy_all(sources, Path(config.site_dir))
            assets.write_service_worker(sources.worker_dir, Path(config.site_dir), self.config.service_worker)
        except VitrineError as err:
            raise PluginError(str(err)) from err

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if self.config.enabled:
            for folder in (self.config.cards_dir, self.config.runtime_dir, self.config.worker_dir):
                if self._path(folder).is_dir():
                    server.watch(str(self._path(folder)))
        return server
