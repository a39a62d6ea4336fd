"""The Python API gives the CLI's output byte for byte on every file of ../shared/corpus."""

import pytest

import logscrub
from conftest import CORPUS, run_cli

FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file()) if CORPUS.is_dir() else []


@pytest.fixture(scope="module")
def scrubber():
    return logscrub.Scrubber()


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_sanitize_file_equals_the_cli(path, cli, scrubber, tmp_path):
    out = tmp_path / "out"
    r = run_cli(cli, [path])
    if r.returncode == 1:  # the CLI's leak check refused: so must we
        with pytest.raises(logscrub.LeakError):
            scrubber.sanitize_file(path, out)
        assert not out.exists()
        return
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    scrubber.sanitize_file(path, out)
    assert out.read_bytes() == r.stdout


def test_corpus_has_files(corpus):
    assert len(FILES) > 100
