"""check(name, *objects): the functions of a script or a notebook cell go through the same check as
a file, in the same sandboxed child, with the report pointing back at the caller's source."""
import importlib.util
import inspect
import linecache
import os

import numpy as np
import pytest

from checker import catalog, check, check_file
from checker.notebook import NotebookResult
from checker.result import Result
from conftest import TESTS

SEED = 5
# Read by right_relu_backward: a plain constant of the caller's travels with the code.
ACTIVE_ABOVE = 0.0
# The pid of the process running the tests: the code under test must never run in it.
CALLER_PID = os.getpid()


def _active(x):
    return x > ACTIVE_ABOVE


def right_relu_backward(dout, x):
    return dout * _active(x)


def wrong_relu_backward(dout, x):
    return (x > 0).astype(float)


def raising_relu_backward(dout, x):
    mask = x > 0
    return dout @ mask


def refuses_the_caller(dout, x):
    if os.getpid() == CALLER_PID:
        raise RuntimeError("the caller's own process ran the code under test")
    return dout * (x > 0)


def _as_file(tmp_path, function) -> str:
    """The same code as a file, its function named as the kata needs."""
    helpers = inspect.getsource(_active) if function is right_relu_backward else ""
    source = inspect.getsource(function).replace(function.__name__, "relu_backward")
    path = tmp_path / "relu_backward.py"
    path.write_text(f"import numpy as np\n\nACTIVE_ABOVE = 0.0\n\n{helpers}\n\n{source}", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("function", [right_relu_backward, wrong_relu_backward], ids=["right", "wrong"])
def test_the_verdict_is_the_file_check_verdict(function, tmp_path):
    result = check("relu_backward", function, seed=SEED)
    expected = check_file("relu_backward", _as_file(tmp_path, function), seed=SEED)
    assert isinstance(result, Result) and isinstance(result, NotebookResult)
    data = result.to_json()
    assert data.keys() == expected.keys()
    assert data["passed"] == result.passed == expected["passed"] == (function is right_relu_backward)
    assert data["checks"] == expected["checks"]
    assert data["diagnoses"] == expected["diagnoses"]
    assert [d.code for d in result.diagnoses] == [d["code"] for d in expected["diagnoses"]]
    if not result.passed:
        assert result.diagnoses[0].code == "ignores_upstream"


def test_the_report_prints_and_renders_in_a_cell():
    result = check("relu_backward", right_relu_backward, seed=SEED)
    text = str(result)
    assert "✓ all 3 checks passed" in text and f"seed {SEED}" in text
    assert os.path.basename(__file__) in text.splitlines()[0]  # the caller's file, not a temporary one
    bundle = result._repr_mimebundle_()
    assert bundle["text/plain"] == text
    assert "<pre" in bundle["text/html"] and "✓ all 3 checks passed" in bundle["text/html"]
    assert "all 3 checks passed" in result.__rich__().plain


def test_the_code_runs_in_a_child_not_in_the_caller():
    result = check("relu_backward", refuses_the_caller, seed=SEED)
    assert result.passed, result.diagnoses
    assert result.isolation  # the child reported its isolation, as for a file


def test_a_fault_points_at_the_line_of_the_caller():
    result = check("relu_backward", raising_relu_backward, seed=SEED)
    diagnosis = result.diagnoses[0]
    assert diagnosis.code == "exception"
    lines, first = inspect.getsourcelines(raising_relu_backward)
    assert diagnosis.location["file"] == __file__
    assert diagnosis.location["line"] == first + 2
    assert diagnosis.location["code"].strip() == "return dout @ mask"
    assert "kata-notebook" not in str(result) and "kata-notebook" not in result.to_json()["file"]


def test_a_class_defined_in_a_cell():
    # What IPython does with a cell: its code goes into linecache under the cell's name, and what it
    # defines lives in __main__, where inspect.getsource cannot find a class.
    source = catalog.solution_path(catalog.get("micrograd")).read_text(encoding="utf-8")
    cell = "<cell In[7]>"
    linecache.cache[cell] = (len(source), None, source.splitlines(keepends=True), cell)
    namespace = {"__name__": "__main__"}
    exec(compile(source, cell, "exec"), namespace)
    try:
        result = check("micrograd", namespace["Value"], seed=SEED)
    finally:
        del linecache.cache[cell]
    assert result.passed, result.diagnoses
    assert result.file == cell


def test_a_syntax_error_in_the_source_is_shown_at_its_line(tmp_path):
    # A script edited after it was imported: its source now holds a syntax error.
    path = tmp_path / "answer.py"
    path.write_text("def relu_backward(dout, x):\n    return dout * (x > 0)\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("edited_answer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path.write_text("def relu_backward(dout, x):\n    return dout * (x > 0\n", encoding="utf-8")
    result = check("relu_backward", module.relu_backward, seed=SEED)
    diagnosis = result.diagnoses[0]
    assert not result.passed and diagnosis.code == "syntax_error"
    assert diagnosis.location["file"] == str(path) and diagnosis.location["line"] == 2


W = np.ones(3)


def uses_an_array(dout, x):
    return dout * W


@pytest.mark.parametrize("objects, words", [
    ((lambda dout, x: dout,), "`relu_backward` cannot be checked: it is a lambda"),
    ((np.tanh,), "it is a numpy.ufunc, not a function written in Python"),
    ((uses_an_array,), "uses_an_array uses `W`, a numpy.ndarray"),
], ids=["lambda", "builtin", "array global"])
def test_what_cannot_be_sent_is_said_in_words(objects, words):
    result = check("relu_backward", *objects, seed=SEED)
    assert not result.passed
    assert words in result.diagnoses[0].message
    assert "Traceback" not in str(result)


def test_a_missing_function_is_named():
    result = check("relu_backward", namespace={}, seed=SEED)
    assert not result.passed
    assert result.diagnoses[0].code == "missing_function"
    assert "no function named `relu_backward` reached the checker" in result.diagnoses[0].message


def test_without_objects_the_kata_names_are_found_where_check_is_called():
    relu_backward = right_relu_backward  # noqa: F841 (found by name in this frame)
    assert check("relu_backward", seed=SEED).passed


def test_an_unknown_kata_suggests_names():
    with pytest.raises(LookupError, match="relu_backward"):
        check("relu_backwards", right_relu_backward)


def test_a_notebook_run_headless_shows_the_verdict(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    kernelspec = pytest.importorskip("ipykernel.kernelspec")
    # A kernel of this interpreter, whatever kernels the machine has installed.
    kernelspec.install(kernel_name="kata-test", prefix=str(tmp_path))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "share" / "jupyter"))
    notebook = nbformat.read(TESTS / "notebooks" / "relu_backward.ipynb", as_version=4)
    nbclient.NotebookClient(notebook, kernel_name="kata-test", timeout=60,
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    shown = [output["data"] for cell in notebook.cells if cell.cell_type == "code"
             for output in cell.outputs if output.get("output_type") == "execute_result"]
    assert len(shown) == 2
    right, wrong = shown
    assert "✓ all 3 checks passed" in right["text/plain"] and "✓ all 3 checks passed" in right["text/html"]
    assert right["text/plain"].startswith("relu_backward · Cell In[2] · seed 0")
    assert "raised ValueError" in wrong["text/plain"] and "— exception" in wrong["text/plain"]
    assert "Cell In[4]:3" in wrong["text/plain"] and "return dout @ mask" in wrong["text/plain"]
