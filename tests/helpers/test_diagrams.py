"""Tests of helpers.diagrams: the unrolled recurrent network."""
import matplotlib.pyplot as plt
import pytest
from matplotlib.patches import FancyBboxPatch

from helpers.diagrams import draw_deep_network, draw_unrolled_rnn


def _texts(ax):
    return [text.get_text() for text in ax.texts]


def test_draw_unrolled_rnn_draws_one_cell_input_and_output_per_step():
    """With T_x = 4 and a prediction at every step, are there 4 cells, 4 inputs and 4 outputs, labelled by step?"""
    ax = draw_unrolled_rnn(4, cell="RNN")
    assert sum(isinstance(p, FancyBboxPatch) for p in ax.patches) == 4
    texts = _texts(ax)
    assert texts.count("RNN") == 4
    for t in range(1, 5):
        assert rf"$x^{{\langle {t} \rangle}}$" in texts
        assert rf"$\hat{{y}}^{{\langle {t} \rangle}}$" in texts
    assert r"$a^{\langle 0 \rangle}$" in texts and r"$a^{\langle 4 \rangle}$" in texts
    assert "4" in ax.get_title() and not ax.axison


def test_draw_unrolled_rnn_many_to_one_and_two_states():
    """For a many-to-one LSTM, is there one prediction only, and are both c and a passed along?"""
    ax = draw_unrolled_rnn(3, cell="LSTM", outputs="last", states=("c", "a"), parameters="shared")
    texts = _texts(ax)
    assert sum("hat{y}" in text for text in texts) == 1 and r"$\hat{y}^{\langle 3 \rangle}$" in texts
    for symbol in ("c", "a"):
        assert all(rf"${symbol}^{{\langle {t} \rangle}}$" in texts for t in range(4))
    assert "shared" in texts and "one prediction" in ax.get_title()


def test_draw_unrolled_rnn_uses_the_given_axes_and_validates_its_arguments():
    """Does it draw on a given axes without a new figure, and reject impossible sizes and modes?"""
    fig, ax = plt.subplots()
    before = plt.get_fignums()
    assert draw_unrolled_rnn(2, ax=ax) is ax
    assert plt.get_fignums() == before
    with pytest.raises(ValueError):
        draw_unrolled_rnn(0)
    with pytest.raises(ValueError):
        draw_unrolled_rnn(3, outputs="some")
    with pytest.raises(ValueError):
        draw_unrolled_rnn(3, states=())


def test_draw_deep_network_has_a_forward_and_a_backward_block_per_layer_with_shapes():
    """For [784, 20, 7, 5, 1] and m = 10, are there 4 forward and 4 backward blocks plus the cost, with the
    shapes of W, A and dA written out?"""
    ax = draw_deep_network([784, 20, 7, 5, 1], m=10)
    texts = _texts(ax)
    assert sum(isinstance(p, FancyBboxPatch) for p in ax.patches) == 2 * 4 + 1
    assert sum("LINEAR → RELU" in t for t in texts) == 3 and sum("LINEAR → SIGMOID" in t for t in texts) == 1
    assert sum("backward" in t for t in texts) == 4
    assert any("$W^{[1]}$ (20, 784)" in t for t in texts) and any("$W^{[4]}$ (1, 5)" in t for t in texts)
    assert any(t.endswith("(784, 10)") and "A^{[0]}" in t for t in texts)
    assert any("dA^{[4]}" in t and t.endswith("(1, 10)") for t in texts)
    assert "[784, 20, 7, 5, 1]" in ax.get_title() and not ax.axison


def test_draw_deep_network_refuses_impossible_layers():
    """Are a single size, too many layers to draw, and a zero-sized layer refused?"""
    for layer_dims in ([5], [3] * 7, [4, 0, 1]):
        with pytest.raises(ValueError):
            draw_deep_network(layer_dims)
    fig, ax = plt.subplots()
    assert draw_deep_network([2, 1], ax=ax) is ax
