"""Automated warnings on what a photo shows, for the reasons IMM 5445 (Step 1, "Photo(s)")
gives for sending a photo back that a program can detect honestly:

- too dark: the mean luminance of the whole picture (an underexposed photo is dark
  everywhere, the white background included; the face alone is not measured, so that
  a darker skin tone is never read as a dark photo);
- background not white: the brightness and saturation of the border strips (top, and
  the sides above the shoulders);
- face not found, or not centred: OpenCV's frontal-face Haar cascade, shipped with
  opencv-python-headless.

"Reflections" and "facial features not visible" beyond "no face found" are not
detected. The thresholds below are the portal's heuristics, not regulatory numbers:
the guide gives none. Every finding is a warning: the person may still confirm and
upload (PRC-62, the "Confirmation" box).
"""

from __future__ import annotations

from functools import cache

from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageStat

from portique.rules.reasons import Reason, Severity

from . import photo_spec
from .items import both_languages

# Mean luminance (0 black – 255 white) below which the whole photo reads as dark.
DARK_MEAN_LUMINANCE = 110
# The border of a white background: at least this bright (HSV value, 0–255)…
BACKGROUND_MIN_BRIGHTNESS = 200
# …and at most this colourful (HSV saturation, 0–255).
BACKGROUND_MAX_SATURATION = 40
# Share of the width and height taken as the border strips.
BORDER = 0.08
# The face's centre may be this share of the width away from the middle.
CENTRE_TOLERANCE = 0.10
# Detection runs on a copy this wide (the cascade needs no more, and it bounds the time).
DETECTION_WIDTH = 480


def _warning(code: str, text) -> Reason:
    en, fr = both_languages(text)
    return Reason(code, photo_spec.RULE, photo_spec.CITATION, en, fr, Severity.WARNING)


def _border_strips(image: Image.Image) -> list[Image.Image]:
    width, height = image.size
    bw, bh = max(1, int(width * BORDER)), max(1, int(height * BORDER))
    shoulders = int(height * 0.6)
    return [
        image.crop((0, 0, width, bh)),
        image.crop((0, bh, bw, shoulders)),
        image.crop((width - bw, bh, width, shoulders)),
    ]


def too_dark(image: Image.Image) -> bool:
    return ImageStat.Stat(image.convert("L")).mean[0] < DARK_MEAN_LUMINANCE


def background_not_white(image: Image.Image) -> bool:
    saturation = brightness = 0.0
    pixels = 0
    for strip in _border_strips(image.convert("RGB")):
        stat = ImageStat.Stat(strip.convert("HSV"))
        count = strip.width * strip.height
        saturation += stat.mean[1] * count
        brightness += stat.mean[2] * count
        pixels += count
    return brightness / pixels < BACKGROUND_MIN_BRIGHTNESS or saturation / pixels > BACKGROUND_MAX_SATURATION


@cache
def _cascade():
    import cv2

    classifier = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
    if classifier.empty():
        raise RuntimeError("OpenCV's frontal-face cascade could not be loaded")
    return classifier


def faces(image: Image.Image) -> list[tuple[float, float, float, float]]:
    """Faces found, as (x, y, width, height) in shares of the image's size."""
    import cv2
    import numpy

    width, height = image.size
    scale = min(1.0, DETECTION_WIDTH / width)
    small = image.convert("L").resize((max(1, int(width * scale)), max(1, int(height * scale))))
    grey = cv2.equalizeHist(numpy.asarray(small))
    # A passport-style photo's face spans a third of the width or more: smaller
    # detections are patterns in the background or clothes.
    smallest = max(24, int(small.width * 0.2))
    found = _cascade().detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5, minSize=(smallest, smallest))
    return [(x / small.width, y / small.height, w / small.width, h / small.height) for (x, y, w, h) in found]


def warnings_for(image: Image.Image) -> tuple[Reason, ...]:
    found: list[Reason] = []
    if too_dark(image):
        found.append(
            _warning(
                "PHOTO_TOO_DARK",
                _("The photo looks too dark. IRCC may send back a photo that is too dark."),
            )
        )
    if background_not_white(image):
        found.append(
            _warning(
                "PHOTO_BACKGROUND_NOT_WHITE",
                _("The background does not look plain white. IRCC may send back a photo whose background is not white."),
            )
        )
    detected = faces(image)
    if not detected:
        found.append(
            _warning(
                "PHOTO_FACE_NOT_FOUND",
                _(
                    "We could not find a face looking at the camera in this photo. IRCC may send back a photo "
                    "in which the facial features are not visible."
                ),
            )
        )
    else:
        x, _y, w, _h = max(detected, key=lambda box: box[2] * box[3])
        if abs(x + w / 2 - 0.5) > CENTRE_TOLERANCE:
            found.append(
                _warning(
                    "PHOTO_FACE_NOT_CENTRED",
                    _("The face does not look centred in the photo. Check that the photo is not cropped off-centre."),
                )
            )
    return tuple(found)
