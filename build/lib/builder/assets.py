"""Files the built site serves besides pages: models, the runtime, and vendored JS libraries.

Everything comes from this repository or node_modules (pinned by package-lock.json), so the
site makes no third-party request at run time.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import VitrineError

MODELS = "models"  # site path of exported_models/
RUNTIME = "vitrine"  # site path of js_runtime/, worker/ and vendor/
# (package, file in the package) → served as vitrine/vendor/<package>/<file name>
VENDOR = (
    ("onnxruntime-web", "dist/ort.wasm.min.mjs"),
    ("onnxruntime-web", "dist/ort-wasm-simd-threaded.mjs"),
    ("onnxruntime-web", "dist/ort-wasm-simd-threaded.wasm"),
    ("chart.js", "dist/chart.umd.min.js"),
    ("chart.js", "LICENSE.md"),
)
MAIN_SCRIPT = f"{RUNTIME}/js_runtime/main.js"
STYLESHEET = f"{RUNTIME}/js_runtime/vitrine.css"


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
    _sync_tree(src.output_dir, site_dir / MODELS, ("manifest.json", "*/*.onnx", "*/*.parity.json"))
    _sync_tree(src.runtime_dir, site_dir / RUNTIME / "js_runtime", ("*.js", "*.css"))
    _sync_tree(src.worker_dir, site_dir / RUNTIME / "worker", ("*.js",))
    for pkg, rel in VENDOR:
        _copy(src.node_modules / pkg / rel, site_dir / RUNTIME / "vendor" / pkg / Path(rel).name)


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
