"""Tests of helpers.road_scenes: the generated scenes, their boxes and their masks agree."""
import numpy as np
import pytest

from helpers.road_scenes import MASK_CLASSES, MASK_COLORS, OBJECT_CLASSES, Scene, make_scene, make_scenes

OBJECT_MASK = {cls: MASK_CLASSES.index(name) for cls, name in enumerate(OBJECT_CLASSES)}


@pytest.fixture(scope="module")
def scenes():
    return make_scenes(200, 3)


def test_arrays_have_the_documented_shapes_dtypes_and_ranges(scenes):
    """Are images float32 in [0, 1], masks uint8 class indices, boxes float32 (n, 4) and classes ints?"""
    images, masks, listed = scenes
    assert images.shape == (200, 96, 128, 3) and images.dtype == np.float32
    assert masks.shape == (200, 96, 128) and masks.dtype == np.uint8
    assert images.min() >= 0 and images.max() <= 1 and masks.max() < len(MASK_CLASSES)
    assert len(MASK_COLORS) == len(MASK_CLASSES)
    for index, scene in enumerate(listed):
        assert isinstance(scene, Scene)
        assert np.array_equal(scene.image, images[index]) and np.array_equal(scene.mask, masks[index])
        assert scene.boxes.dtype == np.float32 and scene.boxes.shape == (len(scene.classes), 4)
        assert np.issubdtype(scene.classes.dtype, np.integer)


def test_the_same_seed_gives_the_same_scenes_and_scene_i_is_make_scene_of_seed_and_i():
    """Is the generator deterministic, and is scene i of make_scenes(n, seed) make_scene([seed, i])?"""
    first, again = make_scenes(5, 11), make_scenes(5, 11)
    assert np.array_equal(first[0], again[0]) and np.array_equal(first[1], again[1])
    alone = make_scene([11, 3])
    assert np.array_equal(alone.image, first[0][3]) and np.array_equal(alone.boxes, first[2][3].boxes)
    assert not np.array_equal(make_scenes(1, 12)[0], first[0][:1])


def test_every_scene_has_objects_of_every_class_somewhere(scenes):
    """Does every scene hold at least one object, and do all three classes appear across scenes?"""
    counts = [len(scene.classes) for scene in scenes[2]]
    assert min(counts) >= 1
    assert set(np.concatenate([scene.classes for scene in scenes[2]])) == set(range(len(OBJECT_CLASSES)))


def test_boxes_lie_inside_the_image_and_masks_agree_with_them(scenes):
    """Is every box inside the image, is every object pixel of the mask inside a box of its class, does each
    object keep at least 40 % of its box visible, and does a partly hidden object show less than its box?"""
    hidden = 0
    for scene in scenes[2]:
        boxes = scene.boxes.astype(int)
        assert np.array_equal(boxes, scene.boxes)
        assert (boxes[:, :2] >= 0).all() and (boxes[:, 2] <= 96).all() and (boxes[:, 3] <= 128).all()
        assert (boxes[:, 2] > boxes[:, 0]).all() and (boxes[:, 3] > boxes[:, 1]).all()
        for cls, label in OBJECT_MASK.items():
            covered = np.zeros(scene.mask.shape, bool)
            for y1, x1, y2, x2 in boxes[scene.classes == cls]:
                covered[y1:y2, x1:x2] = True
            assert not ((scene.mask == label) & ~covered).any()
        for (y1, x1, y2, x2), cls in zip(boxes, scene.classes):
            visible = (scene.mask[y1:y2, x1:x2] == OBJECT_MASK[cls]).mean()
            assert visible >= 0.4
        overlaps = [(a, b) for a in range(len(boxes)) for b in range(a) if
                    min(boxes[a, 2], boxes[b, 2]) > max(boxes[a, 0], boxes[b, 0])
                    and min(boxes[a, 3], boxes[b, 3]) > max(boxes[a, 1], boxes[b, 1])]
        hidden += len(overlaps)
    assert hidden > 20  # occlusion happens


def test_every_mask_class_appears(scenes):
    """Does every class of MASK_CLASSES cover some pixels across the scenes, the road most of the ground?"""
    counts = np.bincount(scenes[1].ravel(), minlength=len(MASK_CLASSES))
    assert (counts > 0).all()
    assert counts[MASK_CLASSES.index("road")] > counts[MASK_CLASSES.index("sidewalk")]


@pytest.mark.parametrize("call, message", [
    (lambda: make_scenes(-1, 0), "n must be"),
    (lambda: make_scenes(2.5, 0), "n must be"),
    (lambda: make_scenes(2, -3), "seed must be"),
    (lambda: make_scene(0, size=(20, 128)), "at least 32"),
    (lambda: make_scene(0, size=96), "size must be"),
])
def test_bad_arguments_raise_clear_errors(call, message):
    """Do a negative or fractional count, a negative seed and a bad size raise a ValueError saying so?"""
    with pytest.raises(ValueError, match=message):
        call()


def test_other_sizes_work():
    """Does a square 96 x 96 scene keep its boxes inside the image?"""
    scene = make_scene(5, size=(96, 96))
    assert scene.image.shape == (96, 96, 3) and scene.mask.shape == (96, 96)
    assert (scene.boxes[:, 3] <= 96).all()
