"""`vitrine bench`'s bare page: the same model file and runtime in a minimal page, beside Vitrine in the same run.

What Vitrine adds to a page that uses onnxruntime-web directly — the manifest, capability checks, the
worker and its messages, the download's sha256 check and the Cache API, pre- and postprocessing — is
measured as Vitrine ÷ bare for cold load → first output, warm reload → first output and the
per-prediction round trip, per model, variant and tier.

The bare page (`_bare/bare.html` + `bare.js`, from builder/bench_pages/, served by the bench's server
beside the site) imports the tier's bundle from the site's vendor folder (the worker's own table,
worker/runtimes.js: the same `.mjs`/`.wasm`, `executionProviders`, `ort.env.wasm` settings and thread
count), creates a session from the same model URL with the variant's `session_options` as
`extra`, and runs the variant's parity-fixture inputs on the main thread. Nothing else: a warm reload
finds the model in the HTTP cache only (the server's cache headers are recorded in the document).

The inputs reach the page as raw tensor bytes (`_bare/feeds/<model>/<variant>.bin`, each tensor at an
offset aligned to 8) and a layout, fetched while the runtime loads. After the first output (untimed)
the page reports the sha256 of each input it fed and every output it got, which are compared with the
fixture's `outputs` by the runtime tests' rule (`parity`). The steady state times `session.run` on the
fixture's first row (as the native latency does; a recording's whole block, its rows being frames); for a generation model the first output is one
prefill step of the fixture's ids and no steady state is measured (Vitrine's is token by token).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import urllib.request
from pathlib import Path
from typing import Any

import numpy as np

from . import bench_peer

BARE_DIR = "_bare"  # under the bench server's root, beside the site's own paths
PAGES = Path(__file__).parent / "bench_pages"
PAGE_FILES = ("bare.html", "bare.js", "vitrine.html")
# Vitrine ÷ bare at most this (from the issue); the per-prediction round trip has no target.
TARGETS = {"cold": 1.2, "warm": 1.1}
PAGE = f"{BARE_DIR}/bare.html"
# Vitrine on the bare page's HTML, without the site's theme (the Transformers.js comparison's page, see
# bench_peer): Vitrine ÷ bare on it is what Vitrine's runtime adds alone; the themed page's ratio, the theme too.
THEMELESS_PAGE = f"{BARE_DIR}/vitrine.html"
FIRST = "(a) => bare.first(a)"
LAST = "() => bare.last()"
RUNS = "(a) => bare.runs(a)"
DESCRIPTION = ("a page with no theme that imports the tier's onnxruntime-web bundle from the site's vendor folder "
               "(worker/runtimes.js: same .wasm, execution providers, threads and ort.env.wasm settings as Vitrine's worker), "
               "creates a session from the same model URL (with the variant's session_options as `extra`) and runs the "
               "variant's parity-fixture inputs with `session.run` on the main thread; no worker, no manifest, no sha256 "
               "check, no Cache API")
_NUMPY = {"float32": np.float32, "float64": np.float64, "int64": np.int64, "uint64": np.uint64, "int32": np.int32,
          "uint32": np.uint32, "int16": np.int16, "uint16": np.uint16, "float16": np.float16, "int8": np.int8,
          "uint8": np.uint8, "bool": np.uint8}


def make_root(site_dir: Path) -> Path:
    """A server root whose entries are symlinks to the site's (the caller adds `_bare/` and removes the folder)."""
    root = Path(tempfile.mkdtemp(prefix="vitrine-bench-root-"))
    for child in site_dir.iterdir():
        (root / child.name).symlink_to(child.resolve(), target_is_directory=child.is_dir())
    return root


def tensor_bytes(tensors: dict[str, dict[str, Any]]) -> tuple[bytes, list[dict[str, Any]]]:
    """Fixture tensors ({name: {type, dims, data}}) as one little-endian buffer and its layout (string tensors:
    their values in the layout, as onnxruntime-web takes them)."""
    out = bytearray()
    layout = []
    for name, t in tensors.items():
        if t["type"] == "string":
            layout.append({"name": name, "type": "string", "dims": list(t["dims"]), "values": list(t["data"])})
            continue
        if t["type"] not in _NUMPY:
            raise ValueError(f"input {name}: the bare page cannot feed tensors of type {t['type']}")
        array = np.asarray(t["data"], dtype=_NUMPY[t["type"]]).astype(np.dtype(_NUMPY[t["type"]]).newbyteorder("<"), copy=False)
        if array.size != int(np.prod(t["dims"], dtype=np.int64)):
            raise ValueError(f"input {name}: {array.size} values for dims {t['dims']}")
        out += b"\0" * (-len(out) % 8)  # typed-array views need their element size's alignment
        layout.append({"name": name, "type": t["type"], "dims": list(t["dims"]), "offset": len(out), "length": int(array.size)})
        out += array.tobytes()
    return bytes(out), layout


def extra(session_options: dict[str, str] | None) -> dict[str, Any] | None:
    """A variant's session config entries as onnxruntime-web's `extra` option: "session.a_b" → {session: {a_b: …}}."""
    if not session_options:
        return None
    nested: dict[str, Any] = {}
    for key, value in session_options.items():
        *path, last = key.split(".")
        node = nested
        for part in path:
            node = node.setdefault(part, {})
        node[last] = value
    return nested


def install(root: Path, site_dir: Path, entries: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """Put the bare page and each variant's inputs under `root`/_bare; returns what the page is called with, per (model, variant)."""
    folder = root / BARE_DIR
    (folder / "feeds").mkdir(parents=True, exist_ok=True)
    for name in PAGE_FILES:
        shutil.copy(PAGES / name, folder / name)
    out = {}
    for entry in entries:
        for variant in entry["variants"]:
            fixture = json.loads((site_dir / "models" / variant["fixtures"]).read_text())
            try:
                data, layout = tensor_bytes(fixture["inputs"])
            except ValueError as err:  # this variant gets no comparison; the others do
                out[(entry["id"], variant["name"])] = {"error": str(err)}
                continue
            feeds = folder / "feeds" / entry["id"] / f"{variant['name']}.bin"
            feeds.parent.mkdir(parents=True, exist_ok=True)
            feeds.write_bytes(data)
            out[(entry["id"], variant["name"])] = {
                "modelPath": f"models/{variant['url']}",
                "feedsPath": f"{BARE_DIR}/feeds/{entry['id']}/{variant['name']}.bin",
                "layout": layout,
                "extra": extra(variant.get("session_options")),
                # a recording's rows are its frames, one input: run whole, as the native latency does
                "whole": entry["preprocessing"]["kind"] == "audio",
                "fixture": fixture,  # Python side only: the expected outputs
            }
    return out


def page_args(base: str, spec: dict[str, Any], tier: str) -> dict[str, Any]:
    return {"tier": tier, "modelUrl": base + spec["modelPath"], "feedsUrl": base + spec["feedsPath"], "layout": spec["layout"], "extra": spec["extra"]}


def http_cache(base: str, path: str) -> dict[str, Any]:
    """The cache headers the bench's server sends with a model file, and what Chromium makes of them."""
    with urllib.request.urlopen(urllib.request.Request(base + path, method="HEAD"), timeout=30) as response:
        headers = {k: response.headers.get(k) for k in ("Cache-Control", "ETag", "Last-Modified", "Expires")}
    if headers["Cache-Control"]:
        note = f"Cache-Control: {headers['Cache-Control']}"
    else:
        note = ("no Cache-Control, ETag or Expires, only Last-Modified: Chromium keeps the file fresh for a tenth of its age "
                "(heuristic freshness), after which it revalidates (If-Modified-Since → 304)")
    return {"headers": {k: v for k, v in headers.items() if v}, "note": note}


def input_digest(tensor: dict[str, Any]) -> str:
    """sha256 of a fixture tensor as the bare page feeds it: its little-endian bytes, or a string tensor's values as compact JSON."""
    if tensor["type"] == "string":
        return hashlib.sha256(json.dumps(list(tensor["data"]), separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()
    return hashlib.sha256(tensor_bytes({"t": tensor})[0]).hexdigest()


def parity(got: dict[str, Any], fixture: dict[str, Any], entry: dict[str, Any], variant: dict[str, Any]) -> dict[str, Any]:
    """What the bare page fed and got, against the parity fixture, by the runtime tests' rule (tests/js/runtime.test.js):
    int64 outputs exact, the first output within the variant's tolerance, other float outputs within 10× it
    (int8 variants: 5 % of the output's largest magnitude)."""
    inputs = {}
    for name, t in fixture["inputs"].items():
        fed = got["inputs"].get(name)
        inputs[name] = {"dims": t["dims"], "sha256": fed["sha256"] if fed else None,
                        "same": bool(fed) and fed["dims"] == list(t["dims"]) and fed["sha256"] == input_digest(t)}
    first = entry["outputs"][0]["name"]
    outputs = {}
    for name, want in fixture["outputs"].items():
        have = got["outputs"].get(name)
        if have is None or list(have["dims"]) != list(want["dims"]):
            outputs[name] = {"dims": want["dims"], "max_abs_diff": None, "limit": None, "ok": False}
            continue
        if want["type"] == "string":
            outputs[name] = {"dims": want["dims"], "max_abs_diff": None, "limit": None, "ok": list(have["data"]) == list(want["data"])}
            continue
        expected = np.asarray(want["data"], dtype=np.float64)
        diff = float(np.abs(np.asarray(have["data"], dtype=np.float64) - expected).max()) if expected.size else 0.0
        if want["type"] == "int64":
            limit = 0.0
        elif name == first or variant["precision"] != "int8":
            limit = variant["tolerance"] * (1 if name == first else 10)
        else:
            limit = 0.05 * float(np.abs(expected).max())
        outputs[name] = {"dims": want["dims"], "max_abs_diff": float(f"{diff:.3g}"), "limit": float(f"{limit:.3g}"), "ok": diff <= limit}
    ok = all(i["same"] for i in inputs.values()) and all(o["ok"] for o in outputs.values()) and set(got["outputs"]) == set(fixture["outputs"])
    return {"inputs": inputs, "outputs": outputs, "ok": ok}


def side(browser: Any, base: str, log: list[str], entry: dict[str, Any], variant: dict[str, Any], spec: dict[str, Any], tier: str,
         runs: int, warmup: int, steady: bool, check: bool) -> dict[str, Any]:
    """The bare page in a fresh profile: cold first output (then, untimed, what it fed and got when
    `check`), `runs` session.run round trips when `steady`, then a reload → warm first output."""
    if "error" in spec:
        raise ValueError(spec["error"])
    args = page_args(base, spec, tier)
    context = browser.new_context()
    bench_peer.start_on_ready(context, "bare", FIRST, args)
    out: dict[str, Any] = {}
    try:
        page = context.new_page()
        page.goto(base + PAGE)
        out["cold"] = bench_peer.first_result(page)
        if check:
            out["parity"] = parity(bench_peer._evaluate(page, LAST, None), spec["fixture"], entry, variant)
        if steady:
            out["run_ms"] = bench_peer._evaluate(page, RUNS, {"runs": runs, "warmup": warmup, "whole": spec.get("whole", False)})
        del log[:]
        page.reload()
        out["warm"] = bench_peer.first_result(page)
        out["model_requests_on_reload"] = sum(1 for p in log if p.split("?")[0] == "/" + spec["modelPath"])
    finally:
        context.close()
    return out


def model_source(first: dict[str, Any]) -> str | None:
    """Where a bare first output's model bytes came from, by resource timing: the HTTP cache, a 304 revalidation, or the network."""
    model = first.get("model")
    if not model:
        return None
    if model["transferSize"] == 0:
        return "HTTP cache"
    return "revalidated (304)" if model["transferSize"] < model["encodedBodySize"] else "downloaded"


def ratio(vitrine: float | None, bare: float | None) -> float | None:
    return round(vitrine / bare, 2) if vitrine and bare else None
