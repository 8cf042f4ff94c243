"""`connecteur new` writes the workshop's requirement from where the running Connecteur came from
(PEP 610's direct_url.json): a folder, a wheel, a repository at a commit, an index version, or,
when nothing is known, the index name and a note in the next steps saying so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from connecteur_cli import cli
from connecteur_cli.scaffold import scaffold
from connecteur_cli.scaffold.origin import Origin, from_direct_url, running_origin

REPO = Path(__file__).resolve().parents[2]


def direct_url(**fields: object) -> str:
    return json.dumps(fields)


def test_a_local_folder_editable_or_not(tmp_path: Path) -> None:
    url = tmp_path.as_uri()
    for info in ({"editable": True}, {}):
        origin = from_direct_url(direct_url(url=url, dir_info=info), "0.1.0")
        assert origin == Origin(f"connecteur[site] @ {url}", "path", str(tmp_path))


def test_a_wheel_file(tmp_path: Path) -> None:
    wheel = tmp_path / "connecteur-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"")
    info = {"hashes": {"sha256": "0" * 64}}
    origin = from_direct_url(direct_url(url=wheel.as_uri(), archive_info=info), "0.1.0")
    assert origin == Origin(f"connecteur[site] @ {wheel.as_uri()}", "wheel", str(wheel))


def test_a_remote_archive_keeps_its_url() -> None:
    url = "https://example.org/dist/connecteur-0.1.0.tar.gz"
    origin = from_direct_url(direct_url(url=url, archive_info={}), "0.1.0")
    assert origin == Origin(f"connecteur[site] @ {url}", "archive", url)


def test_a_repository_at_its_commit() -> None:
    commit = "a" * 40
    text = direct_url(
        url="https://example.org/team/connecteur.git",
        vcs_info={"vcs": "git", "commit_id": commit, "requested_revision": "main"},
    )
    origin = from_direct_url(text, "0.1.0")
    pinned = f"git+https://example.org/team/connecteur.git@{commit}"
    assert origin == Origin(f"connecteur[site] @ {pinned}", "vcs", pinned)


def test_a_subdirectory_is_kept() -> None:
    text = direct_url(
        url="https://example.org/mono.git",
        vcs_info={"vcs": "git", "commit_id": "b" * 40},
        subdirectory="py/connecteur",
    )
    assert from_direct_url(text, None).requirement.endswith("#subdirectory=py/connecteur")


def test_an_index_install_pins_its_version() -> None:
    assert from_direct_url(None, "0.3.1") == Origin("connecteur[site]==0.3.1", "index", "0.3.1")


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        json.dumps({"dir_info": {}}),  # no url
        json.dumps({"url": "file:///x", "something_else": {}}),
        json.dumps({"url": 3, "dir_info": {}}),
    ],
)
def test_what_cannot_be_read_falls_back_to_the_index_name(text: str) -> None:
    origin = from_direct_url(text, "0.1.0")
    assert (origin.requirement, origin.source) == ("connecteur[site]", "unknown")
    assert from_direct_url(None, None) == Origin("connecteur[site]", "unknown")


def test_a_folder_or_wheel_that_is_gone_falls_back_to_the_index_name(tmp_path: Path) -> None:
    gone = tmp_path / "deleted-clone"
    origin = from_direct_url(direct_url(url=gone.as_uri(), dir_info={}), "0.1.0")
    assert (origin.requirement, origin.source) == ("connecteur[site]", "unknown")


@pytest.mark.parametrize(
    "origin",
    [
        from_direct_url(direct_url(url=REPO.as_uri(), dir_info={}), "0.1.0"),
        from_direct_url(
            direct_url(url="https://e.org/c.git", vcs_info={"vcs": "git", "commit_id": "c" * 40}),
            None,
        ),
        from_direct_url(None, "0.1.0"),
        from_direct_url(None, None),
    ],
)
def test_every_requirement_is_valid_pep_508_with_the_site_extra(origin: Origin) -> None:
    requirement = Requirement(origin.requirement)
    assert (requirement.name, requirement.extras) == ("connecteur", {"site"})


def test_this_checkout_is_the_origin_of_its_editable_install() -> None:
    """The test environment installs this checkout (make setup: pip install -e)."""
    origin = running_origin()
    assert origin.source == "path"
    assert Path(origin.where).resolve() == REPO


def test_a_build_left_over_in_the_current_folder_does_not_hide_the_installation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clone's connecteur.egg-info (left by a build) comes first on the path, not first here."""
    egg = tmp_path / "connecteur.egg-info"
    egg.mkdir()
    (egg / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: connecteur\nVersion: 9.9\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    from importlib import metadata

    assert metadata.distribution("connecteur").version == "9.9"  # what a naive look-up finds
    assert running_origin().source == "path"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_workshop_installs_the_origin_and_the_next_steps_say_where(
    tmp_path: Path, lang: str
) -> None:
    wheel = tmp_path / "connecteur-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"")
    origin = from_direct_url(direct_url(url=wheel.as_uri(), archive_info={}), "0.1.0")
    message = scaffold(tmp_path / "w", lang=lang, force=False, origin=origin)
    lines = (tmp_path / "w/requirements.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == [origin.requirement]
    said = {"en": "from this file: ", "fr": "depuis ce fichier\u00a0: "}[lang]
    assert f"{said}{wheel}" in message
    makefile = (tmp_path / "w/Makefile").read_text(encoding="utf-8")
    assert "pip install -r requirements.txt" in makefile


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "Where this Connecteur was installed from is not known"),
        ("fr", "On ne sait pas d’où ce Connecteur a été installé"),
    ],
)
def test_an_unknown_origin_is_said_in_the_next_steps(tmp_path: Path, lang: str, note: str) -> None:
    message = scaffold(tmp_path / "w", lang=lang, force=False, origin=from_direct_url(None, None))
    assert note in message
    assert "connecteur[site]" in message
    lines = (tmp_path / "w/requirements.txt").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "connecteur[site]"


def test_the_command_writes_the_running_connecteur_as_the_requirement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["new", str(tmp_path / "w")]) == 0
    requirement = (tmp_path / "w/requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert requirement == running_origin().requirement
    assert str(REPO) in capsys.readouterr().out
