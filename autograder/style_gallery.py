"""Write the style-weight gallery that the style-transfer notebook's widget shows.

    .venv/bin/python -m autograder.style_gallery

Runs the reference solution of ``c4w4_art_generation_with_neural_style_transfer`` on the notebook's
images ("chelsea" in "waves", starting from the same noisy image) for several style weights beta
with alpha = 10, and saves the generated image every 20 steps and the costs every 10 steps in
``helpers/style_gallery.npz`` (read by :func:`helpers.style_transfer.load_style_gallery`). It lives on
the instructor's side because it runs reference code; learners only read its results.
"""
import os
import time

import numpy as np

from helpers.style_transfer import GALLERY_BETAS, GALLERY_FILE, GALLERY_STEPS

ASSIGNMENT = "c4w4_art_generation_with_neural_style_transfer"
ALPHA = 10
CONTENT_LAYER = [("block2_conv1", 1)]


def run(namespace, outputs, a_C, a_S, start, beta):
    """One run of ``GALLERY_STEPS`` Adam steps (0.01) with the reference costs; (images, costs)."""
    import keras
    import tensorflow as tf

    optimizer = keras.optimizers.Adam(learning_rate=0.01)
    costs_of = namespace["compute_content_cost"], namespace["compute_style_cost"]

    @tf.function()
    def step(image):
        with tf.GradientTape() as tape:
            a_G = outputs(image)
            J_content, J_style = costs_of[0](a_C, a_G), costs_of[1](a_S, a_G)
            J = namespace["total_cost"](J_content, J_style, alpha=ALPHA, beta=beta)
        optimizer.apply_gradients([(tape.gradient(J, image), image)])
        image.assign(tf.clip_by_value(image, 0.0, 1.0))
        return J_content, J_style

    image = tf.Variable(start)
    images, costs = [], []
    for index in range(GALLERY_STEPS + 1):
        if index % 20 == 0:
            images.append(np.round(255 * image.numpy()[0]).astype(np.uint8))
        if index % 10 == 0:
            a_G = outputs(image)
            costs.append([float(costs_of[0](a_C, a_G)), float(costs_of[1](a_S, a_G))])
        if index < GALLERY_STEPS:
            step(image)
    return np.stack(images), np.array(costs, dtype=np.float32)


def main():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf

    from autograder.reference import reference_namespace
    from helpers.public_tests.c4w4_art_generation_with_neural_style_transfer import starting_image
    from helpers.style_transfer import get_layer_outputs, load_content_image, load_feature_network, make_style_image

    namespace = reference_namespace(ASSIGNMENT)
    outputs = get_layer_outputs(load_feature_network(), namespace["STYLE_LAYERS"] + CONTENT_LAYER)
    a_C = outputs(tf.constant(load_content_image("chelsea")[np.newaxis]))
    a_S = outputs(tf.constant(make_style_image("waves")[np.newaxis]))
    arrays = {}
    for beta in GALLERY_BETAS:
        begin = time.perf_counter()
        images, costs = run(namespace, outputs, a_C, a_S, starting_image(), beta)
        arrays[f"images_beta_{beta:g}"], arrays[f"costs_beta_{beta:g}"] = images, costs
        print(f"beta = {beta:g}: J_content {costs[-1, 0]:.4f}, J_style {costs[-1, 1]:.4f}, "
              f"{time.perf_counter() - begin:.1f} s")
    np.savez_compressed(GALLERY_FILE, **arrays)
    print(f"wrote {GALLERY_FILE} ({GALLERY_FILE.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
