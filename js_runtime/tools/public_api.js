/**
 * The reference of the browser runtime's public API, generated from the JSDoc of its sources by
 * `npm run gen:api-reference`; edit those comments, not this page. The guide, with examples and what
 * happens underneath, is [JavaScript API](../api.md).
 *
 * Every page of the site defines `window.vitrine` with `load`, `models`, `manifest` and `capabilities`;
 * the same functions, and `preload`, are the exports of the ES module `vitrine/js_runtime/vitrine.js`.
 * `load()` resolves with a model handle: a [Model](#model) when a runtime runs the model in this
 * browser, a [StaticModel](#staticmodel) (backend `"static"`) when none can. Errors that come from the
 * worker carry one of [ERROR_CODE](#error_code) in their `code`.
 *
 * @module
 */
// Only TypeDoc reads this file: it is the entry point of js_runtime/tools/gen_api_reference.mjs, which
// writes site_src/reference/javascript-api.md. It lists what the page documents: everything
// js_runtime/vitrine.js exports (its @internal exports left out), the handles load() returns, the error
// codes, and the types of their options and answers. The site does not ship js_runtime/tools/.
// A type the page names but this file does not list stops the generator (TypeDoc's notExported check):
// list it below.
export * from '../vitrine.js';
export { Model } from '../model.js';
export { StaticModel } from '../static_model.js';
export { ERROR_CODE, VitrineError } from '../../worker/protocol.js';

// The types of the options and answers, and of the manifest entries the handles carry (info, variant).
/** @typedef {import('../backends.js').TierName} TierName */
/** @typedef {import('../manifest.js').Artifact} Artifact */
/** @typedef {import('../manifest.js').Example} Example */
/** @typedef {import('../manifest.js').TensorSpec} TensorSpec */
/** @typedef {import('../manifest.js').Preprocessing} Preprocessing */
/** @typedef {import('../manifest.js').Postprocessing} Postprocessing */
/** @typedef {import('../manifest.js').Feature} Feature */
/** @typedef {import('../manifest.js').NumericFeature} NumericFeature */
/** @typedef {import('../manifest.js').CategoricalFeature} CategoricalFeature */
/** @typedef {import('../manifest.js').GenerationDefaults} GenerationDefaults */
/** @typedef {import('../manifest.js').GenerationCache} GenerationCache */
/** @typedef {import('../../worker/protocol.js').DType} DType */
/** @typedef {import('../model.js').RunOptions} RunOptions */
/** @typedef {import('../tensors.js').FeedInput} FeedInput */
/** @typedef {import('../../worker/protocol.js').OutputTensor} OutputTensor */
/** @typedef {import('../model.js').TimedPrediction} TimedPrediction */
/** @typedef {import('../tabular.js').Prediction} Prediction */
/** @typedef {import('../tabular.js').RegressionPrediction} RegressionPrediction */
/** @typedef {import('../tabular.js').AnomalyPrediction} AnomalyPrediction */
/** @typedef {import('../series.js').Forecast} Forecast */
/** @typedef {import('../recommend.js').Recommendation} Recommendation */
/** @typedef {import('../recommend.js').Recommendations} Recommendations */
/** @typedef {import('../../worker/audio_predict.js').VoiceActivity} VoiceActivity */
/** @typedef {import('../../worker/audio_predict.js').SpeechSegment} SpeechSegment */
/** @typedef {import('../../worker/predict.js').ClassScore} ClassScore */
/** @typedef {import('../../worker/predict.js').Box} Box */
/** @typedef {import('../model.js').TextPrediction} TextPrediction */
/** @typedef {import('../../worker/text_predict.js').LabelScore} LabelScore */
/** @typedef {import('../../worker/text_predict.js').Hit} Hit */
/** @typedef {import('../../worker/text_predict.js').WordWeight} WordWeight */
/** @typedef {import('../../worker/tokenize.js').TextEncoding} TextEncoding */
/** @typedef {import('../model.js').Generation} Generation */
/** @typedef {import('../../worker/protocol.js').GenerationOutput} GenerationOutput */
/** @typedef {import('../model.js').GenerateOptions} GenerateOptions */
/** @typedef {import('../model.js').TokenChunk} TokenChunk */
/** @typedef {import('../model.js').ExplainOptions} ExplainOptions */
/** @typedef {import('../model.js').TimedExplanation} TimedExplanation */
/** @typedef {import('../../worker/protocol.js').Explanation} Explanation */
/** @typedef {import('../../worker/protocol.js').ExplainMethod} ExplainMethod */
/** @typedef {import('../model.js').TextExplanation} TextExplanation */
/** @typedef {import('../model.js').ImageExplanation} ImageExplanation */
/** @typedef {import('../../worker/drift.js').DriftReport} DriftReport */
/** @typedef {import('../../worker/drift.js').FeatureDrift} FeatureDrift */
/** @typedef {import('../../worker/drift.js').Test} DriftTest */
