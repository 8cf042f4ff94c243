"""The trainers' page's sample class, graded by `connecteur batch` as the page says to."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from connecteur_cli import cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "docs" / "assets" / "sample-class.csv"
GOOD = {"Amina", "Daniel"}  # the sample's two careful drafts; the others have the usual flaws


def run_batch(tmp_path: Path, *options: str) -> bytes:
    out = tmp_path / "graded.csv"
    code = cli.main(["batch", str(SAMPLE), "-o", str(out), *options])
    assert code == 0
    return out.read_bytes()


def test_sample_opens_in_a_spreadsheet_with_french_columns(tmp_path: Path) -> None:
    data = run_batch(tmp_path, "--bom", "--columns-lang", "fr")
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the accents right on a double click
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 6
    header = list(rows[0])
    assert header[:3] == ["id", "type", "langue"]
    assert "niveau" in header and "remarques" in header
    assert "Politesse et registre" in header  # a criterion, by its French label
    bands = {row["id"]: row["niveau"] for row in rows}
    assert {name for name, band in bands.items() if band == "ready"} == GOOD
    assert {row["langue"] for row in rows} == {"fr", "en"}
    assert "Prêt à envoyer" in {row["libellé du niveau"] for row in rows}


def test_sample_in_english_without_bom(tmp_path: Path) -> None:
    data = run_batch(tmp_path, "--columns-lang", "en")
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert [row["id"] for row in rows] == ["Amina", "Bastien", "Chloé", "Daniel", "Emma", "Farid"]
    assert {"kind", "lang", "score", "band", "findings"} <= set(rows[0])
