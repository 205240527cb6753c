"""Introduction to TensorFlow: hidden tests catch plausible bugs, accept other correct answers, and
the notebook still teaches its lesson."""
import re

import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text, stderr_cells

ASSIGNMENT = "c2w3_tensorflow_introduction"

LINEAR = '''
def linear_function():
    np.random.seed(1)
    {draws}
    return {result}
'''
GOOD_DRAWS = ("X = tf.constant(np.random.randn(3, 1)); W = tf.constant(np.random.randn(4, 3)); "
              "b = tf.constant(np.random.randn(4, 1))")

INITIALIZE = '''
def initialize_parameters():
    initializer = {initializer}
    shapes = {{"W1": {W1}, "b1": (25, 1), "W2": (12, 25), "b2": (12, 1), "W3": (6, 12), "b3": (6, 1)}}
    return {{key: {wrap} for key, shape in shapes.items()}}
'''
GLOROT = "tf.keras.initializers.GlorotNormal(seed=1)"


def initialize(initializer=GLOROT, W1="(25, 12288)", wrap="tf.Variable(initializer(shape=shape))"):
    return INITIALIZE.format(initializer=initializer, W1=W1, wrap=wrap)


FORWARD = '''
def forward_propagation(X, parameters):
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    A1 = {g}(W1 @ X + b1)
    A2 = {g2}(W2 @ A1 + b2)
    return {out}
'''


def forward(g="tf.nn.relu", g2=None, out="W3 @ A2 + b3"):
    return FORWARD.format(g=g, g2=g2 or g, out=out)


def loss(body):
    return f"def compute_total_loss(logits, labels):\n    return {body}\n"


CCE = "tf.keras.losses.categorical_crossentropy"

NUMPY_FORWARD = '''
def forward_propagation(X, parameters):
    W1, b1, W2, b2, W3, b3 = (parameters[k].numpy() for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    A1 = np.maximum(W1 @ X.numpy() + b1, 0)
    A2 = np.maximum(W2 @ A1 + b2, 0)
    return tf.constant(W3 @ A2 + b3)
'''
NUMPY_LOSS = '''
def compute_total_loss(logits, labels):
    Z = logits.numpy() - logits.numpy().max(axis=0)
    return tf.constant(-np.sum(labels.numpy() * (Z - np.log(np.exp(Z).sum(axis=0)))))
'''

MUTANTS = {
    "linear_function": [
        LINEAR.format(draws=GOOD_DRAWS, result="tf.matmul(W, X)"),  # forgot b
        LINEAR.format(draws="W = tf.constant(np.random.randn(4, 3)); X = tf.constant(np.random.randn(3, 1)); "
                            "b = tf.constant(np.random.randn(4, 1))", result="W @ X + b"),  # wrong order of draws
        LINEAR.format(draws=GOOD_DRAWS.replace("))", "), dtype=tf.float32)"), result="W @ X + b"),  # float32
        LINEAR.format(draws=GOOD_DRAWS, result="W @ X + b").replace("np.random.seed(1)", "pass"),  # forgot the seed
        LINEAR.format(draws=GOOD_DRAWS, result="(W @ X + b).numpy()"),  # a numpy array, not a tensor
    ],
    "sigmoid": [
        "def sigmoid(z):\n    return tf.keras.activations.sigmoid(tf.convert_to_tensor(z))",  # no cast
        "def sigmoid(z):\n    return tf.keras.activations.sigmoid(tf.cast(z, tf.float64))",
        "def sigmoid(z):\n    z = tf.cast(z, tf.float32)\n    return 1 / (1 + tf.exp(z))",
        "def sigmoid(z):\n    return tf.keras.activations.sigmoid(tf.cast(z, tf.float32)).numpy()",
        # computed in NumPy, then wrapped: no gradient flows
        "def sigmoid(z):\n    return tf.constant(1 / (1 + np.exp(-np.asarray(z, dtype=np.float32))))",
    ],
    "one_hot_matrix": [
        "def one_hot_matrix(label, C=6):\n    return tf.one_hot(label, C, axis=0)",  # no reshape: (C, 1) for [k]
        "def one_hot_matrix(label, C=6):\n    return tf.reshape(tf.one_hot(label, 6, axis=0), [6])",  # C ignored
        "def one_hot_matrix(label, C=6):\n    return tf.reshape(tf.one_hot(label, C, axis=0, dtype=tf.int32), [C])",
        "def one_hot_matrix(label, C=6):\n    return tf.reshape(tf.one_hot(label - 1, C, axis=0), [C])",
        "def one_hot_matrix(label, C=6):\n    return tf.constant([0.0, 1.0, 0.0, 0.0])",  # the demo's answer
    ],
    "initialize_parameters": [
        initialize(initializer="tf.keras.initializers.GlorotUniform(seed=1)"),
        initialize(initializer="tf.keras.initializers.GlorotNormal(seed=0)"),
        initialize(wrap="initializer(shape=shape)"),  # tensors, not variables
        initialize(wrap="tf.Variable(initializer(shape=shape) if key[0] == 'W' else tf.zeros(shape))"),
        initialize(W1="(12288, 25)"),  # transposed
    ],
    "forward_propagation": [
        forward(g2="tf.identity"),  # forgot the second relu
        forward(out="tf.nn.softmax(W3 @ A2 + b3, axis=0)"),  # softmax at the end
        forward(g="tf.sigmoid"),
        forward(out="tf.transpose(W3) @ A2 + b3"),  # transposed weights
        forward(out="tf.reshape(W3 @ A2 + b3, (6, X.shape[1]))"),  # the network's 6 classes
        NUMPY_FORWARD,  # computed in NumPy, then wrapped: no gradient flows
    ],
    "compute_total_loss": [
        loss(f"tf.reduce_mean({CCE}(tf.transpose(labels), tf.transpose(logits), from_logits=True))"),
        loss(f"tf.reduce_sum({CCE}(labels, logits, from_logits=True))"),  # no transposes
        loss(f"tf.reduce_sum({CCE}(tf.transpose(labels), tf.transpose(logits)))"),  # logits taken as probabilities
        loss("tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits))"),
        loss(f"tf.reduce_sum({CCE}(tf.transpose(logits), tf.transpose(labels), from_logits=True))"),  # swapped
        # softmax, then the logarithm: log(0) once large logits underflow
        loss("-tf.reduce_sum(labels * tf.math.log(tf.nn.softmax(logits, axis=0)))"),
        # probabilities clipped at 1e-7 by Keras: wrong for large logits only
        loss(f"tf.reduce_sum({CCE}(tf.transpose(labels), tf.nn.softmax(tf.transpose(logits))))"),
        NUMPY_LOSS,  # computed in NumPy, then wrapped: no gradient flows
        loss(f"float(tf.reduce_sum({CCE}(tf.transpose(labels), tf.transpose(logits), from_logits=True)))"),
    ],
}

VARIANTS = {
    "linear_function": [
        LINEAR.format(draws=GOOD_DRAWS, result="W @ X + b"),
        LINEAR.format(draws="X = np.random.randn(3, 1); W = np.random.randn(4, 3); b = np.random.randn(4, 1)",
                      result="tf.add(tf.matmul(tf.constant(W), tf.constant(X)), tf.constant(b))"),
    ],
    "sigmoid": [
        "def sigmoid(z):\n    return tf.math.sigmoid(tf.cast(z, tf.float32))",
        "def sigmoid(z):\n    z = tf.cast(z, dtype=tf.float32)\n    return 1 / (1 + tf.exp(-z))",
    ],
    "one_hot_matrix": [
        "def one_hot_matrix(label, C=6):\n    return tf.reshape(tf.one_hot(label, depth=C), (C,))",
        "def one_hot_matrix(label, C=6):\n    return tf.one_hot(tf.reshape(label, []), C)",
    ],
    "initialize_parameters": [
        initialize(),
        '''
def initialize_parameters():
    parameters = {}
    for name, shape in (("W1", [25, 12288]), ("b1", [25, 1]), ("W2", [12, 25]), ("b2", [12, 1]),
                        ("W3", [6, 12]), ("b3", [6, 1])):
        parameters[name] = tf.Variable(tf.keras.initializers.GlorotNormal(seed=1)(shape))
    return parameters
''',
    ],
    "forward_propagation": [
        forward(),
        forward(g="(lambda Z: tf.maximum(Z, 0.0))"),
        '''
def forward_propagation(X, parameters):
    A = X
    for l in (1, 2, 3):
        Z = tf.linalg.matmul(parameters[f"W{l}"], A) + parameters[f"b{l}"]
        A = tf.keras.activations.relu(Z) if l < 3 else Z
    return A
''',
    ],
    "compute_total_loss": [
        loss("tf.reduce_sum(tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits, axis=0))"),
        loss("-tf.reduce_sum(labels * tf.nn.log_softmax(logits, axis=0))"),
        loss('tf.keras.losses.CategoricalCrossentropy(from_logits=True, reduction="sum")('
             'tf.transpose(labels), tf.transpose(logits))'),
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do wrong seeds, dtypes, shapes, initializers, activations, a mean instead of a sum, a softmax before
    the logarithm, the network's sizes and results computed in NumPy fail, and other correct TensorFlow
    formulations pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_tour_finds_the_minimum_of_the_lecture_cost():
    """Does the GradientTape tour get dJ/dw = -10 at w = 0 and bring w to 5?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    assert "dJ/dw at w = 0: -10.0" in text
    assert abs(float(re.search(r"w after 100 steps: ([\d.]+)", text)[1]) - 5) < 1e-3


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_network_learns_the_six_digits():
    """Does the network trained for 50 epochs reach roughly the original's accuracies (train 75 %, test
    69 % after 100 epochs), with a falling cost and the training accuracy ahead at the end?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    costs = [float(c) for c in re.findall(r"Cost after epoch \d+: ([\d.]+)", text)]
    assert len(costs) == 6 and costs[0] > 1.7 and costs[-1] < 0.8 * costs[0], text
    assert all(later < earlier for earlier, later in zip(costs, costs[1:])), costs
    train = float(re.search(r"train accuracy: ([\d.]+) %", text)[1])
    test = float(re.search(r"test accuracy: ([\d.]+) %", text)[1])
    assert 62 <= train <= 80, text
    assert 58 <= test <= 76, text
    assert train >= test - 2


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_writes_nothing_to_stderr():
    """Does every cell of the graded reference stay free of stderr output (TensorFlow's log lines)?"""
    _, graded = graded_reference(ASSIGNMENT)
    assert stderr_cells(graded) == []
