"""Image segmentation with U-Net: hidden tests catch plausible bugs in the encoder block, the decoder block and
the U-Net, accept other correct answers, the public tests catch what only a layer-by-layer check or fixed
weights reveal, and the notebook teaches its lesson: 8,640,471 parameters at full width, a brief training
that learns little more than the commonest class, shipped weights that segment held-out scenes in the
learner's network, and a twin without skip connections, trained alike, that falls far behind."""
import re

import pytest

from tests.support import check_mutants_and_variants, executed_reference, hidden_verdict, namespace_with, stderr_cells

ASSIGNMENT = "c4w3_image_segmentation_with_unet"

CONV_BLOCK = '''
def conv_block(inputs=None, n_filters=32, dropout_prob=0, max_pooling=True):
    conv = Conv2D(n_filters, {kernel}, activation={activation}, padding={padding}, kernel_initializer={init})(inputs)
{second}
    if dropout_prob > 0:
        conv = {dropout}
    if {pool_if}:
        next_layer = {pool}
    else:
        next_layer = conv
    skip_connection = {skip}
    return {returned}
'''
SECOND = ("    conv = Conv2D(n_filters, {kernel}, activation='relu', padding={padding}, "
          "kernel_initializer={init})(conv)")


def conv_block(kernel="3", activation="'relu'", padding="'same'", init="'he_normal'", second=SECOND,
               dropout="Dropout(dropout_prob)(conv)", pool_if="max_pooling",
               pool="MaxPooling2D(pool_size=(2, 2), strides=2)(conv)", skip="conv",
               returned="next_layer, skip_connection", imports=""):
    return imports + CONV_BLOCK.format(kernel=kernel, activation=activation, padding=padding, init=init,
                                       second=second.format(kernel=kernel, padding=padding, init=init),
                                       dropout=dropout, pool_if=pool_if, pool=pool, skip=skip, returned=returned)


UPSAMPLING = '''
def upsampling_block(expansive_input, contractive_input, n_filters=32):
    up = {up}
    merge = {merge}
    conv = Conv2D(n_filters, 3, activation={activation}, padding='same', kernel_initializer='he_normal')(merge)
{second}
    return conv
'''


def upsampling(up="Conv2DTranspose(n_filters, 3, strides=2, padding='same')(expansive_input)",
               merge="concatenate([up, contractive_input], axis=3)", activation="'relu'",
               second="    conv = Conv2D(n_filters, 3, activation='relu', padding='same', "
                      "kernel_initializer='he_normal')(conv)", imports=""):
    return imports + UPSAMPLING.format(up=up, merge=merge, activation=activation, second=second)


UNET = '''
def unet_model(input_size=(96, 128, 3), n_filters=32, n_classes=23):
    inputs = Input(input_size)
    cblock1 = conv_block(inputs, n_filters)
    cblock2 = conv_block(cblock1[0], n_filters * 2)
    cblock3 = conv_block(cblock2[0], n_filters * 4)
    cblock4 = conv_block(cblock3[0], n_filters * 8, dropout_prob={dropout4})
    cblock5 = conv_block(cblock4[0], n_filters * {filters5}, dropout_prob=0.3, max_pooling=False)
    ublock6 = upsampling_block(cblock5[0], cblock4[1], n_filters * 8)
    ublock7 = upsampling_block(ublock6, cblock3[1], n_filters * 4)
    ublock8 = upsampling_block(ublock7, {skip8}, n_filters * 2)
    ublock9 = upsampling_block(ublock8, cblock1[1], n_filters)
    conv9 = Conv2D(n_filters, 3, activation='relu', padding='same', kernel_initializer='he_normal')(ublock9)
    conv10 = {head}
    return Model(inputs=inputs, outputs=conv10)
'''


def unet(dropout4="0.3", filters5="16", skip8="cblock2[1]", head="Conv2D(n_classes, 1, padding='same')(conv9)"):
    return UNET.format(dropout4=dropout4, filters5=filters5, skip8=skip8, head=head)


# The encoder and decoder written as loops; the reference writes every block out.
UNET_LOOPS = '''
def unet_model(input_size=(96, 128, 3), n_filters=32, n_classes=23):
    inputs = Input(shape=input_size)
    X, skips = inputs, []
    for level in range(5):
        X, skip = conv_block(X, n_filters * 2 ** level, dropout_prob=0.3 if level >= 3 else 0,
                             max_pooling=level < 4)
        skips.append(skip)
    for level in (3, 2, 1, 0):
        X = upsampling_block(X, skips[level], n_filters=n_filters * 2 ** level)
    X = Conv2D(n_filters, (3, 3), activation='relu', padding='same', kernel_initializer='he_normal')(X)
    outputs = Conv2D(n_classes, (1, 1), padding='same', activation=None)(X)
    return Model(inputs, outputs)
'''

MUTANTS = {
    "conv_block": [
        conv_block(activation="None"),  # the first convolution without its ReLU
        conv_block(padding="'valid'"),  # the image shrinks at every convolution
        conv_block(second=""),  # a single convolution
        conv_block(skip="next_layer"),  # the pooled tensor as the skip connection
        conv_block(returned="skip_connection, next_layer"),  # the outputs swapped
        conv_block(pool_if="True"),  # max_pooling ignored
        conv_block(pool="MaxPooling2D(pool_size=(2, 2), strides=1)(conv)"),  # pooling of stride 1
        conv_block(kernel="2"),
        conv_block(init="'glorot_uniform'"),  # Keras's default initializer instead of He's
    ],
    "upsampling_block": [
        upsampling(merge="concatenate([contractive_input, up], axis=3)"),  # the skip connection first
        upsampling(up="Conv2DTranspose(n_filters, 2, strides=2, padding='same')(expansive_input)"),
        upsampling(activation="None"),
        upsampling(second=""),  # a single convolution after the concatenation
        upsampling(up="UpSampling2D(2)(expansive_input)",
                   merge="concatenate([Conv2D(n_filters, 3, padding='same')(up), contractive_input], axis=3)", imports="from tensorflow.keras.layers import UpSampling2D\n"),
    ],
    "unet_model": [
        unet(dropout4="0"),  # no dropout in the fourth block
        unet(filters5="8"),  # the bottleneck not doubled
        unet(head="Conv2D(n_classes, 1, padding='same', activation='softmax')(conv9)"),  # probabilities, not logits
        unet(head="Conv2D(23, 1, padding='same')(conv9)"),  # n_classes ignored
        unet(skip8="cblock3[0]"),  # the pooled output of the third block as the skip connection of the eighth
    ],
}

VARIANTS = {
    "conv_block": [
        conv_block(kernel="(3, 3)", pool="MaxPooling2D((2, 2))(conv)"),
        conv_block(init="HeNormal()", imports="from tensorflow.keras.initializers import HeNormal\n"),
        conv_block(dropout="Dropout(rate=dropout_prob)(conv)", pool="MaxPooling2D(2, strides=(2, 2))(conv)"),
    ],
    "upsampling_block": [
        upsampling(merge="Concatenate(axis=-1)([up, contractive_input])",
                   imports="from tensorflow.keras.layers import Concatenate\n"),
        upsampling(up="Conv2DTranspose(filters=n_filters, kernel_size=(3, 3), strides=(2, 2), "
                      "padding='same')(expansive_input)"),
    ],
    "unet_model": [UNET_LOOPS, unet()],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do encoder blocks without ReLU, with 'valid' padding, one convolution, the wrong skip or output order,
    ignored pooling, stride-1 pooling, 2×2 kernels or Glorot weights, decoder blocks with the skip first, 2×2 or
    no transposed convolutions, and U-Nets without dropout, with a thin bottleneck, a softmax head, a fixed class
    count or a wrong skip fail, while tuples, keyword forms, other initializer spellings and loops pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
@pytest.mark.parametrize("answer, message", [
    (conv_block(dropout="conv"), r"layer by layer: .*Dropout expected, got MaxPooling2D"),
    (conv_block(dropout="Dropout(0.5)(conv)"), r"rate 0.1 expected, got 0.5"),
])
def test_what_only_the_public_test_sees(answer, message):
    """A conv_block that forgets its dropout, or ignores its rate, computes in inference mode exactly what the
    reference computes: does the public test's layer-by-layer check name the difference, while the hidden test,
    which judges outputs only, passes it? (See the hidden-test module's docstring.)"""
    from helpers.checks import CheckFailure
    from helpers.public_tests import c4w3_image_segmentation_with_unet as public

    namespace = namespace_with(ASSIGNMENT, {"conv_block": answer})
    with pytest.raises(CheckFailure, match=message):
        public.conv_block_test(namespace["conv_block"])
    assert hidden_verdict(ASSIGNMENT, "conv_block", answer) is None


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_public_tests_catch_a_swapped_concatenation_and_a_missing_initializer():
    """Does the upsampling block's fixed-weights check catch the skip connection joined first, and does the encoder
    block's test ask for He-normal weights?"""
    from helpers.checks import CheckFailure
    from helpers.public_tests import c4w3_image_segmentation_with_unet as public

    namespace = namespace_with(ASSIGNMENT, {"upsampling_block": MUTANTS["upsampling_block"][0]})
    with pytest.raises(CheckFailure, match="fixed weights"):
        public.upsampling_block_test(namespace["upsampling_block"])
    namespace = namespace_with(ASSIGNMENT, {"conv_block": conv_block(init="'glorot_uniform'")})
    with pytest.raises(CheckFailure, match="He-normal"):
        public.conv_block_test(namespace["conv_block"])


def _iou_table(text):
    """{class: (IoU with skips, IoU without)} from the notebook's comparison table."""
    rows = re.findall(r"^ *([a-z ]+?)  +([\d.]+)  +([\d.]+)$", text.split("with skips  without")[1], re.MULTILINE)
    return {name: (float(with_skips), float(without)) for name, with_skips, without in rows}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_unet_has_its_size_and_brief_training_learns_only_the_commonest_class():
    """Does the notebook show the full U-Net's 8,640,471 parameters and the narrow one's 540,873, and after forty
    updates is the loss below a uniform guess's (ln 9 ≈ 2.20) while the pixel accuracy stays near the road's share
    of the pixels (about 29 %), as the prose says? (One run: loss 1.878, accuracy 0.269.)"""
    text, _ = executed_reference(ASSIGNMENT)
    assert "unet_model(): 8,640,471 parameters" in text
    assert "n_filters=8, n_classes=9): 540,873 parameters" in text
    loss, accuracy = map(float, re.search(r"after 2 epochs on 320 scenes: loss ([\d.]+), pixel accuracy ([\d.]+)",
                                          text).groups())
    assert loss < 2.15 and 0.2 < accuracy < 0.45, text


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_shipped_weights_segment_held_out_scenes_and_skips_matter():
    """In the learner's network, do the shipped weights reach the registry's mean IoU on the held-out scenes with
    nine pixels in ten right, and does the twin without skip connections, trained alike, fall far behind on the
    mean, the cars and the poles while keeping the sky? (Recorded: mean IoU 0.535 against 0.235; cars 0.76
    against 0.29; poles 0.34 against 0; sky 0.90 against 0.71.)"""
    from helpers.trained_models import get_entry

    text, _ = executed_reference(ASSIGNMENT)
    found = re.findall(r"held-out scenes: pixel accuracy ([\d.]+), mean IoU ([\d.]+)", text)
    (pixel, mean), (pixel_without, mean_without) = [tuple(map(float, pair)) for pair in found]
    assert mean == pytest.approx(get_entry("unet_road_scenes")["figure"], abs=0.005) and pixel > 0.9, text
    assert mean_without == pytest.approx(get_entry("unet_road_scenes_no_skips")["figure"], abs=0.005), text
    assert mean > mean_without + 0.2 and pixel > pixel_without + 0.2, text
    table = _iou_table(text)
    assert len(table) == 9, table
    assert table["car"][0] > table["car"][1] + 0.3 and table["pole"][0] > table["pole"][1] + 0.2, table
    assert table["sky"][1] > 0.6, table


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_writes_nothing_to_stderr():
    """Does every cell of the reference notebook, run outside grading, stay free of stderr output?"""
    _, notebook = executed_reference(ASSIGNMENT)
    assert stderr_cells(notebook) == []
