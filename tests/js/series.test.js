import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkHorizon, readForecast, seriesToFeeds } from '../../js_runtime/series.js';

// the CO₂ card's specs, as the build writes them
const spec = {
  preprocessing: { kind: 'series', input: 'window', window: 4 },
  postprocessing: { forecast_output: 'forecast', horizon: 3, interval: { level: 0.9, half_widths: [0.5, 0.75, 1.25] } },
};

describe('seriesToFeeds', () => {
  it('feeds the last `window` values, oldest first, as [1, window] float32', () => {
    const feeds = seriesToFeeds([1, 2, 3.1, 4, 5, 6], spec);
    assert.deepEqual(feeds.window.dims, [1, 4]);
    assert.deepEqual([...feeds.window.data], [Math.fround(3.1), 4, 5, 6]);
    assert.deepEqual([...seriesToFeeds(Float64Array.of(7, 8, 9, 10), spec).window.data], [7, 8, 9, 10]);
  });

  it('refuses what is not a series, too short a series, and values the model cannot read, by position', () => {
    assert.throws(() => seriesToFeeds('1,2,3,4', spec), { name: 'TypeError', message: 'predict() takes a series for this model: an array of numbers, oldest first (at least 4).' });
    assert.throws(() => seriesToFeeds(new DataView(new ArrayBuffer(32)), spec), TypeError);
    assert.throws(() => seriesToFeeds([1, 2, 3], spec), { message: 'The model forecasts from the last 4 values of a series; this one has 3.' });
    assert.throws(() => seriesToFeeds([1, 2, 3, NaN, 5], spec), { message: 'Value 4 of the series is NaN; the last 4 values must all be finite numbers.' });
    assert.throws(() => seriesToFeeds([1, 2, 3, '4', 5], spec), { message: 'Value 4 of the series is "4"; the last 4 values must all be finite numbers.' });
    assert.throws(() => seriesToFeeds([1, 2, 3, 1e39], spec), /^Error: Value 4 of the series /);
    assert.doesNotThrow(() => seriesToFeeds([NaN, 1, 2, 3, 4], spec)); // only the window is read
  });
});

describe('readForecast', () => {
  const outputs = { forecast: { type: 'float32', dims: [1, 3], data: Float32Array.of(370.5, 371.25, 372) } };

  it('answers each step ± its own half width, as Python answer() does', () => {
    assert.deepEqual(readForecast(outputs, spec), {
      forecast: [370.5, 371.25, 372], low: [370, 370.5, 370.75], high: [371, 372, 373.25], level: 0.9,
    });
    assert.deepEqual(readForecast(outputs, spec, 2).forecast, [370.5, 371.25]);
  });

  it('refuses outputs the manifest does not name and forecasts that are not finite', () => {
    assert.throws(() => readForecast({ y: outputs.forecast }, spec), { message: 'The model returned outputs y, but the manifest expects "forecast".' });
    const bad = { forecast: { ...outputs.forecast, data: Float32Array.of(1, NaN, 2) } };
    assert.throws(() => readForecast(bad, spec), { message: 'The model returned no finite forecast for this series.' });
  });
});

describe('checkHorizon', () => {
  it('takes a whole number from 1 to the model\'s horizon, or nothing', () => {
    assert.equal(checkHorizon(undefined, 12), undefined);
    assert.equal(checkHorizon(12, 12), 12);
    for (const bad of [0, 13, 2.5, '3', null]) {
      assert.throws(() => checkHorizon(bad, 12), { name: 'TypeError', message: `predict(): horizon must be a whole number from 1 to 12, got ${JSON.stringify(bad)}.` });
    }
  });
});
