"""Hidden tests of *Art generation with neural style transfer*.

The four costs are compared with the reference on fresh random activations of fresh shapes, and the
gradients of each cost with respect to its inputs too, so a cost computed outside TensorFlow fails.
``compute_content_cost`` gets lists whose other elements differ from the last; ``compute_style_cost``
gets its own ``STYLE_LAYERS`` with other weights and other numbers of layers, as well as the default.

``train_step`` reads globals of the notebook: ``vgg_model_outputs``, ``a_C``, ``a_S`` (the
notebook's content image "chelsea", style image "waves" and feature network) and ``optimizer``. The
reference namespace holds only the graded cells, so the test computes the first three exactly as the
notebook does (``notebook_globals`` of the public tests). The cost that ``train_step`` returns, that of the image *before* the step, is
compared; the updated image is not, because the learner's optimizer has already taken many steps
when the test runs and the reference's has not (the update itself is code given in the cell).

Known limit: ``train_step`` was compiled by ``@tf.function`` when the notebook ran it, with the
learner's cost functions, so a bug in one of those also costs ``train_step`` its points.
"""
import numpy as np

from autograder.hidden import hidden_test

def _tensors(rng, shapes, scale=1.0):
    import tensorflow as tf

    return [tf.constant((scale * rng.normal(size=shape)).astype(np.float32)) for shape in shapes]


def _shape(rng, m=1):
    return (m, int(rng.integers(2, 9)), int(rng.integers(2, 9)), int(rng.integers(1, 7)))


@hidden_test("compute_content_cost", points=2)
def check_compute_content_cost(check, rng):
    for m, others in ((1, 0), (1, 2), (2, 1)):
        shapes = [_shape(rng, m) for _ in range(others)] + [_shape(rng, m)]
        content, generated = _tensors(rng, shapes, 3.0), _tensors(rng, shapes, 3.0)
        check.call(content, generated, rtol=1e-5, atol=1e-6, gradients=True,
                   case=f"lists of {len(shapes)} activations, the last of shape {shapes[-1]}")


@hidden_test("gram_matrix", points=1)
def check_gram_matrix(check, rng):
    import tensorflow as tf

    for n_C, positions in ((1, 1), (3, 4), (int(rng.integers(2, 12)), int(rng.integers(5, 40)))):
        A = tf.constant(rng.normal(size=(n_C, positions)).astype(np.float32))
        check.call(A, rtol=1e-5, atol=1e-5, gradients=True, case=f"A of shape {(n_C, positions)}")


@hidden_test("compute_layer_style_cost", points=2)
def check_compute_layer_style_cost(check, rng):
    for _ in range(3):
        shape = _shape(rng)
        a_S, a_G = _tensors(rng, [shape, shape], 2.0)
        check.call(a_S, a_G, rtol=1e-4, atol=1e-6, gradients=True, case=f"a_S and a_G of shape {shape}")


@hidden_test("compute_style_cost", points=2)
def check_compute_style_cost(check, rng):
    for weights in ((0.5, 0.3, 0.2), (1.0,), tuple(np.round(rng.uniform(0.1, 1, size=4), 3))):
        shapes = [_shape(rng) for _ in weights] + [_shape(rng)]
        style, generated = _tensors(rng, shapes), _tensors(rng, shapes)
        layers = [(f"layer{index}", float(weight)) for index, weight in enumerate(weights)]
        check.call(style, generated, layers, rtol=1e-4, atol=1e-6, gradients=True,
                   case=f"{len(weights)} style layers weighted {', '.join(f'{w:g}' for w in weights)}")
    shapes = [_shape(rng) for _ in range(6)]
    check.call(_tensors(rng, shapes), _tensors(rng, shapes), rtol=1e-4, atol=1e-6,
               case="six activations and the default STYLE_LAYERS")


@hidden_test("total_cost", points=1)
def check_total_cost(check, rng):
    import tensorflow as tf

    check.call(tf.constant(0.2), tf.constant(0.8), rtol=1e-6, case="J_content = 0.2, J_style = 0.8")
    J_content, J_style = (tf.constant(np.float32(value)) for value in rng.uniform(0, 5, size=2))
    check.call(J_content, J_style, rtol=1e-6, case="random costs, default alpha and beta")
    alpha, beta = (float(np.round(value, 2)) for value in rng.uniform(0.5, 50, size=2))
    check.call(J_content, J_style, alpha, beta, rtol=1e-5, case=f"random costs, alpha = {alpha}, beta = {beta}")
    check.call(J_content, J_style, beta=beta, rtol=1e-5, case=f"random costs, beta = {beta} by keyword")


@hidden_test("train_step", points=2)
def check_train_step(check, rng):
    import tensorflow as tf

    from helpers.public_tests.c4w4_art_generation_with_neural_style_transfer import notebook_globals, starting_image

    notebook_globals(check.reference)
    start = starting_image()
    check.call(tf.Variable(start), rtol=1e-3, inputs_after="any", case="the notebook's starting image")
    shifted = np.clip(start + rng.uniform(-0.2, 0.2, size=start.shape), 0, 1).astype(np.float32)
    check.call(tf.Variable(shifted), rtol=1e-3, inputs_after="any", case="another image of the same size")
