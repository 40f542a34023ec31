"""The site's Content Security Policy, as a `<meta http-equiv>` in every page (GitHub Pages cannot send
headers). Everything the site loads is its own: scripts only from the site and the page's own inline
scripts (mkdocs-material's, each allowed by its sha256, never 'unsafe-inline'), no eval, requests only
to the site's origin, no plugins, no frames.

What onnxruntime-web needs is `'wasm-unsafe-eval'` in script-src, where the WebAssembly is compiled.
That is the inference worker, and a worker's policy comes from its own script's response headers, not
from the page: a host that sends a CSP header must allow it for the worker scripts (the page itself
compiles no WebAssembly; it keeps it so that a page policy sent as a header works unchanged).
Inline styles stay allowed: mkdocs-material and the demos set style attributes (bar widths, colours).
"""

from __future__ import annotations

import base64
import hashlib
import re

# An inline script that runs (not `type="application/json"` data such as mkdocs-material's __config).
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/json\")[^>]*>(.*?)</script>", re.S | re.I)
_HEAD = re.compile(r"<head[^>]*>(\s*<meta charset=[^>]*>)?", re.I)

DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self' 'wasm-unsafe-eval'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",  # material's icons as data: URLs; a dropped photo's preview
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "media-src": "'self' blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def policy(html: str) -> str:
    """The policy for one page: DIRECTIVES, with the sha256 of each of the page's inline scripts."""
    hashes = [f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'" for body in _INLINE_SCRIPT.findall(html)]
    directives = dict(DIRECTIVES, **{"script-src": " ".join([DIRECTIVES["script-src"], *dict.fromkeys(hashes)])})
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def add_meta(html: str) -> str:
    """`html` with its policy as the first thing in <head> after the charset (a policy applies only to
    what follows it); unchanged if it has no <head>."""
    head = _HEAD.search(html)
    if head is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html[:head.end()] + meta + html[head.end():]
