"""Hidden tests of *Convolutional neural networks: an application*.

Both graded functions return a Keras model. ``check.call`` builds it with the learner's function and
with the reference, each from the same Keras seed, and compares the two layer by layer
(:class:`helpers.model_summary.ModelSummary`): the model's class (Sequential or Functional), the layer
classes in order, their judged configuration (filters, kernel size, strides, padding, activation,
pool size, axis, units, …), output shapes and parameter counts — what the original course's
``comparator`` judged — and then the outputs of both models on random pictures, in inference mode.

As in the original, an activation must be where the exercise puts it: a ``ReLU`` layer, not
``Conv2D(..., activation="relu")`` (the comparator recorded each convolution's activation, "linear",
and the ``ReLU`` layers in the list).

``convolutional_model`` is also built for input shapes other than the notebook's, so an input shape
written into the function fails. ``BatchNormalization(axis=-1)`` (Keras's default) passes: it is
axis 3 of ``(m, h, w, c)``, and the summary counts a negative axis from the end. (``MaxPool2D(padding="SAME")``,
as the original's comments wrote it, is an error in Keras 3.)
"""
import numpy as np

from autograder.hidden import hidden_test, probe


def random_pictures(rng, shape, m=3):
    """``m`` random pictures of ``shape`` with pixel values in [0, 1], float32."""
    return rng.random((m, *shape)).astype(np.float32)


@hidden_test("happyModel", points=2)
def check_happy_model(check, rng):
    pictures = random_pictures(rng, (64, 64, 3))
    check.call(case="the smile detector", keras_seed=int(rng.integers(2**31 - 1)),
               probe=probe(pictures, training=False), rtol=1e-4, atol=1e-6)


@hidden_test("convolutional_model", points=2)
def check_convolutional_model(check, rng):
    shapes = [(64, 64, 3), (32, 40, 1),
              (int(rng.integers(20, 90)), int(rng.integers(20, 90)), int(rng.choice([2, 3, 4])))]
    for shape in shapes:
        check.call(shape, case=f"input_shape {shape}", keras_seed=int(rng.integers(2**31 - 1)),
                   probe=probe(random_pictures(rng, shape), training=False), rtol=1e-4, atol=1e-6)
