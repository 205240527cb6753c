"""Art generation with neural style transfer: hidden tests catch plausible bugs in the four costs and the
training step and accept other correct answers, and the notebook teaches its lesson: the random feature
network paints the content image in the style's colours and stripes, the style cost falls while the content
cost rises, and the learner's run matches the saved run of the gallery with the same weights."""
import re

import numpy as np
import pytest

from tests.support import check_mutants_and_variants, executed_reference, stderr_cells

ASSIGNMENT = "c4w4_art_generation_with_neural_style_transfer"

CONTENT = '''
def compute_content_cost(content_output, generated_output):
    a_C = content_output[{index}]
    a_G = generated_output[{index}]
    m, n_H, n_W, n_C = a_G.get_shape().as_list()
    J_content = {cost}
    return J_content
'''


def content(index="-1", cost="tf.reduce_sum(tf.square(a_C - a_G)) / (4.0 * n_H * n_W * n_C)"):
    return CONTENT.format(index=index, cost=cost)


LAYER_STYLE = '''
def compute_layer_style_cost(a_S, a_G):
    m, n_H, n_W, n_C = a_G.get_shape().as_list()
    a_S = {unroll_S}
    a_G = {unroll_G}
    GS = gram_matrix(a_S)
    GG = gram_matrix(a_G)
    J_style_layer = {cost}
    return J_style_layer
'''


def layer_style(unroll="tf.transpose(tf.reshape({a}, shape=[-1, n_C]))",
                cost="tf.reduce_sum(tf.square(GS - GG)) / (4.0 * (n_C * n_H * n_W) ** 2)"):
    return LAYER_STYLE.format(unroll_S=unroll.format(a="a_S"), unroll_G=unroll.format(a="a_G"), cost=cost)


STYLE = '''
STYLE_LAYERS = [("block1_conv1", 0.2), ("block1_conv2", 0.2), ("block1_conv3", 0.2), ("block1_conv4", 0.2),
                ("block2_conv1", 0.2)]


def compute_style_cost(style_image_output, generated_image_output, STYLE_LAYERS=STYLE_LAYERS):
    J_style = 0
    a_S = style_image_output[{layers}]
    a_G = generated_image_output[{layers}]
    for i, weight in zip(range(len(a_S)), STYLE_LAYERS):
        J_style += {term}
    return J_style
'''


def style(layers=":-1", term="weight[1] * compute_layer_style_cost(a_S[i], a_G[i])"):
    return STYLE.format(layers=layers, term=term)


TOTAL = '''
@tf.function()
def total_cost(J_content, J_style, alpha = 10, beta = 40):
    J = {total}
    return J
'''

STEP = '''
optimizer = keras.optimizers.Adam(learning_rate=0.01)


@tf.function()
def train_step(generated_image):
    with tf.GradientTape() as tape:
        a_G = vgg_model_outputs(generated_image)
        J_style = compute_style_cost(a_S, {style_of})
        J_content = compute_content_cost(a_C, a_G)
        J = {total}
    grad = tape.gradient(J, generated_image)
    optimizer.apply_gradients([(grad, generated_image)])
    generated_image.assign(clip_0_1(generated_image))
    return J
'''


def step(style_of="a_G", total="total_cost(J_content, J_style, alpha=10, beta=40)"):
    return STEP.format(style_of=style_of, total=total)


MUTANTS = {
    "compute_content_cost": [
        content(cost="tf.reduce_sum(tf.square(a_C - a_G)) / (n_H * n_W * n_C)"),  # no 4
        content(index="0"),  # the first activations, not the content layer's
        content(cost="np.sum(np.square(np.asarray(a_C) - np.asarray(a_G))) / (4.0 * n_H * n_W * n_C)"),  # NumPy
    ],
    "gram_matrix": [
        "def gram_matrix(A):\n    return tf.matmul(tf.transpose(A), A)\n",  # A^T A
        "def gram_matrix(A):\n    return A * A\n",  # elementwise
    ],
    "compute_layer_style_cost": [
        layer_style(unroll="tf.reshape({a}, shape=[n_C, -1])"),  # reshaped straight to (n_C, n_H n_W)
        layer_style(cost="tf.reduce_sum(tf.square(GS - GG)) / (4.0 * n_C ** 2 * n_H * n_W)"),  # positions not squared
    ],
    "compute_style_cost": [
        style(term="compute_layer_style_cost(a_S[i], a_G[i])"),  # weights ignored
        style(layers="1:"),  # off by one: the content layer taken, the first style layer left out
    ],
    "total_cost": [
        TOTAL.format(total="alpha * J_style + beta * J_content"),  # weights swapped
        TOTAL.format(total="10 * J_content + 40 * J_style"),  # alpha and beta ignored
    ],
    "train_step": [
        step(total="total_cost(J_style, J_content, alpha=10, beta=40)"),  # costs swapped
        step(style_of="a_C"),  # the style cost of the content image
    ],
}

VARIANTS = {
    "compute_content_cost": [
        content(),
        '''
def compute_content_cost(content_output, generated_output):
    a_C, a_G = content_output[-1], generated_output[-1]
    _, n_H, n_W, n_C = a_G.shape
    return tf.reduce_sum((tf.reshape(a_C, [-1]) - tf.reshape(a_G, [-1])) ** 2) / (4 * n_H * n_W * n_C)
''',
    ],
    "gram_matrix": [
        "def gram_matrix(A):\n    GA = A @ tf.transpose(A)\n    return GA\n",
        "def gram_matrix(A):\n    return tf.linalg.matmul(A, A, transpose_b=True)\n",
    ],
    "compute_layer_style_cost": [
        layer_style(unroll="tf.reshape(tf.transpose({a}, perm=[0, 3, 1, 2]), shape=[n_C, -1])",
                    cost="tf.reduce_sum((GS - GG) ** 2) / (2 * n_C * n_H * n_W) ** 2"),
        layer_style(),
    ],
    "compute_style_cost": [
        '''
STYLE_LAYERS = [("block1_conv1", 0.2), ("block1_conv2", 0.2), ("block1_conv3", 0.2), ("block1_conv4", 0.2),
                ("block2_conv1", 0.2)]


def compute_style_cost(style_image_output, generated_image_output, STYLE_LAYERS=STYLE_LAYERS):
    pairs = zip(STYLE_LAYERS, style_image_output[:-1], generated_image_output[:-1])
    return sum(weight * compute_layer_style_cost(a_S, a_G) for (_, weight), a_S, a_G in pairs)
''',
        style(layers=":"),  # the content layer's activations are left over by zip
    ],
    "total_cost": [
        TOTAL.format(total="tf.add(alpha * J_content, tf.multiply(J_style, beta))"),
        TOTAL.format(total="beta * J_style + alpha * J_content"),
    ],
    "train_step": [
        step(total="total_cost(J_content, J_style)"),  # the defaults are 10 and 40
        step(total="total_cost(J_content=J_content, J_style=J_style, alpha=10, beta=40)"),
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do a missing 4, the wrong activations, NumPy, A^T A, elementwise products, a reshape that mixes
    channels and positions, a wrong normalizer, ignored or shifted style weights, swapped or fixed alpha and
    beta, swapped costs and the style of the wrong image fail, while other spellings (operators, transposes,
    zip, defaults, keywords) pass?"""
    from autograder.reference import reference_namespace
    from helpers.public_tests.c4w4_art_generation_with_neural_style_transfer import notebook_globals

    notebook_globals(reference_namespace(ASSIGNMENT))  # train_step's globals, copied into every answer's namespace
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


def _final_costs(text):
    match = re.search(r"after (\d+) steps: J = ([\d.]+) \(from ([\d.]+)\), J_content = ([\d.]+), "
                      r"J_style = ([\d.]+) \(from ([\d.]+)\)", text)
    steps, J, J_start, J_content, J_style, J_style_start = match.groups()
    return int(steps), float(J), float(J_start), float(J_content), float(J_style), float(J_style_start)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_style_cost_falls_and_the_run_matches_the_saved_one():
    """After 100 steps, has J fallen by more than half (6.16 to 2.03 in one run) and the style cost fivefold (0.150 to 0.017),
    and do the learner's costs match the gallery's saved run with the same weights within 5 % (0.1 % and 1.2 % in one run)?"""
    from helpers.style_transfer import load_style_gallery

    text, _ = executed_reference(ASSIGNMENT)
    steps, J, J_start, J_content, J_style, J_style_start = _final_costs(text)
    assert steps == 100 and J < 0.5 * J_start and J_style < 0.2 * J_style_start, text[-400:]
    saved = load_style_gallery()["saved run: α = 10, β = 40"]["history"]
    assert saved["step"][-1] == steps
    assert np.isclose(J_content, saved["J_content"][-1], rtol=0.05), (J_content, saved["J_content"][-1])
    assert np.isclose(J_style, saved["J_style"][-1], rtol=0.05), (J_style, saved["J_style"][-1])


def test_the_gallery_trades_content_for_style():
    """In the saved runs, does a larger beta give a lower style cost and a higher content cost at the end,
    and does beta = 0 give the photo back (content cost near 0)?"""
    from helpers.style_transfer import GALLERY_BETAS, load_style_gallery

    runs = list(load_style_gallery().values())
    assert [run["beta"] for run in runs] == list(GALLERY_BETAS)
    content = [run["history"]["J_content"][-1] for run in runs]
    style = [run["history"]["J_style"][-1] for run in runs]
    assert content == sorted(content) and style == sorted(style, reverse=True), (content, style)
    assert content[0] < 1e-3 and style[-1] < 0.1 * style[0]
    assert sorted(runs[0]["images"]) == [0, 20, 40, 60, 80, 100]


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_writes_nothing_to_stderr():
    """Does every cell of the reference notebook, run outside grading, stay free of stderr output?"""
    _, notebook = executed_reference(ASSIGNMENT)
    assert stderr_cells(notebook) == []
