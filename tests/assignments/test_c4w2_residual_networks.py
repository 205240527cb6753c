"""Residual networks: hidden tests catch plausible bugs in the blocks and in ResNet-50, accept other
correct answers, and the notebook still teaches its lesson: the plain 56-layer twin cannot train, the
residual one can, their gradients differ by orders of magnitude, and the shipped narrow ResNet-50 built
from the reference blocks reads the test digits. Grading skips the twins' training, so the lesson is read
from one run of the reference notebook outside grading."""
import re

import pytest

from tests.support import check_mutants_and_variants, executed_reference, hidden_verdict, namespace_with, stderr_cells

ASSIGNMENT = "c4w2_residual_networks"

# The identity block, one placeholder per line that a mutant changes.
IDENTITY = '''
def identity_block(X, f, filters, training=True, initializer=random_uniform):
    F1, F2, F3 = filters
    X_shortcut = X
    X = Conv2D(filters=F1, kernel_size={k1}, strides=(1, 1), padding={pad1}, kernel_initializer=initializer({seed}))(X)
    X = BatchNormalization(axis={axis})(X{train})
    X = {relu}(X)
    X = Conv2D(filters=F2, kernel_size={k2}, strides=(1, 1), padding='same', kernel_initializer=initializer({seed}))(X)
    X = BatchNormalization(axis={axis})(X{train})
    X = {relu}(X)
    X = Conv2D(filters=F3, kernel_size={k1}, strides=(1, 1), padding={pad1}, kernel_initializer=initializer({seed}))(X)
{ending}
    return X
'''
ENDING = '''    X = BatchNormalization(axis={axis})(X{train})
    X = {add}
    X = {relu}(X)'''


def identity(k1="1", k2="f", pad1="'valid'", seed="seed=0", axis="3", train=", training=training",
             relu="Activation('relu')", add="Add()([X, X_shortcut])", ending=ENDING, imports=""):
    ending = ending.format(axis=axis, train=train, relu=relu, add=add)
    return imports + IDENTITY.format(k1=k1, k2=k2, pad1=pad1, seed=seed, axis=axis, train=train, relu=relu,
                                     ending=ending)


# The convolutional block: main path, then shortcut (or the shortcut first), then the addition.
CONVOLUTIONAL = '''
def convolutional_block(X, f, filters, s=2, training=True, initializer=glorot_uniform):
    F1, F2, F3 = filters
    X_shortcut = X
{shortcut_first}
    X = Conv2D(F1, {k1}, strides={s1}, padding={pad1}, kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis={axis})(X{train})
    X = Activation('relu')(X)
    X = Conv2D(F2, {k2}, strides={s2}, padding='same', kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis={axis})(X{train})
    X = Activation('relu')(X)
    X = Conv2D(F3, {k1}, strides=(1, 1), padding={pad1}, kernel_initializer=initializer(seed=0))(X)
{main_end}
{shortcut_last}
    X = {add}
    X = Activation('relu')(X)
    return X
'''
MAIN_END = "    X = BatchNormalization(axis={axis})(X{train})"
SHORTCUT = '''    X_shortcut = Conv2D({F}, {k1}, strides={ss}, padding={pad1},
                        kernel_initializer=initializer(seed=0))(X_shortcut)
    X_shortcut = BatchNormalization(axis={axis})(X_shortcut{train})'''


def convolutional(k1="1", k2="f", s1="(s, s)", s2="(1, 1)", ss="(s, s)", pad1="'valid'", axis="3",
                  train=", training=training", add="Add()([X, X_shortcut])", main_end=MAIN_END, shortcut=SHORTCUT,
                  first=False, F="F3"):
    shortcut = shortcut.format(F=F, k1=k1, ss=ss, pad1=pad1, axis=axis, train=train)
    return CONVOLUTIONAL.format(k1=k1, k2=k2, s1=s1, s2=s2, pad1=pad1, axis=axis, train=train, add=add,
                                main_end=main_end.format(axis=axis, train=train),
                                shortcut_first=shortcut if first else "", shortcut_last="" if first else shortcut)


# ResNet-50 with its stages in a loop; the reference writes them out.
RESNET = '''
def ResNet50(input_shape=(64, 64, 3), classes=6, training=False):
    X_input = Input(input_shape)
    X = {padding}
    X = Conv2D(64, {kernel}, strides={stride}, kernel_initializer={initializer})(X)
    X = BatchNormalization(axis=3)(X{train})
    X = Activation('relu')(X)
    X = MaxPooling2D({pool}, strides={pool_stride})(X)
    for F1, s, n in {stages}:
        X = convolutional_block(X, 3, [F1, F1, {F3}], s=s{train})
        for _ in range(n):
            X = identity_block(X, 3, [F1, F1, {F3}]{train})
    X = AveragePooling2D({average})(X)
    X = Flatten()(X)
    X = Dense(classes, {activation}kernel_initializer=glorot_uniform(seed=0))(X)
    return Model(inputs=X_input, outputs=X)
'''
STAGES = "((64, 1, 2), (128, 2, 3), (256, 2, 5), (512, 2, 2))"


def resnet(padding="ZeroPadding2D((3, 3))(X_input)", kernel="(7, 7)", stride="(2, 2)",
           initializer="glorot_uniform(seed=0)", train=", training=training", pool="(3, 3)", pool_stride="(2, 2)",
           stages=STAGES, F3="4 * F1", average="(2, 2)", activation="activation='softmax', "):
    return RESNET.format(padding=padding, kernel=kernel, stride=stride, initializer=initializer, train=train,
                         pool=pool, pool_stride=pool_stride, stages=stages, F3=F3, average=average,
                         activation=activation)


MUTANTS = {
    "identity_block": [
        # the shortcut added before the last batch normalization
        identity(ending="    X = Add()([X, X_shortcut])\n    X = BatchNormalization(axis=3)(X, training=training)\n"
                        "    X = Activation('relu')(X)"),
        # a ReLU before the addition
        identity(ending="    X = BatchNormalization(axis=3)(X, training=training)\n    X = Activation('relu')(X)\n"
                        "    X = Add()([X, X_shortcut])\n    X = Activation('relu')(X)"),
        identity(ending="    X = BatchNormalization(axis=3)(X, training=training)\n    X = Add()([X, X_shortcut])"),
        identity(axis="1"),  # normalizing rows instead of channels
        identity(train=""),  # training not passed to batch normalization
        identity(seed=""),  # unseeded initializers
        identity(k2="3"),  # f ignored
        # no shortcut at all
        identity(ending="    X = BatchNormalization(axis=3)(X, training=training)\n    X = Activation('relu')(X)"),
    ],
    "convolutional_block": [
        # the shortcut added before the main path's last batch normalization
        convolutional(main_end="    X = Add()([X, X_shortcut])\n"
                               "    X = BatchNormalization(axis=3)(X, training=training)", add="X", first=True),
        convolutional(add="Activation('relu')(X)\n    X = Add()([X, X_shortcut])"),  # a ReLU before the addition
        convolutional(add="Add()([X, X_shortcut])\n    return X"),  # no final ReLU
        convolutional(axis="1"),
        convolutional(train=""),
        convolutional(s1="(1, 1)", s2="(s, s)"),  # the stride on the second convolution instead of the first
        convolutional(ss="(1, 1)"),  # the shortcut without stride
        convolutional(shortcut="    X_shortcut = Conv2D({F}, {k1}, strides={ss}, padding={pad1}, "
                               "kernel_initializer=initializer(seed=0))(X_shortcut)"),  # the shortcut without BN
        convolutional(s1="(2, 2)", ss="(2, 2)"),  # s ignored
    ],
    "ResNet50": [
        resnet(stages="((64, 1, 2), (128, 2, 3), (256, 2, 5), (256, 2, 2))"),  # the wrong filters in stage 5
        resnet(F3="2 * F1"),  # outputs twice the bottleneck instead of four times
        resnet(stages="((64, 1, 2), (128, 2, 3), (256, 2, 4), (512, 2, 2))"),  # one identity block short
        resnet(stages="((64, 1, 3), (128, 2, 3), (256, 2, 5), (512, 2, 2))"),
        resnet(padding="X_input"),  # no zero-padding
        resnet(pool_stride="(1, 1)"),  # max pooling with stride 1
        resnet(activation=""),  # no softmax
        resnet(stages="((64, 2, 2), (128, 2, 3), (256, 2, 5), (512, 2, 2))"),  # stage 2 with s=2
        resnet(initializer="glorot_uniform()"),  # the stem's convolution unseeded
    ],
}

VARIANTS = {
    "identity_block": [
        identity(add="Add()([X_shortcut, X])"),
        identity(k1="(1, 1)", k2="(f, f)"),
        # ReLU layers instead of Activation('relu'): the same outputs, so the hidden test (outputs only) accepts
        # them; the public test's layer-by-layer check, like the original's comparator, expects Activation
        identity(relu="ReLU()", imports="from tensorflow.keras.layers import ReLU\n"),
    ],
    "convolutional_block": [
        convolutional(add="Add()([X_shortcut, X])"),
        convolutional(first=True),  # the shortcut built before the main path
        convolutional(k1="(1, 1)", k2="(f, f)", s1="s", ss="s"),
    ],
    "ResNet50": [
        resnet(),  # stages in a loop
        resnet(padding="ZeroPadding2D(3)(X_input)", kernel="7", stride="2", pool="3", pool_stride="2", average="2"),
        resnet(train=""),  # training not passed on, as in the original assignment
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do shortcuts added before the last batch norm, ReLUs before the addition, missing final ReLUs, batch
    norm over rows, training not passed, unseeded or misplaced strides, shortcuts without stride or batch norm,
    and ResNet-50s with wrong filters, block counts, stem or head fail, while other orders of the addition,
    tuples for kernel sizes and loops over the stages pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
@pytest.mark.parametrize("function, answer", [
    ("identity_block", identity(pad1="'same'")),
    ("convolutional_block", convolutional(pad1="'same'")),
    ("identity_block", identity(relu="ReLU()", imports="from tensorflow.keras.layers import ReLU\n")),
])
def test_what_only_the_public_test_sees(function, answer):
    """A block whose 1×1 convolutions have 'same' padding, or whose ReLUs are ReLU layers, computes exactly what
    the reference computes: does the public test's layer-by-layer check name the difference, while the hidden
    test, which judges outputs only, passes it? (This is the one place where the grade and the public test
    disagree; see the hidden-test module's docstring.)"""
    from helpers.checks import CheckFailure
    from helpers.public_tests import c4w2_residual_networks as public

    namespace = namespace_with(ASSIGNMENT, {function: answer})
    with pytest.raises(CheckFailure, match=r"layer by layer.*(padding 'valid' expected, got 'same'|Activation "
                                           r"expected, got ReLU)"):
        getattr(public, f"{function}_test")(namespace[function])
    assert hidden_verdict(ASSIGNMENT, function, answer) is None


def _twins(text):
    """{(kind, layers): (loss in epoch 1, loss in the last epoch, gradient ratio first/last)} from describe_twins."""
    rows = re.findall(r"^(plain|residual), (\d+) layers +training loss ([\d.]+) in epoch 1 → ([\d.]+) in epoch \d+; "
                      r"gradient at the first convolution / at the last: ([\d.e+-]+)$", text, re.MULTILINE)
    return {(kind, int(layers)): (float(first), float(last), float(ratio)) for kind, layers, first, last, ratio in rows}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_plain_deep_twin_cannot_train_and_the_residual_one_can():
    """With 11 layers, do both twins learn about equally; with 56, does the plain twin stay at the uniform guess
    (ln 6 ≈ 1.79) while the residual one learns, far below it? (Measured: plain 0.89–0.93 and residual 0.73–0.76
    at 11 layers; 1.79–1.81 and 0.47–1.34 at 56, by thread count and math library.)"""
    text, _ = executed_reference(ASSIGNMENT)
    twins = _twins(text)
    assert set(twins) == {("plain", 11), ("residual", 11), ("plain", 56), ("residual", 56)}, text
    plain_11, residual_11, plain_56, residual_56 = (twins[k][1] for k in (("plain", 11), ("residual", 11),
                                                                          ("plain", 56), ("residual", 56)))
    assert plain_11 < 1.15 and residual_11 < 1.15 and abs(plain_11 - residual_11) < 0.35, twins
    assert plain_56 > 1.7, twins
    assert residual_56 < 1.45 and residual_56 < plain_56 - 0.4, twins


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_plain_deep_twins_gradients_span_orders_of_magnitude():
    """Before training, is the plain 56-layer twin's gradient thousands of times larger at its first convolution
    than at its last, and the residual twin's at most a few hundred times? (One run: 2.3e4 against 49.)"""
    text, _ = executed_reference(ASSIGNMENT)
    twins = _twins(text)
    plain, residual = twins["plain", 56][2], twins["residual", 56][2]
    assert plain > 2000 and residual < 300 and plain > 30 * residual, twins
    assert max(twins["plain", 11][2], twins["residual", 11][2]) < 50, twins


@pytest.mark.xdist_group(ASSIGNMENT)
def test_resnet50_has_its_size_and_the_shipped_network_reads_the_digits():
    """Does the notebook show ResNet-50's 23,600,006 parameters, does the untrained network spread its guesses,
    and does the narrow ResNet-50 of the reference blocks, with the shipped weights, reach 0.9 on the test set
    (0.958 recorded)?"""
    text, _ = executed_reference(ASSIGNMENT)
    assert "parameters: 23,600,006 in all, 23,546,886 trainable, 53,120 not trainable" in text
    accuracy = float(re.search(r"test accuracy ([\d.]+) \((\d+) of 120\)", text)[1])
    assert accuracy >= 0.9, text
    probabilities = re.search(r"\[\[([\d.\s\[\]]+)\]\]", text.split("test loss")[0].split("more layers")[-1])[1]
    assert max(float(p) for p in probabilities.replace("[", " ").replace("]", " ").split()) < 0.6, text


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_writes_nothing_to_stderr():
    """Does every cell of the reference notebook, run outside grading, stay free of stderr output?"""
    _, notebook = executed_reference(ASSIGNMENT)
    assert stderr_cells(notebook) == []
