"""model/reliability.py: the calibration table soft gates rely on (predicted vs observed)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "model"))
import reliability  # noqa: E402


def test_a_calibrated_role_has_no_calibration_error_and_a_skewed_one_has() -> None:
    # Eight sentences at 0.25, two of which do the role: calibrated in that bin.
    probs = [0.25] * 8 + [0.95] * 4 + [0.01] * 8
    calibrated = [True, True] + [False] * 6 + [True] * 4 + [False] * 8
    lines, brier, ece, mid = reliability.table("purpose", probs, calibrated)
    assert len(lines) == 3 and "n=    8  predicted 0.25  observed 0.25" in lines[1]
    assert abs(mid) < 1e-9
    assert abs(ece - (4 / 20) * 0.05 - (8 / 20) * 0.01) < 1e-9
    assert 0 < brier < 0.25
    # Every sentence at 0.25 does the role: the model is under-confident there.
    lines, _, ece2, mid2 = reliability.table("purpose", probs, [True] * 12 + [False] * 8)
    assert "observed 1.00" in lines[1] and abs(mid2 - 0.75) < 1e-9 and ece2 > ece


def test_the_script_reads_the_shipped_model_on_held_out_sentences(capsys) -> None:
    assert reliability.main(["--roles", "purpose"]) == 0
    out = capsys.readouterr().out
    assert "held-out sentences" in out and "purpose: threshold" in out and "ECE" in out
    assert reliability.main(["--roles", "nonsense"]) == 2
