"""The course's one widget pattern, built on ipywidgets; each topic module builds its widget with it.

A widget is a set of named controls, a line of text and a figure. A topic module (for example
:func:`helpers.convolution.convolution_widget`) makes the controls, writes a ``draw`` function
that returns the figure and the line for the controls' values, and hands both to
:func:`figure_widget`, which lays them out, redraws inside an ``Output`` (so errors show there)
and returns the container: display it by leaving it as the last expression of a cell. Nothing
graded depends on a widget, and a notebook that builds one still runs headless.

Every slider sets ``continuous_update=False``: a redraw happens when you let go of it, not at
every pixel it passes. The container is a :class:`FigureBox`, whose display also carries a PNG
of the first figure: JupyterLab shows the live widget, while places without a widget manager (a
notebook executed by nbconvert or the grader, a notebook viewer, an HTML export without widget
state) show that static figure instead of a bare ``VBox(...)`` line.
``tests/helpers/test_widget_fallback.py`` checks the convention and ``bench/widgets.py`` times
every redraw.

A redraw must take well under a second. Widgets whose settings each cost more training than
that train them all when they are built (:func:`train_ahead`, with a progress bar) and keep the
results.
"""
import base64
import importlib
import io
import os
import pkgutil

import ipywidgets as widgets
import matplotlib.pyplot as plt
from IPython.display import Image, display
from tqdm.auto import tqdm

__all__ = [
    "FigureBox",
    "choice_slider",
    "figure_widget",
    "int_slider",
    "interactive_output",
    "menu",
    "train_ahead",
    "under_nbgrader",
    "widget_factories",
]


def under_nbgrader():
    """True while nbgrader runs the notebook (Validate button, grading): no frontend is listening.

    nbgrader sets ``NBGRADER_EXECUTION`` ("validate" or "autograde") in the environment the
    kernel starts with.
    """
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def interactive_output(update, controls):
    """``widgets.interactive_output(update, controls)``, except under nbgrader.

    There ``update`` runs once, with the controls' current values, outside any ``Output``
    capture, and an empty ``Output`` comes back: no frontend can move a slider, and an error
    in ``update`` (a learner's function that raises) is then an error of the cell, which the
    Validate button reports. It also keeps nbclient from mirroring the ``Output`` widget's
    content back to the kernel, a message that can leave nbclient waiting for the cell's reply
    until its timeout.
    """
    if under_nbgrader():
        update(**{name: control.value for name, control in controls.items()})
        return widgets.Output()
    return widgets.interactive_output(update, controls)


def choice_slider(description, options, default, width):
    """A slider over ``options`` (numbers, labelled with ``:g``) that starts at ``default`` (or the
    middle option when ``default`` is not one of them) and redraws only when let go."""
    return widgets.SelectionSlider(
        options=[(f"{value:g}", value) for value in options],
        value=default if default in options else options[len(options) // 2],
        description=description, continuous_update=False,
        style={"description_width": "initial"}, layout=widgets.Layout(width=width))


def int_slider(description, value, low, high, width, *, step=1):
    """An integer slider from ``low`` to ``high`` that starts at ``value`` and redraws only when let go."""
    return widgets.IntSlider(value=value, min=low, max=high, step=step, description=description,
                             continuous_update=False, style={"description_width": "initial"},
                             layout=widgets.Layout(width=width))


def menu(description, options, width):
    """A drop-down menu over ``options`` (any iterable of names, e.g. a dict's keys) that starts at the first."""
    options = tuple(options)
    return widgets.Dropdown(options=options, value=options[0], description=description,
                            layout=widgets.Layout(width=width))


def train_ahead(description, settings, train):
    """Call ``train(*setting)`` for every setting, behind a progress bar, so that later redraws
    find the results ready. Skipped under nbgrader, where no slider ever moves."""
    if under_nbgrader():
        return
    for setting in tqdm(settings, desc=description, leave=False):
        train(*setting)


def _figure_png(fig):
    """The figure as PNG bytes, drawn once.

    Every figure a widget shows fits its canvas (a layout engine, or margins set for it), so
    it skips the tight crop of the inline backend, which draws the figure a second time.
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


class _Figures:
    """Shows the figure of each redraw and keeps the first one: the widget's initial state."""

    def __init__(self):
        self.first_png = None

    def show(self, fig):
        """Render ``fig`` to PNG once, display it (inside the widget's ``Output``) and close it.

        Under nbgrader the figure is only kept: the widget's display shows it (see
        :class:`FigureBox`), once.
        """
        try:
            png = _figure_png(fig)
        finally:
            plt.close(fig)
        if self.first_png is None:
            self.first_png = png
        if not under_nbgrader():
            display(Image(data=png, format="png"))


class FigureBox(widgets.VBox):
    """A ``VBox`` whose display also offers a static PNG of its first figure.

    A frontend with a widget manager renders the widget view; any other reader of the
    notebook (nbconvert, the grader, a viewer) falls back on the ``image/png`` of the same
    output, so a notebook executed headless still shows the figure of the initial state.
    """

    def __init__(self, children, figures, **kwargs):
        super().__init__(children, **kwargs)
        self._figures = figures

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        png = self._figures.first_png
        if bundle is not None and png is not None:
            bundle["image/png"] = base64.b64encode(png).decode("ascii")
        return bundle


def figure_widget(draw, controls, *, rows=None):
    """The course's widget: ``controls``, a line of text, and the figure ``draw`` returns.

    Parameters
    ----------
    draw : callable
        ``draw(**values) -> (fig, text)``, called with the controls' current values by name each
        time one of them changes: the figure to show (closed once shown) and the line of text
        above it (``None`` for none). While it runs the line reads "updating …"; when it raises,
        the line says so and the error shows in place of the figure. It may return ``None`` to
        skip a redraw (while one control moves another, which calls ``draw`` again).
    controls : dict of {str: ipywidgets.ValueWidget}
        The controls, by the name of ``draw``'s keyword that receives their value.
    rows : sequence of ipywidgets.Widget, optional, keyword-only
        How the controls are laid out, one row each; by default one ``HBox`` of them all.

    Returns
    -------
    widget : FigureBox
        Three children: the controls (the one row, or a ``VBox`` of the rows), the line of text
        and the ``Output`` that holds the figure.
    """
    line = widgets.Label(value="")
    figures = _Figures()

    def update(**values):
        line.value = "updating …"
        try:
            drawn = draw(**values)
        except Exception:
            line.value = "failed: the error is shown below"
            raise
        if drawn is not None:
            fig, line.value = drawn[0], drawn[1] or ""
            figures.show(fig)

    rows = list(rows) if rows is not None else [widgets.HBox(list(controls.values()))]
    layout = rows[0] if len(rows) == 1 else widgets.VBox(rows)
    return FigureBox([layout, line, interactive_output(update, controls)], figures)


def widget_factories():
    """Every widget of the course, ``{name: factory}``: the ``*_widget`` names in the ``__all__`` of the
    topic modules of :mod:`helpers` (all but this one, which builds them)."""
    import helpers

    found = {}
    for module in pkgutil.iter_modules(helpers.__path__):
        if module.name == "widgets":
            continue
        namespace = importlib.import_module(f"helpers.{module.name}")
        found.update({name: getattr(namespace, name) for name in getattr(namespace, "__all__", ())
                      if name.endswith("_widget")})
    return found
