"""Tests of helpers.widgets: the one widget pattern every topic's widget is built with."""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import pytest

from helpers.widgets import FigureBox, choice_slider, figure_widget, int_slider, menu


def _draw_counter(fail_at=None):
    calls = []

    def draw(size, scale):
        calls.append((size, scale))
        if size == fail_at:
            raise ValueError("the learner's function failed")
        fig, ax = plt.subplots(figsize=(2, 2))
        ax.plot([0, size], [0, scale])
        return fig, f"size {size}, scale {scale:g}"

    return draw, calls


def test_figure_widget_lays_out_controls_line_and_output_and_draws_the_initial_state():
    """Three children (controls, line, output); the first draw happens at once with the controls' values."""
    draw, calls = _draw_counter()
    size, scale = int_slider("size", 3, 1, 9, "200px"), choice_slider("scale", (0.5, 1.0, 2.0), 1.0, "200px")
    widget = figure_widget(draw, {"size": size, "scale": scale})
    assert isinstance(widget, FigureBox)
    row, line, output = widget.children
    assert list(row.children) == [size, scale] and isinstance(output, widgets.Output)
    assert calls == [(3, 1.0)] and line.value == "size 3, scale 1"
    assert not size.continuous_update and not scale.continuous_update
    assert b"PNG" in widget._figures.first_png[:8]
    size.value = 5
    assert calls[-1] == (5, 1.0) and line.value == "size 5, scale 1"


def test_figure_widget_stacks_several_rows_and_reports_a_failing_draw():
    """Rows become one VBox; an exception leaves a line that says so (the error shows in the Output)."""
    draw, calls = _draw_counter(fail_at=7)
    size, scale = int_slider("size", 3, 1, 9, "200px"), choice_slider("scale", (0.5, 1.0), 9.9, "200px")
    assert scale.value == 1.0  # a default that is not an option falls back on the middle option
    widget = figure_widget(draw, {"size": size, "scale": scale}, rows=[size, scale])
    rows, line, _ = widget.children
    assert isinstance(rows, widgets.VBox) and list(rows.children) == [size, scale]
    with pytest.raises(ValueError):  # in a kernel the Output shows it; here nothing captures it
        size.value = 7
    assert line.value == "failed: the error is shown below"


def test_figure_widget_skips_a_redraw_when_draw_returns_none():
    """A draw that returns None (one control moving another) leaves the line and the first figure alone."""
    skip = []

    def draw(size):
        if skip:
            return None
        fig, _ = plt.subplots(figsize=(2, 2))
        return fig, f"size {size}"

    size = int_slider("size", 3, 1, 9, "200px")
    widget = figure_widget(draw, {"size": size})
    skip.append(True)
    size.value = 4
    assert widget.children[1].value == "updating …"


def test_under_nbgrader_a_failing_draw_is_an_error_of_the_cell(monkeypatch):
    """With NBGRADER_EXECUTION set, draw runs once outside any Output, so its error reaches the cell."""
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    draw, _ = _draw_counter(fail_at=3)
    with pytest.raises(ValueError, match="learner's function"):
        figure_widget(draw, {"size": int_slider("size", 3, 1, 9, "200px"),
                             "scale": choice_slider("scale", (1.0,), 1.0, "200px")})


def test_menu_offers_the_names_and_starts_at_the_first():
    """A menu over a dict offers its keys, in order, and starts at the first."""
    choice = menu("surface", {"ravine": 1, "banana": 2}, "200px")
    assert isinstance(choice, widgets.Dropdown)
    assert choice.options == ("ravine", "banana") and choice.value == "ravine"
