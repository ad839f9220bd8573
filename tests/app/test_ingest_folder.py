"""A clerk points ``ingest`` at a folder of mixed minutes: every format is read with its meeting."""

from __future__ import annotations

import json
from pathlib import Path

from tests.app.conftest import CliFn, snapshot_db
from tests.readers.conftest import ALLRIS_PAGE, make_docx, make_paged_pdf, make_scanned_pdf

TXT = """Niederschrift über die Sitzung des Schulausschusses

Sitzung am 21.09.2023

Herr Brückner teilt mit, dass die Schulentwicklungsplanung bis zum 31.03.2024 fortgeschrieben wird.
"""


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "niederschriften"
    (folder / "2023").mkdir(parents=True)
    (folder / "schule.txt").write_bytes(TXT.encode("cp1252"))
    (folder / "2023" / "sozial.pdf").write_bytes(make_paged_pdf(title="Niederschrift Sozialausschuss 14.09.2023"))
    (folder / "2023" / "kultur.docx").write_bytes(make_docx())
    (folder / "auszug.html").write_bytes(ALLRIS_PAGE.encode("cp1252"))
    (folder / "notizen.odt").write_bytes(b"ignored: not a supported suffix")
    return folder


def test_a_mixed_folder_ingests_every_format_with_its_meeting_date(cli: CliFn, tmp_path: Path) -> None:
    result = cli("ingest", str(_folder(tmp_path)), "--json", "--now", "2023-10-01T09:00")
    assert result.exit_code == 0, result.stderr
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)}
    assert set(files) == {"schule.txt", "sozial.pdf", "kultur.docx", "auszug.html"}
    assert {name: f["outcome"] for name, f in files.items()} == dict.fromkeys(files, "new")
    assert files["schule.txt"]["meeting_date"] == "2023-09-21"
    assert files["sozial.pdf"]["meeting_date"] == "2023-09-14"
    assert files["kultur.docx"]["meeting_date"] == "2023-09-12"
    assert files["auszug.html"]["meeting_date"] == "2023-08-31"
    assert files["kultur.docx"]["body"] == "Kulturausschuss"
    assert files["auszug.html"]["body"] == "Ausschuss für Soziales und Gesundheit"
    assert files["schule.txt"]["commitments"] >= 1 and files["auszug.html"]["commitments"] >= 1


def test_quotes_from_a_pdf_carry_their_page(cli: CliFn, tmp_path: Path) -> None:
    cli("ingest", str(_folder(tmp_path)), "--now", "2023-10-01T09:00")
    items = json.loads(cli("list", "--json", "--now", "2023-10-01T09:00").stdout)
    pdf_pages = {item["page"] for item in items if str(item["source"]).endswith(".pdf")}
    assert pdf_pages and pdf_pages <= {1, 2, 3}
    assert all(item["page"] is None for item in items if str(item["source"]).endswith(".txt"))


def test_scanned_and_corrupt_pdfs_fail_clearly_and_store_nothing(cli: CliFn, tmp_path: Path, db_url: str) -> None:
    cli("list")
    before = snapshot_db(db_url)
    bad = tmp_path / "schlecht"
    bad.mkdir()
    (bad / "scan.pdf").write_bytes(make_scanned_pdf())
    (bad / "kaputt.pdf").write_bytes(make_paged_pdf()[:300])
    result = cli("ingest", str(bad), "--json")
    assert result.exit_code == 1
    reasons = {Path(f["path"]).name: f["reason"] for f in json.loads(result.stdout)}
    assert "kein Textlayer — bitte OCR durchführen" in reasons["scan.pdf"]
    assert "beschädigt" in reasons["kaputt.pdf"]
    assert "scan.pdf" in result.stderr and "kaputt.pdf" in result.stderr
    assert snapshot_db(db_url) == before
