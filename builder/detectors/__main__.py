"""`python -m builder.detectors OUT.onnx`: write the fp32 BlazeFace model (tests/js/detection.test.js uses it)."""
from __future__ import annotations

import argparse
from pathlib import Path

from .blazeface import export


def main(argv: list[str] | None = None) -> None:
    """Export to a file, so Node tests get the real model without a binary in the repo."""
    parser = argparse.ArgumentParser(prog="python -m builder.detectors", description=__doc__)
    parser.add_argument("out", type=Path, help="where to write the .onnx file")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(export().SerializeToString())


if __name__ == "__main__":
    main()
