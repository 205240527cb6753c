"""Tests of helpers.faces and helpers.face_verification: generated people and photos, photo files, distances,
rates and the widget."""
import numpy as np
import pytest

from helpers.face_verification import (
    CAMERA,
    DATABASE_NAMES,
    N_PEOPLE,
    pair_distance_widget,
    pair_distances,
    read_photo,
    roc_auc,
    verification_rates,
    write_face_photos,
    write_photo,
)
from helpers.faces import make_faces, make_people, photograph


def test_the_same_seed_gives_the_same_photos_and_another_seed_other_people():
    """Are two calls with one seed equal, uint8 of the documented shapes, and do two seeds draw different people?"""
    X, y = make_faces(3, 4, random_state=0)
    assert X.shape == (12, 64, 64, 3) and X.dtype == np.uint8 and list(y) == [0] * 4 + [1] * 4 + [2] * 4
    assert np.array_equal(X, make_faces(3, 4, random_state=0)[0])
    first, second = make_people(5, random_state=0), make_people(5, random_state=1)
    assert not np.allclose(first["face_width"], second["face_width"])


def test_photos_of_one_person_vary_but_keep_the_person():
    """Do two photos of one person differ (pose, light, background) while the person's parameters stay the same?"""
    people = make_people(2, random_state=3)
    photos = photograph(people, [0, 0, 1], random_state=4)
    assert np.abs(photos[0].astype(int) - photos[1].astype(int)).mean() > 10
    assert np.array_equal(photograph(people, [0, 0, 1], random_state=4), photos)


def test_bad_input_is_refused_clearly():
    """Do a person id outside the people and zero people raise errors that say so?"""
    with pytest.raises(ValueError, match=r"person ids must lie in \[0, 2\)"):
        photograph(make_people(2, random_state=0), [2])
    with pytest.raises(ValueError, match="n_people must be at least 1"):
        make_people(0)
    with pytest.raises(ValueError, match=f"person must lie in \\[0, {N_PEOPLE}\\)"):
        write_photo(N_PEOPLE, random_state=0)
    with pytest.raises(FileNotFoundError, match="no photo at"):
        read_photo("no/such/photo.png")


def test_the_photo_files_hold_the_photos(tmp_path):
    """Does write_face_photos write one PNG per database name and camera photo, and write_photo a file that reads
    back as the photo it drew?"""
    folder = write_face_photos(tmp_path / "photos")
    assert sorted(path.stem for path in folder.glob("*.png")) == sorted(DATABASE_NAMES + tuple(CAMERA))
    path = write_photo(0, random_state=5, folder=tmp_path)
    assert np.array_equal(read_photo(path), photograph(make_people(N_PEOPLE, random_state=2024), [0],
                                                       random_state=5)[0])


def test_distances_rates_and_auc_on_known_points():
    """On four points of two people at known places, are the pair distances, the false accept and reject rates and
    the ROC-AUC those worked out by hand?"""
    encodings = np.array([[1, 0], [0.8, 0.6], [0, 1], [-1, 0]])
    y = np.array([0, 0, 1, 1])
    distances, same = pair_distances(encodings, y)
    np.testing.assert_allclose(distances, [np.sqrt(0.4), np.sqrt(2), 2, np.sqrt(0.8), np.sqrt(3.6), np.sqrt(2)])
    assert list(same) == [True, False, False, False, False, True]
    assert verification_rates(distances, same, 0.7) == (0.0, 0.5)  # the pair at sqrt(2) is refused
    # 0.63 is closer than the 4 different pairs; sqrt(2) beats 2 of them and ties 1: (4 + 2.5) / 8
    assert roc_auc(distances, same) == pytest.approx(0.8125)
    with pytest.raises(ValueError, match="4 encodings but 3 labels"):
        pair_distances(encodings, y[:3])


def test_the_widget_shows_the_pairs_distance_against_the_threshold():
    """Does the widget's first line give the distance of photo 0 and photo 1 of person 0, and the decision?"""
    X, y = make_faces(3, 2, random_state=0)
    encodings = np.eye(6)[:, :4] + 0.1
    encodings /= np.linalg.norm(encodings, axis=1, keepdims=True)
    widget = pair_distance_widget(X, y, encodings)
    assert widget.children[1].value.startswith(f"distance {np.linalg.norm(encodings[0] - encodings[1]):.3f}")
