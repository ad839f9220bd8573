import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from readers.cleanup import dehyphenate, is_page_number, join_pages, normalise_chars, strip_running_lines
from readers.document import ReadDocument
from readers.html_text import render


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Verwal-\ntung", "Verwaltung"),
        ("Kreis-\nund Landesstraßen", "Kreis-\nund Landesstraßen"),
        ("Haupt-\noder Nebenstraße", "Haupt-\noder Nebenstraße"),
        ("Kita-\nGebühren", "Kita-Gebühren"),
        ("Punkte:\n- Haushalt", "Punkte:\n- Haushalt"),
        ("2023-\n2024", "2023-\n2024"),
    ],
)
def test_it_dehyphenates_only_words_split_at_line_ends(raw: str, expected: str) -> None:
    assert dehyphenate(raw) == expected


def test_it_turns_pdfium_hyphen_markers_soft_hyphens_and_crlf_into_plain_text() -> None:
    raw = "Verwal\ufffetung und Sitzungs\x02\r\nprotokoll, Bür\xadger\r\nEnde\xa0ﬁnal"
    assert dehyphenate(normalise_chars(raw)) == "Verwaltung und Sitzungsprotokoll, Bürger\nEnde final"


@pytest.mark.parametrize("line", ["Seite 2 von 5", "- 3 -", "– 12 –", "7", "2/5", " S. 4 "])
def test_it_recognises_page_number_lines(line: str) -> None:
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["TOP 3", "Seite 2 der Vorlage", "2023", "Der Rat beschließt."])
def test_it_does_not_take_content_for_page_numbers(line: str) -> None:
    assert not is_page_number(line)


def test_it_keeps_a_line_that_repeats_only_inside_the_page_body() -> None:
    body = "Kopf {n}\nA{w}\nB{w}\nC{w}\nDer Ausschuss stimmt zu.\nD{w}\nE{w}\nF{w}\nFuß"
    pages = [body.format(n=n, w=w) + f"\nSeite {n}" for n, w in enumerate(["x", "y", "z"], start=1)]
    cleaned = strip_running_lines(pages)
    assert [page.split("\n")[0] for page in cleaned] == ["Ax", "Ay", "Az"]
    assert all("Der Ausschuss stimmt zu." in page for page in cleaned)
    assert all(not page.rstrip().endswith(("Fuß", "Seite 1", "Seite 2", "Seite 3")) for page in cleaned)


def test_it_joins_pages_with_a_blank_line_and_records_their_starts() -> None:
    text, starts = join_pages(["Erste Seite.", "", "Dritte Seite."])
    assert text == "Erste Seite.\n\nDritte Seite."
    assert starts == (0, 12, 14)  # an empty page owns only the separator


@given(st.lists(st.text(alphabet="abc -.\n", max_size=30), min_size=1, max_size=6))
@example(pages=["a-", "", "a"])  # an empty page between a hyphen and the word's end
def test_every_page_start_points_into_the_joined_text(pages: list[str]) -> None:
    text, starts = join_pages(pages)
    assert len(starts) == len(pages)
    assert list(starts) == sorted(starts)
    assert all(0 <= start <= len(text) for start in starts)
    doc = ReadDocument("x", "0", text, starts, None, None, None, "pdf")
    assert all(doc.page_of(offset) is not None for offset in range(len(text) + 1))


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200))
def test_html_rendering_never_fails_and_never_leaves_double_spaces(fragment: str) -> None:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(f"<div><p>{fragment}</p><p>Ende</p></div>")
    text = render(tree.body) if tree.body is not None else ""
    assert "  " not in text
    assert text == text.strip()
