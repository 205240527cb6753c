"""Widgets seen without a widget manager: the static figure every widget display carries."""
import base64
import inspect
import textwrap

import ipywidgets as widgets
import nbformat
import pytest

from helpers.export import execute
from helpers.learning_curves import learning_curve_widget
from helpers.widgets import widget_factories

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

# A tiny logistic regression with the course's API, written into the notebooks below too.
MODEL_CODE = textwrap.dedent('''
    import numpy as np

    def optimize(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
        costs = []
        for i in range(num_iterations):
            A = 1 / (1 + np.exp(-(w.T @ X + b)))
            if i % 100 == 0:
                costs.append(float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))))
            w = w - learning_rate * X @ (A - Y).T / X.shape[1]
            b = b - learning_rate * float(np.mean(A - Y))
        return {"w": w, "b": b}, {}, costs

    def predict(w, b, X):
        return (w.T @ X + b > 0).astype(float)

    rng = np.random.default_rng(0)
    Y_train, Y_test = rng.integers(0, 2, (1, 80)), rng.integers(0, 2, (1, 40))
    X_train = rng.normal(size=(4, 80)) + (2 * Y_train - 1)
    X_test = rng.normal(size=(4, 40)) + (2 * Y_test - 1)
''')


@pytest.fixture(scope="module")
def model():
    namespace = {}
    exec(MODEL_CODE, namespace)
    return namespace


def _png(bundle):
    return base64.b64decode(bundle["image/png"])


def _learning_widget(model, **kwargs):
    return learning_curve_widget(model["optimize"], model["predict"], model["X_train"], model["Y_train"],
                                 model["X_test"], model["Y_test"], **kwargs)


def test_display_offers_the_widget_and_a_png_of_its_first_figure(model):
    """Does the widget's display bundle hold both the widget view and a PNG image?"""
    widget = _learning_widget(model, max_iterations=500)
    bundle = widget._repr_mimebundle_()
    assert bundle[WIDGET_VIEW]["model_id"] == widget.model_id
    assert _png(bundle).startswith(PNG_MAGIC)
    assert isinstance(widget, widgets.VBox)


def test_fallback_keeps_the_initial_state(model):
    """After a slider moves, is the static PNG still the figure of the initial state, not the latest one?"""
    widget = _learning_widget(model, learning_rates=(0.01, 0.5), max_iterations=500)
    first = _png(widget._repr_mimebundle_())
    rate_slider, iterations_slider = widget.children[0].children
    iterations_slider.value = 100
    rate_slider.value = 0.01
    assert _png(widget._repr_mimebundle_()) == first


def test_every_widget_factory_follows_the_convention():
    """Is every *_widget factory of every helpers module built with figure_widget, the one pattern?"""
    factories = widget_factories()
    assert {"learning_curve_widget", "convolution_widget", "gaps_widget"} <= set(factories)
    for name, factory in factories.items():
        source = inspect.getsource(factory)
        assert "figure_widget(" in source, f"{name} must return figure_widget(draw, controls, ...)"
        assert "interactive_output(" not in source and "display(" not in source, name


def _run(cells, tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    return execute(notebook, cwd=tmp_path, kernel_name="python3", timeout=120, allow_errors=True)


def _outputs(cell, mimetype):
    return [o for o in cell.outputs if o.output_type in ("display_data", "execute_result") and mimetype in o.data]


def test_headless_execution_leaves_a_static_figure(tmp_path):
    """Executed by nbclient (no frontend), does each widget cell still output an image/png next to the widget?"""
    notebook = _run([
        MODEL_CODE,
        "from helpers.learning_curves import learning_curve_widget\n"
        "learning_curve_widget(optimize, predict, X_train, Y_train, X_test, Y_test, max_iterations=500)",
        "from helpers.convolution import convolution_widget\nconvolution_widget(size=48)",
    ], tmp_path)
    for cell in notebook.cells[1:]:
        assert not [o for o in cell.outputs if o.output_type == "error"], cell.outputs
        images = _outputs(cell, "image/png")
        assert len(images) == 1, cell.source
        assert WIDGET_VIEW in images[0].data
        assert base64.b64decode(images[0].data["image/png"]).startswith(PNG_MAGIC)
    state = notebook.metadata.widgets["application/vnd.jupyter.widget-state+json"]["state"]
    assert {"OutputModel", "VBoxModel"} <= {model["model_name"] for model in state.values()}
    # the Output widget captured the figure drawn at build time, for an HTML export to show
    captured = [o for model in state.values() if model["model_name"] == "OutputModel"
                for o in model["state"].get("outputs", [])]
    assert any("image/png" in o.get("data", {}) for o in captured)


def test_under_nbgrader_the_widget_draws_once_and_errors_reach_the_cell(tmp_path, monkeypatch):
    """When nbgrader runs the notebook, is the figure shown once (in the widget's display) and does a
    failing learner function make the widget cell fail, so that Validate reports it?"""
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")  # what nbgrader sets for the kernel it starts
    notebook = _run([
        MODEL_CODE,
        "from helpers.learning_curves import learning_curve_widget\n"
        "learning_curve_widget(optimize, predict, X_train, Y_train, X_test, Y_test, max_iterations=500)",
        "def broken_optimize(w, b, X, Y, num_iterations, learning_rate, print_cost=False):\n"
        "    return None, None, None\n"
        "learning_curve_widget(broken_optimize, predict, X_train, Y_train, X_test, Y_test, max_iterations=500)",
    ], tmp_path)
    working, broken = notebook.cells[1], notebook.cells[2]
    assert not [o for o in working.outputs if o.output_type == "error"], working.outputs
    images = _outputs(working, "image/png")
    assert len(images) == 1 and WIDGET_VIEW in images[0].data  # the widget's display only, no second figure
    assert [o.ename for o in broken.outputs if o.output_type == "error"] == ["TypeError"]
