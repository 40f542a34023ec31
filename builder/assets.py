"""Files the built site serves besides pages: models, the runtime, and vendored JS libraries.

Everything comes from this repository or node_modules (pinned by package-lock.json), so the
site makes no third-party request at run time.

The runtime is served twice over under vitrine/: js_runtime/ and worker/ mirror the repository's
modules (so a deep import such as vitrine/worker/detection.js still works), and their entry points
are replaced by esbuild bundles (bundle_runtime, builder/bundle.mjs): js_runtime/main.js and
js_runtime/vitrine.js share split chunks beside them, worker/worker.js is one file. A page then
loads a handful of files instead of a chain of twenty modules, and the worker one.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from . import manifest
from .errors import VitrineError

MODELS = "models"  # site path of exported_models/
RUNTIME = "vitrine"  # site path of js_runtime/, worker/ and vendor/
# (package, file in the package) → served as vitrine/vendor/<package>/<file name>
VENDOR = (
    ("onnxruntime-web", "dist/ort.wasm.min.mjs"),
    ("onnxruntime-web", "dist/ort-wasm-simd-threaded.mjs"),
    ("onnxruntime-web", "dist/ort-wasm-simd-threaded.wasm"),
    # WebGPU tier only (worker/runtimes.js): the asyncify build, fetched only when a worker runs that tier
    ("onnxruntime-web", "dist/ort.webgpu.min.mjs"),
    ("onnxruntime-web", "dist/ort-wasm-simd-threaded.asyncify.mjs"),
    ("onnxruntime-web", "dist/ort-wasm-simd-threaded.asyncify.wasm"),
    # plain-WASM tier only: onnxruntime-web 1.18.0 (npm alias), single-threaded, non-SIMD binary
    ("onnxruntime-web-legacy", "dist/esm/ort.wasm.min.js"),
    ("onnxruntime-web-legacy", "dist/ort-wasm.wasm"),
    # text models only: the tokenizer worker/tokenize.js runs (imported on first use)
    ("@huggingface/tokenizers", "dist/tokenizers.min.mjs"),
    ("@huggingface/tokenizers", "LICENSE"),
    ("chart.js", "dist/chart.umd.min.js"),
    ("chart.js", "LICENSE.md"),
    # tabular pages' drift check only (js_runtime/drift_input.js): parses a dropped CSV
    ("papaparse", "papaparse.min.js"),
    ("papaparse", "LICENSE"),
)
MAIN_SCRIPT = f"{RUNTIME}/js_runtime/main.js"
STYLESHEET = f"{RUNTIME}/js_runtime/vitrine.css"
SERVICE_WORKER = "vitrine-sw.js"  # at the site root, so its scope is the whole site
SERVICE_WORKER_SOURCE = "service_worker.js"  # in worker/
SITE_CONFIG = f"{RUNTIME}/js_runtime/site_config.js"
BUNDLE_SCRIPT = Path(__file__).with_name("bundle.mjs")
# Served as esbuild bundles (paths under vitrine/), in place of the source modules of the same name.
BUNDLED_ENTRIES = ("js_runtime/main.js", "js_runtime/vitrine.js", "worker/worker.js")
# esbuild's split chunks: "<name>-<8 character content hash>.js" and its map (bundle.mjs chunkNames).
_CHUNK = re.compile(r"^[\w.]+-[A-Z0-9]{8}\.js(\.map)?$")


@dataclass(frozen=True)
class Sources:
    output_dir: Path
    runtime_dir: Path
    worker_dir: Path
    node_modules: Path


@dataclass(frozen=True)
class Bundle:
    """The runtime as esbuild bundled it; every path is a site path under vitrine/."""

    files: dict[str, str]  # bundles, chunks and their source maps → text
    preload: tuple[str, ...] = ()  # js_runtime/main.js and what it imports statically: every page loads them
    entries: dict[str, str] = field(default_factory=dict)  # an entry or lazy chunk → the source module it holds


def missing_vendor_files(node_modules: Path) -> list[Path]:
    return [node_modules / pkg / rel for pkg, rel in VENDOR if not (node_modules / pkg / rel).is_file()]


def copy_all(src: Sources, site_dir: Path, bundle: Bundle | None = None) -> None:
    """Models, the runtime and vendored files into the site. With `bundle`, the entry points are its
    bundles (the source modules beside them stay, for deep imports); without, all unbundled."""
    missing = missing_vendor_files(src.node_modules)
    if missing:
        raise VitrineError(f"{missing[0]} is missing: run `npm ci` in the project folder (or `make serve`)")
    _copy_models(src.output_dir, site_dir / MODELS)
    skip = BUNDLED_ENTRIES if bundle is not None else ()
    _sync_tree(src.runtime_dir, site_dir / RUNTIME / "js_runtime", ("*.js", "*.css"), skip)
    _sync_tree(src.worker_dir, site_dir / RUNTIME / "worker", ("*.js",), skip)
    for pkg, rel in VENDOR:
        _copy(src.node_modules / pkg / rel, site_dir / RUNTIME / "vendor" / pkg / Path(rel).name)
    _write_bundle(bundle, site_dir / RUNTIME)


def bundle_runtime(src: Sources) -> Bundle:
    """Bundle js_runtime/ and worker/ with esbuild (node_modules/esbuild, run through Node.js); nothing
    is written. js_runtime/site_config.js stays a file of its own (write_service_worker writes it)."""
    node = shutil.which("node")
    if node is None:
        raise VitrineError("Node.js is not on PATH: the site build bundles the runtime with esbuild (install Node.js ≥ 18, then run `npm ci`)")
    if not (src.node_modules / "esbuild" / "package.json").is_file():
        raise VitrineError(f"{src.node_modules / 'esbuild'} is missing: run `npm ci` in the project folder (or `make serve`)")
    request = {"nodeModules": str(src.node_modules), "runtimeDir": str(src.runtime_dir), "workerDir": str(src.worker_dir)}
    try:
        proc = subprocess.run([node, str(BUNDLE_SCRIPT)], input=json.dumps(request), capture_output=True,
                              encoding="utf-8", timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise VitrineError(f"bundling the runtime with esbuild failed: {err}") from err
    if proc.returncode != 0:
        detail = proc.stderr.strip() or f"{BUNDLE_SCRIPT.name} exited with status {proc.returncode}"
        if "@esbuild/" in detail:  # the platform package that holds esbuild's binary
            detail += "\nesbuild's binary for this platform is missing: run `npm ci` in the project folder"
        raise VitrineError(detail)
    out = json.loads(proc.stdout)
    return Bundle(files=out["files"], preload=tuple(out["preload"]), entries=out["entries"])


def _write_bundle(bundle: Bundle | None, runtime: Path) -> None:
    """Write the bundle's files (an unchanged one is left alone) and remove the chunks and maps that an
    earlier bundle left and this one does not have (all of them when the runtime is served unbundled)."""
    files = bundle.files if bundle is not None else {}
    for folder in ("js_runtime", "worker"):
        if not (runtime / folder).is_dir():
            continue
        for path in (runtime / folder).iterdir():
            if (_CHUNK.match(path.name) or path.name.endswith(".js.map")) and f"{folder}/{path.name}" not in files:
                path.unlink()
    for name, text in files.items():
        dest = runtime / name
        data = text.encode("utf-8")
        if dest.is_file() and dest.read_bytes() == data:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)


def _copy_models(out_dir: Path, dest: Path) -> None:
    """manifest.json and exactly the files it names (never a stale or half-written leftover)."""
    path = out_dir / manifest.MANIFEST
    if not path.is_file():
        return
    _copy(path, dest / manifest.MANIFEST)
    for name in manifest.named_files(json.loads(path.read_text())):
        _copy(out_dir / name, dest / name)


def _sync_tree(src: Path, dest: Path, patterns: tuple[str, ...], skip: tuple[str, ...] = ()) -> None:
    """Copy src's files matching `patterns`, except those whose site path (under vitrine/) is in `skip`."""
    for pattern in patterns:
        for path in src.glob(pattern):
            if path.is_file() and f"{dest.name}/{path.relative_to(src).as_posix()}" not in skip:
                _copy(path, dest / path.relative_to(src))


def _copy(src: Path, dest: Path) -> None:
    """Copy unless an identical file is already there (serve rebuilds often; the wasm is 14 MB)."""
    if dest.is_file() and dest.stat().st_size == src.stat().st_size and dest.stat().st_mtime >= src.stat().st_mtime:
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dest)


def runtime_files() -> list[str]:
    """The vendored runtime files as the service worker names them under vendor/ (package/file), licences left out."""
    return [f"{pkg}/{Path(rel).name}" for pkg, rel in VENDOR if not Path(rel).name.startswith("LICENSE")]


def write_service_worker(worker_dir: Path, site_dir: Path, enabled: bool) -> None:
    """Serve worker/service_worker.js at the site root (or remove it when turned off), and tell the
    page whether to register it (site_config.js) — an installed one is unregistered when off.

    BUILD in the service worker becomes a hash of its source and the vendored runtime files, so a
    new onnxruntime-web makes browsers install a new service worker that drops the old runtime cache;
    RUNTIME_FILES the names of those files (runtime_files), which its install copies from the HTTP cache.
    MODEL_CACHE becomes MODEL_CACHE of worker/fetch_model.js, the one writer of that cache, so the
    name the service worker reads cannot drift from the name the inference worker writes.
    """
    dest = site_dir / SERVICE_WORKER
    if enabled:
        fetch_model = worker_dir / "fetch_model.js"
        found = re.findall(r"^export const MODEL_CACHE = '([\w.-]+)';$", fetch_model.read_text(), re.MULTILINE)
        if len(found) != 1:
            raise VitrineError(f"{fetch_model}: expected one line `export const MODEL_CACHE = '<name>';` (the service worker reads that cache)")
        source = (worker_dir / SERVICE_WORKER_SOURCE).read_text().replace("__VITRINE_MODEL_CACHE__", found[0])
        digest = hashlib.sha256(source.encode())
        for pkg, rel in VENDOR:
            vendored = site_dir / RUNTIME / "vendor" / pkg / Path(rel).name
            if vendored.is_file():
                digest.update(pkg.encode() + b"/" + rel.encode() + b"\0" + vendored.read_bytes())
        text = source.replace("__VITRINE_BUILD__", digest.hexdigest()[:16]).replace("__VITRINE_RUNTIME_FILES__", " ".join(runtime_files()))
        if "__VITRINE_" in text:
            raise VitrineError(f"{worker_dir / SERVICE_WORKER_SOURCE}: a build-time placeholder is left unfilled")
        if not dest.is_file() or dest.read_text() != text:
            dest.write_text(text)
    elif dest.exists():
        dest.unlink()
    config = f"export const SITE_CONFIG = Object.freeze({json.dumps({'serviceWorker': enabled})});\n"
    (site_dir / SITE_CONFIG).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / SITE_CONFIG).write_text(config)

