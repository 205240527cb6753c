"""Interactive controls for the notebooks, built on ipywidgets.

Each factory builds explicit controls, lays them out with ``HBox`` / ``VBox``, wires them to a
function that draws with :mod:`helpers.plotting` inside an ``Output`` (so errors show there)
and returns the container: display it by leaving it as the last expression of a cell. Nothing
graded depends on a widget, and a notebook that builds one still runs headless.

Every slider sets ``continuous_update=False``: a redraw happens when you let go of it, not
at every pixel it passes. Each factory wires its controls with :func:`_interactive_output`,
shows each redraw's figure with :meth:`_Figures.show` and returns a :class:`_FigureBox`,
whose display also carries a PNG of the first figure: JupyterLab shows the live widget,
while places without a widget manager (a notebook executed by nbconvert or the grader, a
notebook viewer, an HTML export without widget state) show that static figure instead of a
bare ``VBox(...)`` line. ``tests/helpers/test_widget_fallback.py`` checks the convention
and ``bench/widgets.py`` times every redraw.

A redraw must take well under a second. Widgets whose settings each cost more training than
that train them all when they are built (:func:`_train_ahead`, with a progress bar) and keep
the results; the decision-boundary widget resumes training from saved checkpoints instead.
"""
import base64
import io
import os

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from IPython.display import Image, display
from tqdm.auto import tqdm

from helpers.plotting import plot_learning_curves
from helpers.seeding import seeded

__all__ = [
    "convolution_widget",
    "decision_boundary_widget",
    "learning_curve_widget",
    "optimizer_race_widget",
    "regularization_widget",
    "search_comparison_widget",
    "train_curves",
    "train_one_hidden_layer",
]


def _figure_png(fig):
    """The figure as PNG bytes, drawn once.

    Every figure a widget shows fits its canvas (a layout engine, or margins set for it), so
    it skips the tight crop of the inline backend, which draws the figure a second time.
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _under_nbgrader():
    """True while nbgrader runs the notebook (Validate button, grading): no frontend is listening.

    nbgrader sets ``NBGRADER_EXECUTION`` ("validate" or "autograde") in the environment the
    kernel starts with.
    """
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def _interactive_output(update, controls):
    """``widgets.interactive_output(update, controls)``, except under nbgrader.

    There ``update`` runs once, with the controls' current values, outside any ``Output``
    capture, and an empty ``Output`` comes back: no frontend can move a slider, and an error
    in ``update`` (a learner's function that raises) is then an error of the cell, which the
    Validate button reports. It also keeps nbclient from mirroring the ``Output`` widget's
    content back to the kernel, a message that can leave nbclient waiting for the cell's reply
    until its timeout.
    """
    if _under_nbgrader():
        update(**{name: control.value for name, control in controls.items()})
        return widgets.Output()
    return widgets.interactive_output(update, controls)


def _choice_slider(description, options, default, width):
    """A slider over ``options`` (numbers, labelled with ``:g``) that starts at ``default`` (or the
    middle option when ``default`` is not one of them) and redraws only when let go."""
    return widgets.SelectionSlider(
        options=[(f"{value:g}", value) for value in options],
        value=default if default in options else options[len(options) // 2],
        description=description, continuous_update=False,
        style={"description_width": "initial"}, layout=widgets.Layout(width=width))


def _train_ahead(description, settings, train):
    """Call ``train(*setting)`` for every setting, behind a progress bar, so that later redraws
    find the results ready. Skipped under nbgrader, where no slider ever moves."""
    if _under_nbgrader():
        return
    for setting in tqdm(settings, desc=description, leave=False):
        train(*setting)


class _Figures:
    """Shows the figure of each redraw and keeps the first one: the widget's initial state."""

    def __init__(self):
        self.first_png = None

    def show(self, fig):
        """Render ``fig`` to PNG once, display it (inside the widget's ``Output``) and close it.

        Under nbgrader the figure is only kept: the widget's display shows it (see
        :class:`_FigureBox`), once.
        """
        try:
            png = _figure_png(fig)
        finally:
            plt.close(fig)
        if self.first_png is None:
            self.first_png = png
        if not _under_nbgrader():
            display(Image(data=png, format="png"))


class _FigureBox(widgets.VBox):
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


def _accuracy(predict, w, b, X, Y):
    """Percentage of the columns of X that ``predict(w, b, X)`` labels like Y."""
    Y_prediction = np.asarray(predict(w, b, X)).ravel()
    Y = np.asarray(Y).ravel()
    if Y_prediction.size != Y.size:
        raise ValueError(
            f"predict returned {Y_prediction.size} predictions for {Y.size} examples; expected shape (1, m)"
        )
    return float(np.mean(Y_prediction == Y) * 100)


def train_curves(optimize, predict, X_train, Y_train, X_test, Y_test, *, learning_rate, num_iterations, every=100):
    """Train logistic regression from zeros and record cost and accuracy every few iterations.

    Gradient descent runs in chunks of ``every`` iterations, each a call to your
    ``optimize``; between chunks the cost (the first one ``optimize`` records) and the train
    and test accuracy of ``predict`` are measured at the same parameters.

    Parameters
    ----------
    optimize : callable
        ``optimize(w, b, X, Y, num_iterations, learning_rate, print_cost=False)`` returning
        ``(params, grads, costs)`` with ``params = {"w": w, "b": b}`` and ``costs[0]`` the
        cost before the first step.
    predict : callable
        ``predict(w, b, X)`` returning predictions of shape (1, m), each 0 or 1.
    X_train : ndarray of shape (n_x, m_train)
    Y_train : ndarray of shape (1, m_train)
    X_test : ndarray of shape (n_x, m_test)
    Y_test : ndarray of shape (1, m_test)
    learning_rate : float, keyword-only
    num_iterations : int, keyword-only
        Total number of gradient-descent steps.
    every : int, default 100, keyword-only
        Steps between two measurements.

    Returns
    -------
    curves : dict of {str: list}
        ``"iterations"`` (0, every, 2 * every, ..., num_iterations), and at each of them
        ``"costs"``, ``"train_accuracy"`` and ``"test_accuracy"`` (in %): lists of length
        ``ceil(num_iterations / every) + 1``.
    """
    if every < 1:
        raise ValueError(f"every must be at least 1, got {every!r}")
    if num_iterations < 0:
        raise ValueError(f"num_iterations must be non-negative, got {num_iterations!r}")

    def cost_and_step(w, b, steps):
        params, _, costs = optimize(w, b, X_train, Y_train, num_iterations=steps,
                                    learning_rate=learning_rate, print_cost=False)
        cost = float(np.squeeze(costs[0])) if len(costs) else float("nan")
        return params["w"], params["b"], cost

    w, b = np.zeros((X_train.shape[0], 1)), 0.0
    curves = {"iterations": [], "costs": [], "train_accuracy": [], "test_accuracy": []}
    done = 0
    while True:
        steps = min(every, num_iterations - done)
        # The cost at the current parameters is the first cost optimize records; at the end,
        # one extra step (whose result is thrown away) measures the final cost.
        new_w, new_b, cost = cost_and_step(w, b, steps if steps > 0 else 1)
        curves["iterations"].append(done)
        curves["costs"].append(cost)
        curves["train_accuracy"].append(_accuracy(predict, w, b, X_train, Y_train))
        curves["test_accuracy"].append(_accuracy(predict, w, b, X_test, Y_test))
        if steps <= 0:
            return curves
        w, b, done = new_w, new_b, done + steps


def learning_curve_widget(optimize, predict, X_train, Y_train, X_test, Y_test, *,
                          learning_rates=(0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05), max_iterations=3000):
    """Explore how the learning rate and the number of iterations change what the model learns.

    A slider picks the learning rate, another the number of iterations; the figure shows the
    cost and the train / test accuracy of training from zeros with your ``optimize`` and
    ``predict`` (see :func:`train_curves`), drawn with
    :func:`helpers.plotting.plot_learning_curves` under a line giving the final accuracies.
    Building the widget trains once per learning rate, for ``max_iterations``: a shorter run
    is the beginning of that one (the same numbers), so every redraw afterwards only draws.

    Parameters
    ----------
    optimize, predict : callable
        Your graded functions, as described in :func:`train_curves`.
    X_train : ndarray of shape (n_x, m_train)
    Y_train : ndarray of shape (1, m_train)
    X_test : ndarray of shape (n_x, m_test)
    Y_test : ndarray of shape (1, m_test)
    learning_rates : sequence of float, keyword-only
        The choices on the learning-rate slider.
    max_iterations : int, default 3000, keyword-only
        The largest number of iterations on the slider (which moves in steps of 100).

    Returns
    -------
    widget : ipywidgets.VBox
        The controls, a line of results, and the figure.
    """
    learning_rates = tuple(learning_rates)
    if not learning_rates:
        raise ValueError("learning_rates must not be empty")
    if max_iterations < 100:
        raise ValueError(f"max_iterations must be at least 100, got {max_iterations!r}")
    default_rate = 0.005 if 0.005 in learning_rates else learning_rates[len(learning_rates) // 2]

    rate_slider = widgets.SelectionSlider(
        options=[(f"{rate:g}", rate) for rate in learning_rates], value=default_rate,
        description="learning rate", continuous_update=False,
        style={"description_width": "initial"}, layout=widgets.Layout(width="360px"),
    )
    iterations_slider = widgets.IntSlider(
        value=min(2000, max_iterations - max_iterations % 100), min=100, max=max_iterations, step=100,
        description="iterations", continuous_update=False,
        style={"description_width": "initial"}, layout=widgets.Layout(width="360px"),
    )
    result = widgets.Label(value="")
    figures = _Figures()
    every = 20  # five points per step of the slider: a short run still draws a curve
    longest = {}  # learning rate -> curves of the longest run made with it so far

    def curves_for(learning_rate, num_iterations):
        run = longest.get(learning_rate)
        if run is None or run["iterations"][-1] < num_iterations:
            run = longest[learning_rate] = train_curves(optimize, predict, X_train, Y_train, X_test, Y_test,
                                                        learning_rate=learning_rate, num_iterations=num_iterations,
                                                        every=every)
        points = -(-num_iterations // every) + 1
        return {key: values[:points] for key, values in run.items()}

    _train_ahead("training once per learning rate", [(rate, iterations_slider.max) for rate in learning_rates],
                 curves_for)

    def update(learning_rate, num_iterations):
        result.value = f"training with learning rate {learning_rate:g} …"
        try:
            curves = curves_for(learning_rate, num_iterations)
        except Exception:
            result.value = "training failed: the error is shown below"
            raise
        result.value = (f"train {curves['train_accuracy'][-1]:.1f} % · test {curves['test_accuracy'][-1]:.1f} %"
                        f" after {curves['iterations'][-1]} iterations")
        ax_cost, _ = plot_learning_curves(curves["iterations"], curves["costs"],
                                          curves["train_accuracy"], curves["test_accuracy"])
        ax_cost.set_title(f"Training cost (learning rate = {learning_rate:g})")
        figures.show(ax_cost.figure)

    output = _interactive_output(
        update, {"learning_rate": rate_slider, "num_iterations": iterations_slider}
    )
    return _FigureBox([widgets.HBox([rate_slider, iterations_slider]), result, output], figures)


def convolution_widget(*, images=("camera", "astronaut", "coffee"), size=96):
    """Slide a filter over a real photo and watch the output map, its size and one window at a time.

    Menus pick the photo (one of :func:`helpers.datasets.load_sample_image`'s, in grayscale,
    cropped square and downscaled to ``size`` pixels) and the filter (one of
    :data:`helpers.convolution.FILTERS`); sliders set the stride, the padding and the output
    position whose window is shown. Each change redraws
    :func:`helpers.plotting.plot_convolution_step`, computed with the vectorized
    :func:`helpers.convolution.convolve_image`, so a redraw takes a fraction of a second.

    Parameters
    ----------
    images : sequence of str, keyword-only
        Names of the photos to choose from.
    size : int, default 96, keyword-only
        Height and width of the photo after downscaling.

    Returns
    -------
    widget : ipywidgets.VBox
        The controls, a line describing the current window, and the figure.
    """
    from helpers.convolution import FILTERS, conv_output_size
    from helpers.datasets import image_to_example, load_sample_image
    from helpers.plotting import plot_convolution_step

    images = tuple(images)
    if not images:
        raise ValueError("images must name at least one photo")
    photos = {}

    def photo(name):
        if name not in photos:
            photos[name] = image_to_example(load_sample_image(name), size, channels=1)[..., 0] / 255.0
        return photos[name]

    def slider(description, value, low, high):
        return widgets.IntSlider(value=value, min=low, max=high, description=description, continuous_update=False,
                                 style={"description_width": "initial"}, layout=widgets.Layout(width="260px"))

    image_menu = widgets.Dropdown(options=images, value=images[0], description="photo",
                                  layout=widgets.Layout(width="220px"))
    filter_menu = widgets.Dropdown(options=tuple(FILTERS), value=next(iter(FILTERS)), description="filter",
                                   layout=widgets.Layout(width="300px"))
    stride_slider = slider("stride", 1, 1, 4)
    pad_slider = slider("pad", 1, 0, 4)
    row_slider = slider("output row h", size // 3, 0, size)
    col_slider = slider("output column w", size // 3, 0, size)
    result = widgets.Label(value="")
    figures = _Figures()
    resizing = []  # non-empty while the position sliders get their new range

    def update(image_name, filter_name, stride, pad, row, col):
        if resizing:
            return
        image, kernel = photo(image_name), FILTERS[filter_name]
        f = kernel.shape[0]
        n_H = conv_output_size(image.shape[0], f, pad, stride)
        n_W = conv_output_size(image.shape[1], f, pad, stride)
        resizing.append(True)
        try:  # keep the window at about the same place of the photo when the output changes size
            for position, n in ((row_slider, n_H), (col_slider, n_W)):
                if position.max != n - 1:
                    fraction = position.value / max(1, position.max)
                    position.max = n - 1
                    position.value = int(round(fraction * (n - 1)))
        finally:
            resizing.clear()
        row, col = row_slider.value, col_slider.value
        result.value = (f"output {n_H} × {n_W}; the window of output ({row}, {col}) covers rows "
                        f"{row * stride}–{row * stride + f - 1} and columns {col * stride}–{col * stride + f - 1} "
                        f"of the padded input")
        axes = plot_convolution_step(image, kernel, stride=stride, pad=pad, position=(row, col),
                                     kernel_name=filter_name)
        figures.show(axes[0].figure)

    output = _interactive_output(update, {
        "image_name": image_menu, "filter_name": filter_menu, "stride": stride_slider, "pad": pad_slider,
        "row": row_slider, "col": col_slider,
    })
    controls = widgets.VBox([
        widgets.HBox([image_menu, filter_menu]),
        widgets.HBox([stride_slider, pad_slider]),
        widgets.HBox([row_slider, col_slider]),
    ])
    return _FigureBox([controls, result, output], figures)


def train_one_hidden_layer(X, Y, n_h, *, initialize_parameters, forward_propagation, backward_propagation,
                           update_parameters, learning_rate=1.2, num_iterations=10000, seed=3, parameters=None):
    """Train a network with one hidden layer from your building blocks, with a learning rate of your choice.

    It runs the gradient-descent loop of ``nn_model`` (week 3) — seed NumPy's generator with
    ``seed``, initialise, then forward, backward and update ``num_iterations`` times — passing
    ``learning_rate`` to your ``update_parameters``. NumPy's global random state is restored
    afterwards, and warnings (an overflowing ``exp`` at a large learning rate) are silenced.
    Given ``parameters``, it continues from them instead of initialising: the loop draws no
    random numbers, so 500 iterations and then 500 more give what 1000 in one go give.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (n_y, m)
    n_h : int
        Hidden units.
    initialize_parameters : callable
        ``initialize_parameters(n_x, n_h, n_y) -> parameters``, drawing from ``np.random``.
    forward_propagation : callable
        ``forward_propagation(X, parameters) -> (A2, cache)``.
    backward_propagation : callable
        ``backward_propagation(parameters, cache, X, Y) -> grads``.
    update_parameters : callable
        ``update_parameters(parameters, grads, learning_rate) -> parameters``.
    learning_rate : float, default 1.2, keyword-only
    num_iterations : int, default 10000, keyword-only
    seed : int, default 3, keyword-only
        Seed of ``np.random`` before initialising, as in ``nn_model``.
    parameters : dict, optional, keyword-only
        Where to start instead of ``initialize_parameters``'s output.

    Returns
    -------
    parameters : dict
        The trained ``"W1", "b1", "W2", "b2"``.
    """
    import warnings

    with seeded(), warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        if parameters is None:
            np.random.seed(seed)
            parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
        for _ in range(num_iterations):
            _, cache = forward_propagation(X, parameters)
            grads = backward_propagation(parameters, cache, X, Y)
            parameters = update_parameters(parameters, grads, learning_rate=learning_rate)
    return parameters


def decision_boundary_widget(datasets, *, initialize_parameters, forward_propagation, backward_propagation,
                             update_parameters, predict, hidden_sizes=(1, 2, 3, 4, 5, 10, 20, 50),
                             learning_rates=(0.01, 0.1, 0.5, 1.2, 2.5, 5.0), max_iterations=5000,
                             resolution=100):
    """Train a network with one hidden layer on a data set of your choice and draw its decision boundary.

    Controls pick the data set, the number of hidden units, the learning rate and the number
    of iterations; each change trains with :func:`train_one_hidden_layer` (your building
    blocks, seeded like ``nn_model``) and redraws the boundary with your ``predict`` through
    :func:`helpers.plotting.plot_decision_boundary`, under a line giving the accuracy on the
    data set and the training time. The parameters after every 500 iterations are kept, so a
    setting already trained redraws at once and more iterations only train the difference.

    Parameters
    ----------
    datasets : dict of {str: (ndarray of shape (2, m), ndarray of shape (1, m))}
        The data sets to choose from, by name, each as ``(X, Y)``.
    initialize_parameters, forward_propagation, backward_propagation, update_parameters : callable
        Your graded functions of week 3, as described in :func:`train_one_hidden_layer`.
    predict : callable
        ``predict(parameters, X)`` returning predictions of shape (1, m), each 0 or 1.
    hidden_sizes : sequence of int, keyword-only
        The choices on the hidden-units slider (4 is selected first when present).
    learning_rates : sequence of float, keyword-only
        The choices on the learning-rate slider (1.2 is selected first when present).
    max_iterations : int, default 5000, keyword-only
        The largest number of iterations on the slider (which moves in steps of 500); 5000 is
        what the course's own comparison of hidden-layer sizes uses.
    resolution : int, default 100, keyword-only
        Grid points along each axis of the coloured background.

    Returns
    -------
    widget : ipywidgets.VBox
        The controls, a line of results, and the figure.
    """
    import time

    from helpers.plotting import plot_decision_boundary

    if not datasets:
        raise ValueError("datasets must hold at least one (X, Y) pair")
    hidden_sizes, learning_rates = tuple(hidden_sizes), tuple(learning_rates)
    if not hidden_sizes or not learning_rates:
        raise ValueError("hidden_sizes and learning_rates must not be empty")
    if max_iterations < 500:
        raise ValueError(f"max_iterations must be at least 500, got {max_iterations!r}")

    dataset_menu = widgets.Dropdown(options=tuple(datasets), value=next(iter(datasets)), description="data set",
                                    layout=widgets.Layout(width="300px"))
    hidden_slider = _choice_slider("hidden units", hidden_sizes, 4, "330px")
    rate_slider = _choice_slider("learning rate", learning_rates, 1.2, "330px")
    iterations_slider = widgets.IntSlider(
        value=min(5000, max_iterations - max_iterations % 500), min=500, max=max_iterations - max_iterations % 500,
        step=500, description="iterations", continuous_update=False,
        style={"description_width": "initial"}, layout=widgets.Layout(width="330px"))
    result = widgets.Label(value="")
    figures = _Figures()
    checkpoints = {}  # (data set, n_h, learning rate) -> {iterations: parameters}

    def trained(name, n_h, learning_rate, num_iterations):
        X, Y = datasets[name]
        saved = checkpoints.setdefault((name, n_h, learning_rate), {})
        done = max((i for i in saved if i <= num_iterations), default=0)
        parameters = saved.get(done)
        while done < num_iterations:
            steps = min(500, num_iterations - done)
            parameters = train_one_hidden_layer(
                X, Y, n_h, initialize_parameters=initialize_parameters, forward_propagation=forward_propagation,
                backward_propagation=backward_propagation, update_parameters=update_parameters,
                learning_rate=learning_rate, num_iterations=steps, parameters=parameters)
            done += steps
            saved[done] = parameters
        return parameters

    def update(name, n_h, learning_rate, num_iterations):
        X, Y = datasets[name]
        result.value = f"training {n_h} hidden units on {name} …"
        start = time.perf_counter()
        try:
            parameters = trained(name, n_h, learning_rate, num_iterations)
            seconds = time.perf_counter() - start

            def predict_points(points):
                with np.errstate(all="ignore"):
                    return np.asarray(predict(parameters, points), dtype=float)

            accuracy = float(np.mean(predict_points(X).ravel() == np.asarray(Y).ravel()) * 100)
            ax = plot_decision_boundary(predict_points, X, Y, resolution=resolution,
                                        title=f"{name}: {n_h} hidden unit{'s' if n_h != 1 else ''}, "
                                              f"learning rate {learning_rate:g}")
        except Exception:
            result.value = "training failed: the error is shown below"
            raise
        result.value = (f"accuracy {accuracy:.1f} % on the {X.shape[1]} points of {name} · "
                        f"{num_iterations} iterations (trained in {seconds:.1f} s)")
        figures.show(ax.figure)

    output = _interactive_output(update, {
        "name": dataset_menu, "n_h": hidden_slider, "learning_rate": rate_slider,
        "num_iterations": iterations_slider,
    })
    controls = widgets.VBox([widgets.HBox([dataset_menu, hidden_slider]),
                             widgets.HBox([rate_slider, iterations_slider])])
    return _FigureBox([controls, result, output], figures)


def regularization_widget(model, X_train, Y_train, X_test, Y_test, *,
                          lambdas=(0.03, 0.3, 0.7, 3.0), keep_probs=(0.5, 0.7, 0.86, 0.95),
                          iterations=(1000, 2000, 6000), resolution=100):
    """Train with no regularization, L2 or dropout and draw the boundary over the training and test points.

    Buttons pick the regularizer, sliders its strength (``lambd`` for L2, ``keep_prob`` for
    dropout; the other slider is disabled) and the number of iterations. Each change calls
    your ``model`` and redraws the decision boundary twice — over the training points and
    over the test points — with the accuracy on each. The widget trains for at most a few
    thousand iterations instead of the notebook's 30,000, and it remembers every model it
    has trained. Building it trains every regularizer and strength for the largest number
    of iterations (a few seconds each for dropout), so that those redraws only draw; fewer
    iterations train when asked for, which takes a fraction of that.

    Parameters
    ----------
    model : callable
        ``model(X, Y, num_iterations=..., print_cost=False, lambd=..., keep_prob=...)``
        returning the trained parameters, or a tuple whose first item they are.
    X_train : ndarray of shape (2, m_train)
    Y_train : ndarray of shape (1, m_train)
    X_test : ndarray of shape (2, m_test)
    Y_test : ndarray of shape (1, m_test)
    lambdas : sequence of float, keyword-only
        The choices on the L2 slider (0.7 is selected first when present).
    keep_probs : sequence of float, keyword-only
        The choices on the dropout slider (0.86 is selected first when present).
    iterations : sequence of int, keyword-only
        The choices of the number of iterations (the largest is selected first).
    resolution : int, default 100, keyword-only
        Grid points along each axis of the coloured background.

    Returns
    -------
    widget : ipywidgets.VBox
        The controls, a line of results, and the figure.
    """
    import time

    from helpers.plotting import plot_decision_boundary
    from helpers.three_layer_net import predict_dec

    lambdas, keep_probs, iterations = tuple(lambdas), tuple(keep_probs), tuple(iterations)
    if not lambdas or not keep_probs or not iterations:
        raise ValueError("lambdas, keep_probs and iterations must not be empty")

    method_buttons = widgets.ToggleButtons(options=("none", "L2", "dropout"), value="none",
                                           description="regularization", style={"description_width": "initial"})
    lambd_slider = _choice_slider("λ (L2)", lambdas, 0.7, "300px")
    keep_prob_slider = _choice_slider("keep_prob (dropout)", keep_probs, 0.86, "300px")
    iterations_slider = _choice_slider("iterations", iterations, max(iterations), "300px")
    result = widgets.Label(value="")
    figures = _Figures()
    trained = {}

    def train(lambd, keep_prob, num_iterations):
        key = (lambd, keep_prob, num_iterations)
        if key in trained:
            return trained[key], None
        start = time.perf_counter()
        with np.errstate(all="ignore"):
            output = model(X_train, Y_train, num_iterations=num_iterations, print_cost=False, lambd=lambd,
                           keep_prob=keep_prob)
        trained[key] = output[0] if isinstance(output, tuple) else output
        return trained[key], time.perf_counter() - start

    def update(method, lambd, keep_prob, num_iterations):
        lambd_slider.disabled = method != "L2"
        keep_prob_slider.disabled = method != "dropout"
        lambd = lambd if method == "L2" else 0
        keep_prob = keep_prob if method == "dropout" else 1
        setting = {"none": "no regularization", "L2": f"L2 with λ = {lambd:g}",
                   "dropout": f"dropout with keep_prob = {keep_prob:g}"}[method]
        result.value = f"training with {setting} …"
        try:
            parameters, seconds = train(lambd, keep_prob, num_iterations)

            def predict(points):
                with np.errstate(all="ignore"):
                    return predict_dec(parameters, points)

            fig, (ax_train, ax_test) = plt.subplots(1, 2, figsize=(11, 4.6), layout="constrained")
            scores = {}
            for ax, name, X, Y in ((ax_train, "training set", X_train, Y_train), (ax_test, "test set", X_test, Y_test)):
                scores[name] = float(np.mean(predict(X) == np.asarray(Y).reshape(1, -1)) * 100)
                plot_decision_boundary(predict, X, Y, ax=ax, resolution=resolution,
                                       title=f"{name}: accuracy {scores[name]:.1f} %")
            fig.suptitle(f"{setting}, {num_iterations} iterations")
        except Exception:
            result.value = "training failed: the error is shown below"
            raise
        timing = "trained before" if seconds is None else f"trained in {seconds:.1f} s"
        result.value = (f"{setting}: train {scores['training set']:.1f} % · test {scores['test set']:.1f} % · "
                        f"gap {scores['training set'] - scores['test set']:+.1f} points ({timing})")
        figures.show(fig)

    _train_ahead("training every setting", [(0, 1, max(iterations))] + [(lambd, 1, max(iterations)) for lambd in lambdas]
                 + [(0, keep_prob, max(iterations)) for keep_prob in keep_probs], train)
    output = _interactive_output(update, {
        "method": method_buttons, "lambd": lambd_slider, "keep_prob": keep_prob_slider,
        "num_iterations": iterations_slider,
    })
    controls = widgets.VBox([method_buttons, widgets.HBox([lambd_slider, keep_prob_slider, iterations_slider])])
    return _FigureBox([controls, result, output], figures)


def optimizer_race_widget(*, surfaces=None, learning_rates=(0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0),
                          max_steps=400):
    """Race gradient descent, momentum, RMSprop and Adam across a two-dimensional loss surface.

    A menu picks the surface (see :data:`helpers.loss_surfaces.SURFACES`); sliders set the
    learning rate (shared by the four optimizers), momentum's ``beta``, Adam's ``beta1`` and
    ``beta2`` (RMSprop uses ``beta2`` too) and the number of steps. Each change reruns
    :func:`helpers.loss_surfaces.race_optimizers` and redraws the paths over the contour map
    (:func:`helpers.plotting.plot_optimizer_paths`) next to the loss, above its minimum, step
    by step on a log scale.

    Parameters
    ----------
    surfaces : dict of {str: LossSurface}, optional, keyword-only
        Defaults to :data:`helpers.loss_surfaces.SURFACES`.
    learning_rates : sequence of float, keyword-only
        The choices on the learning-rate slider (0.1 is selected first when present).
    max_steps : int, default 400, keyword-only
        The largest number of steps on the slider.

    Returns
    -------
    widget : ipywidgets.VBox
        The controls, a line of results, and the figure.
    """
    from helpers.loss_surfaces import SURFACES, race_optimizers
    from helpers.plotting import plot_cost_comparison, plot_optimizer_paths

    surfaces = dict(SURFACES if surfaces is None else surfaces)
    learning_rates = tuple(learning_rates)
    if not surfaces or not learning_rates:
        raise ValueError("surfaces and learning_rates must not be empty")
    if max_steps < 50:
        raise ValueError(f"max_steps must be at least 50, got {max_steps!r}")

    surface_menu = widgets.Dropdown(options=tuple(surfaces), value=next(iter(surfaces)), description="surface",
                                    layout=widgets.Layout(width="280px"))
    rate_slider = _choice_slider("learning rate", learning_rates, 0.1, "280px")
    beta_slider = _choice_slider("β (momentum)", (0.0, 0.5, 0.8, 0.9, 0.95, 0.99), 0.9, "280px")
    beta1_slider = _choice_slider("β1 (Adam)", (0.0, 0.5, 0.8, 0.9, 0.95, 0.99), 0.9, "280px")
    beta2_slider = _choice_slider("β2 (RMSprop, Adam)", (0.9, 0.99, 0.999, 0.9999), 0.999, "280px")
    steps_slider = widgets.IntSlider(value=min(200, max_steps), min=50, max=max_steps, step=50, description="steps",
                                     continuous_update=False, style={"description_width": "initial"},
                                     layout=widgets.Layout(width="280px"))
    result = widgets.Label(value="")
    figures = _Figures()

    def update(name, learning_rate, beta, beta1, beta2, num_steps):
        surface = surfaces[name]
        with np.errstate(all="ignore"):
            paths = race_optimizers(surface, learning_rate=learning_rate, num_steps=num_steps, beta=beta,
                                    beta1=beta1, beta2=beta2)
            losses = {method: surface.f(path[:, 0], path[:, 1]) - surface.min_value for method, path in paths.items()}
        fig, (ax_paths, ax_loss) = plt.subplots(1, 2, figsize=(12, 4.8), layout="constrained",
                                                gridspec_kw={"width_ratios": [1.1, 1]})
        plot_optimizer_paths(surface, paths, ax=ax_paths, title=f"{name}: {surface.description}")
        ax_paths.title.set_fontsize(9)
        plot_cost_comparison({method: np.maximum(loss, 1e-12) for method, loss in losses.items()}, every=1,
                             ax=ax_loss)
        ax_loss.set_yscale("log")
        ax_loss.set_xlabel("step")
        ax_loss.set_ylabel("loss above the minimum")
        ax_loss.set_title(f"Loss, learning rate {learning_rate:g}")
        final = []
        for method, path in paths.items():
            diverged = len(path) <= num_steps
            final.append(f"{method}: {'diverged' if diverged else f'{losses[method][-1]:.1e}'}")
        result.value = "loss above the minimum after the last step — " + " · ".join(final)
        figures.show(fig)

    output = _interactive_output(update, {
        "name": surface_menu, "learning_rate": rate_slider, "beta": beta_slider, "beta1": beta1_slider,
        "beta2": beta2_slider, "num_steps": steps_slider,
    })
    controls = widgets.VBox([widgets.HBox([surface_menu, rate_slider, steps_slider]),
                             widgets.HBox([beta_slider, beta1_slider, beta2_slider])])
    return _FigureBox([controls, result, output], figures)


def search_comparison_widget(sample_log_uniform, *, budgets=(9, 16, 25, 36, 49)):
    """Grid search against random search over a learning rate that matters and an epsilon that hardly does.

    A slider sets the budget (the number of trials, the same for both strategies); another the
    seed of the random search. Each change draws the random trials with your
    ``sample_log_uniform`` (see :func:`helpers.hyperparameter_search.random_search_points`,
    which leaves NumPy's global random state as it found it) and redraws
    :func:`helpers.plotting.plot_search_comparison` over
    :func:`helpers.hyperparameter_search.synthetic_validation_accuracy`.

    Parameters
    ----------
    sample_log_uniform : callable
        Your graded function, ``sample_log_uniform(low, high, size) -> ndarray of shape (size,)``.
    budgets : sequence of int, keyword-only
        The choices on the budget slider; squares give a full grid (25 is selected first).

    Returns
    -------
    widget : ipywidgets.VBox
        The controls, a line of results, and the figure.
    """
    from helpers.hyperparameter_search import (
        SEARCH_SPACE,
        grid_search_points,
        random_search_points,
        synthetic_validation_accuracy,
    )
    from helpers.plotting import plot_search_comparison

    budgets = tuple(int(b) for b in budgets)
    if not budgets or min(budgets) < 1:
        raise ValueError(f"budgets must hold positive numbers of trials, got {budgets!r}")
    budget_slider = widgets.SelectionSlider(
        options=budgets, value=25 if 25 in budgets else budgets[len(budgets) // 2], description="trials",
        continuous_update=False, style={"description_width": "initial"}, layout=widgets.Layout(width="320px"))
    seed_slider = widgets.IntSlider(value=0, min=0, max=30, description="random-search seed", continuous_update=False,
                                    style={"description_width": "initial"}, layout=widgets.Layout(width="320px"))
    result = widgets.Label(value="")
    figures = _Figures()

    def update(budget, seed):
        grid = grid_search_points(budget)
        random = random_search_points(budget, sample_log_uniform=sample_log_uniform, seed=seed)
        grid_best = float(np.max(synthetic_validation_accuracy(*grid)))
        random_best = float(np.max(synthetic_validation_accuracy(*random)))
        result.value = (f"grid: {grid.shape[1]} trials, {np.unique(grid[0]).size} learning rates, best {grid_best:.3f}"
                        f" · random: {random.shape[1]} trials, {np.unique(random[0]).size} learning rates, "
                        f"best {random_best:.3f}")
        ax_map, _ = plot_search_comparison(synthetic_validation_accuracy, grid, random,
                                           bounds=(SEARCH_SPACE["learning_rate"], SEARCH_SPACE["epsilon"]))
        figures.show(ax_map.figure)

    output = _interactive_output(update, {"budget": budget_slider, "seed": seed_slider})
    return _FigureBox([widgets.HBox([budget_slider, seed_slider]), result, output], figures)
