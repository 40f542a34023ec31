"""Card text made safe for pages: what an author writes is data, never markup or script.

Titles, labels, units and class names are plain text: pages escape them and place them where
Markdown never sees them (raw HTML blocks), so `{: onfocus=… }` or `[x](javascript:…)` stay text.
Descriptions are a Markdown subset (paragraphs, emphasis, links, lists, code): raw HTML is shown
as text, and the rendered HTML passes an allowlist sanitizer (nh3, the Ammonia crate) that keeps
no attributes but link targets and no URL schemes but http, https and mailto.
"""

from __future__ import annotations

import markdown
import nh3
from markupsafe import Markup

TAGS = {"p", "br", "em", "strong", "code", "pre", "a", "ul", "ol", "li", "blockquote", "hr"}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def description_html(text: str) -> Markup:
    """A card description as sanitized HTML on a single line.

    One line, so the page's own Markdown pass (which runs after this) can find no block syntax,
    fences or attribute lists in it: newlines become `&#10;`, which renders the same.
    """
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")  # raw HTML is text...
    md.inlinePatterns.deregister("html")  # ...block or inline
    html = nh3.clean(
        md.convert(text),
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(html.strip().replace("\r", "").replace("\n", "&#10;"))
