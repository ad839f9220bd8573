"""RIS pages (ALLRIS, SessionNet, SD.NET) saved as HTML: protocol text, Gremium and meeting date.

The bytes are decoded here, not by selectolax: RIS pages are often Windows-1252 and lexbor
reads undeclared bytes as UTF-8. Order: BOM, then ``<meta charset>`` / http-equiv in the first
4 KiB, then strict UTF-8, then Windows-1252 (which is also what browsers use for "ISO-8859-1").
"""

from __future__ import annotations

import codecs
import itertools
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from core.errors import InputError
from readers.document import Extracted
from readers.html_text import render
from readers.meta import label_pairs, meeting_context

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# WHATWG: these labels mean windows-1252 in every browser, and RIS pages rely on it (€, „ “).
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"}
_DROP_TAGS = (
    "script, style, noscript, template, svg, iframe, object, embed, head, select, button, input, "
    "textarea, nav, header, footer, aside, menu, [role=navigation], [role=banner], "
    "[role=contentinfo], [role=search], [hidden], [aria-hidden=true]"
)
# Class or id tokens of navigation furniture in RIS themes and CMS frames.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navi|navigation|menu|menue|breadcrumbs?|footer|header|sidebar|skip|skiplinks?"
    r"|toolbar|pager|cookie|banner|search|suche|service|metanav|topnav|quicklinks?)(?:$|[\s_-])",
    re.IGNORECASE,
)
_FURNITURE_MAX_SHARE = 0.4  # never drop an element holding most of the page's text, whatever its class
# Known RIS content areas, most specific first; a generic descent finds the rest.
_CONTENT_SELECTORS = (
    ".docPart",
    "#allriscontainer",
    ".smc-content",
    "#smc_page_content",
    "[id^='smc_page']",
    "main",
    "[role=main]",
    "article",
    "#content",
    "#inhalt",
    ".content",
)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_MIN_CONTENT_LETTERS = 40
_DESCEND_SHARE = 0.75  # a child holding this share of its parent's text is the better content block


def decode_html(data: bytes, name: str) -> str:
    """Bytes → str following BOM, declared charset, UTF-8, Windows-1252 (see module docstring)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: keine HTML-Datei (Binärdaten)")
    declared = _declared_encoding(data[:4096])
    if declared and declared != "utf-8":
        return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Pages that declare UTF-8 but were saved as Windows-1252 exist too; their umlauts are
        # invalid UTF-8, so the same fallback applies.
        return data.decode("cp1252", errors="replace")


def _declared_encoding(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", errors="ignore").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _cells(row: LexborNode) -> list[str]:
    return [" ".join((cell.text() or "").split()) for cell in row.iter() if cell.tag in ("td", "th")]


def _grunddaten_pairs(root: LexborNode) -> list[tuple[str, str]]:
    """(label, value) from table rows, dt/dd lists and "Label: value" lines anywhere on the page."""
    pairs: list[tuple[str, str]] = []
    for row in root.css("tr"):
        cells = _cells(row)
        pairs.extend(itertools.pairwise(cells))
    for term in root.css("dt"):
        sibling = term.next
        while sibling is not None and not sibling.is_element_node:
            sibling = sibling.next
        if sibling is not None and sibling.tag == "dd":
            pairs.append((term.text() or "", sibling.text() or ""))
    pairs.extend(label_pairs(render(root).split("\n")))
    return pairs


def _letters(node: LexborNode) -> int:
    return sum(ch.isalpha() for ch in node.text() or "")


def _drop_furniture(root: LexborNode) -> None:
    for node in root.css(_DROP_TAGS):
        node.decompose()
    total = max(1, _letters(root))
    for node in root.css("[class], [id], [style]"):
        if node.parent is None:  # already removed with an ancestor
            continue
        attributes = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        style = (node.attributes.get("style") or "").replace(" ", "").lower()
        if "display:none" in style or (
            _FURNITURE.search(attributes) and _letters(node) < _FURNITURE_MAX_SHARE * total
        ):
            node.decompose()


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    # Selectors like [id^=smc_page] match nested containers; render each area once.
    ids = {node.mem_id for node in nodes}
    result = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in ids:
            parent = parent.parent
        if parent is None:
            result.append(node)
    return result


def _largest_block(node: LexborNode) -> LexborNode:
    """Descend while one child holds most of the text: sidebars and leftovers fall away."""
    while True:
        total = _letters(node)
        best = max(node.iter(), key=_letters, default=None)
        if best is None or total == 0 or _letters(best) < _DESCEND_SHARE * total:
            return node
        node = best


def _content_text(root: LexborNode) -> str:
    for selector in _CONTENT_SELECTORS:
        nodes = _outermost(root.css(selector))
        text = "\n\n".join(part for part in (render(node) for node in nodes) if part)
        if sum(ch.isalpha() for ch in text) >= _MIN_CONTENT_LETTERS:
            return text
    return render(_largest_block(root))


def _title(tree: LexborHTMLParser, root: LexborNode) -> str | None:
    # The first heading left after clean-up names the agenda item; <title> is often just the RIS name.
    for node in (root.css_first("h1"), tree.css_first("title")):
        if node is not None and (text := " ".join((node.text() or "").split())):
            return text
    return None


def read_html(data: bytes, name: str) -> Extracted:
    """Protocol text of a RIS page plus Gremium and meeting date from its Grunddaten block.

    Raises InputError naming ``name`` for empty, binary or text-free pages.
    """
    if not data.strip():
        raise InputError(f"{name}: Datei ist leer")
    tree = LexborHTMLParser(decode_html(data, name))
    root = tree.body or tree.root
    if root is None:
        raise InputError(f"{name}: enthält keinen Text")
    for node in root.css("script, style, template"):
        node.decompose()
    meeting_date, body = meeting_context(_grunddaten_pairs(root), weak_labels=True)
    _drop_furniture(root)
    title = _title(tree, root)
    text = _content_text(root)
    if not any(ch.isalnum() for ch in text):
        raise InputError(f"{name}: enthält keinen Text")
    return Extracted(text=text, meeting_date=meeting_date, body=body, title=title)
