"""Speech that packages ship or that is synthesised at build time, for voice activity detection.

Nothing downloads: the evaluation clips are the Zen of Python (the standard library's `this`) spoken
by eSpeak NG voices, whose library and voice data come in the PyPI wheel `espeakng-loader` (eSpeak NG
is GPL-3.0; only its audio output is used, none of its code ships), placed between pauses in noise
at a known signal-to-noise ratio. Because the build places every utterance, it knows exactly which
32 ms frames hold speech: that is the ground truth the detector is measured against. The demo's
first example is real speech: the 10-second recording `useful-moonshine-onnx` ships (MIT).

The audio path is the one the browser runs (worker/audio_decode.js, worker/resample.js): a WAV file
read as float samples, channels averaged, resampled to 16 kHz by scipy's polyphase filter.
"""

from __future__ import annotations

import codecs
import ctypes
import functools
import hashlib
import importlib.metadata
import io
import json
import os
import pickle
import subprocess
import sys
import threading
import warnings
from dataclasses import dataclass
from math import gcd
from pathlib import Path
from typing import Any

import numpy as np

from .cards import Card
from .errors import CardProblem

RATE = 16000  # what Silero VAD reads
FRAME = 512  # samples per frame the detector scores (32 ms)
SNRS_DB = (20, 10, 5, 0)  # each clip's speech-to-noise ratio; clips cycle through them
NOISES = ("white", "brown", "hum")
# eSpeak NG voices (accents and the voice variants of its data: +f = female, +m = male)
VOICES = ("en-US", "en-GB-x-rp+f3", "en-029+m3", "en-GB-scotland+f2", "en-US-nyc+m5", "en+f4")
CLIP_SECONDS = (9.0, 14.0)  # a clip's length is drawn from this range
PAUSE_SECONDS = (0.6, 2.2)  # silence before, between and after utterances
SAMPLES = {  # the speech sets a card can name, with their clip count
    "zen-in-noise": 24,
}
CITATION = (
    "The Zen of Python (Tim Peters, PEP 20), spoken by eSpeak NG voices (espeakng-loader wheel) in synthesised noise; "
    "real speech example: beckett.wav from useful-moonshine-onnx (Useful Sensors)"
)
LICENCE = "text: Python Software Foundation License (PEP 20 is public domain); example recording: MIT (useful-moonshine-onnx)"


@dataclass
class Clip:
    """One evaluation clip at 16 kHz, with the truth of each frame."""

    name: str
    samples: np.ndarray  # float32, 16 kHz
    speech: np.ndarray  # bool per FRAME-sample frame: does the frame hold speech?
    spans: list[tuple[int, int]]  # the utterances, in samples [start, end)
    snr_db: int
    noise: str
    voice: str


@dataclass
class SpeechSet:
    """The evaluation clips are made on first use: an unchanged model's build only needs the fingerprint."""

    name: str
    source: str
    seed: int
    count: int
    fingerprint: str  # what the clips are made from: the seed, the count, the synthesiser and the recording

    @functools.cached_property
    def clips(self) -> list[Clip]:
        """The held-out evaluation clips (the detector is pretrained: it never saw them).

        Made in a fresh process: eSpeak NG carries state from one utterance into the next (the same
        sentence said twice differs from the first phoneme on), so the same clips need the same history.
        """
        return _in_fresh_process(self.seed, self.count)

    @functools.cached_property
    def examples(self) -> list[tuple[str, bytes, str]]:
        """(name, WAV bytes, what it is) for the demo to click: real speech, then a clip in some noise and one in as much noise as speech."""
        quiet = next(c for c in self.clips if c.snr_db == 10)
        loud = next(c for c in self.clips if c.snr_db == 0)
        return [
            ("beckett.wav", recording(), "real speech: a man reading (useful-moonshine-onnx, MIT), 10 s"),
            *((f"{c.name}.wav", wav_bytes(c.samples, RATE), f"eSpeak NG voice {c.voice} in {c.noise} noise at {c.snr_db} dB SNR") for c in (quiet, loud)),
        ]

    @functools.cached_property
    def info(self) -> dict[str, Any]:
        """The manifest's `dataset` block."""
        frames = sum(len(c.speech) for c in self.clips)
        return {
            "name": self.name,
            "source": self.source,
            "citation": CITATION,
            "licence": LICENCE,
            "clips": len(self.clips),
            "seconds": round(sum(len(c.samples) for c in self.clips) / RATE, 1),
            "frames": frames,
            "speech_share": round(float(sum(c.speech.sum() for c in self.clips) / frames), 4),
            "sample_rate": RATE,
            "snr_db": list(SNRS_DB),
            "noises": list(NOISES),
            "voices": list(VOICES),
            "synthesiser": _Synth.get().version,
        }


def check(card: Card) -> list[CardProblem]:
    ds = card.dataset
    if ds["name"] not in SAMPLES:
        return [card.problem(("dataset", "name"), f"{ds['name']!r} is not a speech set of {ds['source']} (available: {', '.join(SAMPLES)})")]
    try:
        _Synth.get()
        recording()
    except (OSError, importlib.metadata.PackageNotFoundError) as err:
        return [card.problem(("dataset", "source"), f"could not load the speech sources: {err} (`make setup` installs espeakng-loader and useful-moonshine-onnx)")]
    return []


def prepare(card: Card) -> SpeechSet:
    ds = card.dataset
    versions = [importlib.metadata.version(p) for p in ("espeakng-loader", "scipy", "numpy")]
    key = json.dumps([ds["name"], ds["seed"], SAMPLES[ds["name"]], versions, hashlib.sha256(recording()).hexdigest()])
    return SpeechSet(ds["name"], ds["source"], ds["seed"], SAMPLES[ds["name"]], hashlib.sha256(key.encode()).hexdigest())


def zen() -> list[str]:
    """The Zen of Python's 19 aphorisms: stdlib `this` keeps them ROT13-encoded (read, not imported: it prints)."""
    import ast
    import importlib.util

    source = Path(str(importlib.util.find_spec("this").origin)).read_text()  # type: ignore[union-attr]
    encoded = next(node.value.value for node in ast.parse(source).body
                   if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "s" and isinstance(node.value, ast.Constant))
    lines = codecs.decode(encoded, "rot13").splitlines()
    return [line.strip() for line in lines[2:] if line.strip()]


# ---- reading, writing and resampling audio: what the browser's worker does, in Python ----


def read_wav(data: bytes) -> tuple[np.ndarray, int]:
    """A WAV file → (mono float32 samples in [-1, 1], its sample rate), as worker/audio_decode.js reads it."""
    from scipy.io import wavfile

    with warnings.catch_warnings():  # chunks other than fmt/data (LIST: the recording's tags) are skipped, as in the browser
        warnings.simplefilter("ignore", wavfile.WavFileWarning)
        rate, raw = wavfile.read(io.BytesIO(data))
    scale = {np.dtype(np.uint8): 128.0, np.dtype(np.int16): 32768.0, np.dtype(np.int32): 2147483648.0}
    x = raw.astype(np.float64)
    if raw.dtype == np.uint8:
        x -= 128.0
    if raw.dtype in scale:
        x /= scale[raw.dtype]
    if x.ndim == 2:
        x = x.mean(axis=1)
    return x.astype(np.float32), int(rate)


def resample(samples: np.ndarray, rate: int, to: int = RATE) -> np.ndarray:
    """Polyphase resampling to `to` Hz (scipy's resample_poly, Kaiser window), computed in float64."""
    if rate == to:
        return samples.astype(np.float32)
    from scipy.signal import resample_poly

    g = gcd(rate, to)
    return resample_poly(samples.astype(np.float64), to // g, rate // g).astype(np.float32)


def wav_bytes(samples: np.ndarray, rate: int) -> bytes:
    """16-bit PCM WAV of float samples (clipped to [-1, 1])."""
    from scipy.io import wavfile

    pcm = np.round(np.clip(samples.astype(np.float64), -1.0, 32767 / 32768) * 32768).astype(np.int16)
    out = io.BytesIO()
    wavfile.write(out, rate, pcm)
    return out.getvalue()


def recording() -> bytes:
    """The real speech example: beckett.wav inside the useful-moonshine-onnx wheel (read as a file, never imported)."""
    path = importlib.metadata.distribution("useful-moonshine-onnx").locate_file("moonshine_onnx/assets/beckett.wav")
    return Path(str(path)).read_bytes()


# ---- the evaluation clips ----


def _in_fresh_process(seed: int, count: int) -> list[Clip]:
    """make_clips in a new Python process (this package's, whatever the caller's working directory)."""
    code = "import pickle, sys; from builder.speech import make_clips; pickle.dump(make_clips(int(sys.argv[1]), int(sys.argv[2])), sys.stdout.buffer)"
    package_root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)}
    done = subprocess.run([sys.executable, "-c", code, str(seed), str(count)], capture_output=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the speech clips could not be made: {done.stderr.decode(errors='replace').strip()[-2000:]}")
    return pickle.loads(done.stdout)  # noqa: S301 — our own child process's output


def make_clips(seed: int, count: int) -> list[Clip]:
    """`count` clips from `seed`: voices, sentences, pauses and noise cycle and are drawn in order."""
    rng = np.random.default_rng(seed)
    sentences = zen()
    return [_clip(f"clip-{i + 1:02d}", rng, sentences, SNRS_DB[i % len(SNRS_DB)], NOISES[i % len(NOISES)], VOICES[i % len(VOICES)])
            for i in range(count)]


def _clip(name: str, rng: np.random.Generator, sentences: list[str], snr_db: int, noise: str, voice: str) -> Clip:
    """Utterances between pauses, then noise at `snr_db` below the speech's power."""
    synth = _Synth.get()
    length = int(rng.uniform(*CLIP_SECONDS) * RATE)
    speech = np.zeros(length, np.float64)
    spans = []
    at = int(rng.uniform(*PAUSE_SECONDS) * RATE)
    while True:
        text = " ".join(rng.choice(sentences, size=int(rng.integers(1, 3)), replace=False))
        said = synth.say(text, voice, rate=int(rng.integers(140, 200)), pitch=int(rng.integers(30, 70)), seed=int(rng.integers(1 << 31)))
        said = _trim(resample(said, synth.rate))
        if at + len(said) > length - int(PAUSE_SECONDS[0] * RATE):
            break
        speech[at : at + len(said)] = said * (0.3 / max(1e-9, float(np.abs(said).max())))
        spans.append((at, at + len(said)))
        at += len(said) + int(rng.uniform(*PAUSE_SECONDS) * RATE)
    if not spans:
        raise ValueError(f"{name}: no utterance fits in {length / RATE:.1f} s")
    power = float(np.mean(np.concatenate([speech[a:b] for a, b in spans]) ** 2))
    background = _noise(noise, length, rng)
    background *= np.sqrt(power / 10 ** (snr_db / 10) / float(np.mean(background**2)))
    mixed = speech + background
    mixed *= min(1.0, 0.9 / float(np.abs(mixed).max()))  # no clipping once written as 16-bit PCM
    return Clip(name, mixed.astype(np.float32), frame_truth(spans, length), spans, snr_db, noise, voice)


def frame_truth(spans: list[tuple[int, int]], length: int) -> np.ndarray:
    """A frame holds speech when at least half of it lies inside an utterance."""
    frames = -(-length // FRAME)
    inside = np.zeros(frames * FRAME, bool)
    for a, b in spans:
        inside[a:b] = True
    return inside.reshape(frames, FRAME).sum(axis=1) >= FRAME // 2


def _trim(said: np.ndarray) -> np.ndarray:
    """Cut eSpeak's leading and trailing silence: an utterance runs from its first to its last audible sample."""
    loud = np.flatnonzero(np.abs(said) > 0.01 * np.abs(said).max())
    return said[loud[0] : loud[-1] + 1] if len(loud) else said


def _noise(kind: str, n: int, rng: np.random.Generator) -> np.ndarray:
    """White (hiss), brown (rumble: integrated white, 1/f²) or mains hum (50 Hz and harmonics, a little hiss)."""
    if kind == "white":
        return rng.standard_normal(n)
    if kind == "brown":
        walk = np.cumsum(rng.standard_normal(n))
        return walk - np.convolve(walk, np.ones(801) / 801, mode="same")  # no drift: a slow random walk high-passed
    t = np.arange(n) / RATE
    hum = sum(np.sin(2 * np.pi * 50 * k * t + rng.uniform(0, 2 * np.pi)) / k for k in (1, 2, 3, 5))
    return hum + 0.1 * rng.standard_normal(n)


class _Synth:
    """eSpeak NG through its C API (ctypes): the library and its voices come in the espeakng-loader wheel."""

    _instance: _Synth | None = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        import espeakng_loader

        self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
        data = Path(espeakng_loader.get_data_path())
        # AUDIO_OUTPUT_SYNCHRONOUS (2): samples come to the callback before espeak_Synth returns
        self.rate = self.lib.espeak_Initialize(2, 0, str(data.parent).encode(), 0)
        if self.rate <= 0:
            raise OSError(f"eSpeak NG did not start (data: {data})")
        self.lib.espeak_Info.restype = ctypes.c_char_p
        self.version = f"eSpeak NG {self.lib.espeak_Info(None).decode()} (espeakng-loader {importlib.metadata.version('espeakng-loader')})"
        self._chunks: list[np.ndarray] = []
        callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)

        def on_samples(wav: Any, n: int, events: Any) -> int:
            if n > 0:
                self._chunks.append(np.ctypeslib.as_array(wav, shape=(n,)).copy())
            return 0

        self._callback = callback(on_samples)  # kept: the library holds only a pointer
        self.lib.espeak_SetSynthCallback(self._callback)

    @classmethod
    def get(cls) -> _Synth:
        with cls._lock:
            if cls._instance is None:
                cls._instance = _Synth()
            return cls._instance

    def say(self, text: str, voice: str, rate: int, pitch: int, seed: int = 0) -> np.ndarray:
        """`text` spoken by `voice` at `rate` words per minute → float samples at `self.rate` Hz.

        `seed` seeds eSpeak NG's noise (the breath of its female voices; otherwise seeded from the clock).
        """
        with self._lock:
            self.lib.espeak_ng_SetRandSeed(seed)
            if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise OSError(f"eSpeak NG has no voice {voice!r}")
            self.lib.espeak_SetParameter(1, rate, 0)  # espeakRATE
            self.lib.espeak_SetParameter(3, pitch, 0)  # espeakPITCH
            self._chunks = []
            data = text.encode()
            # POS_CHARACTER (1), espeakCHARS_UTF8 (1)
            if self.lib.espeak_Synth(data, len(data) + 1, 0, 1, 0, 1, None, None) != 0:
                raise OSError(f"eSpeak NG could not say {text!r}")
            self.lib.espeak_Synchronize()
            return np.concatenate(self._chunks).astype(np.float64) / 32768.0 if self._chunks else np.zeros(0)
