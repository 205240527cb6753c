"""Hostile submissions against the sandboxed pipeline, through `grade` and through `grade-class`: each
is graded correctly and harms nothing."""
import socket
import threading
import uuid

import nbformat
import psutil
import pytest

from autograder.assignments import REPO_ROOT, get_assignment
from autograder.classroom import grade_class
from autograder.grading import grade as grade_one
from autograder.sandbox.process import Limits
from tests.support import fill

pytestmark = pytest.mark.xdist_group("hostile")

ASSIGNMENT = "c1w2_python_basics"
FAST = Limits(cell_seconds=10, call_seconds=10, total_seconds=120, memory_bytes=2 * 2**30)
WRONG_SOFTMAX = "def softmax(x):\n    return np.exp(x)"  # forgets to normalise


def grade(tmp_path, answers=None, notebook=None, limits=FAST):
    path = tmp_path / f"{uuid.uuid4().hex}.ipynb"
    nbformat.write(notebook or fill(ASSIGNMENT, answers), path)
    return grade_one(path, get_assignment(ASSIGNMENT), limits)


def passed(result):
    return {t["function"]: t["passed"] for t in result["tests"]}


def message(result, function):
    return next(t["message"] for t in result["tests"] if t["function"] == function)


def only_failing(result, *functions):
    """Every test passes except those of ``functions``."""
    verdicts = passed(result)
    return {f for f, ok in verdicts.items() if not ok} == set(functions)


def tampered_notebook():
    """Edited grade cells that claim 100 points, and deleted ones, around a wrong softmax."""
    notebook = fill(ASSIGNMENT, {"softmax": WRONG_SOFTMAX})
    grade_cells = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade")]
    for cell in grade_cells[:4]:
        cell.source = "print('All tests passed.')"
        cell.metadata.nbgrader["points"] = 100
    notebook.cells = [c for c in notebook.cells if c not in grade_cells[4:]]
    return notebook


FORGERIES = [
    "np.allclose = lambda *a, **k: True\nnp.isclose = lambda *a, **k: np.True_\nnp.array_equal = lambda *a, **k: True",
    "import helpers.checks\nhelpers.checks.describe_difference = lambda *a, **k: None",
    "get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])",
    "print('\\x1b[32mAll tests passed.\\x1b[0m')\nprint('softmax: 4 hidden checks passed.')",
    "import sys, types\nfake = types.ModuleType('autograder')\nfake.hidden = types.SimpleNamespace("
    "run_hidden_test=lambda *a, **k: print('passed'))\nsys.modules['autograder'] = fake\n"
    "sys.modules['autograder.hidden'] = fake.hidden",
    "class Always:\n    def __eq__(self, other):\n        return True\n    shape = (2, 5)\n"
    "def softmax(x):\n    return Always()",
    "import autograder.sandbox.wire as wire\nwire.encode = lambda *a, **k: None",
]

# name: (the notebook, what its grade must satisfy). Each is graded alone and in one class.
CASES = {
    "loop-in-function": (lambda: fill(ASSIGNMENT, {"L2": "def L2(yhat, y):\n    while True:\n        pass"}),
                         lambda r: only_failing(r, "L2") and "timed out" in message(r, "L2")),
    "loop-at-definition": (lambda: fill(ASSIGNMENT, {"L1": "while True:\n    pass\n"
                                                           "def L1(yhat, y):\n    return np.sum(np.abs(y - yhat))"}),
                           lambda r: only_failing(r, "L1") and r["skipped_cells"]),
    "exit-in-cell": (lambda: fill(ASSIGNMENT, {"softmax": "import os\nos._exit(3)\ndef softmax(x):\n    return x"}),
                     lambda r: only_failing(r, "softmax")),
    "exit-in-function": (lambda: fill(ASSIGNMENT, {"softmax": "def softmax(x):\n    import os\n    os._exit(3)"}),
                         lambda r: only_failing(r, "softmax")),
    **{f"forgery-{index}": (lambda code=code: fill(ASSIGNMENT, {"softmax": code if "def softmax" in code
                                                                else f"{WRONG_SOFTMAX}\n{code}"}),
                            lambda r: not passed(r)["softmax"])
       for index, code in enumerate(FORGERIES)},
    "memory-hog-and-flood": (lambda: fill(ASSIGNMENT, {
        "L1": "def L1(yhat, y):\n    return np.sum(np.abs(y - yhat))\nbig = bytearray(8 * 2**30)",
        "L2": "def L2(yhat, y):\n    return np.sum((y - yhat) ** 2)\nfor _ in range(300):\n    print('x' * 1_000_000)"}),
                             lambda r: r["score"] == r["max_score"]),
    "tampered-grade-cells": (tampered_notebook,
                             lambda r: r["max_score"] == 8 and r["score"] == 7 and only_failing(r, "softmax")),
    "imported-answer": (lambda: fill(ASSIGNMENT, {"sigmoid": "from helpers.activations import sigmoid"}),
                        lambda r: only_failing(r, "sigmoid")  # sigmoid_derivative runs with the reference sigmoid
                        and "outside the notebook" in message(r, "sigmoid")),
}


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_submission_graded_alone_loses_only_its_own_points(tmp_path, case):
    """Infinite loops, exits, forged verdicts, memory hogs, output floods, tampered grade cells, imported
    answers: does `grade` give each exactly the points its honest parts earn?"""
    notebook, verdict = CASES[case]
    result = grade(tmp_path, notebook=notebook())
    assert verdict(result), result["tests"]


def test_a_class_of_hostile_submissions_gets_the_same_verdicts(tmp_path):
    """Graded together by `grade-class` on two workers, does each hostile submission get the verdict it
    gets alone?"""
    folder = tmp_path / "class"
    folder.mkdir()
    for case, (notebook, _) in CASES.items():
        nbformat.write(notebook(), folder / f"{case}.ipynb")
    entries = grade_class(folder, get_assignment(ASSIGNMENT), workers=2, limits=FAST, state_path=tmp_path / "j.jsonl",
                          db_url=f"sqlite:///{tmp_path / 'gradebook.db'}", progress=False)
    results = {entry["student"]: entry["result"] for entry in entries}
    assert set(results) == set(CASES)
    for case, (_, verdict) in CASES.items():
        assert verdict(results[case]), (case, results[case]["tests"])


def test_the_reference_cannot_be_read_from_disk(tmp_path):
    """Does a function that copies the reference from the instructor's files fail in the sandbox?"""
    source = get_assignment(ASSIGNMENT).text_source
    code = (f"def softmax(x):\n    namespace = {{}}\n    text = open({str(source)!r}).read()\n"
            "    start = text.index('# GRADED FUNCTION: softmax')\n"
            "    exec(text[start:text.index('# %%', start)], globals(), namespace)\n    return namespace['softmax'](x)")
    assert source.exists()
    result = grade(tmp_path, {"softmax": code})
    assert passed(result)["softmax"] is False and "FileNotFoundError" in result["tests"][5]["message"]
    code = "def softmax(x):\n    from autograder.reference import reference_namespace\n" \
           f"    return reference_namespace({ASSIGNMENT!r})['softmax'](x)"
    assert passed(grade(tmp_path, {"softmax": code}))["softmax"] is False


def test_writes_outside_scratch_and_orphan_processes_leave_no_trace(tmp_path):
    """Do writes into the project or the grader's folders fail, and processes started with setsid end too?"""
    token = uuid.uuid4().hex
    readme = (REPO_ROOT / "README.md").read_bytes()
    targets = [REPO_ROOT / "README.md", REPO_ROOT / "helpers" / f"{token}.py", tmp_path / token]
    code = (f"import subprocess, pathlib\n"
            f"for target in {[str(t) for t in targets]!r}:\n"
            f"    try:\n        pathlib.Path(target).write_text('pwned')\n    except OSError:\n        pass\n"
            f"subprocess.Popen(['setsid', 'sh', '-c', 'sleep 300 # {token}'])\n"
            f"subprocess.Popen(['sh', '-c', 'sleep 301 # {token}'], start_new_session=True)\n"
            "def L1(yhat, y):\n    return np.sum(np.abs(y - yhat))")
    result = grade(tmp_path, {"L1": code})
    assert result["score"] == result["max_score"]
    assert (REPO_ROOT / "README.md").read_bytes() == readme
    assert not targets[1].exists() and not targets[2].exists()
    survivors = [p for p in psutil.process_iter(["cmdline"]) if token in " ".join(p.info["cmdline"] or [])]
    assert survivors == []


def test_no_network_connection_leaves_the_sandbox(tmp_path):
    """Does a connection attempt to a server on the grader's loopback never arrive?"""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.5)
    port = server.getsockname()[1]
    accepted = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                accepted.append(server.accept())
            except OSError:
                continue

    thread = threading.Thread(target=accept)
    thread.start()
    code = (f"import socket\ntry:\n    socket.create_connection(('127.0.0.1', {port}), timeout=2).sendall(b'leak')\n"
            "except OSError:\n    pass\ndef L2(yhat, y):\n    return np.sum((y - yhat) ** 2)")
    try:
        result = grade(tmp_path, {"L2": code})
    finally:
        stop.set()
        thread.join()
        server.close()
    assert accepted == [] and result["score"] == result["max_score"]


def test_the_same_submission_gets_the_same_score_ten_times(tmp_path):
    """With fresh random inputs at every grading, is the score of a mixed submission stable?"""
    notebook = fill(ASSIGNMENT, {"softmax": WRONG_SOFTMAX, "L1": "def L1(yhat, y):\n    return np.sum(y - yhat)"})
    scores = {grade(tmp_path, notebook=notebook)["score"] for _ in range(10)}
    assert scores == {6.0}


def test_the_sandbox_runs_a_notebook_as_nbgrader_autograde_does(tmp_path):
    """Is NBGRADER_EXECUTION=autograde set inside the sandbox, as nbgrader sets it for its kernel, so
    that helpers skip what only a live frontend needs (widgets training every setting ahead)?"""
    code = ("import os\ndef softmax(x):\n    x_exp = np.exp(x)\n    s = x_exp / np.sum(x_exp, axis=1, keepdims=True)\n"
            "    return s if os.environ.get('NBGRADER_EXECUTION') == 'autograde' else x")
    assert only_failing(grade(tmp_path, {"softmax": code}))


def test_a_python_environment_under_tmp_stays_visible_in_the_sandbox(tmp_path, monkeypatch):
    """The sandbox gets an empty /tmp; does a checkout (and its .venv) inside /tmp get bound back over it?"""
    import sys

    from autograder.sandbox.process import sandbox_command

    monkeypatch.setattr(sys, "prefix", "/tmp/checkout/.venv")
    command = sandbox_command(tmp_path, FAST)
    empty_tmp = next(i for i in range(len(command) - 1) if command[i:i + 2] == ["--tmpfs", "/tmp"])
    bind = ["--ro-bind", "/tmp/checkout/.venv", "/tmp/checkout/.venv"]
    assert any(command[i:i + 3] == bind for i in range(empty_tmp, len(command) - 2)), command
