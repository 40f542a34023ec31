"""Voice activity detection: the synthesised clips and their truth, the audio path the browser repeats
(WAV reading, resampling, framing), the shipped graph against silero-vad's own code, the evaluation
against the energy detector, card errors and the page."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest

from builder import pages, speech
from builder.cards import load_card
from builder.evaluate import native_session
from builder.recipes import silero_vad
from builder.tasks import voice_activity

from ..conftest import REPO, model_entry
from .conftest import card_problems, edited_card

MODEL = "voice-activity"
CARD = REPO / "model_cards" / f"{MODEL}.yaml"


@pytest.fixture(scope="module")
def entry(built_models) -> dict:
    return model_entry(json.loads((built_models[0] / "manifest.json").read_text()), MODEL)


@pytest.fixture(scope="module")
def data() -> speech.SpeechSet:
    return speech.prepare(load_card(CARD))


@pytest.fixture(scope="module")
def parts(data: speech.SpeechSet) -> dict:
    card = load_card(CARD)
    return voice_activity.describe(card, data, silero_vad.train(card, data), lambda kind, data, suffix, **extra: {"kind": kind, "url": f"x{suffix}", **extra})


def test_zen_has_its_nineteen_aphorisms() -> None:
    zen = speech.zen()
    assert len(zen) == 19 and zen[0] == "Beautiful is better than ugly." and zen[-1].startswith("Namespaces are one honking great idea")


def test_clips_place_speech_where_the_truth_says_at_the_noise_level_they_name(data: speech.SpeechSet) -> None:
    assert len(data.clips) == 24 and {c.snr_db for c in data.clips} == set(speech.SNRS_DB)
    again = speech.prepare(load_card(CARD))
    assert again.fingerprint == data.fingerprint and np.array_equal(again.clips[5].samples, data.clips[5].samples)  # seeded
    for clip in data.clips:
        assert 9 <= len(clip.samples) / speech.RATE <= 14 and clip.spans and np.abs(clip.samples).max() <= 0.9 + 1e-6
        assert len(clip.speech) == -(-len(clip.samples) // speech.FRAME)
        for a, b in clip.spans:  # frames well inside an utterance are speech, frames well outside are not
            assert clip.speech[(a + b) // 2 // speech.FRAME]
        first = clip.spans[0][0] // speech.FRAME
        assert not clip.speech[: max(0, first - 1)].any()
    synth = speech._Synth.get()
    assert synth.rate == 22050 and "eSpeak NG 1.52" in synth.version


def test_energy_baseline_is_tuned_in_its_favour_and_silero_beats_it(entry: dict) -> None:
    m = entry["variants"][0]["metrics"]
    b = m["baseline"]
    print(f"F1 {m['f1']:.3f} vs {b['f1']:.3f}; ROC AUC {m['roc_auc']:.3f} vs {b['roc_auc']:.3f}; by SNR {m['by_snr']}")
    assert m["clips"] == 24 and 0.3 < m["speech_share"] < 0.7
    assert m["f1"] > 0.9 > b["f1"] and m["roc_auc"] > 0.95 > b["roc_auc"] > 0.5  # measured: 0.966 vs 0.817, 0.994 vs 0.882
    assert [r["snr_db"] for r in m["by_snr"]] == list(speech.SNRS_DB) and sum(r["clips"] for r in m["by_snr"]) == 24
    assert all(r["f1"] > r["baseline_f1"] for r in m["by_snr"])
    # the energy detector is at its worst in the loudest noise; the model hardly minds it
    assert min(r["baseline_f1"] for r in m["by_snr"]) == m["by_snr"][-1]["baseline_f1"]
    assert max(r["f1"] for r in m["by_snr"]) - min(r["f1"] for r in m["by_snr"]) < 0.05


def test_scores_and_masks() -> None:
    truth = np.array([0, 1, 1, 1, 0, 0], bool)
    assert voice_activity.scores(truth, np.array([0, 1, 1, 0, 0, 1], bool)) == {"precision": 2 / 3, "recall": 2 / 3, "f1": pytest.approx(2 / 3)}
    assert voice_activity.scores(truth, np.zeros(6, bool))["f1"] == 0.0
    mask = voice_activity.frame_mask([{"start": 600, "end": 1800}], 5)  # frame centres 256, 768, 1280, 1792, 2304
    assert mask.tolist() == [False, True, True, True, False]
    assert speech.frame_truth([(256, 1024)], 2048).tolist() == [True, True, False, False]  # half a frame counts


def test_blocks_and_scores_equal_silero_vads_own_code(data: speech.SpeechSet, parts: dict) -> None:
    """The framing is silero_vad.sequence_vad's, and the optimized graph scores as the package's unoptimized one does."""
    from silero_vad.sequence_vad import SileroVADSequence, frame_blocks

    audio = np.concatenate([c.samples for c in data.clips[:2]])  # 24 s: two blocks
    pre = parts["preprocessing"]
    ours = voice_activity.blocks(audio, pre)
    theirs = list(frame_blocks(audio, 512, 64, 512))
    assert len(ours) == len(theirs) == 2 and all(np.array_equal(a, b) for a, b in zip(ours, theirs, strict=True))
    optimized = _optimized()
    assert len(optimized) < 1.3e6
    shipped = native_session(optimized, as_in_browser=True)
    probs = voice_activity.probabilities(shipped, audio, parts)
    reference = SileroVADSequence(str(silero_vad.model_file())).audio_forward(audio)
    assert probs.shape == reference.shape and np.array_equal(probs, reference)


def _optimized() -> bytes:
    from builder import optimize

    return optimize.optimize(silero_vad.model_file().read_bytes(), silero_vad.OPTIMIZE).model_bytes


def test_segments_follow_silero_and_answers_are_in_seconds(entry: dict, built_models) -> None:
    fixtures = json.loads((built_models[0] / entry["variants"][0]["fixtures"]).read_text())
    assert [e["name"] for e in fixtures["examples"]] == [e["name"] for e in entry["examples"]]
    for ex, fx in zip(entry["examples"], fixtures["examples"], strict=True):
        assert ex["output"]["segments"] == [{"start": s["start"] / 16000, "end": s["end"] / 16000} for s in fx["segments"]]
        assert len(ex["output"]["probabilities"]) == len(fx["probabilities"]["data"])
    beckett = entry["examples"][0]["output"]
    assert beckett["duration"] == pytest.approx(9.963, abs=1e-3) and 3 <= len(beckett["segments"]) <= 10  # a man reading, with pauses


def test_read_wav_matches_16_bit_and_averages_channels() -> None:
    from scipy.io import wavfile

    pcm = np.array([[0, 32767], [-32768, 16384], [100, -100]], np.int16)
    out = io.BytesIO()
    wavfile.write(out, 44100, pcm)
    samples, rate = speech.read_wav(out.getvalue())
    assert rate == 44100 and samples.dtype == np.float32
    assert samples.tolist() == pytest.approx([32767 / 65536, (-32768 + 16384) / 65536, 0.0])
    assert speech.read_wav(speech.wav_bytes(np.array([0.5, -1.0, 1.0], np.float32), 16000))[0].tolist() == [0.5, -1.0, 32767 / 32768]


def test_resampling_is_scipys_polyphase_filter() -> None:
    from scipy.signal import resample_poly

    x = np.sin(np.linspace(0, 200, 44100)).astype(np.float32)
    y = speech.resample(x, 44100)
    assert len(y) == 16000 and np.array_equal(y, resample_poly(x.astype(np.float64), 160, 441).astype(np.float32))
    assert speech.resample(y, 16000) is not y and np.array_equal(speech.resample(y, 16000), y)


@pytest.mark.parametrize(("old", "new", "says"), [
    ("name: zen-in-noise", "name: librispeech", "dataset.name: 'librispeech' is not a speech set of espeak-ng (available: zen-in-noise)"),
    ("threshold: 0.5", "threshold: 1.5", "recipe.params.threshold: must be a number from 0.05 to 0.95, got 1.5"),
    ("threshold: 0.5", "threshold: 0.5\n    window: 3", "recipe.params.window: not a parameter of silero_vad (allowed: model, threshold, min_speech_ms, min_silence_ms, speech_pad_ms)"),
    ("threshold: 0.5", "model: silero-vad-8k", "recipe.params.model: unknown model 'silero-vad-8k' (available: silero-vad-16k)"),
    ("name: zen-in-noise", "name: zen-in-noise\n  test_size: 0.2", "dataset.test_size: is not a field of this task's dataset (allowed here: source, name, seed)"),
    ("variants: [fp32]", "variants: [fp32, int8]", "variants[1]: recipe 'silero_vad' cannot make a 'int8' variant (Silero's graph as it ships, 1.2 MB; its own fp16 file is for the per-frame model, not this sequence graph); supported: fp32"),
])
def test_card_errors(tmp_path: Path, old: str, new: str, says: str) -> None:
    path = edited_card(tmp_path, CARD, old, new)
    [msg] = card_problems(tmp_path)
    assert msg.startswith(f"{path}:") and msg.endswith(says), msg


def test_page_reports_the_evaluation_and_plays_the_examples(entry: dict) -> None:
    text = pages.model_page(entry, "../../models")
    m = entry["variants"][0]["metrics"]
    assert f"<tr><th scope=\"row\">F1 of speech frames</th><td>{m['f1']:.3f}</td><td>{m['baseline']['f1']:.3f}</td></tr>" in text
    assert text.count('<tr><th scope="row">') >= 4 + 4 and "0 dB" in text and "in the baseline's favour" in text
    assert text.count("<audio controls") == len(entry["examples"]) == 3
    assert "beckett.wav: real speech" in text and "MIT" in text and "eSpeak NG" in text
