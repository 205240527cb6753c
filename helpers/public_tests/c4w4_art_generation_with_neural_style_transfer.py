"""Public tests of *Art generation with neural style transfer* (c4w4_art_generation_with_neural_style_transfer).

The costs are checked on small activations drawn from seeded NumPy generators, against values written
out; ``train_step`` on a copy of the notebook's starting image, against the cost that image has with
the notebook's content image ("chelsea"), style image ("waves") and feature network.
"""
import numpy as np

from helpers.checks import Checker, call_quietly, is_tensor

__all__ = [
    "compute_content_cost_test",
    "compute_layer_style_cost_test",
    "compute_style_cost_test",
    "gram_matrix_test",
    "notebook_globals",
    "starting_image",
    "total_cost_test",
    "train_step_test",
]

#: The cost of the notebook's starting image (content image plus seeded noise), alpha = 10, beta = 40.
FIRST_STEP_COST = 6.1625
#: A A^T for the A of gram_matrix_test.
GRAM = np.array([[47.186134, 6.2800484, 4.3467917],
                 [6.2800484, 41.486145, 26.73981],
                 [4.3467917, 26.73981, 22.1768]], dtype=np.float32)


def _activations(seed, shapes, mean=1.0, std=4.0):
    import tensorflow as tf

    rng = np.random.default_rng(seed)
    return [tf.constant(rng.normal(mean, std, size=shape).astype(np.float32)) for shape in shapes]


def _scalar_tensor(check, value):
    check.true("returns a scalar tensor", is_tensor(value) and tuple(value.shape) == (),
               f"a scalar TensorFlow tensor expected, got {type(value).__name__} of shape {np.shape(value)} (use "
               "TensorFlow operations, and have you filled in every ### START CODE HERE ### block?)")


def compute_content_cost_test(target):
    check = Checker("compute_content_cost")
    content = _activations(1, [(1, 6, 6, 2), (1, 4, 4, 3)])
    generated = _activations(2, [(1, 6, 6, 2), (1, 4, 4, 3)])
    J = check.call(target, content, generated, case="two lists of activations, (1, 6, 6, 2) then (1, 4, 4, 3)")
    _scalar_tensor(check, J)
    check.same("the cost of the last activations (equation 1)", np.float32(5.943788), np.float32(J), rtol=1e-5)
    same = check.call(target, content, content, case="the same list twice")
    check.same("zero when both images have the same activations", 0.0, float(same), atol=1e-7)
    check.done()


def gram_matrix_test(target):
    import tensorflow as tf

    check = Checker("gram_matrix")
    A = tf.constant(np.random.default_rng(1).normal(1, 4, size=(3, 4)).astype(np.float32))
    GA = check.call(target, A, case="A of shape (3, 4)")
    check.true("returns a tensor", is_tensor(GA), f"a tensor expected, got {type(GA).__name__}")
    check.same("shape (n_C, n_C)", (3, 3), tuple(GA.shape))
    check.same("values, A A^T", GRAM, np.asarray(GA), rtol=1e-5, atol=1e-4)
    check.done()


def compute_layer_style_cost_test(target):
    check = Checker("compute_layer_style_cost")
    a_S, a_G = _activations(1, [(1, 4, 4, 3), (1, 4, 4, 3)])
    J = check.call(target, a_S, a_G, case="a_S and a_G of shape (1, 4, 4, 3)")
    _scalar_tensor(check, J)
    check.same("the cost of equation (2)", np.float32(9.83009), np.float32(J), rtol=1e-5)
    check.done()


def compute_style_cost_test(target):
    check = Checker("compute_style_cost")
    shapes = [(1, 6, 6, 2), (1, 6, 6, 4), (1, 3, 3, 5), (1, 3, 3, 5)]
    style, generated = _activations(1, shapes, mean=0.0, std=1.0), _activations(2, shapes, mean=0.0, std=1.0)
    layers = [("first", 0.5), ("second", 0.3), ("third", 0.2)]
    J = check.call(target, style, generated, layers, case="three style layers weighted 0.5, 0.3, 0.2, then the "
                                                         "content layer")
    _scalar_tensor(check, J)
    check.same("the weighted sum of equation (3)", np.float32(0.03129936), np.float32(J), rtol=1e-5)
    shapes = [(1, 4, 4, 2)] * 6
    style, generated = _activations(3, shapes, mean=0.0, std=1.0), _activations(4, shapes, mean=0.0, std=1.0)
    J = check.call(target, style, generated, case="the default STYLE_LAYERS: five layers, 0.2 each")
    check.same("the cost with the default weights", np.float32(0.019813478), np.float32(J), rtol=1e-5)
    check.done()


def total_cost_test(target):
    check = Checker("total_cost")
    J = check.call(target, 0.2, 0.8, case="J_content = 0.2, J_style = 0.8")
    check.true("returns a tensor", is_tensor(J), f"a tensor expected, got {type(J).__name__} (keep @tf.function)")
    check.same("10 * 0.2 + 40 * 0.8", np.float32(34.0), np.float32(J), rtol=1e-6)
    J = check.call(target, 1.5, 0.25, alpha=2, beta=8, case="J_content = 1.5, J_style = 0.25, alpha = 2, beta = 8")
    check.same("2 * 1.5 + 8 * 0.25", np.float32(5.0), np.float32(J), rtol=1e-6)
    check.done()


def starting_image():
    """The notebook's starting image: the content image plus uniform noise in [-0.25, 0.25] (seed 0), clipped."""
    from helpers.style_transfer import load_content_image

    content = load_content_image("chelsea")[np.newaxis]
    noise = np.random.default_rng(0).uniform(-0.25, 0.25, size=content.shape).astype(np.float32)
    return np.clip(content + noise, 0, 1)


def notebook_globals(namespace):
    """Give ``namespace`` the notebook's ``vgg_model_outputs``, ``a_C`` and ``a_S`` where it lacks them.

    ``train_step`` reads them as globals. In the notebook they exist (section 5); a namespace that
    holds only the graded cells (a test outside the notebook, the grader's reference) gets them
    computed as the notebook computes them: the content image "chelsea", the style image "waves", the
    feature network, ``namespace["STYLE_LAYERS"]`` and the content layer ``block2_conv1``.
    """
    if all(name in namespace for name in ("vgg_model_outputs", "a_C", "a_S")):
        return
    import tensorflow as tf

    from helpers.style_transfer import get_layer_outputs, load_content_image, load_feature_network, make_style_image

    outputs = get_layer_outputs(load_feature_network(), namespace["STYLE_LAYERS"] + [("block2_conv1", 1)])
    namespace.setdefault("vgg_model_outputs", outputs)
    namespace.setdefault("a_C", outputs(tf.constant(load_content_image("chelsea")[np.newaxis])))
    namespace.setdefault("a_S", outputs(tf.constant(make_style_image("waves")[np.newaxis])))


def train_step_test(target):
    import inspect

    import tensorflow as tf

    check = Checker("train_step")
    notebook_globals(inspect.unwrap(target).__globals__)
    start = starting_image()
    image = tf.Variable(start)  # a fresh image: the notebook's own is left as it is
    try:
        J1 = call_quietly(target, image)
        J2 = call_quietly(target, image)
    except Exception as error:  # the learner's code, any error
        check.fail(f"raised {type(error).__name__}: {error} (have you filled in every ### START CODE HERE ### "
                   "block?)")
    _scalar_tensor(check, J1)
    check.same("the cost of the starting image (alpha = 10, beta = 40)", np.float32(FIRST_STEP_COST),
               np.float32(J1), rtol=1e-3)
    check.true("the second step costs less", float(J2) < float(J1),
               f"J fell from {float(J1):.4f} to {float(J2):.4f}; expected it to fall")
    moved = image.numpy()
    check.true("the step changed the pixels", not np.array_equal(moved, start), "the image did not change")
    check.true("the pixels stay in [0, 1]", bool(moved.min() >= 0 and moved.max() <= 1),
               f"values from {moved.min():.3f} to {moved.max():.3f}")
    check.done()
