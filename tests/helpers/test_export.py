"""Tests of helpers.export: one offline HTML page per notebook, with its widgets' state."""
import hashlib
import json
import re
import subprocess
import sys

import nbformat
import pytest

from helpers import export

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def widget_notebook(tmp_path_factory):
    """A small notebook with math, a plot and a slider widget, on disk."""
    path = tmp_path_factory.mktemp("export") / "small.ipynb"
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# A small notebook\n\nThe cost is $J = \\frac{1}{m}\\sum_i L_i$."),
        nbformat.v4.new_code_cell("import ipywidgets as widgets\n"
                                  "slider = widgets.IntSlider(value=7, min=0, max=10, description='size')\n"
                                  "out = widgets.Output()\n"
                                  "with out:\n    print('drawn at size', slider.value)\n"
                                  "widgets.VBox([slider, out])"),
    ])
    nbformat.write(notebook, path)
    return path


@pytest.fixture(scope="module")
def exported(widget_notebook):
    """The small notebook, executed and exported: (html text, executed notebook)."""
    notebook = nbformat.read(widget_notebook, as_version=4)
    export.execute(notebook, cwd=widget_notebook.parent, kernel_name="python3", timeout=120)
    return export.to_html(notebook), notebook


def test_vendored_renderer_is_the_one_recorded():
    """Is the vendored html-manager bundle byte for byte the file whose hash export.py records?"""
    assert hashlib.sha256(export.HTML_MANAGER.read_bytes()).hexdigest() == export.HTML_MANAGER_SHA256
    readme = (export.HTML_MANAGER.parent / "README.md").read_text()
    assert export.HTML_MANAGER_SHA256 in readme
    assert (export.HTML_MANAGER.parent / "LICENSE").read_text().startswith("Copyright (c) 2015 Project Jupyter")


def test_execution_stores_the_widget_state(exported):
    """After execute(), does the notebook hold the state of every widget its outputs display?"""
    _, notebook = exported
    state = notebook.metadata.widgets[WIDGET_STATE]["state"]
    views = [o.data[WIDGET_VIEW]["model_id"] for o in notebook.cells[1].outputs if WIDGET_VIEW in o.get("data", {})]
    assert views and all(model_id in state for model_id in views)
    assert {"IntSliderModel", "OutputModel", "VBoxModel"} <= {m["model_name"] for m in state.values()}


def test_html_loads_nothing_from_the_network(exported):
    """Does the page have no script (or stylesheet) fetched over http(s), and inline the widget renderer?"""
    html, _ = exported
    assert not re.search(r"<script[^>]*\bsrc\s*=\s*[\"']?(https?:)?//", html, re.IGNORECASE)
    assert not re.search(r"<link[^>]*\bhref\s*=\s*[\"']?(https?:)?//", html, re.IGNORECASE)
    assert "cdnjs" not in html and "unpkg.com" not in html and "jsdelivr" not in html
    sources = re.findall(r"<script[^>]*\bsrc=\"([^\"]{0,34})", html)
    assert sources == ["data:text/javascript;base64,LyohIE"]  # the vendored bundle, and only it


def test_html_contains_the_widget_state_and_views(exported):
    """Does the page embed the widget state (with the slider's value) and a view tag for the widget?"""
    html, notebook = exported
    match = re.search(rf'<script type="{re.escape(WIDGET_STATE)}">\s*(.*?)\s*</script>', html, re.DOTALL)
    assert match, "no widget state in the page"
    state = json.loads(match[1])["state"]
    assert any(m["model_name"] == "IntSliderModel" and m["state"]["value"] == 7 for m in state.values())
    assert f'<script type="{WIDGET_VIEW}">' in html
    assert "drawn at size 7" in html  # the Output widget's captured text travels in the state


def test_notebook_without_widgets_exports_without_the_renderer(widget_notebook):
    """Is the 1.9 MB renderer left out of a notebook that never built a widget?"""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    export.execute(notebook, cwd=widget_notebook.parent, kernel_name="python3", timeout=120)
    html = export.to_html(notebook)
    assert "42" in html and "data:text/javascript" not in html


def test_command_reports_a_failing_cell_and_writes_nothing(tmp_path):
    """Does `python -m helpers.export` exit 1 naming the error when a cell raises, and leave no file?"""
    path = tmp_path / "broken.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 / 0")]), path)
    run = subprocess.run([sys.executable, "-m", "helpers.export", str(path), str(tmp_path / "out.html"),
                          "--kernel", "python3"], capture_output=True, text=True, timeout=180)
    assert run.returncode == 1
    assert "ZeroDivisionError" in run.stderr and "--allow-errors" in run.stderr
    assert not (tmp_path / "out.html").exists()


def test_command_rejects_a_missing_notebook(tmp_path):
    """Does the command exit 2 with a one-line message for a path that is not a notebook?"""
    run = subprocess.run([sys.executable, "-m", "helpers.export", str(tmp_path / "nope.ipynb"),
                          str(tmp_path / "out.html")], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "no such notebook" in run.stderr
