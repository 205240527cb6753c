"""The layers of a Keras model in an order its graph alone fixes.

Keras numbers layers afresh in every session and lists them in the order they were created; two
builds of one architecture (the recipe's and a learner's, say) can differ in both. Ordering by path
lengths in the graph gives both builds the same order: used to match shipped weights
(:mod:`helpers.trained_models`) and to walk a network from input to output
(:mod:`helpers.residual_lesson`).
"""

__all__ = ["graph_ordered_layers", "layer_path_lengths"]


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
