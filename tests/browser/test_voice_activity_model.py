"""Silero VAD in real Chromium: raw outputs equal Python onnxruntime's (WASM-SIMD and plain WASM); `m.predict`
on the example recordings, and on a 44.1 kHz stereo recording long enough for two blocks, gives Python's
frame scores and segments (so the worker's WAV decoding, resampling, framing and post-processing equal the
build's); bad recordings get clear messages; and the widget detects speech in an example, a chosen file and
the microphone (Chromium's fake capture device, fed a real recording)."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import Browser

from builder import speech
from builder.evaluate import native_session
from builder.tasks import voice_activity

from ..conftest import BuiltSite
from .conftest import Session, check_raw_parity, open_session, open_with_demos, wait_until

pytestmark = pytest.mark.browser
MODEL = "voice-activity"

PREDICT = """async ([url, options]) => {
    const m = await vitrine.load("voice-activity", {backend: "wasm"});
    const blob = await (await fetch(url)).blob();
    const p = await m.predict(blob, options);
    return {...p, probabilities: Array.from(p.probabilities), waveform: p.waveform && {min: Array.from(p.waveform.min), max: Array.from(p.waveform.max)}};
}"""


@pytest.mark.parametrize("backend", ["wasm", "wasm-nosimd"])
def test_raw_outputs_match_python(request: pytest.FixtureRequest, backend: str, entry: dict, fixtures: dict) -> None:
    check_raw_parity(request.getfixturevalue("simd" if backend == "wasm" else "nosimd"), entry, fixtures, backend)


def seconds(found: list[dict]) -> list[dict]:
    return [{"start": s["start"] / 16000, "end": s["end"] / 16000} for s in found]


def test_predict_on_the_examples_answers_pythons_scores_and_segments(simd: Session, site_url: str, entry: dict, fixtures: dict) -> None:
    tolerance = entry["variants"][0]["tolerance"]
    for example in fixtures["examples"]:
        got = simd.page.evaluate(PREDICT, [f"{site_url}models/{example['url']}", {}])
        assert {"segments", "probabilities", "frameSeconds", "duration", "threshold", "ms"} <= set(got)
        diff = np.abs(np.array(got["probabilities"]) - np.array(example["probabilities"]["data"])).max()
        print(f"{example['name']}: max |Δ| of {len(got['probabilities'])} frame scores = {diff:.2e}")
        assert diff <= tolerance
        assert got["segments"] == seconds(example["segments"]), example["name"]
    drawn = simd.page.evaluate(PREDICT, [f"{site_url}models/{fixtures['examples'][0]['url']}", {"waveform": 100}])["waveform"]
    assert len(drawn["min"]) == len(drawn["max"]) == 100 and all(-1 <= lo <= hi <= 1 for lo, hi in zip(drawn["min"], drawn["max"]))
    assert max(drawn["max"]) > 0.1  # a voice, not silence
    assert simd.errors == [] and simd.foreign_requests() == []


@pytest.fixture(scope="module")
def stereo_44k(built_site: BuiltSite, entry: dict) -> tuple[bytes, dict]:
    """Two example recordings one after the other (20 s: two blocks of the model), at 44.1 kHz in stereo
    (the right channel half as loud), as 16-bit PCM; and what the build's own code answers for it."""
    from scipy.io import wavfile
    from scipy.signal import resample_poly

    models = built_site.site / "models"
    parts = [speech.read_wav((models / ex["audio"]).read_bytes())[0] for ex in entry["examples"][:2]]
    left = resample_poly(np.concatenate(parts).astype(np.float64), 441, 160)
    stereo = np.round(np.clip(np.stack([left, left / 2], axis=1), -1, 32767 / 32768) * 32768).astype(np.int16)
    out = io.BytesIO()
    wavfile.write(out, 44100, stereo)
    wav = out.getvalue()
    samples, rate = speech.read_wav(wav)
    audio = speech.resample(samples, rate)
    variant = entry["variants"][0]
    session = native_session((models / variant["url"]).read_bytes(), as_in_browser=True)
    spec = {"preprocessing": entry["preprocessing"], "postprocessing": entry["postprocessing"]}
    probs = voice_activity.probabilities(session, audio, spec)
    return wav, {"probabilities": probs, "segments": seconds(voice_activity.segments(probs, len(audio), entry["postprocessing"]))}


def test_a_44k_stereo_recording_is_mixed_and_resampled_as_in_python(simd: Session, entry: dict, stereo_44k: tuple[bytes, dict]) -> None:
    wav, want = stereo_44k
    # base64: ~3 MB as a JSON list of numbers took Playwright half a minute to carry
    got = simd.page.evaluate("""async (b64) => {
        const m = await vitrine.load("voice-activity", {backend: "wasm"});
        const p = await m.predict(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer);
        return {...p, probabilities: Array.from(p.probabilities)};
    }""", base64.b64encode(wav).decode())
    assert len(got["probabilities"]) == len(want["probabilities"]) > 512  # two blocks, the state carried across
    diff = np.abs(np.array(got["probabilities"]) - want["probabilities"]).max()
    print(f"44.1 kHz stereo, {got['duration']:.1f} s: max |Δ| = {diff:.2e}")
    assert diff <= entry["variants"][0]["tolerance"]
    assert got["segments"] == want["segments"] and got["duration"] == pytest.approx(len(wav[44:]) / 4 / 44100)


def test_bad_recordings_get_clear_messages(simd: Session) -> None:
    messages = simd.page.evaluate("""async () => {
        const m = await vitrine.load("voice-activity", {backend: "wasm"});
        /** a WAV header: `frames` frames of 16-bit mono at `rate`, and `data` bytes after it */
        const wav = (rate, frames, data = new Uint8Array(0)) => {
            const head = new DataView(new ArrayBuffer(44));
            const tag = (at, s) => [...s].forEach((c, i) => head.setUint8(at + i, c.charCodeAt(0)));
            tag(0, 'RIFF'); head.setUint32(4, 36 + frames * 2, true); tag(8, 'WAVE'); tag(12, 'fmt ');
            head.setUint32(16, 16, true); head.setUint16(20, 1, true); head.setUint16(22, 1, true);
            head.setUint32(24, rate, true); head.setUint32(28, rate * 2, true); head.setUint16(32, 2, true); head.setUint16(34, 16, true);
            tag(36, 'data'); head.setUint32(40, frames * 2, true);
            return new Blob([head.buffer, data]);
        };
        const tries = [
            wav(44100, 44100 * 7200),  // the header of a two-hour recording: refused before the file is read
            wav(16000, 16000, new Uint8Array(100)),  // cut short
            new Blob(['name,value\\n1,2\\n']),  // not a recording
            {samples: [0.1, NaN, 0.2], sampleRate: 16000},
            wav(44101, 4410, new Uint8Array(8820)),
            'speech.wav',
        ];
        const out = [];
        for (const t of tries) out.push(await m.predict(t).then(() => 'answered', (e) => e.message));
        const silent = await m.predict(wav(16000, 48000, new Uint8Array(96000)));
        out.push({segments: silent.segments, notice: silent.notice, frames: silent.probabilities.length});
        out.push(await m.predict({samples: new Float32Array(16000), sampleRate: 16000}, {threshold: 2}).then(() => 'answered', (e) => e.message));
        return out;
    }""")
    assert messages[0] == "This recording is 2 h long; the detector reads at most 10 min. Cut it into shorter pieces."
    assert messages[1].startswith("This WAV file's data is cut short: the header says 32000 bytes, the file has 100.")
    assert messages[2] == "This file is not a recording your browser can decode (WAV, MP3, Ogg, WebM, AAC or FLAC); it may be damaged or cut short."
    assert messages[3] == "Sample 2 of the recording is NaN; every sample must be a finite number."
    assert messages[4].startswith("A sample rate of 44,101 Hz cannot be resampled to 16,000 Hz exactly")
    assert messages[5] == "predict() takes a recording: a Blob or File, an ArrayBuffer, an AudioBuffer or {samples, sampleRate} — got string."
    assert messages[6] == {"segments": [], "notice": "This recording is silent: every sample is 0, so there is no speech in it.", "frames": 94}
    assert messages[7] == "predict(): threshold must be a number between 0 and 1, got 2."


def test_demo_detects_speech_in_an_example_and_a_chosen_file(session: Session, site_url: str, entry: dict, tmp_path: Path,
                                                              stereo_44k: tuple[bytes, dict]) -> None:
    page = session.page
    open_with_demos(page, f"{site_url}gallery/{MODEL}/")
    demo = page.locator(".vitrine-demo")
    rows = demo.locator(".vitrine-audio-segments tbody tr")
    first = entry["examples"][0]
    assert rows.count() == len(first["output"]["segments"])  # the precomputed answer, until a live one
    # an example, live
    demo.get_by_role("button", name=entry["examples"][1]["name"]).click()
    wait_until(page, "() => document.querySelector('.vitrine-demo').dataset.source === 'live'", message="no live detection")
    want = entry["examples"][1]["output"]["segments"]
    assert rows.count() == len(want)
    assert rows.first.locator("td").first.inner_text() == f"{want[0]['start']:.2f} s"
    assert f"{len(want)} stretch" in demo.locator(".vitrine-label-line").inner_text()
    # the threshold re-cuts the segments on the page: a high one finds less speech
    before = demo.locator(".vitrine-label-line").inner_text()
    demo.locator("input[type=range]").fill("0.95")
    wait_until(page, "(before) => document.querySelector('.vitrine-demo .vitrine-label-line').textContent !== before", before)
    demo.locator("input[type=range]").fill(str(entry["postprocessing"]["threshold"]))
    # a file of the visitor's
    path = tmp_path / "two examples, 44.1 kHz stereo.wav"
    path.write_bytes(stereo_44k[0])
    demo.locator("input[type=file]").set_input_files(str(path))
    wait_until(page, "() => document.querySelector('.vitrine-demo .vitrine-source').textContent.includes('44.1 kHz stereo.wav')"
                     " && document.querySelector('.vitrine-demo').dataset.source === 'live'", message="no detection of the chosen file")
    wait_until(page, "(n) => document.querySelectorAll('.vitrine-demo .vitrine-audio-segments tbody tr').length === n", len(stereo_44k[1]["segments"]))
    assert demo.locator(".vitrine-error").is_hidden()
    assert session.errors == [] and session.foreign_requests() == []


def test_microphone_recording_is_detected(playwright, chromium_path: str, site_url: str, built_site: BuiltSite, entry: dict, tmp_path: Path) -> None:
    """Chromium's fake capture device plays the real example recording into the microphone."""
    from builder.browser import CHROMIUM_ARGS

    wav = tmp_path / "beckett.wav"
    wav.write_bytes((built_site.site / "models" / entry["examples"][0]["audio"]).read_bytes())
    browser: Browser = playwright.chromium.launch(executable_path=chromium_path, args=[
        *CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", f"--use-file-for-fake-audio-capture={wav}"])
    try:
        session = open_session(browser, site_url)
        session.context.grant_permissions(["microphone"])
        page = session.page
        open_with_demos(page, f"{site_url}gallery/{MODEL}/")
        demo = page.locator(".vitrine-demo")
        record = demo.get_by_role("button", name="Record with the microphone")
        record.click()
        stop = demo.get_by_role("button", name="Stop recording (at most 30 s)")
        page.wait_for_timeout(4000)
        stop.click()
        wait_until(page, "() => document.querySelector('.vitrine-demo .vitrine-source').textContent.includes('Your recording')"
                         " && document.querySelector('.vitrine-demo').dataset.source === 'live'", message="no detection of the recording")
        assert demo.locator(".vitrine-audio-segments tbody tr td button").count() >= 1  # the reader's voice came through
        assert session.errors == []
    finally:
        browser.close()
