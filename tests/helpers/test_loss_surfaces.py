"""Tests of helpers.loss_surfaces: the surfaces of the optimizer race and the optimizers that walk them."""
import numpy as np
import pytest

from helpers.loss_surfaces import OPTIMIZERS, SURFACES, LossSurface, optimizer_path, race_optimizers
import ipywidgets as widgets

from helpers.loss_surfaces import optimizer_race_widget, plot_learning_rate_schedules, plot_optimizer_paths


@pytest.mark.parametrize("name", list(SURFACES))
def test_gradients_match_finite_differences_and_minima_are_minima(name):
    """Is each surface's grad the derivative of its f, and is f at the marked minima below f anywhere nearby?"""
    surface = SURFACES[name]
    rng = np.random.default_rng(1)
    for x, y in rng.uniform(-1.5, 1.5, size=(5, 2)):
        h = 1e-6
        approx = ((surface.f(x + h, y) - surface.f(x - h, y)) / (2 * h),
                  (surface.f(x, y + h) - surface.f(x, y - h)) / (2 * h))
        np.testing.assert_allclose(surface.grad(x, y), approx, rtol=1e-5, atol=1e-6)
    for point in surface.minima:
        assert surface.f(*point) == pytest.approx(surface.min_value)
        np.testing.assert_allclose(surface.grad(*point), (0, 0), atol=1e-12)
        around = rng.normal(scale=0.1, size=(20, 2)) + point
        assert np.all(surface.f(around[:, 0], around[:, 1]) >= surface.min_value)
    assert surface.xlim[0] < surface.start[0] < surface.xlim[1] and surface.ylim[0] < surface.start[1] < surface.ylim[1]


BOWL = LossSurface("bowl", lambda x, y: x ** 2 + 4 * y ** 2, lambda x, y: (2 * x, 8 * y), start=(1.0, 1.0),
                   minima=((0.0, 0.0),), xlim=(-2.0, 2.0), ylim=(-2.0, 2.0))


def test_first_steps_follow_the_update_rules():
    """From (1, 1) on x^2 + 4y^2 (gradient (2, 8)), is each optimizer's first step the one its formula gives?"""
    kwargs = {"learning_rate": 0.1, "num_steps": 2, "beta": 0.9, "beta1": 0.9, "beta2": 0.999}
    g = np.array([2.0, 8.0])
    np.testing.assert_allclose(optimizer_path(BOWL, "gradient descent", **kwargs)[1], 1 - 0.1 * g)
    np.testing.assert_allclose(optimizer_path(BOWL, "momentum", **kwargs)[1], 1 - 0.1 * 0.1 * g)
    np.testing.assert_allclose(optimizer_path(BOWL, "RMSprop", **kwargs)[1], 1 - 0.1 * g / np.sqrt(0.001 * g ** 2),
                               rtol=1e-6)
    # Adam's bias correction makes the first step exactly learning_rate along each axis
    np.testing.assert_allclose(optimizer_path(BOWL, "Adam", **kwargs)[1], [0.9, 0.9], rtol=1e-6)


def test_a_diverging_path_stops_and_unknown_optimizers_are_refused():
    """Does gradient descent with a far too large learning rate stop early, and is a typo in the name refused?"""
    path = optimizer_path(BOWL, "gradient descent", learning_rate=5.0, num_steps=200)
    assert len(path) < 201 and np.all(np.isfinite(path))
    with pytest.raises(ValueError, match="unknown optimizer"):
        optimizer_path(BOWL, "adam", learning_rate=0.1, num_steps=5)


def test_the_race_teaches_what_the_notebook_says():
    """At the widget's default settings (learning rate 0.1, 200 steps): does Adam beat gradient descent on the
    ravine, does gradient descent diverge in the banana valley while Adam does not, and does gradient descent
    stay on the saddle while Adam escapes to a minimum?"""
    def final_loss(surface, path):
        return surface.f(*path[-1]) - surface.min_value

    settings = {"learning_rate": 0.1, "num_steps": 200}
    ravine = race_optimizers(SURFACES["ravine"], **settings)
    assert list(ravine) == list(OPTIMIZERS)
    assert final_loss(SURFACES["ravine"], ravine["Adam"]) < 0.01 * final_loss(SURFACES["ravine"],
                                                                              ravine["gradient descent"])
    banana = race_optimizers(SURFACES["banana valley"], **settings)
    assert len(banana["gradient descent"]) < 201 and len(banana["Adam"]) == 201
    assert final_loss(SURFACES["banana valley"], banana["Adam"]) < 1e-3
    saddle = race_optimizers(SURFACES["saddle point"], **settings)
    assert abs(saddle["gradient descent"][-1, 1]) < 0.1  # still on the ridge y = 0
    assert final_loss(SURFACES["saddle point"], saddle["Adam"]) < 1e-6


def test_plot_optimizer_paths_draws_one_line_per_optimizer_over_contours():
    """Does it draw each path, the start and the minimum over filled contours, with labels and a legend?"""
    from helpers.loss_surfaces import SURFACES

    surface = SURFACES["ravine"]
    paths = {"gradient descent": np.array([surface.start, (-5.0, 0.2), (0.0, 0.0)]),
             "Adam": np.array([surface.start, (-4.0, 0.0)])}
    ax = plot_optimizer_paths(surface, paths)
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels[:2] == ["gradient descent", "Adam"] and "start" in labels and "minimum" in labels
    np.testing.assert_array_equal(ax.get_lines()[0].get_xdata(), [surface.start[0], -5.0, 0.0])
    assert ax.collections and ax.get_title() == "ravine" and ax.get_xlabel() and ax.get_ylabel()


def test_plot_learning_rate_schedules_uses_a_log_scale():
    """Does each schedule become a line against the epoch, on a logarithmic learning-rate axis?"""
    ax = plot_learning_rate_schedules({"fast": [0.1, 0.05, 0.033], "slow": [0.1, 0.1, 0.05]})
    assert len(ax.get_lines()) == 2 and ax.get_yscale() == "log"
    np.testing.assert_array_equal(ax.get_lines()[1].get_xdata(), [0, 1, 2])
    assert ax.get_xlabel() == "epoch" and ax.get_ylabel() == "learning rate" and ax.get_title()


def test_optimizer_race_widget_redraws_for_every_control():
    """Does it start on the first surface with every optimizer in the result line, and rerun on a change?"""
    widget = optimizer_race_widget()
    controls, label, output = widget.children
    (surface, rate, steps), (beta, beta1, beta2) = (box.children for box in controls.children)
    assert isinstance(output, widgets.Output) and surface.value == "ravine" and rate.value == 0.1
    assert not any(c.continuous_update for c in (rate, steps, beta, beta1, beta2))
    for name in ("gradient descent", "momentum", "RMSprop", "Adam"):
        assert name + ":" in label.value
    first = label.value
    surface.value = "banana valley"
    assert label.value != first and "diverged" in label.value
    second = label.value
    beta1.value = 0.5
    assert label.value != second
