import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkNumber, formatValue, formatWithUnit, outOfRange, outOfRangeNotice, sameInputs, sliderRange,
} from '../../js_runtime/form_checks.js';

// Feature specs shaped like the manifest's (builder/datasets.py _feature_spec), float32 round-trips included.
const bodyMass = { name: 'body_mass_g', label: 'Body mass', type: /** @type {const} */ ('numeric'), unit: 'g',
  min: 2900, max: 6300, mean: 4225.1, std: 808, step: 1, default: 4000 };
const billLength = { name: 'bill_length_mm', label: 'Bill length', type: /** @type {const} */ ('numeric'), unit: 'mm',
  min: 33.5, max: 59.599998, mean: 43.98, std: 5.5, step: 0.1, default: 44.400002 };
const ratio = { name: 'ratio', label: 'Ratio', type: /** @type {const} */ ('numeric'),
  min: 0.015, max: 0.85, step: 0.001, default: 0.2 };
const island = { name: 'island', label: 'Island', type: 'categorical', categories: ['Biscoe', 'Dream'], default: 'Dream' };
const features = [billLength, bodyMass, island, ratio];
const inside = { bill_length_mm: 44, body_mass_g: 4000, island: 'Dream', ratio: 0.2 };

describe('formatValue / formatWithUnit', () => {
  it('shows as many decimals as the step, without float32 noise or trailing zeros', () => {
    assert.equal(formatValue(59.599998, 0.1), '59.6');
    assert.equal(formatValue(44.400002, 0.1), '44.4');
    assert.equal(formatValue(2700, 1), '2700');
    assert.equal(formatValue(17, 0.1), '17');
    assert.equal(formatValue(0.0151234, 0.001), '0.015');
    assert.equal(formatValue(1.23e-7, 1e-8), '1.2e-7');
  });

  it('adds the unit after a space, or nothing when there is none', () => {
    assert.equal(formatWithUnit(2700, bodyMass), '2700 g');
    assert.equal(formatWithUnit(59.599998, billLength), '59.6 mm');
    assert.equal(formatWithUnit(0.5, ratio), '0.5');
  });
});

describe('checkNumber', () => {
  it('reads numbers, including surrounding spaces, negatives and exponents', () => {
    assert.deepEqual(checkNumber('2700', bodyMass), { ok: true, value: 2700 });
    assert.deepEqual(checkNumber(' 46.9 ', billLength), { ok: true, value: 46.9 });
    assert.deepEqual(checkNumber('-3', bodyMass), { ok: true, value: -3 });
    assert.deepEqual(checkNumber('1e3', bodyMass), { ok: true, value: 1000 });
    assert.deepEqual(checkNumber('0', bodyMass), { ok: true, value: 0 });
  });

  for (const raw of ['', '   ', 'abc', 'NaN', 'Infinity', '-Infinity', '12kg', '1e999']) {
    it(`asks for a number, by label, for ${JSON.stringify(raw)} (never says NaN)`, () => {
      const result = checkNumber(raw, bodyMass);
      assert.deepEqual(result, { ok: false, message: 'Enter a number for Body mass.' });
    });
  }

  it('refuses numbers that the float32 model input cannot hold, and keeps the largest that fits', () => {
    for (const raw of ['1e39', '-1e39', '1e308']) {
      assert.deepEqual(checkNumber(raw, bodyMass), { ok: false, message: 'Enter a number between -3.4e38 and 3.4e38 for Body mass.' });
    }
    assert.deepEqual(checkNumber('3.4e38', bodyMass), { ok: true, value: 3.4e38 });
  });
});

describe('outOfRange', () => {
  it('finds nothing inside the training range, at its edges, or at float32 round-trips of them', () => {
    assert.deepEqual(outOfRange(features, inside), []);
    assert.deepEqual(outOfRange(features, { ...inside, body_mass_g: 2900, bill_length_mm: 59.6 }), []);
    assert.deepEqual(outOfRange(features, { ...inside, body_mass_g: 6300, bill_length_mm: 33.5, ratio: 0.85 }), []);
  });

  it('names a value below the training minimum, with label, value, limit and units', () => {
    const found = outOfRange(features, { ...inside, body_mass_g: 2700 });
    assert.deepEqual(found, [{
      name: 'body_mass_g', label: 'Body mass', value: 2700, side: 'below', limit: 2900,
      text: 'Body mass 2700 g is below the lowest value in the training data (2900 g)',
    }]);
  });

  it('names a value above the training maximum, formatting the limit by the step', () => {
    const [found] = outOfRange(features, { ...inside, bill_length_mm: 61.2 });
    assert.equal(found.side, 'above');
    assert.equal(found.text, 'Bill length 61.2 mm is above the highest value in the training data (59.6 mm)');
  });

  it('lists every offending feature in feature order; one step past the edge counts', () => {
    const found = outOfRange(features, { ...inside, body_mass_g: 6301, bill_length_mm: 33.4, ratio: 0.851 });
    assert.deepEqual(found.map((o) => [o.name, o.side]), [['bill_length_mm', 'below'], ['body_mass_g', 'above'], ['ratio', 'above']]);
    assert.equal(found[2].text, 'Ratio 0.851 is above the highest value in the training data (0.85)');
  });

  it('skips categorical features and values that are missing or not finite numbers', () => {
    assert.deepEqual(outOfRange(features, { island: 'Mars', body_mass_g: NaN, bill_length_mm: '1000' }), []);
  });
});

describe('outOfRangeNotice', () => {
  it('is null when every input is inside the training data', () => {
    assert.equal(outOfRangeNotice([]), null);
  });

  it('is one sentence for one input', () => {
    assert.deepEqual(outOfRangeNotice(outOfRange(features, { ...inside, body_mass_g: 2700 })), {
      lead: 'Body mass 2700 g is below the lowest value in the training data (2900 g): the prediction may be unreliable.',
      items: [],
    });
  });

  it('is a lead sentence and one item per input for several', () => {
    assert.deepEqual(outOfRangeNotice(outOfRange(features, { ...inside, body_mass_g: 2700, bill_length_mm: 70 })), {
      lead: '2 inputs are outside the training data, so the prediction may be unreliable:',
      items: [
        'Bill length 70 mm is above the highest value in the training data (59.6 mm).',
        'Body mass 2700 g is below the lowest value in the training data (2900 g).',
      ],
    });
  });
});

describe('sliderRange', () => {
  it('is the training range when every example lies inside it (float32 noise tidied)', () => {
    assert.deepEqual(sliderRange(billLength, [{ input: { bill_length_mm: 46.9 } }]), { min: 33.5, max: 59.6 });
    assert.deepEqual(sliderRange(bodyMass, []), { min: 2900, max: 6300 });
  });

  it('widens to cover every example value on either side', () => {
    const examples = [{ input: { body_mass_g: 2700 } }, { input: { body_mass_g: 5550 } }, { input: { body_mass_g: 6400.4 } }];
    assert.deepEqual(sliderRange(bodyMass, examples), { min: 2700, max: 6401 });
  });

  it('never narrows the range when tidying', () => {
    const odd = { ...bodyMass, min: 2900.4, max: 6299.6 };
    const range = sliderRange(odd, []);
    assert.ok(range.min <= 2900.4 && range.max >= 6299.6, JSON.stringify(range));
  });

  it('ignores examples without a usable number for the feature', () => {
    assert.deepEqual(sliderRange(bodyMass, [{ input: {} }, { input: { body_mass_g: 'heavy' } }]), { min: 2900, max: 6300 });
  });
});

describe('sameInputs', () => {
  it('compares every feature, numbers as float32', () => {
    assert.ok(sameInputs(features, inside, { ...inside }));
    assert.ok(sameInputs(features, inside, { ...inside, bill_length_mm: Math.fround(44) }));
    assert.ok(sameInputs(features, { ...inside, ratio: 0.2 }, { ...inside, ratio: Math.fround(0.2) }));
    assert.ok(!sameInputs(features, inside, { ...inside, body_mass_g: 4001 }));
    assert.ok(!sameInputs(features, inside, { ...inside, island: 'Biscoe' }));
    assert.ok(!sameInputs(features, inside, { ...inside, body_mass_g: NaN }));
  });
});
