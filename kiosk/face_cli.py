"""`kiosk face ...`: the face code on the command line, for technicians and tests.

    kiosk face verify REFERENCE PROBE [--json]         distance, threshold, match (exit 0 match, 1 no match)
    kiosk face idphoto INPUT --out OUTPUT.jpg [--json] each GA/T 461 check with pass/fail and instruction;
                                                       writes the 358x441 350-dpi photo when all pass
                                                       (exit 0 written, 1 not compliant)

Exit 2 for input the command cannot use (a missing or corrupt image, no face, the models not installed),
with a message naming the file. With --json every outcome, errors included, is one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_NO, EXIT_BAD_INPUT = 1, 2


def add_parser(sub) -> None:
    face = sub.add_parser("face", help="face verification and ID photos")
    facesub = face.add_subparsers(dest="face_command", required=True, metavar="FACE_COMMAND")
    verify = facesub.add_parser("verify", help="is the probe the person on the reference photo?")
    verify.add_argument("reference", type=Path)
    verify.add_argument("probe", type=Path)
    verify.add_argument("--json", action="store_true", help="print JSON")
    verify.set_defaults(func=cmd_verify)
    idphoto = facesub.add_parser("idphoto", help="check a photo against GA/T 461 and make the ID photo")
    idphoto.add_argument("input", type=Path)
    idphoto.add_argument("--out", type=Path, required=True, help="the JPEG to write when the photo complies")
    idphoto.add_argument("--json", action="store_true", help="print JSON")
    idphoto.set_defaults(func=cmd_idphoto)


def _fail(args: argparse.Namespace, failure) -> int:
    if args.json:
        print(json.dumps({"ok": False, "error": failure.code, "detail": failure.detail}, ensure_ascii=False))
    print(f"kiosk face: {failure.detail}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _analyzer(args: argparse.Namespace):  # loaded only once the input is known to be good (0.5 s)
    from drivers.face.detector import FaceAnalyzer

    return FaceAnalyzer.load()


def cmd_verify(args: argparse.Namespace) -> int:
    from drivers.errors import Failure
    from drivers.face.imagefile import read_image
    from drivers.face.verify import Verifier

    images = [read_image(args.reference), read_image(args.probe)]
    for image in images:
        if isinstance(image, Failure):
            return _fail(args, image)
    analyzer = _analyzer(args)
    if isinstance(analyzer, Failure):
        return _fail(args, analyzer)
    verifier = Verifier(analyzer.value)
    reference = verifier.enrol(images[0].value)
    if isinstance(reference, Failure):
        return _fail(args, Failure(reference.code, f"{args.reference}: {reference.detail}"))
    outcome = verifier.verify(reference.value, images[1].value)
    if isinstance(outcome, Failure):
        return _fail(args, Failure(outcome.code, f"{args.probe}: {outcome.detail}"))
    verification = outcome.value
    if args.json:
        print(json.dumps({"ok": True, "reference": str(args.reference), "probe": str(args.probe),
                          **verification.as_json()}))
    else:
        print(f"distance {verification.distance:.4f}, threshold {verification.threshold}: "
              f"{'same person' if verification.match else 'not the same person'}")
    return 0 if verification.match else EXIT_NO


def cmd_idphoto(args: argparse.Namespace) -> int:
    from drivers.errors import Failure
    from drivers.face import idphoto
    from drivers.face.compliance import assess
    from drivers.face.imagefile import read_image, write_file

    image = read_image(args.input)
    if isinstance(image, Failure):
        return _fail(args, image)
    analyzer = _analyzer(args)
    if isinstance(analyzer, Failure):
        return _fail(args, analyzer)
    assessment = assess(image.value, analyzer.value.detect(image.value))
    written = None
    if assessment.compliant and assessment.placement is not None:
        saved = write_file(args.out, idphoto.encode(idphoto.render(image.value, assessment.placement)))
        if isinstance(saved, Failure):
            return _fail(args, saved)
        written = str(saved.value)
    instruction = assessment.instruction.value if assessment.instruction else None
    if args.json:
        print(json.dumps({"ok": True, "input": str(args.input), "compliant": assessment.compliant,
                          "instruction": instruction, "checks": [c.as_json() for c in assessment.checks],
                          "output": written}))
    else:
        for check in assessment.checks:
            print(f"{check.name:<12} {'pass' if check.passed else 'FAIL ' + (check.instruction or '')}")
        print(f"written: {written}" if written else f"not written: {instruction}")
    return 0 if written else EXIT_NO
