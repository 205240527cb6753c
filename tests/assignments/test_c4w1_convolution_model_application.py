"""Convolution model application: hidden tests judge a model as the original course's comparator did
(layer classes in order, output shapes, parameter counts, activations, padding, strides), catch
plausible bugs and accept other correct ways of writing the same model; the notebook teaches its
lesson. Grading shortens the notebook's trainings, so the lesson is read from one run of the
reference notebook outside grading."""
import base64
import re

import pytest

from tests.support import (check_mutants_and_variants, errors, executed_reference, graded_reference, hidden_verdict,
                           printed_text, stderr_cells)

ASSIGNMENT = "c4w1_convolution_model_application"

# --- happyModel ------------------------------------------------------------------------------------

HAPPY = '''
def happyModel():
    return tf.keras.Sequential([
        tf.keras.Input(shape=(64, 64, 3)),
        {pad}
        {conv}
        {norm}
        {relu}
        {pool}
        {flatten}
        {dense}
    ])
'''
HAPPY_LAYERS = {"pad": "tfl.ZeroPadding2D(padding=3),", "conv": "tfl.Conv2D(32, (7, 7), strides=(1, 1)),",
                "norm": "tfl.BatchNormalization(axis=3),", "relu": "tfl.ReLU(),", "pool": "tfl.MaxPooling2D(),",
                "flatten": "tfl.Flatten(),", "dense": 'tfl.Dense(1, activation="sigmoid"),'}


def happy(**layers):
    """The reference stack with some layers replaced (an empty string drops one)."""
    return HAPPY.format(**{**HAPPY_LAYERS, **layers})


HAPPY_FUNCTIONAL = '''
def happyModel():
    inputs = tf.keras.Input(shape=(64, 64, 3))
    X = tfl.ZeroPadding2D(padding=3)(inputs)
    X = tfl.Conv2D(32, (7, 7), strides=(1, 1))(X)
    X = tfl.BatchNormalization(axis=3)(X)
    X = tfl.ReLU()(X)
    X = tfl.MaxPooling2D()(X)
    X = tfl.Flatten()(X)
    return tf.keras.Model(inputs, tfl.Dense(1, activation="sigmoid")(X))
'''

HAPPY_ADD = '''
from tensorflow.keras import layers

def happyModel():
    model = tf.keras.Sequential()
    model.add(tf.keras.Input(shape=(64, 64, 3)))
    model.add(layers.ZeroPadding2D((3, 3)))
    model.add(layers.Conv2D(filters=32, kernel_size=7, strides=1, padding="valid"))
    model.add(layers.BatchNormalization(axis=3))
    model.add(layers.ReLU())
    model.add(layers.MaxPool2D(pool_size=2, strides=2))
    model.add(layers.Flatten())
    model.add(layers.Dense(units=1, activation=tf.keras.activations.sigmoid))
    return model
'''

# the original course's own answer: the input shape given to the first layer (Keras 3 warns, and builds the same model)
HAPPY_INPUT_SHAPE = '''
def happyModel():
    model = tf.keras.Sequential([
        tfl.ZeroPadding2D(padding=(3, 3), input_shape=(64, 64, 3)),
        tfl.Conv2D(32, (7, 7), strides=(1, 1), name="conv0"),
        tfl.BatchNormalization(axis=3, name="bn0"),
        tfl.ReLU(),
        tfl.MaxPooling2D(name="max_pool0"),
        tfl.Flatten(),
        tfl.Dense(1, activation="sigmoid", name="fc"),
    ])
    return model
'''

HAPPY_KERAS = '''
import keras

def happyModel():
    stack = [keras.Input((64, 64, 3)), keras.layers.ZeroPadding2D(((3, 3), (3, 3))),
             keras.layers.Conv2D(32, 7), keras.layers.BatchNormalization(axis=3), keras.layers.ReLU(),
             keras.layers.MaxPooling2D((2, 2)), keras.layers.Flatten(), keras.layers.Dense(1, "sigmoid")]
    smile_detector = keras.Sequential(stack)
    return smile_detector
'''

# --- convolutional_model ------------------------------------------------------------------------------

CONV = '''
def convolutional_model(input_shape):
    input_img = {input}
    Z1 = {conv1}(input_img)
    A1 = {relu1}(Z1)
    P1 = {pool1}(A1)
    Z2 = {conv2}(P1)
    A2 = tfl.ReLU()(Z2)
    P2 = {pool2}(A2)
    F = {flatten}(P2)
    outputs = {dense}(F)
    return tf.keras.Model(inputs=input_img, outputs=outputs)
'''
CONV_LAYERS = {"input": "tf.keras.Input(shape=input_shape)",
               "conv1": 'tfl.Conv2D(8, (4, 4), strides=(1, 1), padding="same")', "relu1": "tfl.ReLU()",
               "pool1": 'tfl.MaxPool2D(pool_size=(8, 8), strides=(8, 8), padding="same")',
               "conv2": 'tfl.Conv2D(16, (2, 2), strides=(1, 1), padding="same")',
               "pool2": 'tfl.MaxPool2D(pool_size=(4, 4), strides=(4, 4), padding="same")',
               "flatten": "tfl.Flatten()", "dense": 'tfl.Dense(6, activation="softmax")'}
IDENTITY = "(lambda X: X)"


def conv(**layers):
    """The reference graph with some layers replaced (IDENTITY drops one)."""
    return CONV.format(**{**CONV_LAYERS, **layers})


CONV_SEQUENTIAL = '''
def convolutional_model(input_shape):
    return tf.keras.Sequential([
        tf.keras.Input(shape=input_shape),
        tfl.Conv2D(8, (4, 4), padding="same"), tfl.ReLU(), tfl.MaxPool2D(8, 8, padding="same"),
        tfl.Conv2D(16, (2, 2), padding="same"), tfl.ReLU(), tfl.MaxPool2D(4, 4, padding="same"),
        tfl.Flatten(), tfl.Dense(6, activation="softmax")])
'''

CONV_POSITIONAL = '''
from tensorflow.keras import layers

def convolutional_model(input_shape):
    x_in = tf.keras.Input(input_shape)
    x = layers.Conv2D(8, 4, 1, "SAME")(x_in)
    x = layers.ReLU()(x)
    x = layers.MaxPooling2D(8, 8, "same")(x)
    x = layers.Conv2D(16, 2, 1, "same")(x)
    x = layers.ReLU()(x)
    x = layers.MaxPooling2D(4, 4, "same")(x)
    x = layers.Flatten()(x)
    x = layers.Dense(6, activation=tf.keras.activations.softmax)(x)
    return tf.keras.Model(x_in, x)
'''

CONV_LOOP = '''
def convolutional_model(input_shape):
    inputs = tf.keras.Input(shape=input_shape)
    stages = [tf.keras.layers.Conv2D(filters=8, kernel_size=4, padding="same"), tf.keras.layers.ReLU(),
              tf.keras.layers.MaxPool2D(pool_size=8, padding="same"),  # strides default to the window
              tf.keras.layers.Conv2D(filters=16, kernel_size=2, padding="same"), tf.keras.layers.ReLU(),
              tf.keras.layers.MaxPool2D(pool_size=4, padding="same"),
              tf.keras.layers.Flatten(), tf.keras.layers.Dense(units=6, activation="softmax")]
    tensor = inputs
    for stage in stages:
        tensor = stage(tensor)
    return tf.keras.Model(inputs=inputs, outputs=tensor)
'''

MUTANTS = {
    "happyModel": [
        happy(pad="tfl.ZeroPadding2D(padding=2),"),  # wrong padding
        happy(norm=""),  # no batch normalization
        happy(norm="tfl.BatchNormalization(axis=1),"),  # normalizes the rows: 4 · 64 parameters
        happy(conv="tfl.Conv2D(32, (5, 5), strides=(1, 1)),"),
        happy(dense='tfl.Dense(1, activation="relu"),'),
        happy(dense='tfl.Dense(1, activation="softmax"),'),  # a softmax of one unit is always 1
        happy(flatten=""),  # Dense on the 32 × 32 × 32 volume: an output per position
        # the ReLU folded into the convolution: the original's comparator recorded the convolution's
        # activation ('linear' expected) and a ReLU layer after batch normalization, so it failed this too
        happy(conv='tfl.Conv2D(32, (7, 7), strides=(1, 1), activation="relu"),', relu=""),
        happy(conv='tfl.Conv2D(32, (7, 7), strides=(1, 1), activation="relu"),'),  # ReLU twice
        happy(relu='tfl.Activation("relu"),'),  # another layer class than the original's ReLU
        happy(conv='tfl.Conv2D(32, (7, 7), strides=(1, 1), padding="same"),'),  # 70 × 70 after the padding
        happy(pool="tfl.MaxPooling2D(pool_size=(2, 2), strides=(1, 1)),"),
        HAPPY_FUNCTIONAL,  # the Functional API where the exercise asks for a Sequential model
    ],
    "convolutional_model": [
        conv(conv1='tfl.Conv2D(8, (4, 4), strides=(1, 1), padding="valid")'),
        conv(pool1='tfl.MaxPool2D(pool_size=(8, 8), strides=(8, 8), padding="valid")'),  # same shapes at 64 × 64
        # upper case, as the original's comments wrote it: Keras 3 accepts it for Conv2D, not for pooling
        conv(pool1='tfl.MaxPool2D(pool_size=(8, 8), strides=(8, 8), padding="SAME")'),
        # stride 1, a convolution's default, instead of the window's 8 and 4
        conv(pool1='tfl.MaxPool2D(pool_size=(8, 8), strides=(1, 1), padding="same")',
             pool2='tfl.MaxPool2D(pool_size=(4, 4), strides=(1, 1), padding="same")'),
        conv(pool1='tfl.MaxPool2D(padding="same")', pool2='tfl.MaxPool2D(padding="same")'),  # default 2 × 2 windows
        conv(dense='tfl.Dense(1, activation="softmax")'),
        conv(dense='tfl.Dense(6, activation="sigmoid")'),
        conv(dense="tfl.Dense(6)"),  # no softmax
        conv(flatten=IDENTITY),
        conv(conv1='tfl.Conv2D(8, (4, 4), strides=(1, 1), padding="same", activation="relu")', relu1=IDENTITY),
        conv(conv2='tfl.Conv2D(16, (4, 4), strides=(1, 1), padding="same")'),
        conv(input="tf.keras.Input(shape=(64, 64, 3))"),  # the notebook's input shape written in
        CONV_SEQUENTIAL,  # the Sequential API where the exercise asks for the Functional API
    ],
}

VARIANTS = {
    "happyModel": [HAPPY_ADD, happy(), HAPPY_INPUT_SHAPE, HAPPY_KERAS,
                   # axis -1 (Keras's default) is axis 3 of (m, h, w, c), as the original's comparator judged it
                   happy(norm="tfl.BatchNormalization(axis=-1),"), happy(norm="tfl.BatchNormalization(),")],
    "convolutional_model": [
        CONV_POSITIONAL,
        conv(),
        CONV_LOOP,
        # strides left out: Keras's default stride for pooling is the window size
        conv(pool1='tfl.MaxPooling2D((8, 8), padding="same")', pool2='tfl.MaxPooling2D((4, 4), padding="same")'),
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do wrong padding, kernel sizes, strides, pooling windows, activations, a missing batch normalization or
    Flatten, a ReLU folded into the convolution, a written-in input shape and the other API fail, and other
    spellings of the same models (int or tuple sizes, positional or keyword arguments, .add() or a list,
    tfl / layers / keras imports, the original's input_shape=, default pooling strides) pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mistakes_are_named_by_layer():
    """Does a failed hidden test name the layer and the setting that differs?"""
    verdict = hidden_verdict(ASSIGNMENT, "happyModel", happy(conv="tfl.Conv2D(32, (5, 5), strides=(1, 1)),"))
    assert "layer 1 (Conv2D): kernel_size [7, 7] expected, got [5, 5]" in verdict
    verdict = hidden_verdict(ASSIGNMENT, "convolutional_model",
                             conv(conv1='tfl.Conv2D(8, (4, 4), padding="same", activation="relu")', relu1=IDENTITY))
    assert "layer 1 (Conv2D): activation 'linear' expected, got 'relu'" in verdict
    verdict = hidden_verdict(ASSIGNMENT, "convolutional_model", conv(input="tf.keras.Input(shape=(64, 64, 3))"))
    assert "input_shape (32, 40, 1)" in verdict and "expected shape=(None, 64, 64, 3)" in verdict


def _number(pattern, text):
    return float(re.search(pattern, text)[1])


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_smile_detector_learns_the_cartoons_and_not_real_faces():
    """Trained for 10 epochs, does happyModel reach at least 0.8 test accuracy on the cartoons (the original:
    0.93 on its photos), while on the real faces it stays near the 0.63 of always answering 'not smiling'?"""
    _, notebook = executed_reference(ASSIGNMENT)
    assert errors(notebook) == []
    text = printed_text(notebook)
    assert re.search(r"^epoch  10: ", text, re.MULTILINE), text
    train = _number(r"epoch  10: accuracy ([\d.]+)", text)
    test = _number(r"test accuracy: ([\d.]+)", text)
    assert train >= 0.85 and 0.8 <= test <= 1.0, text
    probe = _number(r"real faces: accuracy ([\d.]+)", text)
    assert _number(r"always 'not smiling': accuracy ([\d.]+)", text) == 0.63
    assert 0.4 <= probe <= 0.8 and probe < test - 0.1, text


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_digit_model_beats_chance_clearly():
    """After 40 epochs, are the digit model's training and test accuracies far above chance (1/6), near the
    original's 0.91 / 0.80 after 100 epochs?"""
    text = executed_reference(ASSIGNMENT)[0]
    assert re.search(r"^epoch  40: ", text, re.MULTILINE), text
    train = float(re.findall(r"train accuracy: ([\d.]+)", text)[-1])
    test = float(re.findall(r"test accuracy: ([\d.]+)", text)[-1])
    assert 0.7 <= train <= 0.97 and 0.65 <= test <= 0.97, text


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_summaries_show_the_parameter_counts():
    """Do both model.summary() tables show the total parameter counts the prose derives?"""
    _, notebook = executed_reference(ASSIGNMENT)
    text = printed_text(notebook) + "".join(
        o.get("data", {}).get("text/plain", "") for c in notebook.cells if c.cell_type == "code" for o in c.outputs)
    assert "37,633" in text and "1,310" in text


@pytest.mark.xdist_group(ASSIGNMENT)
def test_figures_and_widgets_leave_images_and_nothing_on_stderr():
    """Does every figure cell (data grids, learning curves, mistakes, the two feature-map widgets) leave a
    PNG, and does no cell write to stderr?"""
    _, notebook = executed_reference(ASSIGNMENT)
    pngs = [base64.b64decode(o.data["image/png"]) for c in notebook.cells if c.cell_type == "code"
            for o in c.outputs if o.output_type in ("display_data", "execute_result") and "image/png" in o.data]
    assert len(pngs) >= 9 and all(p.startswith(b"\x89PNG") for p in pngs)
    widget_cells = [c for c in notebook.cells if c.cell_type == "code" and c.source.startswith("feature_maps_widget(")]
    assert len(widget_cells) == 2
    for cell in widget_cells:
        assert any("image/png" in o.get("data", {}) for o in cell.outputs), cell.source
    assert stderr_cells(notebook) == []


@pytest.mark.xdist_group(ASSIGNMENT)
def test_grading_shortens_the_lesson_trainings():
    """Under nbgrader, do the lesson's trainings run 1 and 2 epochs instead of 10 and 40?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    assert "epoch   1: " in text and "epoch   2: " not in text and "epoch   5: " not in text, text
