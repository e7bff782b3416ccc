"""Error codes of the face package (expected failures are results carrying these, see drivers.errors)."""

from __future__ import annotations

from drivers.errors import register

register({
    "face.models_missing": "The face model files (package face-recognition-models) are not installed.",
    "face.image_missing": "The image file does not exist.",
    "face.image_unreadable": "The image file cannot be read or is not an image (corrupt or another format).",
    "face.output_unwritable": "The output file cannot be written (folder missing, no permission, disk full).",
    "face.no_face": "No face was found in the image.",
    "face.many_faces": "More than one face was found where exactly one is needed.",
    "face.not_compliant": "The photo does not meet the ID photo standard; the instruction says what to change.",
    "face.liveness_failed": "The liveness challenge (blink, turn the head) was not met in time.",
})
