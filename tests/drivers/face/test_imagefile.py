"""Bad image files give a Failure naming the file; JPEGs carry their dpi."""

import numpy as np

from drivers.face.imagefile import encode_jpeg, jpeg_dpi, read_image, write_file


def test_missing_file(tmp_path):
    result = read_image(tmp_path / "absent.jpg")
    assert result.code == "face.image_missing"
    assert str(tmp_path / "absent.jpg") in result.detail


def test_not_an_image(tmp_path):
    path = tmp_path / "notes.jpg"
    path.write_text("this is not a photo", encoding="utf-8")
    result = read_image(path)
    assert result.code == "face.image_unreadable"
    assert str(path) in result.detail


def test_empty_file(tmp_path):
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    assert read_image(path).code == "face.image_unreadable"


def test_a_jpeg_cut_short(tmp_path):
    data = encode_jpeg(np.full((100, 100, 3), 128, np.uint8))
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: len(data) // 2])
    result = read_image(path)
    assert result.code == "face.image_unreadable"
    assert "cut short" in result.detail


def test_dpi_is_written_into_the_jpeg(tmp_path):
    data = encode_jpeg(np.zeros((10, 10, 3), np.uint8), dpi=350)
    assert jpeg_dpi(data) == (350, 350)
    path = write_file(tmp_path / "photo.jpg", data).value
    assert read_image(path).value.shape == (10, 10, 3)


def test_an_output_folder_that_does_not_exist(tmp_path):
    result = write_file(tmp_path / "nowhere" / "photo.jpg", b"x")
    assert result.code == "face.output_unwritable"
    assert "nowhere" in result.detail
