"""The layers of a Keras model in an order its graph alone fixes.

Keras numbers layers afresh in every session and lists them in the order they were created; two
builds of one architecture (the recipe's and a learner's, say) can differ in both. Ordering by path
lengths in the graph gives both builds the same order: used to match shipped weights
(:mod:`helpers.trained_models`), to walk a network from input to output
(:mod:`helpers.residual_lesson`), and in public tests to compare a learner's model layer by layer
(:func:`graph_summary`) and to give it the same fixed weights as the reference (:func:`set_fixed_weights`).
"""

import numpy as np

from helpers.model_summary import ModelSummary, summarize_model

__all__ = ["graph_ordered_layers", "graph_summary", "layer_path_lengths", "set_fixed_weights"]


def layer_path_lengths(model):
    """``{id(layer): (longest path from an input, longest path to an output)}``, counted in layers."""
    graph = getattr(model, "_functional", None) or model
    nodes_by_depth = getattr(graph, "_nodes_by_depth", None)
    if nodes_by_depth is None:
        raise TypeError(f"expected a functional or Sequential Keras model with inputs, got {type(model).__name__}")
    height, lengths = {}, {}
    for depth in sorted(nodes_by_depth, reverse=True):  # from the inputs to the outputs
        for node in nodes_by_depth[depth]:
            height[node] = 1 + max((height.get(parent, 0) for parent in node.parent_nodes), default=-1)
            key = id(node.operation)
            before = lengths.get(key, (0, 0))
            lengths[key] = (max(before[0], height[node]), max(before[1], depth))
    return lengths


def graph_ordered_layers(model):
    """The layers of a functional model in an order fixed by its graph alone: by their longest path to the
    output (the input first, the output last), ties by their longest path from the input (a block's main
    path before its shortcut). Neither layer names, nor the order of an ``Add``'s inputs, nor the order in
    which the layers were created matter."""
    lengths = layer_path_lengths(model)
    return sorted(model.layers, key=lambda layer: (-lengths[id(layer)][1], -lengths[id(layer)][0]))


def graph_summary(model, layers=None):
    """The :class:`ModelSummary` of ``model`` with its layers in graph order (``layers``: a slice of them)."""
    summary = summarize_model(model)
    position = {id(layer): index for index, layer in enumerate(model.layers)}
    summary.layers = [summary.layers[position[id(layer)]] for layer in graph_ordered_layers(model)]
    if layers is not None:
        summary = ModelSummary(summary.cls, layers=summary.layers[layers])
    return summary


def set_fixed_weights(model):
    """Give every variable of ``model`` fixed values: uniform in [-0.3, 0.3], seeded by its place in graph order."""
    variables = [variable for layer in graph_ordered_layers(model) for variable in layer.weights]
    for index, variable in enumerate(variables):
        values = np.random.default_rng(index).uniform(-0.3, 0.3, size=tuple(variable.shape))
        variable.assign(values.astype(np.float32))
