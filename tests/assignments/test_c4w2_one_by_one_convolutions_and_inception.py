"""1×1 convolutions and the Inception module: hidden tests catch plausible bugs in the counting functions, the 1×1
convolution, the Inception block and the small network, accept other correct answers, and the notebook shows
the lecture's numbers and the measured comparison of the Inception network with its plain twin. Grading skips
the training, so the comparison is read from one run of the reference notebook outside grading."""
import re

import pytest

from tests.support import check_mutants_and_variants, executed_reference, hidden_verdict, namespace_with, stderr_cells

ASSIGNMENT = "c4w2_one_by_one_convolutions_and_inception"


def one_by_one(body):
    return f"def one_by_one_conv(A_prev, W, b):\n{body}\n    return Z\n"


def multiplications(expression, imports=""):
    return f"{imports}def conv_multiplications(n_H, n_W, n_C_prev, f, n_C):\n    return {expression}\n"


def parameters(expression, imports=""):
    return f"{imports}def conv_parameters(n_C_prev, f, n_C):\n    return {expression}\n"


BOTTLENECK = '''
def bottleneck_cost(n_H, n_W, n_C_prev, n_C_reduce, f, n_C):
    multiplications = {reduce_m} + {main_m}
    parameters = conv_parameters(n_C_prev, 1, n_C_reduce) + {main_p}
    return {result}
'''


def bottleneck(reduce_m="conv_multiplications(n_H, n_W, n_C_prev, 1, n_C_reduce)",
               main_m="conv_multiplications(n_H, n_W, n_C_reduce, f, n_C)", main_p="conv_parameters(n_C_reduce, f, n_C)",
               result="multiplications, parameters"):
    return BOTTLENECK.format(reduce_m=reduce_m, main_m=main_m, main_p=main_p, result=result)


# The Inception block, one placeholder per line that a mutant changes.
BLOCK = '''
{imports}def inception_block(X, filters, initializer=glorot_uniform):
    F_1x1, F_3x3_reduce, F_3x3, F_5x5_reduce, F_5x5, F_pool_proj = filters
    branch_1 = {conv}(F_1x1, {one}, padding={pad1}, kernel_initializer=initializer({seed}))(X)
    branch_2 = {conv}(F_3x3_reduce, {one}, padding={pad1}, kernel_initializer=initializer(seed=0))(X)
    branch_2 = {conv3}(F_3x3, {three}, padding='same', kernel_initializer=initializer(seed=0))({into3})
    branch_3 = {conv}(F_5x5_reduce, {one}, padding={pad1}, kernel_initializer=initializer(seed=0))(X)
    branch_3 = {conv}(F_5x5, {five}, padding='same', kernel_initializer=initializer(seed=0))(branch_3)
    branch_4 = MaxPooling2D({pool}, strides={pool_stride}, padding={pool_padding})(X)
    {projection}
    X = {concatenate}
    return X
'''
PROJECTION = "branch_4 = {conv}(F_pool_proj, {one}, padding={pad1}, kernel_initializer=initializer(seed=0))(branch_4)"


def block(conv="relu_conv", conv3=None, one="(1, 1)", three="(3, 3)", five="(5, 5)", pad1="'same'", seed="seed=0",
          into3="branch_2", pool="(3, 3)", pool_stride="(1, 1)", pool_padding="'same'", projection=PROJECTION,
          concatenate="Concatenate(axis=3)([branch_1, branch_2, branch_3, branch_4])", imports=None):
    """A block; ``conv`` is ``relu_conv`` (Conv2D with activation='relu'), ``separate`` (a Conv2D then an
    Activation layer) or ``linear`` (no ReLU)."""
    helpers = {
        "relu_conv": "def relu_conv(*args, **kwargs):\n    return Conv2D(*args, activation='relu', **kwargs)\n",
        "separate": "def separate(*args, **kwargs):\n    layer = Conv2D(*args, **kwargs)\n"
                    "    return lambda X: Activation('relu')(layer(X))\n",
        "linear": "linear = Conv2D\n",
    }
    conv3 = conv3 or conv
    prelude = imports if imports is not None else "from tensorflow.keras.layers import Activation, ReLU, concatenate\n"
    prelude += "".join(helpers[name] for name in {conv, conv3})
    return BLOCK.format(imports=prelude, conv=conv, conv3=conv3, one=one, three=three, five=five, pad1=pad1,
                        seed=seed, into3=into3, pool=pool, pool_stride=pool_stride, pool_padding=pool_padding,
                        projection=projection.format(conv=conv, one=one, pad1=pad1), concatenate=concatenate)


NET = '''
def small_inception_net(input_shape=(24, 24, 3), classes=6):
    X_input = Input(input_shape)
    X = Conv2D(32, {kernel}, padding={stem_padding}, {stem_activation}kernel_initializer=glorot_uniform(seed=0))(X_input)
    X = MaxPooling2D({pool}, strides={stride}, padding='same')(X)
    X = inception_block(X, {filters_1})
    {middle}
    X = inception_block(X, [32, 24, 48, 8, 16, 16])
    X = {pooling}(X)
    X = Dense(classes, {activation}kernel_initializer=glorot_uniform(seed=0))(X)
    return Model(inputs=X_input, outputs=X)
'''
MIDDLE = "X = MaxPooling2D({pool}, strides={stride}, padding='same')(X)"


def net(kernel="(3, 3)", stem_padding="'same'", stem_activation="activation='relu', ", pool="(3, 3)", stride="(2, 2)",
        filters_1="[16, 16, 32, 8, 16, 16]", middle=MIDDLE, pooling="GlobalAveragePooling2D()",
        activation="activation='softmax', "):
    return NET.format(kernel=kernel, stem_padding=stem_padding, stem_activation=stem_activation, pool=pool,
                      stride=stride, filters_1=filters_1, middle=middle.format(pool=pool, stride=stride),
                      pooling=pooling, activation=activation)


MUTANTS = {
    "one_by_one_conv": [
        one_by_one("    Z = A_prev @ W[0, 0]"),  # no bias
        one_by_one("    Z = A_prev @ W[0, 0].T + b[0, 0, 0]"),  # the weight matrix transposed
        one_by_one("    Z = np.maximum(0, A_prev @ W[0, 0] + b[0, 0, 0])"),  # a ReLU the function should not apply
    ],
    "conv_multiplications": [
        multiplications("n_H * n_W * n_C * f * n_C_prev"),  # f where f * f belongs
        multiplications("f * f * n_C_prev * n_C"),  # one pixel only
        multiplications("n_H * n_H * n_C * f * f * n_C_prev"),  # n_W forgotten
        multiplications("n_H * n_W * n_C * f * f * n_C_prev / 1"),  # a float
    ],
    "conv_parameters": [
        parameters("f * f * n_C_prev * n_C"),  # no biases
        parameters("f * f * n_C_prev * n_C + 1"),  # one bias in all
        parameters("(f * n_C_prev + 1) * n_C"),
    ],
    "bottleneck_cost": [
        bottleneck(result="parameters, multiplications"),
        bottleneck(main_m="conv_multiplications(n_H, n_W, n_C_prev, f, n_C)"),  # the second convolution on the input
        bottleneck(reduce_m="conv_multiplications(n_H, n_W, n_C_prev, f, n_C_reduce)"),  # an f x f bottleneck
        bottleneck(reduce_m="0"),  # the bottleneck's cost forgotten
    ],
    "inception_block": [
        block(concatenate="Concatenate(axis=3)([branch_1, branch_3, branch_2, branch_4])"),  # branches swapped
        block(conv3="linear"),  # no ReLU after the 3x3 convolution
        block(into3="X"),  # the 3x3 convolution on the input, its bottleneck unused
        block(five="(3, 3)"),  # a 3x3 window in the 5x5 branch
        block(pool_stride="(2, 2)"),  # the pooling halves the volume
        block(pool_padding="'valid'"),
        block(projection="pass", concatenate="Concatenate(axis=3)([branch_1, branch_2, branch_3, branch_4])"),
        block(seed=""),  # an unseeded convolution
    ],
    "small_inception_net": [
        net(filters_1="[16, 16, 32, 8, 16, 32]"),
        net(middle="pass"),  # no pooling between the blocks
        net(stride="(1, 1)"),
        net(pooling="tf.keras.layers.Flatten()"),
        net(activation=""),  # no softmax
        net(stem_activation=""),  # no ReLU in the stem
        net(stem_padding="'valid'"),
    ],
}

VARIANTS = {
    "one_by_one_conv": [
        one_by_one("    Z = np.einsum('mhwc,cn->mhwn', A_prev, W[0, 0]) + b.reshape(-1)"),
        one_by_one("    Z = np.tensordot(A_prev, W[0, 0], axes=([3], [0])) + b[0, 0, 0]"),
        one_by_one("    m, n_H, n_W, _ = A_prev.shape\n    Z = np.zeros((m, n_H, n_W, W.shape[3]))\n"
                   "    for i in range(m):\n        for h in range(n_H):\n            for w in range(n_W):\n"
                   "                Z[i, h, w] = np.dot(A_prev[i, h, w], W[0, 0]) + b[0, 0, 0]"),
    ],
    "conv_multiplications": [
        multiplications("np.prod([n_H, n_W, n_C, f, f, n_C_prev])"),
        multiplications("(n_H * n_W * n_C) * (f ** 2 * n_C_prev)"),
    ],
    "conv_parameters": [
        parameters("f ** 2 * n_C_prev * n_C + n_C"),
    ],
    "bottleneck_cost": [
        bottleneck(reduce_m="n_H * n_W * n_C_reduce * n_C_prev", main_p="(f * f * n_C_reduce + 1) * n_C",
                   result="(multiplications, parameters)"),
    ],
    "inception_block": [
        block(conv="separate"),  # ReLUs as Activation layers
        block(one="1", three="3", five="5", pool="3", pool_stride="1", pad1="'valid'",
              concatenate="concatenate([branch_1, branch_2, branch_3, branch_4], axis=-1)"),
        block(concatenate="Concatenate()([branch_1, branch_2, branch_3, branch_4])"),
    ],
    "small_inception_net": [
        net(kernel="3", pool="3", stride="2"),
        net(pool="(3, 3)", stride="2"),
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do a 1×1 convolution without bias, with W transposed or with a ReLU, counts with f for f·f, one pixel, no
    biases or swapped results, blocks with swapped branches, a missing ReLU or bottleneck, a wrong window, a
    halving or valid pooling, no pool projection or an unseeded convolution, and networks with wrong filters,
    pools or head fail, while einsum, loops, np.prod, ReLUs as layers, 'valid' 1×1 convolutions, the functional
    concatenate and integer kernel sizes pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
@pytest.mark.parametrize("answer", [block(conv="separate"), block(pad1="'valid'", concatenate="Concatenate(axis=-1)"
                                                                   "([branch_1, branch_2, branch_3, branch_4])")])
def test_the_public_test_accepts_other_spellings_of_the_block(answer):
    """Does the public test's layer-by-layer check accept ReLUs as their own layers and 1×1 convolutions with
    'valid' padding, which compute what the reference computes, in the block and in the network made of it (the
    hidden test accepts them too)?"""
    from helpers.public_tests import c4w2_one_by_one_convolutions_and_inception as public

    namespace = namespace_with(ASSIGNMENT, {"inception_block": answer})
    public.inception_block_test(namespace["inception_block"])
    public.small_inception_net_test(namespace["small_inception_net"])
    assert hidden_verdict(ASSIGNMENT, "inception_block", answer) is None


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_public_test_names_a_swapped_branch():
    """Does the public test name the first layer that differs when two branches are concatenated in the wrong
    order?"""
    from helpers.checks import CheckFailure
    from helpers.public_tests import c4w2_one_by_one_convolutions_and_inception as public

    answer = block(concatenate="Concatenate(axis=3)([branch_1, branch_3, branch_2, branch_4])")
    with pytest.raises(CheckFailure, match="each channel's sum"):
        public.inception_block_test(namespace_with(ASSIGNMENT, {"inception_block": answer})["inception_block"])


def test_the_plain_twin_has_as_many_parameters_and_the_lecture_module_costs_what_the_lecture_says():
    """Does build_plain_net match the small Inception network's 31,390 parameters within 1 %, and do the branch
    costs of the lecture's module add up to 128,049,152 multiplications (308,281,344 without bottlenecks) and
    163,696 parameters?"""
    from helpers.inception_lesson import LECTURE_FILTERS, branch_costs, build_plain_net

    namespace = namespace_with(ASSIGNMENT, {})
    assert abs(build_plain_net(31390).count_params() - 31390) < 0.01 * 31390
    costs = branch_costs(namespace["conv_multiplications"], namespace["conv_parameters"], 28, 28, 192,
                         LECTURE_FILTERS)
    assert costs["multiplications"].sum() == 128049152 and costs["multiplications direct"].sum() == 308281344
    assert costs["parameters"].sum() == 163696


def _runs(text):
    """{name: (parameters, multiplications, block channels, training loss, test accuracy)} from describe_networks."""
    rows = re.findall(r"^(Inception|plain) +([\d,]+) +([\d,]+) +(\d+), (\d+) +([\d.]+) +([\d.]+) +\d+$", text,
                      re.MULTILINE)
    return {name: (int(p.replace(",", "")), int(mult.replace(",", "")), (int(c1), int(c2)), float(loss), float(accuracy))
            for name, p, mult, c1, c2, loss, accuracy in rows}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_notebook_shows_the_lectures_numbers():
    """Does the notebook print the lecture's 120,422,400 and 12,443,648 multiplications, 153,632 and 15,920
    parameters, the 28×28×256 output of the lecture's block with its 163,696 parameters and 128,049,152
    multiplications, and agree with week 1's convolution?"""
    text, _ = executed_reference(ASSIGNMENT)
    assert "120,422,400 multiplications, 153,632 parameters" in text
    assert "with the bottleneck: 12,443,648 multiplications, 15,920 parameters" in text
    assert "output shape: (None, 28, 28, 256)" in text
    assert re.search(r"^total +163,696 +128,049,152$", text, re.MULTILINE), text
    difference = float(re.search(r"largest difference from week 1's convolution: ([\d.e+-]+)", text)[1])
    assert difference < 1e-10


@pytest.mark.xdist_group(ASSIGNMENT)
def test_inception_and_its_plain_twin_are_the_same_size_and_both_learn():
    """Do the two networks have the same parameters (within 1 %) and about the same multiplications (within
    15 %), do the Inception blocks output at least twice the plain blocks' channels, do both networks reach 0.7
    on the test digits, and does the plain twin's training loss end no higher than the Inception network's (as
    the notebook says)? (One run: 31,390 and 31,443 parameters, 0.84 and 0.91 test accuracy.)"""
    text, _ = executed_reference(ASSIGNMENT)
    runs = _runs(text)
    assert set(runs) == {"Inception", "plain"}, text
    (p_i, m_i, c_i, loss_i, acc_i), (p_p, m_p, c_p, loss_p, acc_p) = runs["Inception"], runs["plain"]
    assert p_i == 31390 and abs(p_p - p_i) < 0.01 * p_i, runs
    assert abs(m_p - m_i) < 0.15 * m_i, runs
    assert c_i == (80, 112) and all(a >= 2 * b for a, b in zip(c_i, c_p)), runs
    assert min(acc_i, acc_p) >= 0.7, runs
    assert loss_p <= loss_i + 0.05, runs


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_writes_nothing_to_stderr_and_shows_its_widget():
    """Does every cell of the reference notebook, run outside grading, stay free of stderr output, and does the
    widget's cell leave its static figure?"""
    _, notebook = executed_reference(ASSIGNMENT)
    assert stderr_cells(notebook) == []
    widget_cell = next(c for c in notebook.cells if c.cell_type == "code" and "inception_cost_widget(" in c.source
                       and "import" not in c.source)
    assert any("image/png" in o.get("data", {}) for o in widget_cell.outputs)
