"""Generated road scenes for error analysis, and the week's widgets."""
import numpy as np

from helpers.error_analysis import ERROR_COUNTS, draw_scene, make_misclassified_scenes, staircase_widget


def test_scenes_carry_exactly_the_counted_tags():
    """Does each tag mark exactly its count of the 100 scenes, and are the pictures valid RGB?"""
    images, tags = make_misclassified_scenes()
    assert images.shape == (100, 36, 54, 3) and 0 <= images.min() and images.max() <= 1
    assert {tag: int(flags.sum()) for tag, flags in tags.items()} == ERROR_COUNTS


def test_night_and_fog_change_the_picture_as_named():
    """Is a night scene darker, and a foggy one lower in contrast, than the same scene untagged?"""
    plain = draw_scene({}, np.random.default_rng(0))
    night = draw_scene({"night": True}, np.random.default_rng(0))
    fog = draw_scene({"fog": True}, np.random.default_rng(0))
    assert night.mean() < plain.mean() / 2 and fog.std() < plain.std() / 2


def test_staircase_widget_highlights_the_largest_gap():
    """Does the widget report the largest gap computed by the function it is given?"""
    def mismatch_gaps(human, train, train_dev, dev, test=None):
        return {"avoidable_bias": train - human, "variance": train_dev - train, "data_mismatch": dev - train_dev,
                "dev_overfitting": test - dev, "largest": "data_mismatch"}

    widget = staircase_widget(mismatch_gaps)
    assert widget.children[1].value == "largest gap: data_mismatch"
