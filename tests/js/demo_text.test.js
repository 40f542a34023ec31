// The pure parts of the text widgets: the predict() answer checks, word weights in words, passage cutting
// and number formats. The DOM parts run in Chromium (tests/browser/test_demo_{text,search}_widget.py).
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import {
  describeWords, formatPercent, formatWeight, readVerdict, readWords, wordDirections,
} from '../../js_runtime/demo_text.js';
import { cutPassage, formatScore, readHits } from '../../js_runtime/demo_search.js';

describe('readVerdict', () => {
  it('keeps every label, best first, clamped to 0..1, with the notice and the time', () => {
    const answer = [{ label: 'not spam', score: 0.2, index: 0 }, { label: 'spam', score: 1.0000001, index: 1 }];
    Object.defineProperty(answer, 'ms', { value: 4.5 });
    Object.defineProperty(answer, 'notice', { value: 'Only the first 128 tokens were read.' });
    const verdict = readVerdict(answer);
    assert.deepEqual(verdict.scores.map((s) => [s.label, s.score]), [['spam', 1], ['not spam', 0.2]]);
    assert.equal(verdict.notice, 'Only the first 128 tokens were read.');
    assert.equal(verdict.ms, 4.5);
  });

  it('refuses what is not the contract, with a sentence for visitors', () => {
    const error = mock.method(console, 'error', () => {});
    for (const bad of [null, {}, [{ label: 1, score: 0.5 }], [{ label: 'a', score: NaN }]]) {
      assert.throws(() => readVerdict(bad), /The model returned an answer this page cannot show/);
    }
    error.mock.restore();
  });
});

describe('readWords', () => {
  const text = 'Win a FREE prize';
  it('keeps sound ranges in order and takes each word from the text itself', () => {
    const answer = [];
    Object.defineProperty(answer, 'words', {
      value: [
        { text: 'prize', start: 11, end: 16, weight: 0.2 },
        { text: 'Win', start: 0, end: 3, weight: 0.1 },
        { text: 'FREE', start: 6, end: 10, weight: 0.3 },
        { text: 'x', start: 7, end: 9, weight: 0.3 }, // overlaps FREE
        { text: 'y', start: 14, end: 40, weight: 0.3 }, // past the end
        { text: 'z', start: 4, end: 5, weight: Infinity },
      ],
    });
    assert.deepEqual(readWords(answer, text).map((w) => [w.text, w.weight]), [['Win', 0.1], ['FREE', 0.3], ['prize', 0.2]]);
  });

  it('is empty without words', () => {
    assert.deepEqual(readWords([], text), []);
    assert.deepEqual(readWords(null, text), []);
  });
});

describe('words in words', () => {
  it('names both directions by label when there are two, and keeps each label\'s colour', () => {
    const spam = wordDirections('spam', 'not spam');
    const ham = wordDirections('not spam', 'spam');
    assert.equal(spam.towards.key, 'a');
    assert.equal(ham.away.key, 'a'); // "spam" words keep their colour whichever label wins
    assert.equal(ham.towards.name, 'towards not spam');
    const words = [
      { text: 'free', start: 0, end: 4, weight: 0.21 },
      { text: 'meeting', start: 5, end: 12, weight: -0.05 },
      { text: 'prize', start: 13, end: 18, weight: 0.15 },
    ];
    assert.deepEqual(describeWords(words, spam, 'spam'), [
      'Words that pushed towards spam: free (+0.210), prize (+0.150).',
      'Words that pushed towards not spam: meeting (+0.050).',
    ]);
  });

  it('says "away from" the top label with more than two labels', () => {
    const d = wordDirections('sports', null);
    assert.deepEqual(describeWords([{ text: 'vote', start: 0, end: 4, weight: -0.1 }], d, 'sports'),
      ['Words that pushed away from sports: vote (−0.100).']);
    assert.deepEqual(describeWords([], d, 'sports'), ['No single word, left out, changes the probability of “sports” by 0.005 or more.']);
  });

  it('formats weights and probabilities consistently', () => {
    assert.equal(formatWeight(0.0071), '+0.007');
    assert.equal(formatWeight(-0.25), '−0.250');
    assert.equal(formatPercent(0.98234), '98.2%');
  });
});

describe('search', () => {
  it('ranks the answer best first (ties by index), at most 10, with ranks from 1', () => {
    const answer = Array.from({ length: 12 }, (_, i) => ({ index: 20 - i, score: i === 3 ? 0.9 : 0.5, title: `t${i}`, text: 'x' }));
    const { hits } = readHits(answer);
    assert.equal(hits.length, 10);
    assert.deepEqual(hits.slice(0, 3).map((h) => [h.rank, h.title]), [[1, 't3'], [2, 't11'], [3, 't10']]);
    assert.equal(readHits([{ index: 1, score: 0.1, title: 'a' }]).hits[0].text, null); // precomputed: no passage yet
  });

  it('cuts long passages at a word, and formats scores with three decimals', () => {
    assert.equal(cutPassage('short', 10), 'short');
    assert.equal(cutPassage('one two three four five', 14), 'one two three…');
    assert.equal(formatScore(0.5), '0.500');
    assert.equal(formatScore(-0.01234), '−0.012');
    assert.equal(formatScore(-0.0001), '0.000');
  });
});
