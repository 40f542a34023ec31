"""Files the built site serves besides pages: models, the runtime, and vendored JS libraries.

Everything comes from this repository or node_modules (pinned by package-lock.json), so the
site makes no third-party request at run time.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
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
)
MAIN_SCRIPT = f"{RUNTIME}/js_runtime/main.js"
STYLESHEET = f"{RUNTIME}/js_runtime/vitrine.css"
SERVICE_WORKER = "vitrine-sw.js"  # at the site root, so its scope is the whole site
SERVICE_WORKER_SOURCE = "service_worker.js"  # in worker/
SITE_CONFIG = f"{RUNTIME}/js_runtime/site_config.js"


@dataclass(frozen=True)
class Sources:
    output_dir: Path
    runtime_dir: Path
    worker_dir: Path
    node_modules: Path


def missing_vendor_files(node_modules: Path) -> list[Path]:
    return [node_modules / pkg / rel for pkg, rel in VENDOR if not (node_modules / pkg / rel).is_file()]


def copy_all(src: Sources, site_dir: Path) -> None:
    missing = missing_vendor_files(src.node_modules)
    if missing:
        raise VitrineError(f"{missing[0]} is missing: run `npm ci` in the project folder (or `make serve`)")
    _copy_models(src.output_dir, site_dir / MODELS)
    _sync_tree(src.runtime_dir, site_dir / RUNTIME / "js_runtime", ("*.js", "*.css"))
    _sync_tree(src.worker_dir, site_dir / RUNTIME / "worker", ("*.js",))
    for pkg, rel in VENDOR:
        _copy(src.node_modules / pkg / rel, site_dir / RUNTIME / "vendor" / pkg / Path(rel).name)


def _copy_models(out_dir: Path, dest: Path) -> None:
    """manifest.json and exactly the files it names (never a stale or half-written leftover)."""
    path = out_dir / manifest.MANIFEST
    if not path.is_file():
        return
    _copy(path, dest / manifest.MANIFEST)
    for name in manifest.named_files(json.loads(path.read_text())):
        _copy(out_dir / name, dest / name)


def _sync_tree(src: Path, dest: Path, patterns: tuple[str, ...]) -> None:
    for pattern in patterns:
        for path in src.glob(pattern):
            if path.is_file():
                _copy(path, dest / path.relative_to(src))


def _copy(src: Path, dest: Path) -> None:
    """Copy unless an identical file is already there (serve rebuilds often; the wasm is 14 MB)."""
    if dest.is_file() and dest.stat().st_size == src.stat().st_size and dest.stat().st_mtime >= src.stat().st_mtime:
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dest)


def write_service_worker(worker_dir: Path, site_dir: Path, enabled: bool) -> None:
    """Serve worker/service_worker.js at the site root (or remove it when turned off), and tell the
    page whether to register it (site_config.js) — an installed one is unregistered when off.

    BUILD in the service worker becomes a hash of its source and the vendored runtime files, so a
    new onnxruntime-web makes browsers install a new service worker that drops the old runtime cache.
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
        text = source.replace("__VITRINE_BUILD__", digest.hexdigest()[:16])
        if "__VITRINE_" in text:
            raise VitrineError(f"{worker_dir / SERVICE_WORKER_SOURCE}: a build-time placeholder is left unfilled")
        if not dest.is_file() or dest.read_text() != text:
            dest.write_text(text)
    elif dest.exists():
        dest.unlink()
    config = f"export const SITE_CONFIG = Object.freeze({json.dumps({'serviceWorker': enabled})});\n"
    (site_dir / SITE_CONFIG).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / SITE_CONFIG).write_text(config)

