"""The checker reads its data through its own loader: from the checker's zip as in the browser.

The role model, the default rubric and the catalogues are read with the importing module's
`__loader__` (zipimport in the browser's worker), not pkgutil nor importlib.resources. Here the
zip the plugin ships (sources only) is put first on `sys.path` of a fresh CPython.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mkdocs_connecteur.runtime.core import build_core

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
import checker
from checker.roles import default_model
from checker.texts import catalogue
assert checker.__file__.startswith(sys.argv[1]), checker.__file__
model = default_model()
text = "Hello Ana, could you introduce me to Marc? Thanks, Paul"
print(json.dumps({
    "file": checker.__file__,
    "features": len(model.weights),
    "rules": len(checker.default_rubric().rules),
    "fr": catalogue("fr").gettext("Needs work"),
    "report": checker.grade(text, kind="ask").to_dict(),
    "pkgutil": "pkgutil" in sys.modules,
}))
"""


def test_the_zipped_checker_reads_its_model_rubric_and_catalogues(tmp_path: Path) -> None:
    archive = tmp_path / "checker.zip"
    archive.write_bytes(build_core(ROOT / "checker", "0").data)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(archive)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    got = json.loads(done.stdout)
    assert got["file"].startswith(str(archive))
    import checker
    from checker.roles import default_model

    assert got["features"] == len(default_model().weights) > 1000
    assert got["rules"] == len(checker.default_rubric().rules)
    assert got["fr"] == "À retravailler"
    text = "Hello Ana, could you introduce me to Marc? Thanks, Paul"
    assert got["report"] == json.loads(json.dumps(checker.grade(text, kind="ask").to_dict()))
    assert got["pkgutil"] is False
