"""Cameras: frames captured on their own thread, handed over without ever blocking the caller.

    frame.py      Frame (one picture, never changed after capture) and LatestFrame, the hand-over slot
    interface.py  Camera (what the kiosk uses) and FrameSource (what a camera captures from)
    capture.py    CaptureCamera: the capture thread, status, reconnect with backoff
    v4l2.py       a V4L2 camera through OpenCV (device, resolution, frame rate from the config)
    scenes.py     the simulated camera's scenes: still images and video files from a folder, and scenes
                  synthesised from face photos (no face, two faces, too dark, blurred, too far, a printed
                  photo, and each test person alive: blinking and turning the head)
    simulated.py  the simulated camera: plays a scene at a frame rate with noise and jitter; control handle
"""
