"""One fixture per kind of verdict (tests/verdicts/), all for relu_backward: each answer gets its
diagnosis as the first one, and every report renders it in words, with no traceback of ours."""
import io

import pytest
from rich.console import Console

from checker import catalog
from checker.engine import check_file
from checker.report import render_check
from conftest import VERDICTS, expected_code

FIXTURES = sorted(VERDICTS.glob("*.py"))


@pytest.fixture(scope="module")
def results():
    kata = catalog.get("relu_backward")
    return {path.stem: check_file(kata, str(path), seed=3, timeout=1.5) for path in FIXTURES}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_verdict(path, results):
    result = results[path.stem]
    code = expected_code(path)
    if code == "passed":
        assert result["passed"], result["diagnoses"]
        assert result["diagnoses"] == []
    else:
        assert not result["passed"]
        assert result["diagnoses"], "a failure always says why"
        assert result["diagnoses"][0]["code"] == code, result["diagnoses"][0]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_report_reads_as_words(path, results):
    result = results[path.stem]
    buffer = io.StringIO()
    render_check(result, Console(file=buffer, width=400, no_color=True))
    text = buffer.getvalue()
    assert "Traceback" not in text
    assert "seed 3" in text
    if not result["passed"]:
        first = result["diagnoses"][0]
        assert first["code"] in text and first["message"].split(":")[0] in text
        assert "replay: kata check relu_backward --seed 3" in text


def test_exception_points_at_the_users_line(results):
    location = results["exception"]["diagnoses"][0]["location"]
    assert location["file"].endswith("exception.py")
    assert location["code"].strip() == "return dout @ mask"


def test_syntax_error_points_at_the_line(results):
    location = results["syntax_error"]["diagnoses"][0]["location"]
    assert location["line"] == 4 and "def relu_backward" in location["code"]


def test_timeout_names_the_function_and_draw(results):
    message = results["timeout"]["diagnoses"][0]["message"]
    assert "relu_backward" in message and "1.5 s" in message


def test_printed_output_is_kept_for_the_report(results):
    assert "shape" in results["prints_and_passes"]["output"]
    assert "to stderr" in results["prints_and_passes"]["output"]


def test_crash_says_what_happened(results):
    assert "SIGSEGV" in results["segfault"]["diagnoses"][0]["message"]
    assert results["segfault"]["diagnoses"][0]["location"]["code"].strip().startswith("return np.lib.stride_tricks")
    assert "16 MB" in results["endless_print"]["diagnoses"][0]["message"]
    assert "sys.exit(1)" in results["sys_exit"]["diagnoses"][0]["message"]


def test_swapped_parameters_are_pointed_out(results):
    first = results["swapped_parameters"]["diagnoses"][0]
    assert "Your parameters are (x, dout)" in first["explanation"]
    assert "parameters" not in results["passed"]["diagnoses"]
