"""The runtime as the site serves it: esbuild bundles of js_runtime/main.js (+ vitrine.js, split into
shared and lazy chunks) and worker/worker.js, minified, with source maps that read as the repository's
modules; deterministic; rebuilt by the dev server when a runtime file changes; clear errors.

What a browser loads from them (few files, lazy widgets, a working demo) is in
tests/browser/test_bundle_loading.py.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from builder import assets
from builder.errors import VitrineError

from ..conftest import REPO, BuiltSite, write_site_config
from .test_authoring_loop import dev_server, get, wait_for

CHUNK = re.compile(r"^[\w.]+-[A-Z0-9]{8}\.js$")


def repo_sources(tmp: Path | None = None) -> assets.Sources:
    """The repository's runtime (or a copy of js_runtime/ and worker/ in `tmp`) and node_modules."""
    root = tmp if tmp is not None else REPO
    return assets.Sources(output_dir=root / "exported_models", runtime_dir=root / "js_runtime",
                          worker_dir=root / "worker", node_modules=REPO / "node_modules")


def copy_runtime(tmp: Path) -> assets.Sources:
    shutil.copytree(REPO / "js_runtime", tmp / "js_runtime")
    shutil.copytree(REPO / "worker", tmp / "worker")
    return repo_sources(tmp)


@pytest.fixture(scope="module")
def bundle() -> assets.Bundle:
    return assets.bundle_runtime(repo_sources())


def bundled_files(site: Path) -> list[Path]:
    """The entry bundles and every chunk in the built site."""
    runtime = site / assets.RUNTIME
    chunks = [p for p in (runtime / "js_runtime").iterdir() if CHUNK.match(p.name)]
    return [runtime / name for name in assets.BUNDLED_ENTRIES] + sorted(chunks)


def test_site_serves_the_bundles_with_source_maps(built_site: BuiltSite, bundle: assets.Bundle) -> None:
    runtime = built_site.site / assets.RUNTIME
    served = bundled_files(built_site.site)
    assert len(served) > len(assets.BUNDLED_ENTRIES), "no split chunk next to main.js"
    assert {p.relative_to(runtime).as_posix() for p in served} | {f"{p.relative_to(runtime).as_posix()}.map" for p in served} == set(bundle.files)
    for path in served:
        name = path.relative_to(runtime).as_posix()
        text = path.read_text()
        assert text == bundle.files[name], f"{name}: the site's bundle is not what esbuild makes of the sources"
        # minified (a line break is left only inside a template literal), then the link to the map next to it
        code, link = text.rstrip("\n").rsplit("\n", 1)
        assert link == f"//# sourceMappingURL={path.name}.map", name
        assert code.count("\n") < 10, f"{name} is not minified"
        source_map = json.loads((path.parent / f"{path.name}.map").read_text())
        assert source_map["version"] == 3 and bool(source_map["mappings"]) == bool(source_map["sources"]), name
        assert len(source_map["sources"]) == len(source_map["sourcesContent"]), name
        for source, content in zip(source_map["sources"], source_map["sourcesContent"], strict=True):
            # relative to the map: <site>/js_runtime/… and <site>/worker/… — the repository's layout
            repo_path = re.fullmatch(r"\.\./\.\./((?:js_runtime|worker)/[\w.]+\.js)", source)
            assert repo_path, f"{name}: source {source!r} is not one of the repository's runtime modules"
            assert content == (REPO / repo_path.group(1)).read_text(), f"{name}: sourcesContent of {source} differs from the file"
    assert all(json.loads((runtime / f"{name}.map").read_text())["sources"] for name in ("js_runtime/main.js", "worker/worker.js"))
    # The entry points replace their source modules; the other modules are still served as they are.
    for name in assets.BUNDLED_ENTRIES:
        assert (runtime / name).read_bytes() != (REPO / name).read_bytes(), name
    assert (runtime / "worker" / "detection.js").read_bytes() == (REPO / "worker" / "detection.js").read_bytes()


def test_each_bundle_sits_where_its_entry_is_served(bundle: assets.Bundle) -> None:
    """URLs built from import.meta.url (the worker's, the site root, vendor/, ?tier=) resolve as unbundled:
    the page's entries and chunks are all in js_runtime/, the worker is one file at worker/worker.js."""
    assert {n for n in bundle.files if n.startswith("worker/")} == {"worker/worker.js", "worker/worker.js.map"}
    assert all(re.fullmatch(r"(js_runtime|worker)/[\w.-]+", n) for n in bundle.files), sorted(bundle.files)
    assert bundle.entries["js_runtime/main.js"] == "js_runtime/main.js"
    assert bundle.entries["worker/worker.js"] == "worker/worker.js"
    worker = bundle.files["worker/worker.js"]
    for url in ("../worker/worker.js", "../../"):
        assert f'"{url}"' in bundle.files["js_runtime/main.js"] + "".join(bundle.files[n] for n in bundle.preload if n in bundle.files), url
    assert "import.meta.url" in worker and "../vendor/" in worker


def test_vendored_libraries_stay_out_of_the_bundles(bundle: assets.Bundle) -> None:
    """onnxruntime-web, the tokenizer library and Chart.js are fetched by URL at run time (vendor/): no
    npm package's code is bundled, and the worker imports its runtime build with import()."""
    for name, text in bundle.files.items():
        if name.endswith(".map"):
            assert all(s.startswith(("../../js_runtime/", "../../worker/")) for s in json.loads(text)["sources"]), name
    worker = bundle.files["worker/worker.js"]
    assert len(worker) < 300_000, f"the worker bundle is {len(worker)} bytes: was onnxruntime-web bundled in?"
    assert re.search(r"\bimport\(", worker), "the worker no longer imports onnxruntime-web at run time"
    assert "tokenizers.min.mjs" in worker


def test_widgets_and_the_validator_are_lazy_chunks(bundle: assets.Bundle) -> None:
    """main.js imports only the shared runtime; each widget (and the manifest validator) is a chunk of
    its own, loaded by import() when a page needs it. The pages preload exactly main.js's static imports."""
    lazy = {source: chunk for chunk, source in bundle.entries.items() if chunk != source}
    widgets = [f"js_runtime/{name}" for name in re.findall(r"await import\('\./(demo_\w+\.js)'\)", (REPO / "js_runtime" / "main.js").read_text())]
    assert len(widgets) >= 5
    for source in [*widgets, "js_runtime/manifest_validator.js"]:
        assert source in lazy, f"{source} is not a lazy chunk"
        assert lazy[source] not in bundle.preload
    assert bundle.preload[0] == "js_runtime/main.js" and "js_runtime/site_config.js" in bundle.preload
    main = bundle.files["js_runtime/main.js"]
    for chunk in bundle.preload[1:]:
        if chunk != "js_runtime/site_config.js":
            assert CHUNK.match(Path(chunk).name), chunk
    for widget in widgets:
        assert f'import("./{Path(lazy[widget]).name}")' in main, widget


def test_pages_preload_main_and_its_static_imports(built_site: BuiltSite, bundle: assets.Bundle) -> None:
    for page, prefix in (("index.html", ""), ("gallery/penguins-species/index.html", "../../")):
        html = (built_site.site / page).read_text()
        head = html[:html.index("</head>")]
        links = re.findall(r'<link rel="modulepreload" href="([^"]+)">', head)
        assert links == [f"{prefix}{assets.RUNTIME}/{name}" for name in bundle.preload], page
        for link in links:
            assert (built_site.site / page).parent.joinpath(link).resolve().is_file(), link


def test_the_bundle_is_deterministic(tmp_path: Path, bundle: assets.Bundle) -> None:
    """Same sources, same bytes: bundled again, and from a copy elsewhere (no machine path leaks in)."""
    again = assets.bundle_runtime(repo_sources())
    assert again.files == bundle.files and again.preload == bundle.preload
    elsewhere = assets.bundle_runtime(copy_runtime(tmp_path / "elsewhere"))
    assert elsewhere.files == bundle.files
    assert str(REPO) not in "".join(bundle.files.values())


def test_a_missing_esbuild_says_run_npm_ci(tmp_path: Path) -> None:
    sources = assets.Sources(tmp_path, REPO / "js_runtime", REPO / "worker", tmp_path / "node_modules")
    with pytest.raises(VitrineError, match=r"esbuild is missing: run `npm ci`"):
        assets.bundle_runtime(sources)


def test_a_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    sources = copy_runtime(tmp_path)
    dom = sources.runtime_dir / "dom.js"
    dom.write_text(dom.read_text() + "\nexport const broken = ;\n")
    with pytest.raises(VitrineError) as caught:
        assets.bundle_runtime(sources)
    assert f'{dom}:{len(dom.read_text().splitlines())}:23: Unexpected ";"\n    export const broken = ;' in str(caught.value), str(caught.value)


def test_dev_server_rebuilds_the_bundle_when_a_runtime_file_changes(tmp_path: Path, built_models) -> None:
    """`vitrine serve` watches js_runtime/ and worker/: a saved edit is in the served bundle; a broken
    file keeps the last good bundle with the problem on every page, until it is fixed."""
    out = tmp_path / "exported_models"
    shutil.copytree(built_models[0], out)
    sources = copy_runtime(tmp_path)
    config = write_site_config(tmp_path, out)
    settings = yaml.safe_load(config.read_text())
    settings["plugins"] = [{"vitrine": {**p["vitrine"], "runtime_dir": str(sources.runtime_dir), "worker_dir": str(sources.worker_dir)}}
                           if isinstance(p, dict) and "vitrine" in p else p for p in settings["plugins"]]
    config.write_text(yaml.safe_dump(settings, sort_keys=False))
    main, engine = sources.runtime_dir / "main.js", sources.worker_dir / "engine.js"
    warning, failure = "The service worker is not available:", "The model could not be loaded"
    assert warning in main.read_text()
    with dev_server(config, tmp_path / "serve.log") as base:
        page = base + "gallery/penguins-species/"
        assert "modulepreload" in get(page) and warning in get(base + "vitrine/js_runtime/main.js")

        main.write_text(main.read_text().replace(warning, "EDITED " + warning))
        wait_for(lambda: "EDITED " + warning in get(base + "vitrine/js_runtime/main.js"), "the edit in the served bundle")
        worker_text = engine.read_text()
        engine.write_text(worker_text + "\nexport function broken( {\n")
        wait_for(lambda: "vitrine-build-problem" in get(page), "the problem banner")
        assert "worker/engine.js" in get(page) and "EDITED " + warning in get(base + "vitrine/js_runtime/main.js"), \
            "the last good bundle is still served"
        engine.write_text(worker_text)
        wait_for(lambda: "vitrine-build-problem" not in get(page), "the banner to go once the file is fixed")
