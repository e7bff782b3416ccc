"""The models come from the face-recognition-models package's files; none is downloaded."""

from drivers.face.models import DESCRIPTOR, LANDMARKS_68, model_dir, model_path


def test_the_model_files_are_found_in_the_installed_package():
    assert model_dir() is not None
    for name in (LANDMARKS_68, DESCRIPTOR):
        path = model_path(name)
        assert path.ok and path.value.stat().st_size > 1_000_000


def test_a_missing_model_file_is_a_failure_naming_it():
    result = model_path("no_such_model.dat")
    assert result.code == "face.models_missing"
    assert "no_such_model.dat" in result.detail
