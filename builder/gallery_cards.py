"""What the gallery's card of a model shows, from its manifest entry alone: the task in words, the
headline metric, the size, the native latency, and the first precomputed example (its photo, and its
input and output in one line). Card text is data: the template escapes it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SAMPLE_CHARS = 70  # a text input is cut to this many characters on a card


@dataclass(frozen=True)
class Card:
    id: str
    title: str
    task: str
    task_name: str
    quality: str
    gzip_bytes: int
    latency: str  # native onnxruntime, median, one thread
    sample: str  # the first example: "input → output", or the output where the image is the input
    image: str | None  # the first example's photo, under models/
    image_alt: str


def task_name(task: str) -> str:
    """"tabular-classification" → "Tabular classification"."""
    return task.replace("-", " ").capitalize()


def quality(metrics: dict[str, Any]) -> str:
    """The headline metric on the held-out data, in words."""
    if "accuracy" in metrics:
        return f"accuracy {100 * metrics['accuracy']:.1f}%"
    if "ndcg" in metrics:
        return f"NDCG@{metrics['k']} {metrics['ndcg']:.2f}, precision@{metrics['k']} {metrics['precision']:.2f} on {metrics['queries']} held-out inputs (most popular: {metrics['baseline']['ndcg']:.2f}, {metrics['baseline']['precision']:.2f})"
    if "by_snr" in metrics:
        return f"F1 {metrics['f1']:.2f} on speech in noise (energy detector: {metrics['baseline']['f1']:.2f})"
    if "roc_auc" in metrics:
        return f"ROC AUC {metrics['roc_auc']:.2f}, average precision {metrics['average_precision']:.2f} (blind: {metrics['prevalence']:.3f})"
    if "mase" in metrics:
        return f"MASE {metrics['mase']:.2f} in a {metrics['origins']}-month back-test (seasonal naive: {metrics['baseline']['mase']:.2f})"
    if "r2" in metrics:
        return f"R² {metrics['r2']:.2f}, MAE {metrics['mae']:.3g} (training mean: {metrics['baseline']['mae']:.3g})"
    if "hit_at_10" in metrics:
        return f"hit@10 {100 * metrics['hit_at_10']:.0f}%, MRR {metrics['mrr']:.2f} on {metrics['questions']} questions"
    if "perplexity" in metrics:
        return f"perplexity {metrics['perplexity']:.1f} on held-out text, {metrics['decode_ms_per_token']:.0f} ms per token"
    if "top1" in metrics:
        return f"top-1 {100 * metrics['top1']:.0f}% on {metrics['images']} photos"
    if "ap50" in metrics:
        return f"AP@0.5 {metrics['ap50']:.2f} on {metrics['images']} images"
    return ""


def latency(metrics: dict[str, Any], task: str) -> str:
    p50 = metrics.get("latency_ms", {}).get("p50")
    if p50 is None:
        return ""
    return f"native: {p50:.2g} ms per {'token' if task == 'text-generation' else 'prediction'}"


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= SAMPLE_CHARS else text[:SAMPLE_CHARS - 1].rstrip() + '…'}”"


def sample(entry: dict[str, Any]) -> str:
    """The first example's input and output in one line (no input where the card shows the photo)."""
    if not entry.get("examples"):
        return ""
    ex = entry["examples"][0]
    out = ex.get("output")
    task = entry["task"]
    if task == "tabular-classification" and isinstance(out, dict):
        return f"Predicts {out['label']} ({100 * max(out['probabilities']):.1f}%) for the example penguin"
    if task == "anomaly-detection" and isinstance(out, dict):
        return f"Scores {out['score']:.3f} for a held-out reading: {'an anomaly' if out['anomaly'] else 'normal'}"
    if task == "voice-activity-detection" and isinstance(out, dict):
        speech = sum(s["end"] - s["start"] for s in out["segments"])
        return f"Finds {len(out['segments'])} stretch{'es' if len(out['segments']) != 1 else ''} of speech ({speech:.1f} s of {out['duration']:.1f} s) in {ex['name']}"
    if task == "recommendation" and isinstance(out, dict) and out["recommendations"]:
        first = out["recommendations"][0]
        why = f", because of {first['because']}" if first["because"] else ""
        return f"Picks {first['item']} first{why}, for {ex['name'].lower()}'s {len(ex['input'])} {entry['dataset']['item_noun']}s"
    if task == "time-series-forecasting" and isinstance(out, dict):
        return f"From {ex['origin']}: {out['forecast'][0]:.1f} next, {out['forecast'][-1]:.1f} in {len(out['forecast'])} steps"
    if task == "tabular-regression" and isinstance(out, dict):
        return f"Predicts {out['value']:.4g} (interval {out['low']:.4g} to {out['high']:.4g}) for a held-out row"
    if task == "object-detection" and isinstance(out, list):
        labels = sorted({box["label"] for box in out})
        return f"Finds {len(out)} {' / '.join(labels) or 'object'}{'s' if len(out) != 1 else ''} in {ex.get('shows', 'the example')}"
    if task == "image-classification" and isinstance(out, list) and out:
        return f"{out[0]['label']} ({100 * out[0]['score']:.1f}%)"
    if task == "text-classification" and isinstance(out, list) and out:
        return f"{_quote(ex['text'])} → {out[0]['label']} ({100 * out[0]['score']:.1f}%)"
    if task == "semantic-search" and isinstance(out, list) and out:
        return f"{_quote(ex['text'])} → {out[0]['title']}"
    if task == "text-generation" and isinstance(out, dict):
        return f"{_quote(ex['text'])} → {_quote(out['text'])}"
    return ""


def card(entry: dict[str, Any], variant: dict[str, Any]) -> Card:
    """The card of `entry`, with the figures of `variant` (the one that ships by default)."""
    first = (entry.get("examples") or [{}])[0]
    return Card(
        id=entry["id"], title=entry["title"], task=entry["task"], task_name=task_name(entry["task"]),
        quality=quality(variant["metrics"]), gzip_bytes=variant["gzip_bytes"],
        latency=latency(variant["metrics"], entry["task"]), sample=sample(entry),
        image=first.get("image"), image_alt=first.get("shows", ""),
    )
