"""Tests of helpers.progress: printed cost lines become a progress bar, other lines still print."""
import pytest

from helpers.progress import cost_progress, report_every


def _train(num_iterations, extra=None):
    """A stand-in for a model with print_cost=True."""
    for i in range(num_iterations):
        if i % 100 == 0 or i == num_iterations - 1:
            print(f"Cost after iteration {i}: {1 / (i + 1)}")
    if extra:
        print(extra)


def test_cost_lines_move_the_bar_and_other_lines_still_print(capsys):
    """Do cost lines advance the bar (and not reach stdout), while any other printed line does?"""
    with cost_progress(250, desc="model") as bar:
        _train(150)
        assert bar.n == 150 and "cost" in str(bar.postfix)
        _train(250, extra="Accuracy: 90 %")
    out = capsys.readouterr().out
    assert "Cost after iteration" not in out
    assert out == "Accuracy: 90 %\n"
    assert bar.n == 250


def test_the_bar_completes_even_without_cost_lines(capsys):
    """When the model prints nothing (print_cost=False), is the bar full once the block ends?"""
    with cost_progress(300) as bar:
        pass
    assert bar.n == 300 == bar.total
    assert capsys.readouterr().out == ""


def test_an_error_inside_the_block_propagates():
    """Does an exception in the training code reach the caller instead of being swallowed?"""
    with pytest.raises(RuntimeError, match="boom"):
        with cost_progress(10):
            raise RuntimeError("boom")


def test_a_bad_number_of_iterations_is_refused():
    """Does a non-positive or fractional number of iterations raise a ValueError?"""
    for bad in (0, -5, 2.5):
        with pytest.raises(ValueError):
            with cost_progress(bad):
                pass


def test_report_every_prints_every_nth_epoch_of_a_keras_fit(capsys):
    """Does the callback print the loss and the metrics of epochs n, 2n, … only?"""
    callback = report_every(2)
    for epoch in range(5):
        callback.on_epoch_end(epoch, {"loss": 0.5 / (epoch + 1), "accuracy": 0.1 * epoch})
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["epoch   2: accuracy 0.100, loss 0.250", "epoch   4: accuracy 0.300, loss 0.125"]
