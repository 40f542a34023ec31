"""What Chromium loads from the bundled runtime (builder/bundle.mjs; the files themselves are checked in
tests/build/test_bundle.py): a demo page's first load fetches a handful of bundles — no source module —
each once, widgets stay lazy, and the demo predicts. Counted from the server's log, behind which a
private copy of the site runs. (Here, not in tests/build: one Playwright per test process.)"""

from __future__ import annotations

from typing import Iterator

import pytest
from playwright.sync_api import Browser

from builder import assets

from ..conftest import REPO, BuiltSite
from .conftest import QUIET_PAGE, Session, open_session
from .sitecopy import LoggedSite, logged_site_copy

pytestmark = pytest.mark.browser
PAGE = "gallery/penguins-species/"
# A page's first load, unbundled, fetched about 40 runtime modules in chains four deep (page) and three
# deep (worker). Bundled: main.js, its static chunks and site_config.js (all preloaded, in parallel:
# esbuild makes a chunk per set of entry points that share modules, so a module the widget and the page
# both import is a chunk of its own), the manifest validator, the widget and its chunks, the worker — one file.
MAX_RUNTIME_FILES = 13
LIVE = """() => {
    const d = document.querySelector('.vitrine-demo');
    return d?.dataset.state === 'ready' && d.dataset.source === 'live' && d.querySelector('.vitrine-label')?.textContent.trim() !== '';
}"""


@pytest.fixture(scope="module")
def site(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoggedSite]:
    with logged_site_copy(built_site.site, tmp_path_factory.mktemp("bundle") / "site") as logged:
        yield logged


@pytest.fixture(scope="module")
def bundle() -> assets.Bundle:
    """What esbuild makes of the repository's runtime (the site serves exactly this: test_bundle.py)."""
    return assets.bundle_runtime(assets.Sources(REPO / "exported_models", REPO / "js_runtime", REPO / "worker", REPO / "node_modules"))


@pytest.fixture
def fresh(browser: Browser, site: LoggedSite) -> Iterator[Session]:
    """A fresh profile (empty HTTP cache), service worker kept out (it reloads a demo page once)."""
    s = open_session(browser, site.url, service_workers="block")
    site.log.clear()
    yield s
    s.context.close()


def runtime_requests(site: LoggedSite) -> list[str]:
    """Paths under vitrine/js_runtime/ and vitrine/worker/ the server served, query dropped, in order."""
    prefix = f"/{assets.RUNTIME}/"
    paths = [p.split("?")[0] for p in site.log]
    return [p[len(prefix):] for p in paths if p.startswith((prefix + "js_runtime/", prefix + "worker/")) and p.endswith(".js")]


def test_a_demo_page_loads_a_few_bundles_and_predicts(fresh: Session, site: LoggedSite, bundle: assets.Bundle) -> None:
    s = fresh
    s.page.goto(site.url + PAGE)
    s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
    s.page.wait_for_function(LIVE, timeout=60_000)
    requested = runtime_requests(site)
    served = set(bundle.files) | {"js_runtime/site_config.js"}
    assert [p for p in requested if p not in served] == [], "a source module was fetched instead of a bundle"
    assert sorted(requested) == sorted(set(requested)), f"a file was fetched twice (preload and import?): {requested}"
    assert len(requested) <= MAX_RUNTIME_FILES, " ".join(requested)
    assert [p for p in requested if p.startswith("worker/")] == ["worker/worker.js"], "the worker is one file"
    assert set(bundle.preload) <= set(requested)
    assert s.errors == [] and s.foreign_requests() == []


def test_widgets_stay_lazy(fresh: Session, site: LoggedSite, bundle: assets.Bundle) -> None:
    """A page without a demo loads main.js's static imports only (what its modulepreload links name); a
    demo page adds its own widget's chunk and no other widget's."""
    s = fresh
    widgets = {source: chunk for chunk, source in bundle.entries.items() if source.startswith("js_runtime/demo_") and chunk != source}
    s.page.goto(site.url + QUIET_PAGE)
    s.page.wait_for_function("() => window.vitrine !== undefined")
    s.page.wait_for_timeout(500)  # time for a (wrong) lazy import or worker start to show up
    assert sorted(runtime_requests(site)) == sorted(bundle.preload)

    site.log.clear()
    s.page.goto(site.url + PAGE)
    s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
    s.page.wait_for_function(LIVE, timeout=60_000)
    requested = runtime_requests(site)
    assert widgets["js_runtime/demo_tabular.js"] in requested
    assert [w for w in widgets.values() if w in requested] == [widgets["js_runtime/demo_tabular.js"]], requested
    assert s.errors == []


def test_the_documented_module_entry_is_the_page_runtime(fresh: Session, site: LoggedSite) -> None:
    """`import * as vitrine from "<site>/vitrine/js_runtime/vitrine.js"` (site_src/api.md) gets the same
    module instance the page's main.js runs (shared chunks), so both share one manifest and worker."""
    s = fresh
    s.page.goto(site.url)
    s.page.wait_for_function("() => window.vitrine !== undefined")
    same = s.page.evaluate("""async (url) => {
        const api = await import(url);
        const m = await api.load('penguins-species');
        const label = (await m.predict(await api.manifest().then((x) => x.models.find((e) => e.id === 'penguins-species').examples[0].input))).label;
        return {same: api.load === window.vitrine.load && api.manifest === window.vitrine.manifest, label};
    }""", site.url + f"{assets.RUNTIME}/js_runtime/vitrine.js")
    assert same["same"] is True and same["label"], same
    assert s.errors == []
