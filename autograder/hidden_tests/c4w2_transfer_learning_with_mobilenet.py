"""Hidden tests of *Transfer learning with MobileNetV2*.

``data_augmenter`` is compared layer by layer with the reference (classes, flip mode, rotation
factor). ``alpaca_model`` is built by the learner's function and the reference from the same Keras
seed, for the notebook's 64×64 pictures and for other sizes, with an augmentation layer the test
passes (so a model that ignores its ``data_augmentation`` argument fails), and compared layer by layer
— the frozen base's 154 layers included — and by its logits on random pictures in inference mode,
which show the pixel scaling of ``preprocess_input``. ``compile_for_fine_tuning`` gets a fresh
copy of the shipped source network, whose base (the layer named ``BASE_NAME``) is frozen, with other
``fine_tune_at`` values than the notebook's: every layer's ``trainable`` flag is compared.

Known limit: the grader's wire carries a model's layers, not how it was compiled, so the loss,
optimizer, learning rate and metric of ``compile_for_fine_tuning`` are checked by its public test
only (``model.get_compile_config()``), not here.
"""
import numpy as np

from autograder.hidden import hidden_test, probe
from autograder.sandbox.wire import Built


def random_pictures(rng, height, width, m=2):
    """``m`` float32 pictures with pixel values 0..255."""
    return (255 * rng.random((m, height, width, 3))).astype(np.float32)


@hidden_test("data_augmenter", points=1)
def check_data_augmenter(check, rng):
    check.call(case="data_augmenter()")


@hidden_test("alpaca_model", points=3)
def check_alpaca_model(check, rng):
    check.call((64, 64), Built("keras.layers.RandomFlip", "horizontal"), keras_seed=0,
               probe=probe(random_pictures(rng, 64, 64), training=False), rtol=1e-4, atol=1e-5,
               case="image_shape=(64, 64), data_augmentation=RandomFlip('horizontal')")
    height, width = int(rng.integers(40, 100)), int(rng.integers(40, 100))
    check.call(image_shape=(height, width), data_augmentation=Built("keras.layers.RandomRotation", 0.1),
               keras_seed=int(rng.integers(1000)), probe=probe(random_pictures(rng, height, width), training=False),
               rtol=1e-4, atol=1e-5,
               case=f"image_shape=({height}, {width}), data_augmentation=RandomRotation(0.1)")


@hidden_test("compile_for_fine_tuning", points=2)
def check_compile_for_fine_tuning(check, rng):
    for fine_tune_at in (int(rng.integers(60, 110)), int(rng.integers(125, 150))):
        base_learning_rate = float(rng.choice([0.01, 0.003, 0.0005]))
        check.call(Built("helpers.transfer.load_source_network", frozen=True), base_learning_rate=base_learning_rate,
                   fine_tune_at=fine_tune_at,
                   case=f"the shipped source network with its base frozen, base_learning_rate={base_learning_rate}, fine_tune_at={fine_tune_at}")
