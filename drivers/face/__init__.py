"""Offline face biometrics on the CPU: dlib's HOG detector, 68-point landmarks and 128-D ResNet descriptors,
with the model files shipped in the `face-recognition-models` package (nothing is downloaded at run time).

    errors.py      the error codes of this package
    models.py      where the model files are, and the dlib objects loaded from them once
    imagefile.py   read an image file (clear errors), write a JPEG with its dpi set
    landmarks.py   pure geometry on the 68 points: eye aspect ratio, pose, face width, eye line
    detector.py    FaceAnalyzer: faces with landmarks on a (downscaled) frame, descriptors
    verify.py      1:1 verification and the threshold, with the distances it was chosen from
    idphoto.py     the GA/T 461 resident ID card photo: where the face goes, the 358x441 crop at 350 dpi
    compliance.py  the photo checks, each failing with one instruction code for the citizen
    liveness.py    challenge liveness (blink, turn the head) on the live stream
    tracking.py    face tracking for the preview: detect every Nth frame on a small copy, landmarks between
    best.py        keeps the best compliant frame of a stream
    guide.py       FaceGuide: all of the above on the camera's newest frames, on a thread of its own
    synthetic.py   test and simulator frames made from photos: darker, blurred, smaller, two faces, blink, turn

Photos and descriptors are personal data: nothing here logs them, and their reprs do not show them.
"""
