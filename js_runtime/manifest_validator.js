// GENERATED FILE, do not edit. Source: builder/schemas/manifest.schema.json, compiled by ajv
// (standalone ES module: validate(data) → boolean, errors in validate.errors).
// Regenerate after changing the schema: npm run gen:manifest-validator
// (js_runtime/tools/gen_manifest_validator.mjs); tests/js/api_manifest_validator.test.js fails while it is stale.
// @ts-nocheck
"use strict";
export const validate = validate20;
export default validate20;
const schema32 = {"type":"object","required":["id","title","task","build_key","labels","inputs","outputs","preprocessing","dataset","examples","default_variant","variants","recipe","artifacts","postprocessing"],"additionalProperties":false,"properties":{"id":{"$ref":"#/$defs/id"},"title":{"type":"string"},"task":{"enum":["tabular-classification","tabular-regression","time-series-forecasting","anomaly-detection","image-classification","object-detection","text-classification","semantic-search","text-generation","voice-activity-detection","recommendation"]},"build_key":{"type":"string","pattern":"^[0-9a-f]{64}$","description":"sha256 of card + recipe source + data + tool versions; equal key = nothing to rebuild"},"labels":{"type":"array","items":{"type":"string"},"minItems":0,"description":"class names, in output order (none for a search encoder)"},"inputs":{"type":"array","items":{"$ref":"#/$defs/tensor_spec"},"minItems":1},"outputs":{"type":"array","items":{"$ref":"#/$defs/tensor_spec"},"minItems":1},"preprocessing":{"$ref":"#/$defs/preprocessing"},"dataset":{"$ref":"#/$defs/dataset"},"examples":{"type":"array","items":{"$ref":"#/$defs/example"}},"default_variant":{"type":"string"},"variants":{"type":"array","items":{"$ref":"#/$defs/variant"},"minItems":1},"recipe":{"type":"string","description":"what was trained, e.g. 'RandomForestClassifier(n_estimators=100) after StandardScaler/OneHotEncoder'"},"artifacts":{"type":"array","description":"content-addressed side files of the model that pages or the runtime read on demand (long text stays out of this manifest, which every model page loads)","items":{"$ref":"#/$defs/artifact"}},"postprocessing":{"$ref":"#/$defs/postprocessing"},"explain":{"type":"object","additionalProperties":false,"required":["method","explanations","background_rows","output"],"description":"SHAP baselines computed at build time with Python's shap on the default variant: anyone can reproduce them from the background rows in the explanations artifact","properties":{"method":{"enum":["exact","permutation"]},"explanations":{"type":"string","description":"url of the explanations artifact"},"background_rows":{"type":"integer","minimum":1},"output":{"const":"probabilities"}}},"drift":{"type":"object","additionalProperties":false,"required":["reference","reference_rows","test_rows"],"description":"The drift check of a tabular model (builder/drift.py): a dropped CSV is compared with the training rows","properties":{"reference":{"type":"string","description":"url of the drift_reference artifact"},"reference_rows":{"type":"integer","minimum":1,"description":"training rows the reference describes"},"test_rows":{"type":"string","description":"url of the test_rows artifact: held-out rows as CSV, one column per feature"}}}}};
const schema87 = {"type":"object","required":["kind","url","sha256","bytes"],"additionalProperties":false,"properties":{"kind":{"enum":["description","example","tokenizer","documents","embeddings","explanations","drift_reference","test_rows","series"],"description":"description: the card's Markdown description (UTF-8); example: an example input file (an image, or a WAV recording) for the demo; tokenizer: the text model's tokenizer.json (HF tokenizers format; the encoders' with truncation set); documents: a search corpus as JSON [{title, text}]; embeddings: the corpus embeddings, int8 codes row by row ([count, dims], see postprocessing.corpus); explanations: SHAP baselines of a tabular model (builder/explain.py): background rows, expected value, values of the example and held-out rows, global importance; drift_reference: the training reference of the drift check (builder/drift.py): per feature the training values (numbers, for KS), decile bin edges and proportions (categories: their proportions), and the proportions of the model's predicted labels; test_rows: held-out rows as CSV in the dataset's columns; series: a forecaster's series as JSON {dates, values, filled} (the demo's history and origins)"},"url":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]{0,63}/[a-z0-9_-]+\\.[0-9a-f]{16}\\.[a-z.]+$","description":"relative to manifest.json: <id>/<kind>.<sha256[:16]>.<ext>"},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"bytes":{"type":"integer","minimum":0},"name":{"type":"string","description":"a short name for people, e.g. the example's file name"},"media_type":{"type":"string","pattern":"^[a-z]+/[a-z0-9.+-]+$"}}};
const func1 = Object.prototype.hasOwnProperty;
const pattern4 = new RegExp("^[a-z0-9][a-z0-9-]{0,63}$(?!\\n)", "u");
const pattern5 = new RegExp("^[0-9a-f]{64}$", "u");
const pattern10 = new RegExp("^[a-z0-9][a-z0-9-]{0,63}/[a-z0-9_-]+\\.[0-9a-f]{16}\\.[a-z.]+$", "u");
const pattern12 = new RegExp("^[a-z]+/[a-z0-9.+-]+$", "u");
const schema35 = {"enum":["float32","float16","float64","int8","uint8","int32","int64","bool","string"]};
const func2 = (function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
});

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.name === undefined) && (missing0 = "name")) || ((data.dtype === undefined) && (missing0 = "dtype"))) || ((data.shape === undefined) && (missing0 = "shape"))){
validate22.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "name") || (key0 === "dtype")) || (key0 === "shape"))){
validate22.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.name !== undefined){
let data0 = data.name;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func2(data0) < 1){
validate22.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate22.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.dtype !== undefined){
let data1 = data.dtype;
const _errs4 = errors;
if(!(((((((((data1 === "float32") || (data1 === "float16")) || (data1 === "float64")) || (data1 === "int8")) || (data1 === "uint8")) || (data1 === "int32")) || (data1 === "int64")) || (data1 === "bool")) || (data1 === "string"))){
validate22.errors = [{instancePath:instancePath+"/dtype",schemaPath:"#/$defs/dtype/enum",keyword:"enum",params:{allowedValues: schema35.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.shape !== undefined){
let data2 = data.shape;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data2)){
var valid2 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
const _errs8 = errors;
const _errs10 = errors;
let valid4 = false;
let passing0 = null;
const _errs11 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err0 = {instancePath:instancePath+"/shape/" + i0,schemaPath:"#/$defs/dim/oneOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(errors === _errs11){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err1 = {instancePath:instancePath+"/shape/" + i0,schemaPath:"#/$defs/dim/oneOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
var _valid0 = _errs11 === errors;
if(_valid0){
valid4 = true;
passing0 = 0;
}
const _errs13 = errors;
if(errors === _errs13){
if(typeof data3 === "string"){
if(func2(data3) < 1){
const err2 = {instancePath:instancePath+"/shape/" + i0,schemaPath:"#/$defs/dim/oneOf/1/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/shape/" + i0,schemaPath:"#/$defs/dim/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
var _valid0 = _errs13 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid4 = true;
passing0 = 1;
}
}
if(!valid4){
const err4 = {instancePath:instancePath+"/shape/" + i0,schemaPath:"#/$defs/dim/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate22.errors = vErrors;
return false;
}
else {
errors = _errs10;
if(vErrors !== null){
if(_errs10){
vErrors.length = _errs10;
}
else {
vErrors = null;
}
}
}
var valid2 = _errs8 === errors;
if(!valid2){
break;
}
}
}
else {
validate22.errors = [{instancePath:instancePath+"/shape",schemaPath:"#/properties/shape/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate22.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema41 = {"type":"object","additionalProperties":false,"required":["kind","input","size","fit","layout","channels","mean","std","background"],"description":"How an image becomes the input tensor (worker/image_preprocess.js, equal to builder/image_preprocess.py): EXIF-oriented, composited over `background`, resized with PIL's antialiased bilinear filter to fit `size`, then tensor = (pixel/255 - mean[c]) / std[c].","properties":{"kind":{"const":"image"},"input":{"type":"string","minLength":1,"description":"the graph input that takes the image"},"size":{"type":"array","items":{"type":"integer","minimum":1,"maximum":4096},"minItems":2,"maxItems":2,"description":"[height, width] of the model input"},"fit":{"enum":["center-crop","letterbox","stretch"]},"resize":{"type":"integer","minimum":1,"description":"center-crop: the shorter side is resized to this before the centre crop"},"layout":{"enum":["NCHW","NHWC"]},"channels":{"enum":["RGB","BGR"]},"mean":{"type":"array","items":{"type":"number"},"minItems":3,"maxItems":3},"std":{"type":"array","items":{"type":"number"},"minItems":3,"maxItems":3},"background":{"type":"array","items":{"type":"integer","minimum":0,"maximum":255},"minItems":3,"maxItems":3}}};
const schema39 = {"type":"object","required":["name","input","label","type","min","max","step","default"],"additionalProperties":false,"properties":{"name":{"type":"string"},"input":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","description":"the ONNX graph input fed with this feature (the column name made an identifier: skl2onnx renames others)"},"label":{"type":"string"},"type":{"const":"numeric"},"unit":{"type":"string"},"description":{"type":"string"},"min":{"type":"number"},"max":{"type":"number"},"mean":{"type":"number"},"std":{"type":"number"},"step":{"type":"number","exclusiveMinimum":0},"default":{"type":"number"},"derive":{"type":"object","additionalProperties":false,"minProperties":1,"maxProperties":1,"description":"an engineered feature: computed from other numeric features (by name) as the card says, in float64 from their float32 values, then rounded to float32; a row that gives it overrides it","properties":{"ratio":{"type":"array","items":{"type":"string"},"minItems":2,"maxItems":2},"log":{"type":"string"}}}}};
const pattern6 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.kind === undefined) && (missing0 = "kind")) || ((data.features === undefined) && (missing0 = "features"))){
validate26.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "kind") || (key0 === "features"))){
validate26.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.kind !== undefined){
const _errs2 = errors;
if("tabular" !== data.kind){
validate26.errors = [{instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "tabular"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.features !== undefined){
let data1 = data.features;
const _errs3 = errors;
if(errors === _errs3){
if(Array.isArray(data1)){
if(data1.length < 1){
validate26.errors = [{instancePath:instancePath+"/features",schemaPath:"#/properties/features/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
const _errs5 = errors;
const _errs6 = errors;
let valid2 = false;
let passing0 = null;
const _errs7 = errors;
const _errs8 = errors;
if(errors === _errs8){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing1;
if(((((((((data2.name === undefined) && (missing1 = "name")) || ((data2.input === undefined) && (missing1 = "input"))) || ((data2.label === undefined) && (missing1 = "label"))) || ((data2.type === undefined) && (missing1 = "type"))) || ((data2.min === undefined) && (missing1 = "min"))) || ((data2.max === undefined) && (missing1 = "max"))) || ((data2.step === undefined) && (missing1 = "step"))) || ((data2.default === undefined) && (missing1 = "default"))){
const err0 = {instancePath:instancePath+"/features/" + i0,schemaPath:"#/$defs/numeric_feature/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
const _errs10 = errors;
for(const key1 in data2){
if(!(func1.call(schema39.properties, key1))){
const err1 = {instancePath:instancePath+"/features/" + i0,schemaPath:"#/$defs/numeric_feature/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
break;
}
}
if(_errs10 === errors){
if(data2.name !== undefined){
const _errs11 = errors;
if(typeof data2.name !== "string"){
const err2 = {instancePath:instancePath+"/features/" + i0+"/name",schemaPath:"#/$defs/numeric_feature/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid4 = _errs11 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.input !== undefined){
let data4 = data2.input;
const _errs13 = errors;
if(errors === _errs13){
if(typeof data4 === "string"){
if(!pattern6.test(data4)){
const err3 = {instancePath:instancePath+"/features/" + i0+"/input",schemaPath:"#/$defs/numeric_feature/properties/input/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\""};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/features/" + i0+"/input",schemaPath:"#/$defs/numeric_feature/properties/input/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var valid4 = _errs13 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.label !== undefined){
const _errs15 = errors;
if(typeof data2.label !== "string"){
const err5 = {instancePath:instancePath+"/features/" + i0+"/label",schemaPath:"#/$defs/numeric_feature/properties/label/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var valid4 = _errs15 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.type !== undefined){
const _errs17 = errors;
if("numeric" !== data2.type){
const err6 = {instancePath:instancePath+"/features/" + i0+"/type",schemaPath:"#/$defs/numeric_feature/properties/type/const",keyword:"const",params:{allowedValue: "numeric"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var valid4 = _errs17 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.unit !== undefined){
const _errs18 = errors;
if(typeof data2.unit !== "string"){
const err7 = {instancePath:instancePath+"/features/" + i0+"/unit",schemaPath:"#/$defs/numeric_feature/properties/unit/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var valid4 = _errs18 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.description !== undefined){
const _errs20 = errors;
if(typeof data2.description !== "string"){
const err8 = {instancePath:instancePath+"/features/" + i0+"/description",schemaPath:"#/$defs/numeric_feature/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var valid4 = _errs20 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.min !== undefined){
let data9 = data2.min;
const _errs22 = errors;
if(!((typeof data9 == "number") && (isFinite(data9)))){
const err9 = {instancePath:instancePath+"/features/" + i0+"/min",schemaPath:"#/$defs/numeric_feature/properties/min/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var valid4 = _errs22 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.max !== undefined){
let data10 = data2.max;
const _errs24 = errors;
if(!((typeof data10 == "number") && (isFinite(data10)))){
const err10 = {instancePath:instancePath+"/features/" + i0+"/max",schemaPath:"#/$defs/numeric_feature/properties/max/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var valid4 = _errs24 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.mean !== undefined){
let data11 = data2.mean;
const _errs26 = errors;
if(!((typeof data11 == "number") && (isFinite(data11)))){
const err11 = {instancePath:instancePath+"/features/" + i0+"/mean",schemaPath:"#/$defs/numeric_feature/properties/mean/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var valid4 = _errs26 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.std !== undefined){
let data12 = data2.std;
const _errs28 = errors;
if(!((typeof data12 == "number") && (isFinite(data12)))){
const err12 = {instancePath:instancePath+"/features/" + i0+"/std",schemaPath:"#/$defs/numeric_feature/properties/std/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var valid4 = _errs28 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.step !== undefined){
let data13 = data2.step;
const _errs30 = errors;
if(errors === _errs30){
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 <= 0 || isNaN(data13)){
const err13 = {instancePath:instancePath+"/features/" + i0+"/step",schemaPath:"#/$defs/numeric_feature/properties/step/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/features/" + i0+"/step",schemaPath:"#/$defs/numeric_feature/properties/step/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var valid4 = _errs30 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.default !== undefined){
let data14 = data2.default;
const _errs32 = errors;
if(!((typeof data14 == "number") && (isFinite(data14)))){
const err15 = {instancePath:instancePath+"/features/" + i0+"/default",schemaPath:"#/$defs/numeric_feature/properties/default/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var valid4 = _errs32 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.derive !== undefined){
let data15 = data2.derive;
const _errs34 = errors;
if(errors === _errs34){
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(Object.keys(data15).length > 1){
const err16 = {instancePath:instancePath+"/features/" + i0+"/derive",schemaPath:"#/$defs/numeric_feature/properties/derive/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
else {
if(Object.keys(data15).length < 1){
const err17 = {instancePath:instancePath+"/features/" + i0+"/derive",schemaPath:"#/$defs/numeric_feature/properties/derive/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
else {
const _errs36 = errors;
for(const key2 in data15){
if(!((key2 === "ratio") || (key2 === "log"))){
const err18 = {instancePath:instancePath+"/features/" + i0+"/derive",schemaPath:"#/$defs/numeric_feature/properties/derive/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
break;
}
}
if(_errs36 === errors){
if(data15.ratio !== undefined){
let data16 = data15.ratio;
const _errs37 = errors;
if(errors === _errs37){
if(Array.isArray(data16)){
if(data16.length > 2){
const err19 = {instancePath:instancePath+"/features/" + i0+"/derive/ratio",schemaPath:"#/$defs/numeric_feature/properties/derive/properties/ratio/maxItems",keyword:"maxItems",params:{limit: 2},message:"must NOT have more than 2 items"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
else {
if(data16.length < 2){
const err20 = {instancePath:instancePath+"/features/" + i0+"/derive/ratio",schemaPath:"#/$defs/numeric_feature/properties/derive/properties/ratio/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
else {
var valid6 = true;
const len1 = data16.length;
for(let i1=0; i1<len1; i1++){
const _errs39 = errors;
if(typeof data16[i1] !== "string"){
const err21 = {instancePath:instancePath+"/features/" + i0+"/derive/ratio/" + i1,schemaPath:"#/$defs/numeric_feature/properties/derive/properties/ratio/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var valid6 = _errs39 === errors;
if(!valid6){
break;
}
}
}
}
}
else {
const err22 = {instancePath:instancePath+"/features/" + i0+"/derive/ratio",schemaPath:"#/$defs/numeric_feature/properties/derive/properties/ratio/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
var valid5 = _errs37 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data15.log !== undefined){
const _errs41 = errors;
if(typeof data15.log !== "string"){
const err23 = {instancePath:instancePath+"/features/" + i0+"/derive/log",schemaPath:"#/$defs/numeric_feature/properties/derive/properties/log/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
var valid5 = _errs41 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
}
else {
const err24 = {instancePath:instancePath+"/features/" + i0+"/derive",schemaPath:"#/$defs/numeric_feature/properties/derive/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
var valid4 = _errs34 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
const err25 = {instancePath:instancePath+"/features/" + i0,schemaPath:"#/$defs/numeric_feature/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
var _valid0 = _errs7 === errors;
if(_valid0){
valid2 = true;
passing0 = 0;
var props0 = true;
}
const _errs43 = errors;
const _errs44 = errors;
if(errors === _errs44){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing2;
if(((((((data2.name === undefined) && (missing2 = "name")) || ((data2.input === undefined) && (missing2 = "input"))) || ((data2.label === undefined) && (missing2 = "label"))) || ((data2.type === undefined) && (missing2 = "type"))) || ((data2.categories === undefined) && (missing2 = "categories"))) || ((data2.default === undefined) && (missing2 = "default"))){
const err26 = {instancePath:instancePath+"/features/" + i0,schemaPath:"#/$defs/categorical_feature/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
else {
const _errs46 = errors;
for(const key3 in data2){
if(!((((((((key3 === "name") || (key3 === "input")) || (key3 === "label")) || (key3 === "type")) || (key3 === "description")) || (key3 === "categories")) || (key3 === "counts")) || (key3 === "default"))){
const err27 = {instancePath:instancePath+"/features/" + i0,schemaPath:"#/$defs/categorical_feature/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
break;
}
}
if(_errs46 === errors){
if(data2.name !== undefined){
const _errs47 = errors;
if(typeof data2.name !== "string"){
const err28 = {instancePath:instancePath+"/features/" + i0+"/name",schemaPath:"#/$defs/categorical_feature/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
var valid8 = _errs47 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data2.input !== undefined){
let data20 = data2.input;
const _errs49 = errors;
if(errors === _errs49){
if(typeof data20 === "string"){
if(!pattern6.test(data20)){
const err29 = {instancePath:instancePath+"/features/" + i0+"/input",schemaPath:"#/$defs/categorical_feature/properties/input/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\""};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/features/" + i0+"/input",schemaPath:"#/$defs/categorical_feature/properties/input/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
var valid8 = _errs49 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data2.label !== undefined){
const _errs51 = errors;
if(typeof data2.label !== "string"){
const err31 = {instancePath:instancePath+"/features/" + i0+"/label",schemaPath:"#/$defs/categorical_feature/properties/label/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
var valid8 = _errs51 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data2.type !== undefined){
const _errs53 = errors;
if("categorical" !== data2.type){
const err32 = {instancePath:instancePath+"/features/" + i0+"/type",schemaPath:"#/$defs/categorical_feature/properties/type/const",keyword:"const",params:{allowedValue: "categorical"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
var valid8 = _errs53 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data2.description !== undefined){
const _errs54 = errors;
if(typeof data2.description !== "string"){
const err33 = {instancePath:instancePath+"/features/" + i0+"/description",schemaPath:"#/$defs/categorical_feature/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
var valid8 = _errs54 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data2.categories !== undefined){
let data24 = data2.categories;
const _errs56 = errors;
if(errors === _errs56){
if(Array.isArray(data24)){
if(data24.length < 1){
const err34 = {instancePath:instancePath+"/features/" + i0+"/categories",schemaPath:"#/$defs/categorical_feature/properties/categories/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
else {
var valid9 = true;
const len2 = data24.length;
for(let i2=0; i2<len2; i2++){
const _errs58 = errors;
if(typeof data24[i2] !== "string"){
const err35 = {instancePath:instancePath+"/features/" + i0+"/categories/" + i2,schemaPath:"#/$defs/categorical_feature/properties/categories/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
var valid9 = _errs58 === errors;
if(!valid9){
break;
}
}
}
}
else {
const err36 = {instancePath:instancePath+"/features/" + i0+"/categories",schemaPath:"#/$defs/categorical_feature/properties/categories/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
var valid8 = _errs56 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data2.counts !== undefined){
let data26 = data2.counts;
const _errs60 = errors;
if(errors === _errs60){
if(Array.isArray(data26)){
var valid10 = true;
const len3 = data26.length;
for(let i3=0; i3<len3; i3++){
let data27 = data26[i3];
const _errs62 = errors;
if(!(((typeof data27 == "number") && (!(data27 % 1) && !isNaN(data27))) && (isFinite(data27)))){
const err37 = {instancePath:instancePath+"/features/" + i0+"/counts/" + i3,schemaPath:"#/$defs/categorical_feature/properties/counts/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(errors === _errs62){
if((typeof data27 == "number") && (isFinite(data27))){
if(data27 < 0 || isNaN(data27)){
const err38 = {instancePath:instancePath+"/features/" + i0+"/counts/" + i3,schemaPath:"#/$defs/categorical_feature/properties/counts/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
var valid10 = _errs62 === errors;
if(!valid10){
break;
}
}
}
else {
const err39 = {instancePath:instancePath+"/features/" + i0+"/counts",schemaPath:"#/$defs/categorical_feature/properties/counts/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
var valid8 = _errs60 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data2.default !== undefined){
const _errs64 = errors;
if(typeof data2.default !== "string"){
const err40 = {instancePath:instancePath+"/features/" + i0+"/default",schemaPath:"#/$defs/categorical_feature/properties/default/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
var valid8 = _errs64 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
const err41 = {instancePath:instancePath+"/features/" + i0,schemaPath:"#/$defs/categorical_feature/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
var _valid0 = _errs43 === errors;
if(_valid0 && valid2){
valid2 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid2 = true;
passing0 = 1;
if(props0 !== true){
props0 = true;
}
}
}
if(!valid2){
const err42 = {instancePath:instancePath+"/features/" + i0,schemaPath:"#/properties/features/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
validate26.errors = vErrors;
return false;
}
else {
errors = _errs6;
if(vErrors !== null){
if(_errs6){
vErrors.length = _errs6;
}
else {
vErrors = null;
}
}
}
var valid1 = _errs5 === errors;
if(!valid1){
break;
}
}
}
}
else {
validate26.errors = [{instancePath:instancePath+"/features",schemaPath:"#/properties/features/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate26.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(!(validate26(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
var props0 = true;
}
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((((data.kind === undefined) && (missing0 = "kind")) || ((data.input === undefined) && (missing0 = "input"))) || ((data.size === undefined) && (missing0 = "size"))) || ((data.fit === undefined) && (missing0 = "fit"))) || ((data.layout === undefined) && (missing0 = "layout"))) || ((data.channels === undefined) && (missing0 = "channels"))) || ((data.mean === undefined) && (missing0 = "mean"))) || ((data.std === undefined) && (missing0 = "std"))) || ((data.background === undefined) && (missing0 = "background"))){
const err0 = {instancePath,schemaPath:"#/$defs/image_preprocessing/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
const _errs5 = errors;
for(const key0 in data){
if(!(func1.call(schema41.properties, key0))){
const err1 = {instancePath,schemaPath:"#/$defs/image_preprocessing/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
break;
}
}
if(_errs5 === errors){
if(data.kind !== undefined){
const _errs6 = errors;
if("image" !== data.kind){
const err2 = {instancePath:instancePath+"/kind",schemaPath:"#/$defs/image_preprocessing/properties/kind/const",keyword:"const",params:{allowedValue: "image"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid2 = _errs6 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.input !== undefined){
let data1 = data.input;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data1 === "string"){
if(func2(data1) < 1){
const err3 = {instancePath:instancePath+"/input",schemaPath:"#/$defs/image_preprocessing/properties/input/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/input",schemaPath:"#/$defs/image_preprocessing/properties/input/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var valid2 = _errs7 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.size !== undefined){
let data2 = data.size;
const _errs9 = errors;
if(errors === _errs9){
if(Array.isArray(data2)){
if(data2.length > 2){
const err5 = {instancePath:instancePath+"/size",schemaPath:"#/$defs/image_preprocessing/properties/size/maxItems",keyword:"maxItems",params:{limit: 2},message:"must NOT have more than 2 items"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
if(data2.length < 2){
const err6 = {instancePath:instancePath+"/size",schemaPath:"#/$defs/image_preprocessing/properties/size/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
var valid3 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
const _errs11 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err7 = {instancePath:instancePath+"/size/" + i0,schemaPath:"#/$defs/image_preprocessing/properties/size/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(errors === _errs11){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 4096 || isNaN(data3)){
const err8 = {instancePath:instancePath+"/size/" + i0,schemaPath:"#/$defs/image_preprocessing/properties/size/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4096},message:"must be <= 4096"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
if(data3 < 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/size/" + i0,schemaPath:"#/$defs/image_preprocessing/properties/size/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
}
var valid3 = _errs11 === errors;
if(!valid3){
break;
}
}
}
}
}
else {
const err10 = {instancePath:instancePath+"/size",schemaPath:"#/$defs/image_preprocessing/properties/size/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var valid2 = _errs9 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.fit !== undefined){
let data4 = data.fit;
const _errs13 = errors;
if(!(((data4 === "center-crop") || (data4 === "letterbox")) || (data4 === "stretch"))){
const err11 = {instancePath:instancePath+"/fit",schemaPath:"#/$defs/image_preprocessing/properties/fit/enum",keyword:"enum",params:{allowedValues: schema41.properties.fit.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var valid2 = _errs13 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.resize !== undefined){
let data5 = data.resize;
const _errs14 = errors;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err12 = {instancePath:instancePath+"/resize",schemaPath:"#/$defs/image_preprocessing/properties/resize/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(errors === _errs14){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 1 || isNaN(data5)){
const err13 = {instancePath:instancePath+"/resize",schemaPath:"#/$defs/image_preprocessing/properties/resize/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
var valid2 = _errs14 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.layout !== undefined){
let data6 = data.layout;
const _errs16 = errors;
if(!((data6 === "NCHW") || (data6 === "NHWC"))){
const err14 = {instancePath:instancePath+"/layout",schemaPath:"#/$defs/image_preprocessing/properties/layout/enum",keyword:"enum",params:{allowedValues: schema41.properties.layout.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var valid2 = _errs16 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.channels !== undefined){
let data7 = data.channels;
const _errs17 = errors;
if(!((data7 === "RGB") || (data7 === "BGR"))){
const err15 = {instancePath:instancePath+"/channels",schemaPath:"#/$defs/image_preprocessing/properties/channels/enum",keyword:"enum",params:{allowedValues: schema41.properties.channels.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var valid2 = _errs17 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.mean !== undefined){
let data8 = data.mean;
const _errs18 = errors;
if(errors === _errs18){
if(Array.isArray(data8)){
if(data8.length > 3){
const err16 = {instancePath:instancePath+"/mean",schemaPath:"#/$defs/image_preprocessing/properties/mean/maxItems",keyword:"maxItems",params:{limit: 3},message:"must NOT have more than 3 items"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
else {
if(data8.length < 3){
const err17 = {instancePath:instancePath+"/mean",schemaPath:"#/$defs/image_preprocessing/properties/mean/minItems",keyword:"minItems",params:{limit: 3},message:"must NOT have fewer than 3 items"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
else {
var valid4 = true;
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
let data9 = data8[i1];
const _errs20 = errors;
if(!((typeof data9 == "number") && (isFinite(data9)))){
const err18 = {instancePath:instancePath+"/mean/" + i1,schemaPath:"#/$defs/image_preprocessing/properties/mean/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
var valid4 = _errs20 === errors;
if(!valid4){
break;
}
}
}
}
}
else {
const err19 = {instancePath:instancePath+"/mean",schemaPath:"#/$defs/image_preprocessing/properties/mean/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
var valid2 = _errs18 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.std !== undefined){
let data10 = data.std;
const _errs22 = errors;
if(errors === _errs22){
if(Array.isArray(data10)){
if(data10.length > 3){
const err20 = {instancePath:instancePath+"/std",schemaPath:"#/$defs/image_preprocessing/properties/std/maxItems",keyword:"maxItems",params:{limit: 3},message:"must NOT have more than 3 items"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
else {
if(data10.length < 3){
const err21 = {instancePath:instancePath+"/std",schemaPath:"#/$defs/image_preprocessing/properties/std/minItems",keyword:"minItems",params:{limit: 3},message:"must NOT have fewer than 3 items"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
else {
var valid5 = true;
const len2 = data10.length;
for(let i2=0; i2<len2; i2++){
let data11 = data10[i2];
const _errs24 = errors;
if(!((typeof data11 == "number") && (isFinite(data11)))){
const err22 = {instancePath:instancePath+"/std/" + i2,schemaPath:"#/$defs/image_preprocessing/properties/std/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var valid5 = _errs24 === errors;
if(!valid5){
break;
}
}
}
}
}
else {
const err23 = {instancePath:instancePath+"/std",schemaPath:"#/$defs/image_preprocessing/properties/std/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
var valid2 = _errs22 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.background !== undefined){
let data12 = data.background;
const _errs26 = errors;
if(errors === _errs26){
if(Array.isArray(data12)){
if(data12.length > 3){
const err24 = {instancePath:instancePath+"/background",schemaPath:"#/$defs/image_preprocessing/properties/background/maxItems",keyword:"maxItems",params:{limit: 3},message:"must NOT have more than 3 items"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
else {
if(data12.length < 3){
const err25 = {instancePath:instancePath+"/background",schemaPath:"#/$defs/image_preprocessing/properties/background/minItems",keyword:"minItems",params:{limit: 3},message:"must NOT have fewer than 3 items"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
else {
var valid6 = true;
const len3 = data12.length;
for(let i3=0; i3<len3; i3++){
let data13 = data12[i3];
const _errs28 = errors;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err26 = {instancePath:instancePath+"/background/" + i3,schemaPath:"#/$defs/image_preprocessing/properties/background/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(errors === _errs28){
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 > 255 || isNaN(data13)){
const err27 = {instancePath:instancePath+"/background/" + i3,schemaPath:"#/$defs/image_preprocessing/properties/background/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
else {
if(data13 < 0 || isNaN(data13)){
const err28 = {instancePath:instancePath+"/background/" + i3,schemaPath:"#/$defs/image_preprocessing/properties/background/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
}
var valid6 = _errs28 === errors;
if(!valid6){
break;
}
}
}
}
}
else {
const err29 = {instancePath:instancePath+"/background",schemaPath:"#/$defs/image_preprocessing/properties/background/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
var valid2 = _errs26 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
const err30 = {instancePath,schemaPath:"#/$defs/image_preprocessing/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
if(props0 !== true){
props0 = true;
}
}
const _errs30 = errors;
const _errs31 = errors;
if(errors === _errs31){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if(((((data.kind === undefined) && (missing1 = "kind")) || ((data.tokenizer === undefined) && (missing1 = "tokenizer"))) || ((data.max_tokens === undefined) && (missing1 = "max_tokens"))) || ((data.inputs === undefined) && (missing1 = "inputs"))){
const err31 = {instancePath,schemaPath:"#/$defs/text_preprocessing/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
else {
const _errs33 = errors;
for(const key1 in data){
if(!(((((key1 === "kind") || (key1 === "tokenizer")) || (key1 === "max_tokens")) || (key1 === "inputs")) || (key1 === "chat_template"))){
const err32 = {instancePath,schemaPath:"#/$defs/text_preprocessing/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
break;
}
}
if(_errs33 === errors){
if(data.kind !== undefined){
const _errs34 = errors;
if("text" !== data.kind){
const err33 = {instancePath:instancePath+"/kind",schemaPath:"#/$defs/text_preprocessing/properties/kind/const",keyword:"const",params:{allowedValue: "text"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
var valid8 = _errs34 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.tokenizer !== undefined){
const _errs35 = errors;
if(typeof data.tokenizer !== "string"){
const err34 = {instancePath:instancePath+"/tokenizer",schemaPath:"#/$defs/text_preprocessing/properties/tokenizer/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
var valid8 = _errs35 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.max_tokens !== undefined){
let data16 = data.max_tokens;
const _errs37 = errors;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err35 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/$defs/text_preprocessing/properties/max_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(errors === _errs37){
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 < 3 || isNaN(data16)){
const err36 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/$defs/text_preprocessing/properties/max_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 3},message:"must be >= 3"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
var valid8 = _errs37 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.inputs !== undefined){
let data17 = data.inputs;
const _errs39 = errors;
if(errors === _errs39){
if(Array.isArray(data17)){
if(data17.length > 3){
const err37 = {instancePath:instancePath+"/inputs",schemaPath:"#/$defs/text_preprocessing/properties/inputs/maxItems",keyword:"maxItems",params:{limit: 3},message:"must NOT have more than 3 items"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
else {
if(data17.length < 3){
const err38 = {instancePath:instancePath+"/inputs",schemaPath:"#/$defs/text_preprocessing/properties/inputs/minItems",keyword:"minItems",params:{limit: 3},message:"must NOT have fewer than 3 items"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
else {
var valid9 = true;
const len4 = data17.length;
for(let i4=0; i4<len4; i4++){
const _errs41 = errors;
if(typeof data17[i4] !== "string"){
const err39 = {instancePath:instancePath+"/inputs/" + i4,schemaPath:"#/$defs/text_preprocessing/properties/inputs/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var valid9 = _errs41 === errors;
if(!valid9){
break;
}
}
}
}
}
else {
const err40 = {instancePath:instancePath+"/inputs",schemaPath:"#/$defs/text_preprocessing/properties/inputs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
var valid8 = _errs39 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.chat_template !== undefined){
let data19 = data.chat_template;
const _errs43 = errors;
if(errors === _errs43){
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
let missing2;
if(((data19.format === undefined) && (missing2 = "format")) || ((data19.system === undefined) && (missing2 = "system"))){
const err41 = {instancePath:instancePath+"/chat_template",schemaPath:"#/$defs/text_preprocessing/properties/chat_template/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
else {
const _errs45 = errors;
for(const key2 in data19){
if(!((key2 === "format") || (key2 === "system"))){
const err42 = {instancePath:instancePath+"/chat_template",schemaPath:"#/$defs/text_preprocessing/properties/chat_template/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
break;
}
}
if(_errs45 === errors){
if(data19.format !== undefined){
const _errs46 = errors;
if("chatml" !== data19.format){
const err43 = {instancePath:instancePath+"/chat_template/format",schemaPath:"#/$defs/text_preprocessing/properties/chat_template/properties/format/const",keyword:"const",params:{allowedValue: "chatml"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
var valid10 = _errs46 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data19.system !== undefined){
const _errs47 = errors;
if(typeof data19.system !== "string"){
const err44 = {instancePath:instancePath+"/chat_template/system",schemaPath:"#/$defs/text_preprocessing/properties/chat_template/properties/system/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
var valid10 = _errs47 === errors;
}
else {
var valid10 = true;
}
}
}
}
}
else {
const err45 = {instancePath:instancePath+"/chat_template",schemaPath:"#/$defs/text_preprocessing/properties/chat_template/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
var valid8 = _errs43 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
}
}
}
else {
const err46 = {instancePath,schemaPath:"#/$defs/text_preprocessing/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
var _valid0 = _errs30 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
if(props0 !== true){
props0 = true;
}
}
const _errs49 = errors;
const _errs50 = errors;
if(errors === _errs50){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((((data.kind === undefined) && (missing3 = "kind")) || ((data.input === undefined) && (missing3 = "input"))) || ((data.window === undefined) && (missing3 = "window"))){
const err47 = {instancePath,schemaPath:"#/$defs/series_preprocessing/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
else {
const _errs52 = errors;
for(const key3 in data){
if(!(((key3 === "kind") || (key3 === "input")) || (key3 === "window"))){
const err48 = {instancePath,schemaPath:"#/$defs/series_preprocessing/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
break;
}
}
if(_errs52 === errors){
if(data.kind !== undefined){
const _errs53 = errors;
if("series" !== data.kind){
const err49 = {instancePath:instancePath+"/kind",schemaPath:"#/$defs/series_preprocessing/properties/kind/const",keyword:"const",params:{allowedValue: "series"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
var valid12 = _errs53 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.input !== undefined){
const _errs54 = errors;
if(typeof data.input !== "string"){
const err50 = {instancePath:instancePath+"/input",schemaPath:"#/$defs/series_preprocessing/properties/input/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
var valid12 = _errs54 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.window !== undefined){
let data24 = data.window;
const _errs56 = errors;
if(!(((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24))) && (isFinite(data24)))){
const err51 = {instancePath:instancePath+"/window",schemaPath:"#/$defs/series_preprocessing/properties/window/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
if(errors === _errs56){
if((typeof data24 == "number") && (isFinite(data24))){
if(data24 < 1 || isNaN(data24)){
const err52 = {instancePath:instancePath+"/window",schemaPath:"#/$defs/series_preprocessing/properties/window/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
var valid12 = _errs56 === errors;
}
else {
var valid12 = true;
}
}
}
}
}
}
else {
const err53 = {instancePath,schemaPath:"#/$defs/series_preprocessing/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
var _valid0 = _errs49 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 3];
}
else {
if(_valid0){
valid0 = true;
passing0 = 3;
if(props0 !== true){
props0 = true;
}
}
const _errs58 = errors;
const _errs59 = errors;
if(errors === _errs59){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if(((((((((data.kind === undefined) && (missing4 = "kind")) || ((data.input === undefined) && (missing4 = "input"))) || ((data.state === undefined) && (missing4 = "state"))) || ((data.sample_rate === undefined) && (missing4 = "sample_rate"))) || ((data.frame === undefined) && (missing4 = "frame"))) || ((data.context === undefined) && (missing4 = "context"))) || ((data.block_frames === undefined) && (missing4 = "block_frames"))) || ((data.max_seconds === undefined) && (missing4 = "max_seconds"))){
const err54 = {instancePath,schemaPath:"#/$defs/audio_preprocessing/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
else {
const _errs61 = errors;
for(const key4 in data){
if(!((((((((key4 === "kind") || (key4 === "input")) || (key4 === "state")) || (key4 === "sample_rate")) || (key4 === "frame")) || (key4 === "context")) || (key4 === "block_frames")) || (key4 === "max_seconds"))){
const err55 = {instancePath,schemaPath:"#/$defs/audio_preprocessing/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
break;
}
}
if(_errs61 === errors){
if(data.kind !== undefined){
const _errs62 = errors;
if("audio" !== data.kind){
const err56 = {instancePath:instancePath+"/kind",schemaPath:"#/$defs/audio_preprocessing/properties/kind/const",keyword:"const",params:{allowedValue: "audio"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
var valid14 = _errs62 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data.input !== undefined){
let data26 = data.input;
const _errs63 = errors;
if(errors === _errs63){
if(typeof data26 === "string"){
if(func2(data26) < 1){
const err57 = {instancePath:instancePath+"/input",schemaPath:"#/$defs/audio_preprocessing/properties/input/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
else {
const err58 = {instancePath:instancePath+"/input",schemaPath:"#/$defs/audio_preprocessing/properties/input/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
var valid14 = _errs63 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data.state !== undefined){
let data27 = data.state;
const _errs65 = errors;
if(errors === _errs65){
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
for(const key5 in data27){
const _errs68 = errors;
if(typeof data27[key5] !== "string"){
const err59 = {instancePath:instancePath+"/state/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/audio_preprocessing/properties/state/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
var valid15 = _errs68 === errors;
if(!valid15){
break;
}
}
}
else {
const err60 = {instancePath:instancePath+"/state",schemaPath:"#/$defs/audio_preprocessing/properties/state/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
var valid14 = _errs65 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data.sample_rate !== undefined){
let data29 = data.sample_rate;
const _errs70 = errors;
if(!(((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29))) && (isFinite(data29)))){
const err61 = {instancePath:instancePath+"/sample_rate",schemaPath:"#/$defs/audio_preprocessing/properties/sample_rate/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if(errors === _errs70){
if((typeof data29 == "number") && (isFinite(data29))){
if(data29 < 1 || isNaN(data29)){
const err62 = {instancePath:instancePath+"/sample_rate",schemaPath:"#/$defs/audio_preprocessing/properties/sample_rate/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
var valid14 = _errs70 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data.frame !== undefined){
let data30 = data.frame;
const _errs72 = errors;
if(!(((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30))) && (isFinite(data30)))){
const err63 = {instancePath:instancePath+"/frame",schemaPath:"#/$defs/audio_preprocessing/properties/frame/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if(errors === _errs72){
if((typeof data30 == "number") && (isFinite(data30))){
if(data30 < 1 || isNaN(data30)){
const err64 = {instancePath:instancePath+"/frame",schemaPath:"#/$defs/audio_preprocessing/properties/frame/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
var valid14 = _errs72 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data.context !== undefined){
let data31 = data.context;
const _errs74 = errors;
if(!(((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31))) && (isFinite(data31)))){
const err65 = {instancePath:instancePath+"/context",schemaPath:"#/$defs/audio_preprocessing/properties/context/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
if(errors === _errs74){
if((typeof data31 == "number") && (isFinite(data31))){
if(data31 < 0 || isNaN(data31)){
const err66 = {instancePath:instancePath+"/context",schemaPath:"#/$defs/audio_preprocessing/properties/context/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
}
var valid14 = _errs74 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data.block_frames !== undefined){
let data32 = data.block_frames;
const _errs76 = errors;
if(!(((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32))) && (isFinite(data32)))){
const err67 = {instancePath:instancePath+"/block_frames",schemaPath:"#/$defs/audio_preprocessing/properties/block_frames/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if(errors === _errs76){
if((typeof data32 == "number") && (isFinite(data32))){
if(data32 < 1 || isNaN(data32)){
const err68 = {instancePath:instancePath+"/block_frames",schemaPath:"#/$defs/audio_preprocessing/properties/block_frames/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
var valid14 = _errs76 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data.max_seconds !== undefined){
let data33 = data.max_seconds;
const _errs78 = errors;
if(errors === _errs78){
if((typeof data33 == "number") && (isFinite(data33))){
if(data33 <= 0 || isNaN(data33)){
const err69 = {instancePath:instancePath+"/max_seconds",schemaPath:"#/$defs/audio_preprocessing/properties/max_seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
else {
const err70 = {instancePath:instancePath+"/max_seconds",schemaPath:"#/$defs/audio_preprocessing/properties/max_seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
var valid14 = _errs78 === errors;
}
else {
var valid14 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
const err71 = {instancePath,schemaPath:"#/$defs/audio_preprocessing/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
var _valid0 = _errs58 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 4];
}
else {
if(_valid0){
valid0 = true;
passing0 = 4;
if(props0 !== true){
props0 = true;
}
}
const _errs80 = errors;
const _errs81 = errors;
if(errors === _errs81){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing5;
if((((data.kind === undefined) && (missing5 = "kind")) || ((data.input === undefined) && (missing5 = "input"))) || ((data.count === undefined) && (missing5 = "count"))){
const err72 = {instancePath,schemaPath:"#/$defs/items_preprocessing/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
else {
const _errs83 = errors;
for(const key6 in data){
if(!(((key6 === "kind") || (key6 === "input")) || (key6 === "count"))){
const err73 = {instancePath,schemaPath:"#/$defs/items_preprocessing/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
break;
}
}
if(_errs83 === errors){
if(data.kind !== undefined){
const _errs84 = errors;
if("items" !== data.kind){
const err74 = {instancePath:instancePath+"/kind",schemaPath:"#/$defs/items_preprocessing/properties/kind/const",keyword:"const",params:{allowedValue: "items"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
var valid17 = _errs84 === errors;
}
else {
var valid17 = true;
}
if(valid17){
if(data.input !== undefined){
const _errs85 = errors;
if(typeof data.input !== "string"){
const err75 = {instancePath:instancePath+"/input",schemaPath:"#/$defs/items_preprocessing/properties/input/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
var valid17 = _errs85 === errors;
}
else {
var valid17 = true;
}
if(valid17){
if(data.count !== undefined){
let data36 = data.count;
const _errs87 = errors;
if(!(((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36))) && (isFinite(data36)))){
const err76 = {instancePath:instancePath+"/count",schemaPath:"#/$defs/items_preprocessing/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
if(errors === _errs87){
if((typeof data36 == "number") && (isFinite(data36))){
if(data36 < 1 || isNaN(data36)){
const err77 = {instancePath:instancePath+"/count",schemaPath:"#/$defs/items_preprocessing/properties/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
}
var valid17 = _errs87 === errors;
}
else {
var valid17 = true;
}
}
}
}
}
}
else {
const err78 = {instancePath,schemaPath:"#/$defs/items_preprocessing/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
var _valid0 = _errs80 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 5];
}
else {
if(_valid0){
valid0 = true;
passing0 = 5;
if(props0 !== true){
props0 = true;
}
}
}
}
}
}
}
if(!valid0){
const err79 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
validate25.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate25.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate25.evaluated = {"dynamicProps":true,"dynamicItems":false};

const schema47 = {"type":"object","required":["name","source","rows","train_rows","test_rows","dropped_rows","target","class_counts"],"additionalProperties":false,"properties":{"name":{"type":"string"},"source":{"type":"string"},"citation":{"type":"string"},"rows":{"type":"integer"},"train_rows":{"type":"integer"},"test_rows":{"type":"integer"},"dropped_rows":{"type":"integer","description":"rows dropped for missing values"},"target":{"type":"string"},"class_counts":{"type":"object","additionalProperties":{"type":"integer"}}}};
const schema48 = {"type":"object","required":["name","source","rows","train_rows","test_rows","dropped_rows","target","target_label","target_stats"],"additionalProperties":false,"properties":{"name":{"type":"string"},"source":{"type":"string"},"citation":{"type":"string"},"rows":{"type":"integer"},"train_rows":{"type":"integer"},"test_rows":{"type":"integer"},"dropped_rows":{"type":"integer","description":"rows dropped for missing values"},"target":{"type":"string"},"target_label":{"type":"string"},"target_unit":{"type":"string"},"target_stats":{"type":"object","additionalProperties":false,"required":["min","max","mean","std","step"],"description":"the target on the training split; step: the data's resolution","properties":{"min":{"type":"number"},"max":{"type":"number"},"mean":{"type":"number"},"std":{"type":"number"},"step":{"type":"number"}}}}};
const schema50 = {"type":"object","additionalProperties":false,"required":["name","source","citation","license"],"properties":{"name":{"type":"string"},"source":{"type":"string"},"citation":{"type":"string"},"license":{"type":"string"},"emails":{"type":"integer"},"spam":{"type":"integer"},"sampled":{"type":"integer"},"train_rows":{"type":"integer"},"test_rows":{"type":"integer"},"documents":{"type":"integer"},"questions":{"type":"integer"}}};
const schema51 = {"type":"object","additionalProperties":false,"required":["name","source","citation","licence","label","unit","frequency","season","points","start","end","filled","train_points","test_start"],"properties":{"name":{"type":"string"},"source":{"type":"string"},"citation":{"type":"string"},"licence":{"type":"string"},"label":{"type":"string"},"unit":{"type":"string"},"frequency":{"type":"string"},"season":{"type":"integer","minimum":1},"points":{"type":"integer"},"start":{"type":"string"},"end":{"type":"string"},"filled":{"type":"array","items":{"type":"string"},"description":"periods without a measurement, filled by linear interpolation"},"train_points":{"type":"integer"},"test_start":{"type":"string"}}};
const schema52 = {"type":"object","additionalProperties":false,"required":["name","source","citation","licence","clips","seconds","frames","speech_share","sample_rate","snr_db","noises","voices","synthesiser"],"properties":{"name":{"type":"string"},"source":{"type":"string"},"citation":{"type":"string"},"licence":{"type":"string"},"clips":{"type":"integer","minimum":1},"seconds":{"type":"number"},"frames":{"type":"integer"},"speech_share":{"type":"number","minimum":0,"maximum":1},"sample_rate":{"type":"integer"},"snr_db":{"type":"array","items":{"type":"number"}},"noises":{"type":"array","items":{"type":"string"}},"voices":{"type":"array","items":{"type":"string"}},"synthesiser":{"type":"string"}}};
const schema53 = {"type":"object","additionalProperties":false,"required":["name","source","package","citation","licence","person","item_noun","verb","uses","people","items","density","train_people","test_people","seed","folds","popular"],"description":"who uses what (builder/baskets.py): people × items, 0 or 1","properties":{"name":{"type":"string"},"source":{"type":"string"},"package":{"type":"string"},"citation":{"type":"string"},"licence":{"type":"string"},"person":{"type":"string","description":"what a row is, e.g. reader"},"item_noun":{"type":"string","description":"what an item is, e.g. food"},"verb":{"type":"string","description":"what a person does with an item, e.g. eat"},"uses":{"type":"string","description":"how a 1 is read from the data, in words"},"people":{"type":"integer","minimum":1},"items":{"type":"integer","minimum":1},"density":{"type":"number","minimum":0,"maximum":1},"train_people":{"type":"integer","minimum":1},"test_people":{"type":"integer","minimum":1},"seed":{"type":"integer"},"folds":{"type":"integer","minimum":2},"popular":{"type":"array","items":{"type":"string"}}}};

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate29.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((data.name === undefined) && (missing0 = "name")) || ((data.source === undefined) && (missing0 = "source"))) || ((data.rows === undefined) && (missing0 = "rows"))) || ((data.train_rows === undefined) && (missing0 = "train_rows"))) || ((data.test_rows === undefined) && (missing0 = "test_rows"))) || ((data.dropped_rows === undefined) && (missing0 = "dropped_rows"))) || ((data.target === undefined) && (missing0 = "target"))) || ((data.class_counts === undefined) && (missing0 = "class_counts"))){
const err0 = {instancePath,schemaPath:"#/$defs/tabular_dataset/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
const _errs4 = errors;
for(const key0 in data){
if(!(func1.call(schema47.properties, key0))){
const err1 = {instancePath,schemaPath:"#/$defs/tabular_dataset/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
break;
}
}
if(_errs4 === errors){
if(data.name !== undefined){
const _errs5 = errors;
if(typeof data.name !== "string"){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/tabular_dataset/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid2 = _errs5 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.source !== undefined){
const _errs7 = errors;
if(typeof data.source !== "string"){
const err3 = {instancePath:instancePath+"/source",schemaPath:"#/$defs/tabular_dataset/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var valid2 = _errs7 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.citation !== undefined){
const _errs9 = errors;
if(typeof data.citation !== "string"){
const err4 = {instancePath:instancePath+"/citation",schemaPath:"#/$defs/tabular_dataset/properties/citation/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var valid2 = _errs9 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.rows !== undefined){
let data3 = data.rows;
const _errs11 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err5 = {instancePath:instancePath+"/rows",schemaPath:"#/$defs/tabular_dataset/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var valid2 = _errs11 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.train_rows !== undefined){
let data4 = data.train_rows;
const _errs13 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err6 = {instancePath:instancePath+"/train_rows",schemaPath:"#/$defs/tabular_dataset/properties/train_rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var valid2 = _errs13 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.test_rows !== undefined){
let data5 = data.test_rows;
const _errs15 = errors;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err7 = {instancePath:instancePath+"/test_rows",schemaPath:"#/$defs/tabular_dataset/properties/test_rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var valid2 = _errs15 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.dropped_rows !== undefined){
let data6 = data.dropped_rows;
const _errs17 = errors;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err8 = {instancePath:instancePath+"/dropped_rows",schemaPath:"#/$defs/tabular_dataset/properties/dropped_rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var valid2 = _errs17 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.target !== undefined){
const _errs19 = errors;
if(typeof data.target !== "string"){
const err9 = {instancePath:instancePath+"/target",schemaPath:"#/$defs/tabular_dataset/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var valid2 = _errs19 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.class_counts !== undefined){
let data8 = data.class_counts;
const _errs21 = errors;
if(errors === _errs21){
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key1 in data8){
let data9 = data8[key1];
const _errs24 = errors;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err10 = {instancePath:instancePath+"/class_counts/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/tabular_dataset/properties/class_counts/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var valid3 = _errs24 === errors;
if(!valid3){
break;
}
}
}
else {
const err11 = {instancePath:instancePath+"/class_counts",schemaPath:"#/$defs/tabular_dataset/properties/class_counts/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
var valid2 = _errs21 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
}
}
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/$defs/tabular_dataset/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
var props0 = true;
}
const _errs26 = errors;
const _errs27 = errors;
if(errors === _errs27){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((((((((((data.name === undefined) && (missing1 = "name")) || ((data.source === undefined) && (missing1 = "source"))) || ((data.rows === undefined) && (missing1 = "rows"))) || ((data.train_rows === undefined) && (missing1 = "train_rows"))) || ((data.test_rows === undefined) && (missing1 = "test_rows"))) || ((data.dropped_rows === undefined) && (missing1 = "dropped_rows"))) || ((data.target === undefined) && (missing1 = "target"))) || ((data.target_label === undefined) && (missing1 = "target_label"))) || ((data.target_stats === undefined) && (missing1 = "target_stats"))){
const err13 = {instancePath,schemaPath:"#/$defs/regression_dataset/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
else {
const _errs29 = errors;
for(const key2 in data){
if(!(func1.call(schema48.properties, key2))){
const err14 = {instancePath,schemaPath:"#/$defs/regression_dataset/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
break;
}
}
if(_errs29 === errors){
if(data.name !== undefined){
const _errs30 = errors;
if(typeof data.name !== "string"){
const err15 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/regression_dataset/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var valid5 = _errs30 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data.source !== undefined){
const _errs32 = errors;
if(typeof data.source !== "string"){
const err16 = {instancePath:instancePath+"/source",schemaPath:"#/$defs/regression_dataset/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
var valid5 = _errs32 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data.citation !== undefined){
const _errs34 = errors;
if(typeof data.citation !== "string"){
const err17 = {instancePath:instancePath+"/citation",schemaPath:"#/$defs/regression_dataset/properties/citation/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var valid5 = _errs34 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data.rows !== undefined){
let data13 = data.rows;
const _errs36 = errors;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err18 = {instancePath:instancePath+"/rows",schemaPath:"#/$defs/regression_dataset/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
var valid5 = _errs36 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data.train_rows !== undefined){
let data14 = data.train_rows;
const _errs38 = errors;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err19 = {instancePath:instancePath+"/train_rows",schemaPath:"#/$defs/regression_dataset/properties/train_rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var valid5 = _errs38 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data.test_rows !== undefined){
let data15 = data.test_rows;
const _errs40 = errors;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
const err20 = {instancePath:instancePath+"/test_rows",schemaPath:"#/$defs/regression_dataset/properties/test_rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
var valid5 = _errs40 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data.dropped_rows !== undefined){
let data16 = data.dropped_rows;
const _errs42 = errors;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err21 = {instancePath:instancePath+"/dropped_rows",schemaPath:"#/$defs/regression_dataset/properties/dropped_rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var valid5 = _errs42 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data.target !== undefined){
const _errs44 = errors;
if(typeof data.target !== "string"){
const err22 = {instancePath:instancePath+"/target",schemaPath:"#/$defs/regression_dataset/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var valid5 = _errs44 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data.target_label !== undefined){
const _errs46 = errors;
if(typeof data.target_label !== "string"){
const err23 = {instancePath:instancePath+"/target_label",schemaPath:"#/$defs/regression_dataset/properties/target_label/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
var valid5 = _errs46 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data.target_unit !== undefined){
const _errs48 = errors;
if(typeof data.target_unit !== "string"){
const err24 = {instancePath:instancePath+"/target_unit",schemaPath:"#/$defs/regression_dataset/properties/target_unit/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
var valid5 = _errs48 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data.target_stats !== undefined){
let data20 = data.target_stats;
const _errs50 = errors;
if(errors === _errs50){
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
let missing2;
if((((((data20.min === undefined) && (missing2 = "min")) || ((data20.max === undefined) && (missing2 = "max"))) || ((data20.mean === undefined) && (missing2 = "mean"))) || ((data20.std === undefined) && (missing2 = "std"))) || ((data20.step === undefined) && (missing2 = "step"))){
const err25 = {instancePath:instancePath+"/target_stats",schemaPath:"#/$defs/regression_dataset/properties/target_stats/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
else {
const _errs52 = errors;
for(const key3 in data20){
if(!(((((key3 === "min") || (key3 === "max")) || (key3 === "mean")) || (key3 === "std")) || (key3 === "step"))){
const err26 = {instancePath:instancePath+"/target_stats",schemaPath:"#/$defs/regression_dataset/properties/target_stats/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
break;
}
}
if(_errs52 === errors){
if(data20.min !== undefined){
let data21 = data20.min;
const _errs53 = errors;
if(!((typeof data21 == "number") && (isFinite(data21)))){
const err27 = {instancePath:instancePath+"/target_stats/min",schemaPath:"#/$defs/regression_dataset/properties/target_stats/properties/min/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var valid6 = _errs53 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data20.max !== undefined){
let data22 = data20.max;
const _errs55 = errors;
if(!((typeof data22 == "number") && (isFinite(data22)))){
const err28 = {instancePath:instancePath+"/target_stats/max",schemaPath:"#/$defs/regression_dataset/properties/target_stats/properties/max/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
var valid6 = _errs55 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data20.mean !== undefined){
let data23 = data20.mean;
const _errs57 = errors;
if(!((typeof data23 == "number") && (isFinite(data23)))){
const err29 = {instancePath:instancePath+"/target_stats/mean",schemaPath:"#/$defs/regression_dataset/properties/target_stats/properties/mean/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
var valid6 = _errs57 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data20.std !== undefined){
let data24 = data20.std;
const _errs59 = errors;
if(!((typeof data24 == "number") && (isFinite(data24)))){
const err30 = {instancePath:instancePath+"/target_stats/std",schemaPath:"#/$defs/regression_dataset/properties/target_stats/properties/std/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
var valid6 = _errs59 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data20.step !== undefined){
let data25 = data20.step;
const _errs61 = errors;
if(!((typeof data25 == "number") && (isFinite(data25)))){
const err31 = {instancePath:instancePath+"/target_stats/step",schemaPath:"#/$defs/regression_dataset/properties/target_stats/properties/step/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
var valid6 = _errs61 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
}
}
}
else {
const err32 = {instancePath:instancePath+"/target_stats",schemaPath:"#/$defs/regression_dataset/properties/target_stats/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
var valid5 = _errs50 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
const err33 = {instancePath,schemaPath:"#/$defs/regression_dataset/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
var _valid0 = _errs26 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
if(props0 !== true){
props0 = true;
}
}
const _errs63 = errors;
const _errs64 = errors;
if(errors === _errs64){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if(((((data.name === undefined) && (missing3 = "name")) || ((data.source === undefined) && (missing3 = "source"))) || ((data.images === undefined) && (missing3 = "images"))) || ((data.citation === undefined) && (missing3 = "citation"))){
const err34 = {instancePath,schemaPath:"#/$defs/image_dataset/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
else {
const _errs66 = errors;
for(const key4 in data){
if(!(((((((key4 === "name") || (key4 === "source")) || (key4 === "citation")) || (key4 === "images")) || (key4 === "calibration_images")) || (key4 === "agreement_images")) || (key4 === "notes"))){
const err35 = {instancePath,schemaPath:"#/$defs/image_dataset/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
break;
}
}
if(_errs66 === errors){
if(data.name !== undefined){
const _errs67 = errors;
if(typeof data.name !== "string"){
const err36 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/image_dataset/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
var valid8 = _errs67 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.source !== undefined){
const _errs69 = errors;
if(typeof data.source !== "string"){
const err37 = {instancePath:instancePath+"/source",schemaPath:"#/$defs/image_dataset/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
var valid8 = _errs69 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.citation !== undefined){
const _errs71 = errors;
if(typeof data.citation !== "string"){
const err38 = {instancePath:instancePath+"/citation",schemaPath:"#/$defs/image_dataset/properties/citation/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
var valid8 = _errs71 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.images !== undefined){
let data29 = data.images;
const _errs73 = errors;
if(!(((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29))) && (isFinite(data29)))){
const err39 = {instancePath:instancePath+"/images",schemaPath:"#/$defs/image_dataset/properties/images/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var valid8 = _errs73 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.calibration_images !== undefined){
let data30 = data.calibration_images;
const _errs75 = errors;
if(!(((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30))) && (isFinite(data30)))){
const err40 = {instancePath:instancePath+"/calibration_images",schemaPath:"#/$defs/image_dataset/properties/calibration_images/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
var valid8 = _errs75 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.agreement_images !== undefined){
let data31 = data.agreement_images;
const _errs77 = errors;
if(!(((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31))) && (isFinite(data31)))){
const err41 = {instancePath:instancePath+"/agreement_images",schemaPath:"#/$defs/image_dataset/properties/agreement_images/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
var valid8 = _errs77 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.notes !== undefined){
const _errs79 = errors;
if(typeof data.notes !== "string"){
const err42 = {instancePath:instancePath+"/notes",schemaPath:"#/$defs/image_dataset/properties/notes/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
var valid8 = _errs79 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
}
}
}
}
}
else {
const err43 = {instancePath,schemaPath:"#/$defs/image_dataset/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
var _valid0 = _errs63 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
if(props0 !== true){
props0 = true;
}
}
const _errs81 = errors;
const _errs82 = errors;
if(errors === _errs82){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if(((((data.name === undefined) && (missing4 = "name")) || ((data.source === undefined) && (missing4 = "source"))) || ((data.citation === undefined) && (missing4 = "citation"))) || ((data.license === undefined) && (missing4 = "license"))){
const err44 = {instancePath,schemaPath:"#/$defs/text_dataset/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
else {
const _errs84 = errors;
for(const key5 in data){
if(!(func1.call(schema50.properties, key5))){
const err45 = {instancePath,schemaPath:"#/$defs/text_dataset/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
break;
}
}
if(_errs84 === errors){
if(data.name !== undefined){
const _errs85 = errors;
if(typeof data.name !== "string"){
const err46 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/text_dataset/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
var valid10 = _errs85 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.source !== undefined){
const _errs87 = errors;
if(typeof data.source !== "string"){
const err47 = {instancePath:instancePath+"/source",schemaPath:"#/$defs/text_dataset/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
var valid10 = _errs87 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.citation !== undefined){
const _errs89 = errors;
if(typeof data.citation !== "string"){
const err48 = {instancePath:instancePath+"/citation",schemaPath:"#/$defs/text_dataset/properties/citation/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
var valid10 = _errs89 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.license !== undefined){
const _errs91 = errors;
if(typeof data.license !== "string"){
const err49 = {instancePath:instancePath+"/license",schemaPath:"#/$defs/text_dataset/properties/license/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
var valid10 = _errs91 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.emails !== undefined){
let data37 = data.emails;
const _errs93 = errors;
if(!(((typeof data37 == "number") && (!(data37 % 1) && !isNaN(data37))) && (isFinite(data37)))){
const err50 = {instancePath:instancePath+"/emails",schemaPath:"#/$defs/text_dataset/properties/emails/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
var valid10 = _errs93 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.spam !== undefined){
let data38 = data.spam;
const _errs95 = errors;
if(!(((typeof data38 == "number") && (!(data38 % 1) && !isNaN(data38))) && (isFinite(data38)))){
const err51 = {instancePath:instancePath+"/spam",schemaPath:"#/$defs/text_dataset/properties/spam/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
var valid10 = _errs95 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.sampled !== undefined){
let data39 = data.sampled;
const _errs97 = errors;
if(!(((typeof data39 == "number") && (!(data39 % 1) && !isNaN(data39))) && (isFinite(data39)))){
const err52 = {instancePath:instancePath+"/sampled",schemaPath:"#/$defs/text_dataset/properties/sampled/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
var valid10 = _errs97 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.train_rows !== undefined){
let data40 = data.train_rows;
const _errs99 = errors;
if(!(((typeof data40 == "number") && (!(data40 % 1) && !isNaN(data40))) && (isFinite(data40)))){
const err53 = {instancePath:instancePath+"/train_rows",schemaPath:"#/$defs/text_dataset/properties/train_rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
var valid10 = _errs99 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.test_rows !== undefined){
let data41 = data.test_rows;
const _errs101 = errors;
if(!(((typeof data41 == "number") && (!(data41 % 1) && !isNaN(data41))) && (isFinite(data41)))){
const err54 = {instancePath:instancePath+"/test_rows",schemaPath:"#/$defs/text_dataset/properties/test_rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
var valid10 = _errs101 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.documents !== undefined){
let data42 = data.documents;
const _errs103 = errors;
if(!(((typeof data42 == "number") && (!(data42 % 1) && !isNaN(data42))) && (isFinite(data42)))){
const err55 = {instancePath:instancePath+"/documents",schemaPath:"#/$defs/text_dataset/properties/documents/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
var valid10 = _errs103 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.questions !== undefined){
let data43 = data.questions;
const _errs105 = errors;
if(!(((typeof data43 == "number") && (!(data43 % 1) && !isNaN(data43))) && (isFinite(data43)))){
const err56 = {instancePath:instancePath+"/questions",schemaPath:"#/$defs/text_dataset/properties/questions/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
var valid10 = _errs105 === errors;
}
else {
var valid10 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
const err57 = {instancePath,schemaPath:"#/$defs/text_dataset/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
var _valid0 = _errs81 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 3];
}
else {
if(_valid0){
valid0 = true;
passing0 = 3;
if(props0 !== true){
props0 = true;
}
}
const _errs107 = errors;
const _errs108 = errors;
if(errors === _errs108){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing5;
if(((((((((((((((data.name === undefined) && (missing5 = "name")) || ((data.source === undefined) && (missing5 = "source"))) || ((data.citation === undefined) && (missing5 = "citation"))) || ((data.licence === undefined) && (missing5 = "licence"))) || ((data.label === undefined) && (missing5 = "label"))) || ((data.unit === undefined) && (missing5 = "unit"))) || ((data.frequency === undefined) && (missing5 = "frequency"))) || ((data.season === undefined) && (missing5 = "season"))) || ((data.points === undefined) && (missing5 = "points"))) || ((data.start === undefined) && (missing5 = "start"))) || ((data.end === undefined) && (missing5 = "end"))) || ((data.filled === undefined) && (missing5 = "filled"))) || ((data.train_points === undefined) && (missing5 = "train_points"))) || ((data.test_start === undefined) && (missing5 = "test_start"))){
const err58 = {instancePath,schemaPath:"#/$defs/series_dataset/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
else {
const _errs110 = errors;
for(const key6 in data){
if(!(func1.call(schema51.properties, key6))){
const err59 = {instancePath,schemaPath:"#/$defs/series_dataset/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
break;
}
}
if(_errs110 === errors){
if(data.name !== undefined){
const _errs111 = errors;
if(typeof data.name !== "string"){
const err60 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/series_dataset/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
var valid12 = _errs111 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.source !== undefined){
const _errs113 = errors;
if(typeof data.source !== "string"){
const err61 = {instancePath:instancePath+"/source",schemaPath:"#/$defs/series_dataset/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
var valid12 = _errs113 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.citation !== undefined){
const _errs115 = errors;
if(typeof data.citation !== "string"){
const err62 = {instancePath:instancePath+"/citation",schemaPath:"#/$defs/series_dataset/properties/citation/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
var valid12 = _errs115 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.licence !== undefined){
const _errs117 = errors;
if(typeof data.licence !== "string"){
const err63 = {instancePath:instancePath+"/licence",schemaPath:"#/$defs/series_dataset/properties/licence/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
var valid12 = _errs117 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.label !== undefined){
const _errs119 = errors;
if(typeof data.label !== "string"){
const err64 = {instancePath:instancePath+"/label",schemaPath:"#/$defs/series_dataset/properties/label/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
var valid12 = _errs119 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.unit !== undefined){
const _errs121 = errors;
if(typeof data.unit !== "string"){
const err65 = {instancePath:instancePath+"/unit",schemaPath:"#/$defs/series_dataset/properties/unit/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
var valid12 = _errs121 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.frequency !== undefined){
const _errs123 = errors;
if(typeof data.frequency !== "string"){
const err66 = {instancePath:instancePath+"/frequency",schemaPath:"#/$defs/series_dataset/properties/frequency/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
var valid12 = _errs123 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.season !== undefined){
let data51 = data.season;
const _errs125 = errors;
if(!(((typeof data51 == "number") && (!(data51 % 1) && !isNaN(data51))) && (isFinite(data51)))){
const err67 = {instancePath:instancePath+"/season",schemaPath:"#/$defs/series_dataset/properties/season/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if(errors === _errs125){
if((typeof data51 == "number") && (isFinite(data51))){
if(data51 < 1 || isNaN(data51)){
const err68 = {instancePath:instancePath+"/season",schemaPath:"#/$defs/series_dataset/properties/season/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
var valid12 = _errs125 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.points !== undefined){
let data52 = data.points;
const _errs127 = errors;
if(!(((typeof data52 == "number") && (!(data52 % 1) && !isNaN(data52))) && (isFinite(data52)))){
const err69 = {instancePath:instancePath+"/points",schemaPath:"#/$defs/series_dataset/properties/points/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
var valid12 = _errs127 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.start !== undefined){
const _errs129 = errors;
if(typeof data.start !== "string"){
const err70 = {instancePath:instancePath+"/start",schemaPath:"#/$defs/series_dataset/properties/start/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
var valid12 = _errs129 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.end !== undefined){
const _errs131 = errors;
if(typeof data.end !== "string"){
const err71 = {instancePath:instancePath+"/end",schemaPath:"#/$defs/series_dataset/properties/end/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
var valid12 = _errs131 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.filled !== undefined){
let data55 = data.filled;
const _errs133 = errors;
if(errors === _errs133){
if(Array.isArray(data55)){
var valid13 = true;
const len0 = data55.length;
for(let i0=0; i0<len0; i0++){
const _errs135 = errors;
if(typeof data55[i0] !== "string"){
const err72 = {instancePath:instancePath+"/filled/" + i0,schemaPath:"#/$defs/series_dataset/properties/filled/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
var valid13 = _errs135 === errors;
if(!valid13){
break;
}
}
}
else {
const err73 = {instancePath:instancePath+"/filled",schemaPath:"#/$defs/series_dataset/properties/filled/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
var valid12 = _errs133 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.train_points !== undefined){
let data57 = data.train_points;
const _errs137 = errors;
if(!(((typeof data57 == "number") && (!(data57 % 1) && !isNaN(data57))) && (isFinite(data57)))){
const err74 = {instancePath:instancePath+"/train_points",schemaPath:"#/$defs/series_dataset/properties/train_points/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
var valid12 = _errs137 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.test_start !== undefined){
const _errs139 = errors;
if(typeof data.test_start !== "string"){
const err75 = {instancePath:instancePath+"/test_start",schemaPath:"#/$defs/series_dataset/properties/test_start/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
var valid12 = _errs139 === errors;
}
else {
var valid12 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
const err76 = {instancePath,schemaPath:"#/$defs/series_dataset/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
var _valid0 = _errs107 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 4];
}
else {
if(_valid0){
valid0 = true;
passing0 = 4;
if(props0 !== true){
props0 = true;
}
}
const _errs141 = errors;
const _errs142 = errors;
if(errors === _errs142){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing6;
if((((((((((((((data.name === undefined) && (missing6 = "name")) || ((data.source === undefined) && (missing6 = "source"))) || ((data.citation === undefined) && (missing6 = "citation"))) || ((data.licence === undefined) && (missing6 = "licence"))) || ((data.clips === undefined) && (missing6 = "clips"))) || ((data.seconds === undefined) && (missing6 = "seconds"))) || ((data.frames === undefined) && (missing6 = "frames"))) || ((data.speech_share === undefined) && (missing6 = "speech_share"))) || ((data.sample_rate === undefined) && (missing6 = "sample_rate"))) || ((data.snr_db === undefined) && (missing6 = "snr_db"))) || ((data.noises === undefined) && (missing6 = "noises"))) || ((data.voices === undefined) && (missing6 = "voices"))) || ((data.synthesiser === undefined) && (missing6 = "synthesiser"))){
const err77 = {instancePath,schemaPath:"#/$defs/audio_dataset/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
else {
const _errs144 = errors;
for(const key7 in data){
if(!(func1.call(schema52.properties, key7))){
const err78 = {instancePath,schemaPath:"#/$defs/audio_dataset/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
break;
}
}
if(_errs144 === errors){
if(data.name !== undefined){
const _errs145 = errors;
if(typeof data.name !== "string"){
const err79 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/audio_dataset/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
var valid15 = _errs145 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data.source !== undefined){
const _errs147 = errors;
if(typeof data.source !== "string"){
const err80 = {instancePath:instancePath+"/source",schemaPath:"#/$defs/audio_dataset/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
var valid15 = _errs147 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data.citation !== undefined){
const _errs149 = errors;
if(typeof data.citation !== "string"){
const err81 = {instancePath:instancePath+"/citation",schemaPath:"#/$defs/audio_dataset/properties/citation/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
var valid15 = _errs149 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data.licence !== undefined){
const _errs151 = errors;
if(typeof data.licence !== "string"){
const err82 = {instancePath:instancePath+"/licence",schemaPath:"#/$defs/audio_dataset/properties/licence/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
var valid15 = _errs151 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data.clips !== undefined){
let data63 = data.clips;
const _errs153 = errors;
if(!(((typeof data63 == "number") && (!(data63 % 1) && !isNaN(data63))) && (isFinite(data63)))){
const err83 = {instancePath:instancePath+"/clips",schemaPath:"#/$defs/audio_dataset/properties/clips/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
if(errors === _errs153){
if((typeof data63 == "number") && (isFinite(data63))){
if(data63 < 1 || isNaN(data63)){
const err84 = {instancePath:instancePath+"/clips",schemaPath:"#/$defs/audio_dataset/properties/clips/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
}
var valid15 = _errs153 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data.seconds !== undefined){
let data64 = data.seconds;
const _errs155 = errors;
if(!((typeof data64 == "number") && (isFinite(data64)))){
const err85 = {instancePath:instancePath+"/seconds",schemaPath:"#/$defs/audio_dataset/properties/seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
var valid15 = _errs155 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data.frames !== undefined){
let data65 = data.frames;
const _errs157 = errors;
if(!(((typeof data65 == "number") && (!(data65 % 1) && !isNaN(data65))) && (isFinite(data65)))){
const err86 = {instancePath:instancePath+"/frames",schemaPath:"#/$defs/audio_dataset/properties/frames/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
var valid15 = _errs157 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data.speech_share !== undefined){
let data66 = data.speech_share;
const _errs159 = errors;
if(errors === _errs159){
if((typeof data66 == "number") && (isFinite(data66))){
if(data66 > 1 || isNaN(data66)){
const err87 = {instancePath:instancePath+"/speech_share",schemaPath:"#/$defs/audio_dataset/properties/speech_share/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
else {
if(data66 < 0 || isNaN(data66)){
const err88 = {instancePath:instancePath+"/speech_share",schemaPath:"#/$defs/audio_dataset/properties/speech_share/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
}
else {
const err89 = {instancePath:instancePath+"/speech_share",schemaPath:"#/$defs/audio_dataset/properties/speech_share/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
var valid15 = _errs159 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data.sample_rate !== undefined){
let data67 = data.sample_rate;
const _errs161 = errors;
if(!(((typeof data67 == "number") && (!(data67 % 1) && !isNaN(data67))) && (isFinite(data67)))){
const err90 = {instancePath:instancePath+"/sample_rate",schemaPath:"#/$defs/audio_dataset/properties/sample_rate/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
var valid15 = _errs161 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data.snr_db !== undefined){
let data68 = data.snr_db;
const _errs163 = errors;
if(errors === _errs163){
if(Array.isArray(data68)){
var valid16 = true;
const len1 = data68.length;
for(let i1=0; i1<len1; i1++){
let data69 = data68[i1];
const _errs165 = errors;
if(!((typeof data69 == "number") && (isFinite(data69)))){
const err91 = {instancePath:instancePath+"/snr_db/" + i1,schemaPath:"#/$defs/audio_dataset/properties/snr_db/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
var valid16 = _errs165 === errors;
if(!valid16){
break;
}
}
}
else {
const err92 = {instancePath:instancePath+"/snr_db",schemaPath:"#/$defs/audio_dataset/properties/snr_db/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
var valid15 = _errs163 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data.noises !== undefined){
let data70 = data.noises;
const _errs167 = errors;
if(errors === _errs167){
if(Array.isArray(data70)){
var valid17 = true;
const len2 = data70.length;
for(let i2=0; i2<len2; i2++){
const _errs169 = errors;
if(typeof data70[i2] !== "string"){
const err93 = {instancePath:instancePath+"/noises/" + i2,schemaPath:"#/$defs/audio_dataset/properties/noises/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
var valid17 = _errs169 === errors;
if(!valid17){
break;
}
}
}
else {
const err94 = {instancePath:instancePath+"/noises",schemaPath:"#/$defs/audio_dataset/properties/noises/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
var valid15 = _errs167 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data.voices !== undefined){
let data72 = data.voices;
const _errs171 = errors;
if(errors === _errs171){
if(Array.isArray(data72)){
var valid18 = true;
const len3 = data72.length;
for(let i3=0; i3<len3; i3++){
const _errs173 = errors;
if(typeof data72[i3] !== "string"){
const err95 = {instancePath:instancePath+"/voices/" + i3,schemaPath:"#/$defs/audio_dataset/properties/voices/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
var valid18 = _errs173 === errors;
if(!valid18){
break;
}
}
}
else {
const err96 = {instancePath:instancePath+"/voices",schemaPath:"#/$defs/audio_dataset/properties/voices/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
var valid15 = _errs171 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data.synthesiser !== undefined){
const _errs175 = errors;
if(typeof data.synthesiser !== "string"){
const err97 = {instancePath:instancePath+"/synthesiser",schemaPath:"#/$defs/audio_dataset/properties/synthesiser/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
var valid15 = _errs175 === errors;
}
else {
var valid15 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
const err98 = {instancePath,schemaPath:"#/$defs/audio_dataset/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
var _valid0 = _errs141 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 5];
}
else {
if(_valid0){
valid0 = true;
passing0 = 5;
if(props0 !== true){
props0 = true;
}
}
const _errs177 = errors;
const _errs178 = errors;
if(errors === _errs178){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing7;
if((((((((((((((((((data.name === undefined) && (missing7 = "name")) || ((data.source === undefined) && (missing7 = "source"))) || ((data.package === undefined) && (missing7 = "package"))) || ((data.citation === undefined) && (missing7 = "citation"))) || ((data.licence === undefined) && (missing7 = "licence"))) || ((data.person === undefined) && (missing7 = "person"))) || ((data.item_noun === undefined) && (missing7 = "item_noun"))) || ((data.verb === undefined) && (missing7 = "verb"))) || ((data.uses === undefined) && (missing7 = "uses"))) || ((data.people === undefined) && (missing7 = "people"))) || ((data.items === undefined) && (missing7 = "items"))) || ((data.density === undefined) && (missing7 = "density"))) || ((data.train_people === undefined) && (missing7 = "train_people"))) || ((data.test_people === undefined) && (missing7 = "test_people"))) || ((data.seed === undefined) && (missing7 = "seed"))) || ((data.folds === undefined) && (missing7 = "folds"))) || ((data.popular === undefined) && (missing7 = "popular"))){
const err99 = {instancePath,schemaPath:"#/$defs/basket_dataset/required",keyword:"required",params:{missingProperty: missing7},message:"must have required property '"+missing7+"'"};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
else {
const _errs180 = errors;
for(const key8 in data){
if(!(func1.call(schema53.properties, key8))){
const err100 = {instancePath,schemaPath:"#/$defs/basket_dataset/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
break;
}
}
if(_errs180 === errors){
if(data.name !== undefined){
const _errs181 = errors;
if(typeof data.name !== "string"){
const err101 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/basket_dataset/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
var valid20 = _errs181 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.source !== undefined){
const _errs183 = errors;
if(typeof data.source !== "string"){
const err102 = {instancePath:instancePath+"/source",schemaPath:"#/$defs/basket_dataset/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
var valid20 = _errs183 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.package !== undefined){
const _errs185 = errors;
if(typeof data.package !== "string"){
const err103 = {instancePath:instancePath+"/package",schemaPath:"#/$defs/basket_dataset/properties/package/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
var valid20 = _errs185 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.citation !== undefined){
const _errs187 = errors;
if(typeof data.citation !== "string"){
const err104 = {instancePath:instancePath+"/citation",schemaPath:"#/$defs/basket_dataset/properties/citation/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
var valid20 = _errs187 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.licence !== undefined){
const _errs189 = errors;
if(typeof data.licence !== "string"){
const err105 = {instancePath:instancePath+"/licence",schemaPath:"#/$defs/basket_dataset/properties/licence/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
var valid20 = _errs189 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.person !== undefined){
const _errs191 = errors;
if(typeof data.person !== "string"){
const err106 = {instancePath:instancePath+"/person",schemaPath:"#/$defs/basket_dataset/properties/person/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
var valid20 = _errs191 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.item_noun !== undefined){
const _errs193 = errors;
if(typeof data.item_noun !== "string"){
const err107 = {instancePath:instancePath+"/item_noun",schemaPath:"#/$defs/basket_dataset/properties/item_noun/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
var valid20 = _errs193 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.verb !== undefined){
const _errs195 = errors;
if(typeof data.verb !== "string"){
const err108 = {instancePath:instancePath+"/verb",schemaPath:"#/$defs/basket_dataset/properties/verb/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
var valid20 = _errs195 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.uses !== undefined){
const _errs197 = errors;
if(typeof data.uses !== "string"){
const err109 = {instancePath:instancePath+"/uses",schemaPath:"#/$defs/basket_dataset/properties/uses/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
var valid20 = _errs197 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.people !== undefined){
let data84 = data.people;
const _errs199 = errors;
if(!(((typeof data84 == "number") && (!(data84 % 1) && !isNaN(data84))) && (isFinite(data84)))){
const err110 = {instancePath:instancePath+"/people",schemaPath:"#/$defs/basket_dataset/properties/people/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
if(errors === _errs199){
if((typeof data84 == "number") && (isFinite(data84))){
if(data84 < 1 || isNaN(data84)){
const err111 = {instancePath:instancePath+"/people",schemaPath:"#/$defs/basket_dataset/properties/people/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
}
var valid20 = _errs199 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.items !== undefined){
let data85 = data.items;
const _errs201 = errors;
if(!(((typeof data85 == "number") && (!(data85 % 1) && !isNaN(data85))) && (isFinite(data85)))){
const err112 = {instancePath:instancePath+"/items",schemaPath:"#/$defs/basket_dataset/properties/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
if(errors === _errs201){
if((typeof data85 == "number") && (isFinite(data85))){
if(data85 < 1 || isNaN(data85)){
const err113 = {instancePath:instancePath+"/items",schemaPath:"#/$defs/basket_dataset/properties/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
}
var valid20 = _errs201 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.density !== undefined){
let data86 = data.density;
const _errs203 = errors;
if(errors === _errs203){
if((typeof data86 == "number") && (isFinite(data86))){
if(data86 > 1 || isNaN(data86)){
const err114 = {instancePath:instancePath+"/density",schemaPath:"#/$defs/basket_dataset/properties/density/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
else {
if(data86 < 0 || isNaN(data86)){
const err115 = {instancePath:instancePath+"/density",schemaPath:"#/$defs/basket_dataset/properties/density/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
}
else {
const err116 = {instancePath:instancePath+"/density",schemaPath:"#/$defs/basket_dataset/properties/density/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
var valid20 = _errs203 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.train_people !== undefined){
let data87 = data.train_people;
const _errs205 = errors;
if(!(((typeof data87 == "number") && (!(data87 % 1) && !isNaN(data87))) && (isFinite(data87)))){
const err117 = {instancePath:instancePath+"/train_people",schemaPath:"#/$defs/basket_dataset/properties/train_people/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
if(errors === _errs205){
if((typeof data87 == "number") && (isFinite(data87))){
if(data87 < 1 || isNaN(data87)){
const err118 = {instancePath:instancePath+"/train_people",schemaPath:"#/$defs/basket_dataset/properties/train_people/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
}
var valid20 = _errs205 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.test_people !== undefined){
let data88 = data.test_people;
const _errs207 = errors;
if(!(((typeof data88 == "number") && (!(data88 % 1) && !isNaN(data88))) && (isFinite(data88)))){
const err119 = {instancePath:instancePath+"/test_people",schemaPath:"#/$defs/basket_dataset/properties/test_people/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
if(errors === _errs207){
if((typeof data88 == "number") && (isFinite(data88))){
if(data88 < 1 || isNaN(data88)){
const err120 = {instancePath:instancePath+"/test_people",schemaPath:"#/$defs/basket_dataset/properties/test_people/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
}
var valid20 = _errs207 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.seed !== undefined){
let data89 = data.seed;
const _errs209 = errors;
if(!(((typeof data89 == "number") && (!(data89 % 1) && !isNaN(data89))) && (isFinite(data89)))){
const err121 = {instancePath:instancePath+"/seed",schemaPath:"#/$defs/basket_dataset/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
var valid20 = _errs209 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.folds !== undefined){
let data90 = data.folds;
const _errs211 = errors;
if(!(((typeof data90 == "number") && (!(data90 % 1) && !isNaN(data90))) && (isFinite(data90)))){
const err122 = {instancePath:instancePath+"/folds",schemaPath:"#/$defs/basket_dataset/properties/folds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
if(errors === _errs211){
if((typeof data90 == "number") && (isFinite(data90))){
if(data90 < 2 || isNaN(data90)){
const err123 = {instancePath:instancePath+"/folds",schemaPath:"#/$defs/basket_dataset/properties/folds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 2},message:"must be >= 2"};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
}
var valid20 = _errs211 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.popular !== undefined){
let data91 = data.popular;
const _errs213 = errors;
if(errors === _errs213){
if(Array.isArray(data91)){
var valid21 = true;
const len4 = data91.length;
for(let i4=0; i4<len4; i4++){
const _errs215 = errors;
if(typeof data91[i4] !== "string"){
const err124 = {instancePath:instancePath+"/popular/" + i4,schemaPath:"#/$defs/basket_dataset/properties/popular/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
var valid21 = _errs215 === errors;
if(!valid21){
break;
}
}
}
else {
const err125 = {instancePath:instancePath+"/popular",schemaPath:"#/$defs/basket_dataset/properties/popular/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
var valid20 = _errs213 === errors;
}
else {
var valid20 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
const err126 = {instancePath,schemaPath:"#/$defs/basket_dataset/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
var _valid0 = _errs177 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 6];
}
else {
if(_valid0){
valid0 = true;
passing0 = 6;
if(props0 !== true){
props0 = true;
}
}
}
}
}
}
}
}
if(!valid0){
const err127 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
validate29.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate29.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate29.evaluated = {"dynamicProps":true,"dynamicItems":false};

const schema55 = {"type":"object","required":["input","output"],"additionalProperties":false,"description":"A precomputed prediction (Python onnxruntime on the default variant), shown before the runtime arrives.","properties":{"input":{"type":"object","additionalProperties":{"type":["number","string"]}},"expected":{"type":"string"},"output":{"type":"object","required":["label","probabilities"],"additionalProperties":false,"properties":{"label":{"type":"string"},"probabilities":{"type":"array","items":{"type":"number"}}}}}};
const schema56 = {"type":"object","required":["input","output"],"additionalProperties":false,"description":"A precomputed prediction (Python onnxruntime on the default variant), shown before the runtime arrives.","properties":{"input":{"type":"object","additionalProperties":{"type":["number","string"]}},"expected":{"type":"number"},"output":{"type":"object","required":["value","low","high","level"],"additionalProperties":false,"properties":{"value":{"type":"number"},"low":{"type":"number"},"high":{"type":"number"},"level":{"type":"number"}}}}};
const schema58 = {"type":"object","required":["input","output"],"additionalProperties":false,"description":"A precomputed prediction (Python onnxruntime on the default variant), shown before the runtime arrives.","properties":{"input":{"type":"object","additionalProperties":{"type":["number","string"]}},"expected":{"type":"string"},"output":{"type":"object","required":["score","anomaly","threshold"],"additionalProperties":false,"properties":{"score":{"type":"number"},"anomaly":{"type":"boolean"},"threshold":{"type":"number"}}}}};
const schema60 = {"type":"object","additionalProperties":false,"required":["text","output"],"description":"a card's example prompt with the default variant's greedy answer (temperature 0, the defaults' max_new_tokens)","properties":{"text":{"type":"string"},"output":{"type":"object","additionalProperties":false,"required":["text","tokens","prompt_tokens","finish_reason"],"properties":{"text":{"type":"string"},"tokens":{"type":"array","items":{"type":"integer","minimum":0}},"prompt_tokens":{"type":"integer","minimum":1},"finish_reason":{"enum":["eos","length"]}}}}};
const schema61 = {"type":"object","additionalProperties":false,"required":["origin","input","output"],"description":"A precomputed forecast from `origin` (the first period forecast), from the `input` window before it; `expected`: what happened (null past the data).","properties":{"origin":{"type":"string"},"input":{"type":"array","items":{"type":"number"}},"expected":{"type":"array","items":{"type":["number","null"]}},"output":{"type":"object","additionalProperties":false,"required":["forecast","low","high","level"],"properties":{"forecast":{"type":"array","items":{"type":"number"}},"low":{"type":"array","items":{"type":"number"}},"high":{"type":"array","items":{"type":"number"}},"level":{"type":"number"}}}}};
const schema63 = {"type":"object","additionalProperties":false,"required":["name","input","output"],"description":"a held-out person's items less a hidden fold (`input`), the hidden ones (`expected`), and the precomputed answer","properties":{"name":{"type":"string"},"input":{"type":"array","items":{"type":"string"},"minItems":1},"expected":{"type":"array","items":{"type":"string"}},"output":{"type":"object","additionalProperties":false,"required":["recommendations"],"properties":{"recommendations":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["item","index","score","because"],"properties":{"item":{"type":"string"},"index":{"type":"integer","minimum":0},"score":{"type":"number"},"because":{"type":["string","null"]}}}}}}}};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate31.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.input === undefined) && (missing0 = "input")) || ((data.output === undefined) && (missing0 = "output"))){
const err0 = {instancePath,schemaPath:"#/$defs/tabular_example/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
const _errs4 = errors;
for(const key0 in data){
if(!(((key0 === "input") || (key0 === "expected")) || (key0 === "output"))){
const err1 = {instancePath,schemaPath:"#/$defs/tabular_example/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
break;
}
}
if(_errs4 === errors){
if(data.input !== undefined){
let data0 = data.input;
const _errs5 = errors;
if(errors === _errs5){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key1 in data0){
let data1 = data0[key1];
const _errs8 = errors;
if((!((typeof data1 == "number") && (isFinite(data1)))) && (typeof data1 !== "string")){
const err2 = {instancePath:instancePath+"/input/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/tabular_example/properties/input/additionalProperties/type",keyword:"type",params:{type: schema55.properties.input.additionalProperties.type},message:"must be number,string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid3 = _errs8 === errors;
if(!valid3){
break;
}
}
}
else {
const err3 = {instancePath:instancePath+"/input",schemaPath:"#/$defs/tabular_example/properties/input/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
var valid2 = _errs5 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.expected !== undefined){
const _errs10 = errors;
if(typeof data.expected !== "string"){
const err4 = {instancePath:instancePath+"/expected",schemaPath:"#/$defs/tabular_example/properties/expected/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var valid2 = _errs10 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.output !== undefined){
let data3 = data.output;
const _errs12 = errors;
if(errors === _errs12){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
let missing1;
if(((data3.label === undefined) && (missing1 = "label")) || ((data3.probabilities === undefined) && (missing1 = "probabilities"))){
const err5 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/tabular_example/properties/output/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
const _errs14 = errors;
for(const key2 in data3){
if(!((key2 === "label") || (key2 === "probabilities"))){
const err6 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/tabular_example/properties/output/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
break;
}
}
if(_errs14 === errors){
if(data3.label !== undefined){
const _errs15 = errors;
if(typeof data3.label !== "string"){
const err7 = {instancePath:instancePath+"/output/label",schemaPath:"#/$defs/tabular_example/properties/output/properties/label/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var valid4 = _errs15 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data3.probabilities !== undefined){
let data5 = data3.probabilities;
const _errs17 = errors;
if(errors === _errs17){
if(Array.isArray(data5)){
var valid5 = true;
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
const _errs19 = errors;
if(!((typeof data6 == "number") && (isFinite(data6)))){
const err8 = {instancePath:instancePath+"/output/probabilities/" + i0,schemaPath:"#/$defs/tabular_example/properties/output/properties/probabilities/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var valid5 = _errs19 === errors;
if(!valid5){
break;
}
}
}
else {
const err9 = {instancePath:instancePath+"/output/probabilities",schemaPath:"#/$defs/tabular_example/properties/output/properties/probabilities/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var valid4 = _errs17 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
else {
const err10 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/tabular_example/properties/output/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var valid2 = _errs12 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/$defs/tabular_example/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
var props0 = true;
}
const _errs21 = errors;
const _errs22 = errors;
if(errors === _errs22){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if(((data.input === undefined) && (missing2 = "input")) || ((data.output === undefined) && (missing2 = "output"))){
const err12 = {instancePath,schemaPath:"#/$defs/regression_example/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
else {
const _errs24 = errors;
for(const key3 in data){
if(!(((key3 === "input") || (key3 === "expected")) || (key3 === "output"))){
const err13 = {instancePath,schemaPath:"#/$defs/regression_example/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
break;
}
}
if(_errs24 === errors){
if(data.input !== undefined){
let data7 = data.input;
const _errs25 = errors;
if(errors === _errs25){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key4 in data7){
let data8 = data7[key4];
const _errs28 = errors;
if((!((typeof data8 == "number") && (isFinite(data8)))) && (typeof data8 !== "string")){
const err14 = {instancePath:instancePath+"/input/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/regression_example/properties/input/additionalProperties/type",keyword:"type",params:{type: schema56.properties.input.additionalProperties.type},message:"must be number,string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var valid8 = _errs28 === errors;
if(!valid8){
break;
}
}
}
else {
const err15 = {instancePath:instancePath+"/input",schemaPath:"#/$defs/regression_example/properties/input/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
var valid7 = _errs25 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data.expected !== undefined){
let data9 = data.expected;
const _errs30 = errors;
if(!((typeof data9 == "number") && (isFinite(data9)))){
const err16 = {instancePath:instancePath+"/expected",schemaPath:"#/$defs/regression_example/properties/expected/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
var valid7 = _errs30 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data.output !== undefined){
let data10 = data.output;
const _errs32 = errors;
if(errors === _errs32){
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
let missing3;
if(((((data10.value === undefined) && (missing3 = "value")) || ((data10.low === undefined) && (missing3 = "low"))) || ((data10.high === undefined) && (missing3 = "high"))) || ((data10.level === undefined) && (missing3 = "level"))){
const err17 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/regression_example/properties/output/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
else {
const _errs34 = errors;
for(const key5 in data10){
if(!((((key5 === "value") || (key5 === "low")) || (key5 === "high")) || (key5 === "level"))){
const err18 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/regression_example/properties/output/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
break;
}
}
if(_errs34 === errors){
if(data10.value !== undefined){
let data11 = data10.value;
const _errs35 = errors;
if(!((typeof data11 == "number") && (isFinite(data11)))){
const err19 = {instancePath:instancePath+"/output/value",schemaPath:"#/$defs/regression_example/properties/output/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var valid9 = _errs35 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data10.low !== undefined){
let data12 = data10.low;
const _errs37 = errors;
if(!((typeof data12 == "number") && (isFinite(data12)))){
const err20 = {instancePath:instancePath+"/output/low",schemaPath:"#/$defs/regression_example/properties/output/properties/low/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
var valid9 = _errs37 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data10.high !== undefined){
let data13 = data10.high;
const _errs39 = errors;
if(!((typeof data13 == "number") && (isFinite(data13)))){
const err21 = {instancePath:instancePath+"/output/high",schemaPath:"#/$defs/regression_example/properties/output/properties/high/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var valid9 = _errs39 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data10.level !== undefined){
let data14 = data10.level;
const _errs41 = errors;
if(!((typeof data14 == "number") && (isFinite(data14)))){
const err22 = {instancePath:instancePath+"/output/level",schemaPath:"#/$defs/regression_example/properties/output/properties/level/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var valid9 = _errs41 === errors;
}
else {
var valid9 = true;
}
}
}
}
}
}
}
else {
const err23 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/regression_example/properties/output/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
var valid7 = _errs32 === errors;
}
else {
var valid7 = true;
}
}
}
}
}
}
else {
const err24 = {instancePath,schemaPath:"#/$defs/regression_example/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
var _valid0 = _errs21 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
if(props0 !== true){
props0 = true;
}
}
const _errs43 = errors;
const _errs44 = errors;
if(errors === _errs44){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((((data.image === undefined) && (missing4 = "image")) || ((data.shows === undefined) && (missing4 = "shows"))) || ((data.output === undefined) && (missing4 = "output"))){
const err25 = {instancePath,schemaPath:"#/$defs/image_example/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
else {
const _errs46 = errors;
for(const key6 in data){
if(!(((key6 === "image") || (key6 === "output")) || (key6 === "shows"))){
const err26 = {instancePath,schemaPath:"#/$defs/image_example/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
break;
}
}
if(_errs46 === errors){
if(data.image !== undefined){
const _errs47 = errors;
if(typeof data.image !== "string"){
const err27 = {instancePath:instancePath+"/image",schemaPath:"#/$defs/image_example/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var valid11 = _errs47 === errors;
}
else {
var valid11 = true;
}
if(valid11){
if(data.output !== undefined){
let data16 = data.output;
const _errs49 = errors;
if(errors === _errs49){
if(Array.isArray(data16)){
var valid12 = true;
const len1 = data16.length;
for(let i1=0; i1<len1; i1++){
let data17 = data16[i1];
const _errs51 = errors;
if(errors === _errs51){
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
let missing5;
if(((data17.label === undefined) && (missing5 = "label")) || ((data17.score === undefined) && (missing5 = "score"))){
const err28 = {instancePath:instancePath+"/output/" + i1,schemaPath:"#/$defs/image_example/properties/output/items/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
else {
const _errs53 = errors;
for(const key7 in data17){
if(!((((key7 === "label") || (key7 === "score")) || (key7 === "index")) || (key7 === "box"))){
const err29 = {instancePath:instancePath+"/output/" + i1,schemaPath:"#/$defs/image_example/properties/output/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
break;
}
}
if(_errs53 === errors){
if(data17.label !== undefined){
const _errs54 = errors;
if(typeof data17.label !== "string"){
const err30 = {instancePath:instancePath+"/output/" + i1+"/label",schemaPath:"#/$defs/image_example/properties/output/items/properties/label/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
var valid13 = _errs54 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data17.score !== undefined){
let data19 = data17.score;
const _errs56 = errors;
if(!((typeof data19 == "number") && (isFinite(data19)))){
const err31 = {instancePath:instancePath+"/output/" + i1+"/score",schemaPath:"#/$defs/image_example/properties/output/items/properties/score/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
var valid13 = _errs56 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data17.index !== undefined){
let data20 = data17.index;
const _errs58 = errors;
if(!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))){
const err32 = {instancePath:instancePath+"/output/" + i1+"/index",schemaPath:"#/$defs/image_example/properties/output/items/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
var valid13 = _errs58 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data17.box !== undefined){
let data21 = data17.box;
const _errs60 = errors;
if(errors === _errs60){
if(Array.isArray(data21)){
if(data21.length > 4){
const err33 = {instancePath:instancePath+"/output/" + i1+"/box",schemaPath:"#/$defs/image_example/properties/output/items/properties/box/maxItems",keyword:"maxItems",params:{limit: 4},message:"must NOT have more than 4 items"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
else {
if(data21.length < 4){
const err34 = {instancePath:instancePath+"/output/" + i1+"/box",schemaPath:"#/$defs/image_example/properties/output/items/properties/box/minItems",keyword:"minItems",params:{limit: 4},message:"must NOT have fewer than 4 items"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
else {
var valid14 = true;
const len2 = data21.length;
for(let i2=0; i2<len2; i2++){
let data22 = data21[i2];
const _errs62 = errors;
if(!((typeof data22 == "number") && (isFinite(data22)))){
const err35 = {instancePath:instancePath+"/output/" + i1+"/box/" + i2,schemaPath:"#/$defs/image_example/properties/output/items/properties/box/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
var valid14 = _errs62 === errors;
if(!valid14){
break;
}
}
}
}
}
else {
const err36 = {instancePath:instancePath+"/output/" + i1+"/box",schemaPath:"#/$defs/image_example/properties/output/items/properties/box/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
var valid13 = _errs60 === errors;
}
else {
var valid13 = true;
}
}
}
}
}
}
}
else {
const err37 = {instancePath:instancePath+"/output/" + i1,schemaPath:"#/$defs/image_example/properties/output/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
var valid12 = _errs51 === errors;
if(!valid12){
break;
}
}
}
else {
const err38 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/image_example/properties/output/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
var valid11 = _errs49 === errors;
}
else {
var valid11 = true;
}
if(valid11){
if(data.shows !== undefined){
const _errs64 = errors;
if(typeof data.shows !== "string"){
const err39 = {instancePath:instancePath+"/shows",schemaPath:"#/$defs/image_example/properties/shows/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var valid11 = _errs64 === errors;
}
else {
var valid11 = true;
}
}
}
}
}
}
else {
const err40 = {instancePath,schemaPath:"#/$defs/image_example/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
var _valid0 = _errs43 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
if(props0 !== true){
props0 = true;
}
}
const _errs66 = errors;
const _errs67 = errors;
if(errors === _errs67){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing6;
if(((data.input === undefined) && (missing6 = "input")) || ((data.output === undefined) && (missing6 = "output"))){
const err41 = {instancePath,schemaPath:"#/$defs/anomaly_example/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
else {
const _errs69 = errors;
for(const key8 in data){
if(!(((key8 === "input") || (key8 === "expected")) || (key8 === "output"))){
const err42 = {instancePath,schemaPath:"#/$defs/anomaly_example/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
break;
}
}
if(_errs69 === errors){
if(data.input !== undefined){
let data24 = data.input;
const _errs70 = errors;
if(errors === _errs70){
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
for(const key9 in data24){
let data25 = data24[key9];
const _errs73 = errors;
if((!((typeof data25 == "number") && (isFinite(data25)))) && (typeof data25 !== "string")){
const err43 = {instancePath:instancePath+"/input/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/anomaly_example/properties/input/additionalProperties/type",keyword:"type",params:{type: schema58.properties.input.additionalProperties.type},message:"must be number,string"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
var valid17 = _errs73 === errors;
if(!valid17){
break;
}
}
}
else {
const err44 = {instancePath:instancePath+"/input",schemaPath:"#/$defs/anomaly_example/properties/input/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
var valid16 = _errs70 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data.expected !== undefined){
const _errs75 = errors;
if(typeof data.expected !== "string"){
const err45 = {instancePath:instancePath+"/expected",schemaPath:"#/$defs/anomaly_example/properties/expected/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
var valid16 = _errs75 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data.output !== undefined){
let data27 = data.output;
const _errs77 = errors;
if(errors === _errs77){
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
let missing7;
if((((data27.score === undefined) && (missing7 = "score")) || ((data27.anomaly === undefined) && (missing7 = "anomaly"))) || ((data27.threshold === undefined) && (missing7 = "threshold"))){
const err46 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/anomaly_example/properties/output/required",keyword:"required",params:{missingProperty: missing7},message:"must have required property '"+missing7+"'"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
else {
const _errs79 = errors;
for(const key10 in data27){
if(!(((key10 === "score") || (key10 === "anomaly")) || (key10 === "threshold"))){
const err47 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/anomaly_example/properties/output/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
break;
}
}
if(_errs79 === errors){
if(data27.score !== undefined){
let data28 = data27.score;
const _errs80 = errors;
if(!((typeof data28 == "number") && (isFinite(data28)))){
const err48 = {instancePath:instancePath+"/output/score",schemaPath:"#/$defs/anomaly_example/properties/output/properties/score/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
var valid18 = _errs80 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data27.anomaly !== undefined){
const _errs82 = errors;
if(typeof data27.anomaly !== "boolean"){
const err49 = {instancePath:instancePath+"/output/anomaly",schemaPath:"#/$defs/anomaly_example/properties/output/properties/anomaly/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
var valid18 = _errs82 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data27.threshold !== undefined){
let data30 = data27.threshold;
const _errs84 = errors;
if(!((typeof data30 == "number") && (isFinite(data30)))){
const err50 = {instancePath:instancePath+"/output/threshold",schemaPath:"#/$defs/anomaly_example/properties/output/properties/threshold/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
var valid18 = _errs84 === errors;
}
else {
var valid18 = true;
}
}
}
}
}
}
else {
const err51 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/anomaly_example/properties/output/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
var valid16 = _errs77 === errors;
}
else {
var valid16 = true;
}
}
}
}
}
}
else {
const err52 = {instancePath,schemaPath:"#/$defs/anomaly_example/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
var _valid0 = _errs66 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 3];
}
else {
if(_valid0){
valid0 = true;
passing0 = 3;
if(props0 !== true){
props0 = true;
}
}
const _errs86 = errors;
const _errs87 = errors;
if(errors === _errs87){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing8;
if(((data.text === undefined) && (missing8 = "text")) || ((data.output === undefined) && (missing8 = "output"))){
const err53 = {instancePath,schemaPath:"#/$defs/text_example/required",keyword:"required",params:{missingProperty: missing8},message:"must have required property '"+missing8+"'"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
else {
const _errs89 = errors;
for(const key11 in data){
if(!((key11 === "text") || (key11 === "output"))){
const err54 = {instancePath,schemaPath:"#/$defs/text_example/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
break;
}
}
if(_errs89 === errors){
if(data.text !== undefined){
const _errs90 = errors;
if(typeof data.text !== "string"){
const err55 = {instancePath:instancePath+"/text",schemaPath:"#/$defs/text_example/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
var valid20 = _errs90 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.output !== undefined){
let data32 = data.output;
const _errs92 = errors;
if(errors === _errs92){
if(Array.isArray(data32)){
var valid21 = true;
const len3 = data32.length;
for(let i3=0; i3<len3; i3++){
let data33 = data32[i3];
const _errs94 = errors;
if(errors === _errs94){
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
let missing9;
if(((data33.score === undefined) && (missing9 = "score")) || ((data33.index === undefined) && (missing9 = "index"))){
const err56 = {instancePath:instancePath+"/output/" + i3,schemaPath:"#/$defs/text_example/properties/output/items/required",keyword:"required",params:{missingProperty: missing9},message:"must have required property '"+missing9+"'"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
else {
const _errs96 = errors;
for(const key12 in data33){
if(!((((key12 === "label") || (key12 === "score")) || (key12 === "index")) || (key12 === "title"))){
const err57 = {instancePath:instancePath+"/output/" + i3,schemaPath:"#/$defs/text_example/properties/output/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
break;
}
}
if(_errs96 === errors){
if(data33.label !== undefined){
const _errs97 = errors;
if(typeof data33.label !== "string"){
const err58 = {instancePath:instancePath+"/output/" + i3+"/label",schemaPath:"#/$defs/text_example/properties/output/items/properties/label/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
var valid22 = _errs97 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data33.score !== undefined){
let data35 = data33.score;
const _errs99 = errors;
if(!((typeof data35 == "number") && (isFinite(data35)))){
const err59 = {instancePath:instancePath+"/output/" + i3+"/score",schemaPath:"#/$defs/text_example/properties/output/items/properties/score/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
var valid22 = _errs99 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data33.index !== undefined){
let data36 = data33.index;
const _errs101 = errors;
if(!(((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36))) && (isFinite(data36)))){
const err60 = {instancePath:instancePath+"/output/" + i3+"/index",schemaPath:"#/$defs/text_example/properties/output/items/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
var valid22 = _errs101 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data33.title !== undefined){
const _errs103 = errors;
if(typeof data33.title !== "string"){
const err61 = {instancePath:instancePath+"/output/" + i3+"/title",schemaPath:"#/$defs/text_example/properties/output/items/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
var valid22 = _errs103 === errors;
}
else {
var valid22 = true;
}
}
}
}
}
}
}
else {
const err62 = {instancePath:instancePath+"/output/" + i3,schemaPath:"#/$defs/text_example/properties/output/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
var valid21 = _errs94 === errors;
if(!valid21){
break;
}
}
}
else {
const err63 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/text_example/properties/output/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
var valid20 = _errs92 === errors;
}
else {
var valid20 = true;
}
}
}
}
}
else {
const err64 = {instancePath,schemaPath:"#/$defs/text_example/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
var _valid0 = _errs86 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 4];
}
else {
if(_valid0){
valid0 = true;
passing0 = 4;
if(props0 !== true){
props0 = true;
}
}
const _errs105 = errors;
const _errs106 = errors;
if(errors === _errs106){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing10;
if(((data.text === undefined) && (missing10 = "text")) || ((data.output === undefined) && (missing10 = "output"))){
const err65 = {instancePath,schemaPath:"#/$defs/generation_example/required",keyword:"required",params:{missingProperty: missing10},message:"must have required property '"+missing10+"'"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
else {
const _errs108 = errors;
for(const key13 in data){
if(!((key13 === "text") || (key13 === "output"))){
const err66 = {instancePath,schemaPath:"#/$defs/generation_example/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
break;
}
}
if(_errs108 === errors){
if(data.text !== undefined){
const _errs109 = errors;
if(typeof data.text !== "string"){
const err67 = {instancePath:instancePath+"/text",schemaPath:"#/$defs/generation_example/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
var valid24 = _errs109 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data.output !== undefined){
let data39 = data.output;
const _errs111 = errors;
if(errors === _errs111){
if(data39 && typeof data39 == "object" && !Array.isArray(data39)){
let missing11;
if(((((data39.text === undefined) && (missing11 = "text")) || ((data39.tokens === undefined) && (missing11 = "tokens"))) || ((data39.prompt_tokens === undefined) && (missing11 = "prompt_tokens"))) || ((data39.finish_reason === undefined) && (missing11 = "finish_reason"))){
const err68 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/generation_example/properties/output/required",keyword:"required",params:{missingProperty: missing11},message:"must have required property '"+missing11+"'"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
else {
const _errs113 = errors;
for(const key14 in data39){
if(!((((key14 === "text") || (key14 === "tokens")) || (key14 === "prompt_tokens")) || (key14 === "finish_reason"))){
const err69 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/generation_example/properties/output/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
break;
}
}
if(_errs113 === errors){
if(data39.text !== undefined){
const _errs114 = errors;
if(typeof data39.text !== "string"){
const err70 = {instancePath:instancePath+"/output/text",schemaPath:"#/$defs/generation_example/properties/output/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
var valid25 = _errs114 === errors;
}
else {
var valid25 = true;
}
if(valid25){
if(data39.tokens !== undefined){
let data41 = data39.tokens;
const _errs116 = errors;
if(errors === _errs116){
if(Array.isArray(data41)){
var valid26 = true;
const len4 = data41.length;
for(let i4=0; i4<len4; i4++){
let data42 = data41[i4];
const _errs118 = errors;
if(!(((typeof data42 == "number") && (!(data42 % 1) && !isNaN(data42))) && (isFinite(data42)))){
const err71 = {instancePath:instancePath+"/output/tokens/" + i4,schemaPath:"#/$defs/generation_example/properties/output/properties/tokens/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(errors === _errs118){
if((typeof data42 == "number") && (isFinite(data42))){
if(data42 < 0 || isNaN(data42)){
const err72 = {instancePath:instancePath+"/output/tokens/" + i4,schemaPath:"#/$defs/generation_example/properties/output/properties/tokens/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
}
var valid26 = _errs118 === errors;
if(!valid26){
break;
}
}
}
else {
const err73 = {instancePath:instancePath+"/output/tokens",schemaPath:"#/$defs/generation_example/properties/output/properties/tokens/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
var valid25 = _errs116 === errors;
}
else {
var valid25 = true;
}
if(valid25){
if(data39.prompt_tokens !== undefined){
let data43 = data39.prompt_tokens;
const _errs120 = errors;
if(!(((typeof data43 == "number") && (!(data43 % 1) && !isNaN(data43))) && (isFinite(data43)))){
const err74 = {instancePath:instancePath+"/output/prompt_tokens",schemaPath:"#/$defs/generation_example/properties/output/properties/prompt_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if(errors === _errs120){
if((typeof data43 == "number") && (isFinite(data43))){
if(data43 < 1 || isNaN(data43)){
const err75 = {instancePath:instancePath+"/output/prompt_tokens",schemaPath:"#/$defs/generation_example/properties/output/properties/prompt_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
}
var valid25 = _errs120 === errors;
}
else {
var valid25 = true;
}
if(valid25){
if(data39.finish_reason !== undefined){
let data44 = data39.finish_reason;
const _errs122 = errors;
if(!((data44 === "eos") || (data44 === "length"))){
const err76 = {instancePath:instancePath+"/output/finish_reason",schemaPath:"#/$defs/generation_example/properties/output/properties/finish_reason/enum",keyword:"enum",params:{allowedValues: schema60.properties.output.properties.finish_reason.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
var valid25 = _errs122 === errors;
}
else {
var valid25 = true;
}
}
}
}
}
}
}
else {
const err77 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/generation_example/properties/output/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
var valid24 = _errs111 === errors;
}
else {
var valid24 = true;
}
}
}
}
}
else {
const err78 = {instancePath,schemaPath:"#/$defs/generation_example/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
var _valid0 = _errs105 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 5];
}
else {
if(_valid0){
valid0 = true;
passing0 = 5;
if(props0 !== true){
props0 = true;
}
}
const _errs123 = errors;
const _errs124 = errors;
if(errors === _errs124){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing12;
if((((data.origin === undefined) && (missing12 = "origin")) || ((data.input === undefined) && (missing12 = "input"))) || ((data.output === undefined) && (missing12 = "output"))){
const err79 = {instancePath,schemaPath:"#/$defs/forecast_example/required",keyword:"required",params:{missingProperty: missing12},message:"must have required property '"+missing12+"'"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
else {
const _errs126 = errors;
for(const key15 in data){
if(!((((key15 === "origin") || (key15 === "input")) || (key15 === "expected")) || (key15 === "output"))){
const err80 = {instancePath,schemaPath:"#/$defs/forecast_example/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
break;
}
}
if(_errs126 === errors){
if(data.origin !== undefined){
const _errs127 = errors;
if(typeof data.origin !== "string"){
const err81 = {instancePath:instancePath+"/origin",schemaPath:"#/$defs/forecast_example/properties/origin/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
var valid28 = _errs127 === errors;
}
else {
var valid28 = true;
}
if(valid28){
if(data.input !== undefined){
let data46 = data.input;
const _errs129 = errors;
if(errors === _errs129){
if(Array.isArray(data46)){
var valid29 = true;
const len5 = data46.length;
for(let i5=0; i5<len5; i5++){
let data47 = data46[i5];
const _errs131 = errors;
if(!((typeof data47 == "number") && (isFinite(data47)))){
const err82 = {instancePath:instancePath+"/input/" + i5,schemaPath:"#/$defs/forecast_example/properties/input/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
var valid29 = _errs131 === errors;
if(!valid29){
break;
}
}
}
else {
const err83 = {instancePath:instancePath+"/input",schemaPath:"#/$defs/forecast_example/properties/input/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
var valid28 = _errs129 === errors;
}
else {
var valid28 = true;
}
if(valid28){
if(data.expected !== undefined){
let data48 = data.expected;
const _errs133 = errors;
if(errors === _errs133){
if(Array.isArray(data48)){
var valid30 = true;
const len6 = data48.length;
for(let i6=0; i6<len6; i6++){
let data49 = data48[i6];
const _errs135 = errors;
if((!((typeof data49 == "number") && (isFinite(data49)))) && (data49 !== null)){
const err84 = {instancePath:instancePath+"/expected/" + i6,schemaPath:"#/$defs/forecast_example/properties/expected/items/type",keyword:"type",params:{type: schema61.properties.expected.items.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
var valid30 = _errs135 === errors;
if(!valid30){
break;
}
}
}
else {
const err85 = {instancePath:instancePath+"/expected",schemaPath:"#/$defs/forecast_example/properties/expected/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
var valid28 = _errs133 === errors;
}
else {
var valid28 = true;
}
if(valid28){
if(data.output !== undefined){
let data50 = data.output;
const _errs137 = errors;
if(errors === _errs137){
if(data50 && typeof data50 == "object" && !Array.isArray(data50)){
let missing13;
if(((((data50.forecast === undefined) && (missing13 = "forecast")) || ((data50.low === undefined) && (missing13 = "low"))) || ((data50.high === undefined) && (missing13 = "high"))) || ((data50.level === undefined) && (missing13 = "level"))){
const err86 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/forecast_example/properties/output/required",keyword:"required",params:{missingProperty: missing13},message:"must have required property '"+missing13+"'"};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
else {
const _errs139 = errors;
for(const key16 in data50){
if(!((((key16 === "forecast") || (key16 === "low")) || (key16 === "high")) || (key16 === "level"))){
const err87 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/forecast_example/properties/output/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
break;
}
}
if(_errs139 === errors){
if(data50.forecast !== undefined){
let data51 = data50.forecast;
const _errs140 = errors;
if(errors === _errs140){
if(Array.isArray(data51)){
var valid32 = true;
const len7 = data51.length;
for(let i7=0; i7<len7; i7++){
let data52 = data51[i7];
const _errs142 = errors;
if(!((typeof data52 == "number") && (isFinite(data52)))){
const err88 = {instancePath:instancePath+"/output/forecast/" + i7,schemaPath:"#/$defs/forecast_example/properties/output/properties/forecast/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
var valid32 = _errs142 === errors;
if(!valid32){
break;
}
}
}
else {
const err89 = {instancePath:instancePath+"/output/forecast",schemaPath:"#/$defs/forecast_example/properties/output/properties/forecast/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
var valid31 = _errs140 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data50.low !== undefined){
let data53 = data50.low;
const _errs144 = errors;
if(errors === _errs144){
if(Array.isArray(data53)){
var valid33 = true;
const len8 = data53.length;
for(let i8=0; i8<len8; i8++){
let data54 = data53[i8];
const _errs146 = errors;
if(!((typeof data54 == "number") && (isFinite(data54)))){
const err90 = {instancePath:instancePath+"/output/low/" + i8,schemaPath:"#/$defs/forecast_example/properties/output/properties/low/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
var valid33 = _errs146 === errors;
if(!valid33){
break;
}
}
}
else {
const err91 = {instancePath:instancePath+"/output/low",schemaPath:"#/$defs/forecast_example/properties/output/properties/low/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
var valid31 = _errs144 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data50.high !== undefined){
let data55 = data50.high;
const _errs148 = errors;
if(errors === _errs148){
if(Array.isArray(data55)){
var valid34 = true;
const len9 = data55.length;
for(let i9=0; i9<len9; i9++){
let data56 = data55[i9];
const _errs150 = errors;
if(!((typeof data56 == "number") && (isFinite(data56)))){
const err92 = {instancePath:instancePath+"/output/high/" + i9,schemaPath:"#/$defs/forecast_example/properties/output/properties/high/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
var valid34 = _errs150 === errors;
if(!valid34){
break;
}
}
}
else {
const err93 = {instancePath:instancePath+"/output/high",schemaPath:"#/$defs/forecast_example/properties/output/properties/high/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
var valid31 = _errs148 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data50.level !== undefined){
let data57 = data50.level;
const _errs152 = errors;
if(!((typeof data57 == "number") && (isFinite(data57)))){
const err94 = {instancePath:instancePath+"/output/level",schemaPath:"#/$defs/forecast_example/properties/output/properties/level/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
var valid31 = _errs152 === errors;
}
else {
var valid31 = true;
}
}
}
}
}
}
}
else {
const err95 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/forecast_example/properties/output/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
var valid28 = _errs137 === errors;
}
else {
var valid28 = true;
}
}
}
}
}
}
}
else {
const err96 = {instancePath,schemaPath:"#/$defs/forecast_example/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
var _valid0 = _errs123 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 6];
}
else {
if(_valid0){
valid0 = true;
passing0 = 6;
if(props0 !== true){
props0 = true;
}
}
const _errs154 = errors;
const _errs155 = errors;
if(errors === _errs155){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing14;
if(((((data.audio === undefined) && (missing14 = "audio")) || ((data.name === undefined) && (missing14 = "name"))) || ((data.shows === undefined) && (missing14 = "shows"))) || ((data.output === undefined) && (missing14 = "output"))){
const err97 = {instancePath,schemaPath:"#/$defs/audio_example/required",keyword:"required",params:{missingProperty: missing14},message:"must have required property '"+missing14+"'"};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
else {
const _errs157 = errors;
for(const key17 in data){
if(!((((key17 === "audio") || (key17 === "name")) || (key17 === "shows")) || (key17 === "output"))){
const err98 = {instancePath,schemaPath:"#/$defs/audio_example/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
break;
}
}
if(_errs157 === errors){
if(data.audio !== undefined){
const _errs158 = errors;
if(typeof data.audio !== "string"){
const err99 = {instancePath:instancePath+"/audio",schemaPath:"#/$defs/audio_example/properties/audio/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
var valid36 = _errs158 === errors;
}
else {
var valid36 = true;
}
if(valid36){
if(data.name !== undefined){
const _errs160 = errors;
if(typeof data.name !== "string"){
const err100 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/audio_example/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
var valid36 = _errs160 === errors;
}
else {
var valid36 = true;
}
if(valid36){
if(data.shows !== undefined){
const _errs162 = errors;
if(typeof data.shows !== "string"){
const err101 = {instancePath:instancePath+"/shows",schemaPath:"#/$defs/audio_example/properties/shows/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
var valid36 = _errs162 === errors;
}
else {
var valid36 = true;
}
if(valid36){
if(data.output !== undefined){
let data61 = data.output;
const _errs164 = errors;
if(errors === _errs164){
if(data61 && typeof data61 == "object" && !Array.isArray(data61)){
let missing15;
if(((((data61.segments === undefined) && (missing15 = "segments")) || ((data61.probabilities === undefined) && (missing15 = "probabilities"))) || ((data61.frame_seconds === undefined) && (missing15 = "frame_seconds"))) || ((data61.duration === undefined) && (missing15 = "duration"))){
const err102 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/audio_example/properties/output/required",keyword:"required",params:{missingProperty: missing15},message:"must have required property '"+missing15+"'"};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
else {
const _errs166 = errors;
for(const key18 in data61){
if(!((((key18 === "segments") || (key18 === "probabilities")) || (key18 === "frame_seconds")) || (key18 === "duration"))){
const err103 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/audio_example/properties/output/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
break;
}
}
if(_errs166 === errors){
if(data61.segments !== undefined){
let data62 = data61.segments;
const _errs167 = errors;
if(errors === _errs167){
if(Array.isArray(data62)){
var valid38 = true;
const len10 = data62.length;
for(let i10=0; i10<len10; i10++){
let data63 = data62[i10];
const _errs169 = errors;
if(errors === _errs169){
if(data63 && typeof data63 == "object" && !Array.isArray(data63)){
let missing16;
if(((data63.start === undefined) && (missing16 = "start")) || ((data63.end === undefined) && (missing16 = "end"))){
const err104 = {instancePath:instancePath+"/output/segments/" + i10,schemaPath:"#/$defs/audio_example/properties/output/properties/segments/items/required",keyword:"required",params:{missingProperty: missing16},message:"must have required property '"+missing16+"'"};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
else {
const _errs171 = errors;
for(const key19 in data63){
if(!((key19 === "start") || (key19 === "end"))){
const err105 = {instancePath:instancePath+"/output/segments/" + i10,schemaPath:"#/$defs/audio_example/properties/output/properties/segments/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
break;
}
}
if(_errs171 === errors){
if(data63.start !== undefined){
let data64 = data63.start;
const _errs172 = errors;
if(errors === _errs172){
if((typeof data64 == "number") && (isFinite(data64))){
if(data64 < 0 || isNaN(data64)){
const err106 = {instancePath:instancePath+"/output/segments/" + i10+"/start",schemaPath:"#/$defs/audio_example/properties/output/properties/segments/items/properties/start/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
else {
const err107 = {instancePath:instancePath+"/output/segments/" + i10+"/start",schemaPath:"#/$defs/audio_example/properties/output/properties/segments/items/properties/start/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
var valid39 = _errs172 === errors;
}
else {
var valid39 = true;
}
if(valid39){
if(data63.end !== undefined){
let data65 = data63.end;
const _errs174 = errors;
if(errors === _errs174){
if((typeof data65 == "number") && (isFinite(data65))){
if(data65 < 0 || isNaN(data65)){
const err108 = {instancePath:instancePath+"/output/segments/" + i10+"/end",schemaPath:"#/$defs/audio_example/properties/output/properties/segments/items/properties/end/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
else {
const err109 = {instancePath:instancePath+"/output/segments/" + i10+"/end",schemaPath:"#/$defs/audio_example/properties/output/properties/segments/items/properties/end/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
var valid39 = _errs174 === errors;
}
else {
var valid39 = true;
}
}
}
}
}
else {
const err110 = {instancePath:instancePath+"/output/segments/" + i10,schemaPath:"#/$defs/audio_example/properties/output/properties/segments/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
var valid38 = _errs169 === errors;
if(!valid38){
break;
}
}
}
else {
const err111 = {instancePath:instancePath+"/output/segments",schemaPath:"#/$defs/audio_example/properties/output/properties/segments/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
var valid37 = _errs167 === errors;
}
else {
var valid37 = true;
}
if(valid37){
if(data61.probabilities !== undefined){
let data66 = data61.probabilities;
const _errs176 = errors;
if(errors === _errs176){
if(Array.isArray(data66)){
var valid40 = true;
const len11 = data66.length;
for(let i11=0; i11<len11; i11++){
let data67 = data66[i11];
const _errs178 = errors;
if(errors === _errs178){
if((typeof data67 == "number") && (isFinite(data67))){
if(data67 > 1 || isNaN(data67)){
const err112 = {instancePath:instancePath+"/output/probabilities/" + i11,schemaPath:"#/$defs/audio_example/properties/output/properties/probabilities/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
else {
if(data67 < 0 || isNaN(data67)){
const err113 = {instancePath:instancePath+"/output/probabilities/" + i11,schemaPath:"#/$defs/audio_example/properties/output/properties/probabilities/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
}
else {
const err114 = {instancePath:instancePath+"/output/probabilities/" + i11,schemaPath:"#/$defs/audio_example/properties/output/properties/probabilities/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
var valid40 = _errs178 === errors;
if(!valid40){
break;
}
}
}
else {
const err115 = {instancePath:instancePath+"/output/probabilities",schemaPath:"#/$defs/audio_example/properties/output/properties/probabilities/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
var valid37 = _errs176 === errors;
}
else {
var valid37 = true;
}
if(valid37){
if(data61.frame_seconds !== undefined){
let data68 = data61.frame_seconds;
const _errs180 = errors;
if(errors === _errs180){
if((typeof data68 == "number") && (isFinite(data68))){
if(data68 <= 0 || isNaN(data68)){
const err116 = {instancePath:instancePath+"/output/frame_seconds",schemaPath:"#/$defs/audio_example/properties/output/properties/frame_seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
else {
const err117 = {instancePath:instancePath+"/output/frame_seconds",schemaPath:"#/$defs/audio_example/properties/output/properties/frame_seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
var valid37 = _errs180 === errors;
}
else {
var valid37 = true;
}
if(valid37){
if(data61.duration !== undefined){
let data69 = data61.duration;
const _errs182 = errors;
if(errors === _errs182){
if((typeof data69 == "number") && (isFinite(data69))){
if(data69 < 0 || isNaN(data69)){
const err118 = {instancePath:instancePath+"/output/duration",schemaPath:"#/$defs/audio_example/properties/output/properties/duration/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
else {
const err119 = {instancePath:instancePath+"/output/duration",schemaPath:"#/$defs/audio_example/properties/output/properties/duration/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
var valid37 = _errs182 === errors;
}
else {
var valid37 = true;
}
}
}
}
}
}
}
else {
const err120 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/audio_example/properties/output/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
var valid36 = _errs164 === errors;
}
else {
var valid36 = true;
}
}
}
}
}
}
}
else {
const err121 = {instancePath,schemaPath:"#/$defs/audio_example/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
var _valid0 = _errs154 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 7];
}
else {
if(_valid0){
valid0 = true;
passing0 = 7;
if(props0 !== true){
props0 = true;
}
}
const _errs184 = errors;
const _errs185 = errors;
if(errors === _errs185){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing17;
if((((data.name === undefined) && (missing17 = "name")) || ((data.input === undefined) && (missing17 = "input"))) || ((data.output === undefined) && (missing17 = "output"))){
const err122 = {instancePath,schemaPath:"#/$defs/recommendation_example/required",keyword:"required",params:{missingProperty: missing17},message:"must have required property '"+missing17+"'"};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
else {
const _errs187 = errors;
for(const key20 in data){
if(!((((key20 === "name") || (key20 === "input")) || (key20 === "expected")) || (key20 === "output"))){
const err123 = {instancePath,schemaPath:"#/$defs/recommendation_example/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
break;
}
}
if(_errs187 === errors){
if(data.name !== undefined){
const _errs188 = errors;
if(typeof data.name !== "string"){
const err124 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/recommendation_example/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
var valid42 = _errs188 === errors;
}
else {
var valid42 = true;
}
if(valid42){
if(data.input !== undefined){
let data71 = data.input;
const _errs190 = errors;
if(errors === _errs190){
if(Array.isArray(data71)){
if(data71.length < 1){
const err125 = {instancePath:instancePath+"/input",schemaPath:"#/$defs/recommendation_example/properties/input/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
else {
var valid43 = true;
const len12 = data71.length;
for(let i12=0; i12<len12; i12++){
const _errs192 = errors;
if(typeof data71[i12] !== "string"){
const err126 = {instancePath:instancePath+"/input/" + i12,schemaPath:"#/$defs/recommendation_example/properties/input/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
var valid43 = _errs192 === errors;
if(!valid43){
break;
}
}
}
}
else {
const err127 = {instancePath:instancePath+"/input",schemaPath:"#/$defs/recommendation_example/properties/input/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
var valid42 = _errs190 === errors;
}
else {
var valid42 = true;
}
if(valid42){
if(data.expected !== undefined){
let data73 = data.expected;
const _errs194 = errors;
if(errors === _errs194){
if(Array.isArray(data73)){
var valid44 = true;
const len13 = data73.length;
for(let i13=0; i13<len13; i13++){
const _errs196 = errors;
if(typeof data73[i13] !== "string"){
const err128 = {instancePath:instancePath+"/expected/" + i13,schemaPath:"#/$defs/recommendation_example/properties/expected/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
var valid44 = _errs196 === errors;
if(!valid44){
break;
}
}
}
else {
const err129 = {instancePath:instancePath+"/expected",schemaPath:"#/$defs/recommendation_example/properties/expected/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
var valid42 = _errs194 === errors;
}
else {
var valid42 = true;
}
if(valid42){
if(data.output !== undefined){
let data75 = data.output;
const _errs198 = errors;
if(errors === _errs198){
if(data75 && typeof data75 == "object" && !Array.isArray(data75)){
let missing18;
if((data75.recommendations === undefined) && (missing18 = "recommendations")){
const err130 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/recommendation_example/properties/output/required",keyword:"required",params:{missingProperty: missing18},message:"must have required property '"+missing18+"'"};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
else {
const _errs200 = errors;
for(const key21 in data75){
if(!(key21 === "recommendations")){
const err131 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/recommendation_example/properties/output/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
break;
}
}
if(_errs200 === errors){
if(data75.recommendations !== undefined){
let data76 = data75.recommendations;
const _errs201 = errors;
if(errors === _errs201){
if(Array.isArray(data76)){
var valid46 = true;
const len14 = data76.length;
for(let i14=0; i14<len14; i14++){
let data77 = data76[i14];
const _errs203 = errors;
if(errors === _errs203){
if(data77 && typeof data77 == "object" && !Array.isArray(data77)){
let missing19;
if(((((data77.item === undefined) && (missing19 = "item")) || ((data77.index === undefined) && (missing19 = "index"))) || ((data77.score === undefined) && (missing19 = "score"))) || ((data77.because === undefined) && (missing19 = "because"))){
const err132 = {instancePath:instancePath+"/output/recommendations/" + i14,schemaPath:"#/$defs/recommendation_example/properties/output/properties/recommendations/items/required",keyword:"required",params:{missingProperty: missing19},message:"must have required property '"+missing19+"'"};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
else {
const _errs205 = errors;
for(const key22 in data77){
if(!((((key22 === "item") || (key22 === "index")) || (key22 === "score")) || (key22 === "because"))){
const err133 = {instancePath:instancePath+"/output/recommendations/" + i14,schemaPath:"#/$defs/recommendation_example/properties/output/properties/recommendations/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key22},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
break;
}
}
if(_errs205 === errors){
if(data77.item !== undefined){
const _errs206 = errors;
if(typeof data77.item !== "string"){
const err134 = {instancePath:instancePath+"/output/recommendations/" + i14+"/item",schemaPath:"#/$defs/recommendation_example/properties/output/properties/recommendations/items/properties/item/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
var valid47 = _errs206 === errors;
}
else {
var valid47 = true;
}
if(valid47){
if(data77.index !== undefined){
let data79 = data77.index;
const _errs208 = errors;
if(!(((typeof data79 == "number") && (!(data79 % 1) && !isNaN(data79))) && (isFinite(data79)))){
const err135 = {instancePath:instancePath+"/output/recommendations/" + i14+"/index",schemaPath:"#/$defs/recommendation_example/properties/output/properties/recommendations/items/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
if(errors === _errs208){
if((typeof data79 == "number") && (isFinite(data79))){
if(data79 < 0 || isNaN(data79)){
const err136 = {instancePath:instancePath+"/output/recommendations/" + i14+"/index",schemaPath:"#/$defs/recommendation_example/properties/output/properties/recommendations/items/properties/index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
}
var valid47 = _errs208 === errors;
}
else {
var valid47 = true;
}
if(valid47){
if(data77.score !== undefined){
let data80 = data77.score;
const _errs210 = errors;
if(!((typeof data80 == "number") && (isFinite(data80)))){
const err137 = {instancePath:instancePath+"/output/recommendations/" + i14+"/score",schemaPath:"#/$defs/recommendation_example/properties/output/properties/recommendations/items/properties/score/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
var valid47 = _errs210 === errors;
}
else {
var valid47 = true;
}
if(valid47){
if(data77.because !== undefined){
let data81 = data77.because;
const _errs212 = errors;
if((typeof data81 !== "string") && (data81 !== null)){
const err138 = {instancePath:instancePath+"/output/recommendations/" + i14+"/because",schemaPath:"#/$defs/recommendation_example/properties/output/properties/recommendations/items/properties/because/type",keyword:"type",params:{type: schema63.properties.output.properties.recommendations.items.properties.because.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
var valid47 = _errs212 === errors;
}
else {
var valid47 = true;
}
}
}
}
}
}
}
else {
const err139 = {instancePath:instancePath+"/output/recommendations/" + i14,schemaPath:"#/$defs/recommendation_example/properties/output/properties/recommendations/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
var valid46 = _errs203 === errors;
if(!valid46){
break;
}
}
}
else {
const err140 = {instancePath:instancePath+"/output/recommendations",schemaPath:"#/$defs/recommendation_example/properties/output/properties/recommendations/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
}
}
}
}
}
else {
const err141 = {instancePath:instancePath+"/output",schemaPath:"#/$defs/recommendation_example/properties/output/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
var valid42 = _errs198 === errors;
}
else {
var valid42 = true;
}
}
}
}
}
}
}
else {
const err142 = {instancePath,schemaPath:"#/$defs/recommendation_example/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
var _valid0 = _errs184 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 8];
}
else {
if(_valid0){
valid0 = true;
passing0 = 8;
if(props0 !== true){
props0 = true;
}
}
}
}
}
}
}
}
}
}
if(!valid0){
const err143 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
validate31.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate31.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate31.evaluated = {"dynamicProps":true,"dynamicItems":false};

const schema64 = {"type":"object","required":["name","precision","url","sha256","bytes","gzip_bytes","metrics","fixtures","opsets","ir_version","tolerance","artifacts"],"additionalProperties":false,"properties":{"name":{"type":"string","pattern":"^[a-z0-9_-]+$"},"precision":{"enum":["fp32","fp16","int8","uint8"]},"url":{"type":"string","description":"relative to manifest.json; content-addressed: <id>/<variant>.<sha256[:16]>.onnx"},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"bytes":{"type":"integer","minimum":1},"gzip_bytes":{"type":"integer","minimum":1},"metrics":{"$ref":"#/$defs/metrics"},"fixtures":{"type":"string","description":"relative URL of the parity fixture JSON (inputs + Python onnxruntime outputs)"},"opsets":{"type":"object","additionalProperties":{"type":"integer","minimum":1},"description":"operator set per domain ('ai.onnx' for the default domain): lets the runtime skip a tier whose build lacks a domain (WebGPU has no ai.onnx.ml)"},"ir_version":{"type":"integer","minimum":1,"description":"ONNX IR version of the file (older runtimes such as onnxruntime-web 1.18 cap it)"},"tolerance":{"type":"number","exclusiveMinimum":0,"description":"max |browser − Python onnxruntime| the parity tests accept on this variant's first output (builder/variant_report.parity_tolerance)"},"method":{"type":"string","description":"how the file was made from the fp32 export, e.g. 'static QDQ int8 (per-channel)'"},"optimization":{"type":"object","additionalProperties":false,"required":["level","nodes_before","nodes_after"],"properties":{"level":{"enum":["none","basic","extended","transformer"]},"nodes_before":{"type":"integer"},"nodes_after":{"type":"integer"}}},"artifacts":{"type":"array","items":{"$ref":"#/$defs/artifact"}},"session_options":{"type":"object","additionalProperties":{"type":"string"},"description":"onnxruntime session config entries the variant needs in every runtime (e.g. session.disable_quant_qdq: the browser passes them as extra.session, Python as add_session_config_entry)"}}};
const pattern8 = new RegExp("^[a-z0-9_-]+$", "u");

function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate35.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((data.accuracy === undefined) && (missing0 = "accuracy")) || ((data.macro_f1 === undefined) && (missing0 = "macro_f1"))) || ((data.per_class === undefined) && (missing0 = "per_class"))) || ((data.confusion_matrix === undefined) && (missing0 = "confusion_matrix"))) || ((data.latency_ms === undefined) && (missing0 = "latency_ms"))){
validate35.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((((key0 === "accuracy") || (key0 === "macro_f1")) || (key0 === "per_class")) || (key0 === "confusion_matrix")) || (key0 === "latency_ms")) || (key0 === "agreement")) || (key0 === "parameters"))){
validate35.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.accuracy !== undefined){
let data0 = data.accuracy;
const _errs2 = errors;
if(errors === _errs2){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 1 || isNaN(data0)){
validate35.errors = [{instancePath:instancePath+"/accuracy",schemaPath:"#/properties/accuracy/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data0 < 0 || isNaN(data0)){
validate35.errors = [{instancePath:instancePath+"/accuracy",schemaPath:"#/properties/accuracy/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate35.errors = [{instancePath:instancePath+"/accuracy",schemaPath:"#/properties/accuracy/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.macro_f1 !== undefined){
let data1 = data.macro_f1;
const _errs4 = errors;
if(errors === _errs4){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
validate35.errors = [{instancePath:instancePath+"/macro_f1",schemaPath:"#/properties/macro_f1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data1 < 0 || isNaN(data1)){
validate35.errors = [{instancePath:instancePath+"/macro_f1",schemaPath:"#/properties/macro_f1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate35.errors = [{instancePath:instancePath+"/macro_f1",schemaPath:"#/properties/macro_f1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.per_class !== undefined){
let data2 = data.per_class;
const _errs6 = errors;
if(errors === _errs6){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
let data3 = data2[key1];
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
let missing1;
if(((((data3.precision === undefined) && (missing1 = "precision")) || ((data3.recall === undefined) && (missing1 = "recall"))) || ((data3.f1 === undefined) && (missing1 = "f1"))) || ((data3.support === undefined) && (missing1 = "support"))){
validate35.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/class_metrics/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs12 = errors;
for(const key2 in data3){
if(!((((key2 === "precision") || (key2 === "recall")) || (key2 === "f1")) || (key2 === "support"))){
validate35.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/class_metrics/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs12 === errors){
if(data3.precision !== undefined){
let data4 = data3.precision;
const _errs13 = errors;
if(!((typeof data4 == "number") && (isFinite(data4)))){
validate35.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/precision",schemaPath:"#/$defs/class_metrics/properties/precision/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs13 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data3.recall !== undefined){
let data5 = data3.recall;
const _errs15 = errors;
if(!((typeof data5 == "number") && (isFinite(data5)))){
validate35.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/recall",schemaPath:"#/$defs/class_metrics/properties/recall/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs15 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data3.f1 !== undefined){
let data6 = data3.f1;
const _errs17 = errors;
if(!((typeof data6 == "number") && (isFinite(data6)))){
validate35.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/f1",schemaPath:"#/$defs/class_metrics/properties/f1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs17 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data3.support !== undefined){
let data7 = data3.support;
const _errs19 = errors;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
validate35.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/support",schemaPath:"#/$defs/class_metrics/properties/support/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs19){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
validate35.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/support",schemaPath:"#/$defs/class_metrics/properties/support/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid3 = _errs19 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
}
else {
validate35.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/class_metrics/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs9 === errors;
if(!valid1){
break;
}
}
}
else {
validate35.errors = [{instancePath:instancePath+"/per_class",schemaPath:"#/properties/per_class/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.confusion_matrix !== undefined){
let data8 = data.confusion_matrix;
const _errs21 = errors;
if(errors === _errs21){
if(Array.isArray(data8)){
var valid4 = true;
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
const _errs23 = errors;
if(errors === _errs23){
if(Array.isArray(data9)){
var valid5 = true;
const len1 = data9.length;
for(let i1=0; i1<len1; i1++){
let data10 = data9[i1];
const _errs25 = errors;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
validate35.errors = [{instancePath:instancePath+"/confusion_matrix/" + i0+"/" + i1,schemaPath:"#/properties/confusion_matrix/items/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs25){
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
validate35.errors = [{instancePath:instancePath+"/confusion_matrix/" + i0+"/" + i1,schemaPath:"#/properties/confusion_matrix/items/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs25 === errors;
if(!valid5){
break;
}
}
}
else {
validate35.errors = [{instancePath:instancePath+"/confusion_matrix/" + i0,schemaPath:"#/properties/confusion_matrix/items/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid4 = _errs23 === errors;
if(!valid4){
break;
}
}
}
else {
validate35.errors = [{instancePath:instancePath+"/confusion_matrix",schemaPath:"#/properties/confusion_matrix/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.latency_ms !== undefined){
let data11 = data.latency_ms;
const _errs27 = errors;
const _errs28 = errors;
if(errors === _errs28){
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
let missing2;
if(((((data11.p50 === undefined) && (missing2 = "p50")) || ((data11.p95 === undefined) && (missing2 = "p95"))) || ((data11.runs === undefined) && (missing2 = "runs"))) || ((data11.runtime === undefined) && (missing2 = "runtime"))){
validate35.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs30 = errors;
for(const key3 in data11){
if(!((((key3 === "p50") || (key3 === "p95")) || (key3 === "runs")) || (key3 === "runtime"))){
validate35.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs30 === errors){
if(data11.p50 !== undefined){
let data12 = data11.p50;
const _errs31 = errors;
if(!((typeof data12 == "number") && (isFinite(data12)))){
validate35.errors = [{instancePath:instancePath+"/latency_ms/p50",schemaPath:"#/$defs/latency/properties/p50/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid7 = _errs31 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data11.p95 !== undefined){
let data13 = data11.p95;
const _errs33 = errors;
if(!((typeof data13 == "number") && (isFinite(data13)))){
validate35.errors = [{instancePath:instancePath+"/latency_ms/p95",schemaPath:"#/$defs/latency/properties/p95/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid7 = _errs33 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data11.runs !== undefined){
let data14 = data11.runs;
const _errs35 = errors;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
validate35.errors = [{instancePath:instancePath+"/latency_ms/runs",schemaPath:"#/$defs/latency/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid7 = _errs35 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data11.runtime !== undefined){
const _errs37 = errors;
if(typeof data11.runtime !== "string"){
validate35.errors = [{instancePath:instancePath+"/latency_ms/runtime",schemaPath:"#/$defs/latency/properties/runtime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid7 = _errs37 === errors;
}
else {
var valid7 = true;
}
}
}
}
}
}
}
else {
validate35.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs27 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.agreement !== undefined){
let data16 = data.agreement;
const _errs39 = errors;
if(errors === _errs39){
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
let missing3;
if((((data16.rows === undefined) && (missing3 = "rows")) || ((data16.max_abs === undefined) && (missing3 = "max_abs"))) || ((data16.mean_abs === undefined) && (missing3 = "mean_abs"))){
validate35.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs41 = errors;
for(const key4 in data16){
if(!((((key4 === "rows") || (key4 === "top1")) || (key4 === "max_abs")) || (key4 === "mean_abs"))){
validate35.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs41 === errors){
if(data16.rows !== undefined){
let data17 = data16.rows;
const _errs42 = errors;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
validate35.errors = [{instancePath:instancePath+"/agreement/rows",schemaPath:"#/properties/agreement/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid8 = _errs42 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data16.top1 !== undefined){
let data18 = data16.top1;
const _errs44 = errors;
if(!((typeof data18 == "number") && (isFinite(data18)))){
validate35.errors = [{instancePath:instancePath+"/agreement/top1",schemaPath:"#/properties/agreement/properties/top1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid8 = _errs44 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data16.max_abs !== undefined){
let data19 = data16.max_abs;
const _errs46 = errors;
if(!((typeof data19 == "number") && (isFinite(data19)))){
validate35.errors = [{instancePath:instancePath+"/agreement/max_abs",schemaPath:"#/properties/agreement/properties/max_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid8 = _errs46 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data16.mean_abs !== undefined){
let data20 = data16.mean_abs;
const _errs48 = errors;
if(!((typeof data20 == "number") && (isFinite(data20)))){
validate35.errors = [{instancePath:instancePath+"/agreement/mean_abs",schemaPath:"#/properties/agreement/properties/mean_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid8 = _errs48 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
}
}
else {
validate35.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs39 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.parameters !== undefined){
let data21 = data.parameters;
const _errs50 = errors;
if(!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))){
validate35.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs50){
if((typeof data21 == "number") && (isFinite(data21))){
if(data21 < 0 || isNaN(data21)){
validate35.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs50 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate35.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate35.errors = vErrors;
return errors === 0;
}
validate35.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema69 = {"type":"object","required":["mae","rmse","r2","baseline","interval","held_out","latency_ms"],"additionalProperties":false,"description":"held-out rows: errors in the target's unit, R², the same for a baseline, how often the interval held, and every held-out pair for the page's plots","properties":{"mae":{"type":"number","minimum":0},"rmse":{"type":"number","minimum":0},"r2":{"type":"number"},"baseline":{"type":"object","additionalProperties":false,"required":["kind","value","mae","rmse","r2"],"properties":{"kind":{"type":"string"},"value":{"type":"number"},"mae":{"type":"number","minimum":0},"rmse":{"type":"number","minimum":0},"r2":{"type":"number"}}},"interval":{"type":"object","additionalProperties":false,"required":["level","half_width","method","coverage","rows"],"properties":{"level":{"type":"number"},"half_width":{"type":"number","minimum":0},"method":{"type":"string"},"coverage":{"type":"number","minimum":0,"maximum":1},"rows":{"type":"integer","minimum":1}}},"held_out":{"type":"object","additionalProperties":false,"required":["actual","predicted"],"properties":{"actual":{"type":"array","items":{"type":"number"}},"predicted":{"type":"array","items":{"type":"number"}}}},"latency_ms":{"$ref":"#/$defs/latency"},"agreement":{"type":"object","additionalProperties":false,"required":["rows","max_abs","mean_abs"],"description":"this variant vs the fp32 variant on the same inputs: |Δ| of the first output, and (classifiers) the share of inputs whose top class agrees","properties":{"rows":{"type":"integer"},"top1":{"type":"number"},"max_abs":{"type":"number"},"mean_abs":{"type":"number"}}},"parameters":{"type":"integer","minimum":0}}};

function validate37(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate37.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.mae === undefined) && (missing0 = "mae")) || ((data.rmse === undefined) && (missing0 = "rmse"))) || ((data.r2 === undefined) && (missing0 = "r2"))) || ((data.baseline === undefined) && (missing0 = "baseline"))) || ((data.interval === undefined) && (missing0 = "interval"))) || ((data.held_out === undefined) && (missing0 = "held_out"))) || ((data.latency_ms === undefined) && (missing0 = "latency_ms"))){
validate37.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema69.properties, key0))){
validate37.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.mae !== undefined){
let data0 = data.mae;
const _errs2 = errors;
if(errors === _errs2){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
validate37.errors = [{instancePath:instancePath+"/mae",schemaPath:"#/properties/mae/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate37.errors = [{instancePath:instancePath+"/mae",schemaPath:"#/properties/mae/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.rmse !== undefined){
let data1 = data.rmse;
const _errs4 = errors;
if(errors === _errs4){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
validate37.errors = [{instancePath:instancePath+"/rmse",schemaPath:"#/properties/rmse/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate37.errors = [{instancePath:instancePath+"/rmse",schemaPath:"#/properties/rmse/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.r2 !== undefined){
let data2 = data.r2;
const _errs6 = errors;
if(!((typeof data2 == "number") && (isFinite(data2)))){
validate37.errors = [{instancePath:instancePath+"/r2",schemaPath:"#/properties/r2/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.baseline !== undefined){
let data3 = data.baseline;
const _errs8 = errors;
if(errors === _errs8){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
let missing1;
if((((((data3.kind === undefined) && (missing1 = "kind")) || ((data3.value === undefined) && (missing1 = "value"))) || ((data3.mae === undefined) && (missing1 = "mae"))) || ((data3.rmse === undefined) && (missing1 = "rmse"))) || ((data3.r2 === undefined) && (missing1 = "r2"))){
validate37.errors = [{instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs10 = errors;
for(const key1 in data3){
if(!(((((key1 === "kind") || (key1 === "value")) || (key1 === "mae")) || (key1 === "rmse")) || (key1 === "r2"))){
validate37.errors = [{instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs10 === errors){
if(data3.kind !== undefined){
const _errs11 = errors;
if(typeof data3.kind !== "string"){
validate37.errors = [{instancePath:instancePath+"/baseline/kind",schemaPath:"#/properties/baseline/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs11 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.value !== undefined){
let data5 = data3.value;
const _errs13 = errors;
if(!((typeof data5 == "number") && (isFinite(data5)))){
validate37.errors = [{instancePath:instancePath+"/baseline/value",schemaPath:"#/properties/baseline/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid1 = _errs13 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.mae !== undefined){
let data6 = data3.mae;
const _errs15 = errors;
if(errors === _errs15){
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
validate37.errors = [{instancePath:instancePath+"/baseline/mae",schemaPath:"#/properties/baseline/properties/mae/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate37.errors = [{instancePath:instancePath+"/baseline/mae",schemaPath:"#/properties/baseline/properties/mae/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid1 = _errs15 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.rmse !== undefined){
let data7 = data3.rmse;
const _errs17 = errors;
if(errors === _errs17){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
validate37.errors = [{instancePath:instancePath+"/baseline/rmse",schemaPath:"#/properties/baseline/properties/rmse/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate37.errors = [{instancePath:instancePath+"/baseline/rmse",schemaPath:"#/properties/baseline/properties/rmse/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid1 = _errs17 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.r2 !== undefined){
let data8 = data3.r2;
const _errs19 = errors;
if(!((typeof data8 == "number") && (isFinite(data8)))){
validate37.errors = [{instancePath:instancePath+"/baseline/r2",schemaPath:"#/properties/baseline/properties/r2/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid1 = _errs19 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
}
}
}
else {
validate37.errors = [{instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.interval !== undefined){
let data9 = data.interval;
const _errs21 = errors;
if(errors === _errs21){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
let missing2;
if((((((data9.level === undefined) && (missing2 = "level")) || ((data9.half_width === undefined) && (missing2 = "half_width"))) || ((data9.method === undefined) && (missing2 = "method"))) || ((data9.coverage === undefined) && (missing2 = "coverage"))) || ((data9.rows === undefined) && (missing2 = "rows"))){
validate37.errors = [{instancePath:instancePath+"/interval",schemaPath:"#/properties/interval/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs23 = errors;
for(const key2 in data9){
if(!(((((key2 === "level") || (key2 === "half_width")) || (key2 === "method")) || (key2 === "coverage")) || (key2 === "rows"))){
validate37.errors = [{instancePath:instancePath+"/interval",schemaPath:"#/properties/interval/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs23 === errors){
if(data9.level !== undefined){
let data10 = data9.level;
const _errs24 = errors;
if(!((typeof data10 == "number") && (isFinite(data10)))){
validate37.errors = [{instancePath:instancePath+"/interval/level",schemaPath:"#/properties/interval/properties/level/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid2 = _errs24 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data9.half_width !== undefined){
let data11 = data9.half_width;
const _errs26 = errors;
if(errors === _errs26){
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 < 0 || isNaN(data11)){
validate37.errors = [{instancePath:instancePath+"/interval/half_width",schemaPath:"#/properties/interval/properties/half_width/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate37.errors = [{instancePath:instancePath+"/interval/half_width",schemaPath:"#/properties/interval/properties/half_width/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid2 = _errs26 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data9.method !== undefined){
const _errs28 = errors;
if(typeof data9.method !== "string"){
validate37.errors = [{instancePath:instancePath+"/interval/method",schemaPath:"#/properties/interval/properties/method/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs28 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data9.coverage !== undefined){
let data13 = data9.coverage;
const _errs30 = errors;
if(errors === _errs30){
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 > 1 || isNaN(data13)){
validate37.errors = [{instancePath:instancePath+"/interval/coverage",schemaPath:"#/properties/interval/properties/coverage/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data13 < 0 || isNaN(data13)){
validate37.errors = [{instancePath:instancePath+"/interval/coverage",schemaPath:"#/properties/interval/properties/coverage/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate37.errors = [{instancePath:instancePath+"/interval/coverage",schemaPath:"#/properties/interval/properties/coverage/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid2 = _errs30 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data9.rows !== undefined){
let data14 = data9.rows;
const _errs32 = errors;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
validate37.errors = [{instancePath:instancePath+"/interval/rows",schemaPath:"#/properties/interval/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs32){
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 < 1 || isNaN(data14)){
validate37.errors = [{instancePath:instancePath+"/interval/rows",schemaPath:"#/properties/interval/properties/rows/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid2 = _errs32 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
}
else {
validate37.errors = [{instancePath:instancePath+"/interval",schemaPath:"#/properties/interval/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.held_out !== undefined){
let data15 = data.held_out;
const _errs34 = errors;
if(errors === _errs34){
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
let missing3;
if(((data15.actual === undefined) && (missing3 = "actual")) || ((data15.predicted === undefined) && (missing3 = "predicted"))){
validate37.errors = [{instancePath:instancePath+"/held_out",schemaPath:"#/properties/held_out/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs36 = errors;
for(const key3 in data15){
if(!((key3 === "actual") || (key3 === "predicted"))){
validate37.errors = [{instancePath:instancePath+"/held_out",schemaPath:"#/properties/held_out/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs36 === errors){
if(data15.actual !== undefined){
let data16 = data15.actual;
const _errs37 = errors;
if(errors === _errs37){
if(Array.isArray(data16)){
var valid4 = true;
const len0 = data16.length;
for(let i0=0; i0<len0; i0++){
let data17 = data16[i0];
const _errs39 = errors;
if(!((typeof data17 == "number") && (isFinite(data17)))){
validate37.errors = [{instancePath:instancePath+"/held_out/actual/" + i0,schemaPath:"#/properties/held_out/properties/actual/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid4 = _errs39 === errors;
if(!valid4){
break;
}
}
}
else {
validate37.errors = [{instancePath:instancePath+"/held_out/actual",schemaPath:"#/properties/held_out/properties/actual/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid3 = _errs37 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data15.predicted !== undefined){
let data18 = data15.predicted;
const _errs41 = errors;
if(errors === _errs41){
if(Array.isArray(data18)){
var valid5 = true;
const len1 = data18.length;
for(let i1=0; i1<len1; i1++){
let data19 = data18[i1];
const _errs43 = errors;
if(!((typeof data19 == "number") && (isFinite(data19)))){
validate37.errors = [{instancePath:instancePath+"/held_out/predicted/" + i1,schemaPath:"#/properties/held_out/properties/predicted/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid5 = _errs43 === errors;
if(!valid5){
break;
}
}
}
else {
validate37.errors = [{instancePath:instancePath+"/held_out/predicted",schemaPath:"#/properties/held_out/properties/predicted/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid3 = _errs41 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
else {
validate37.errors = [{instancePath:instancePath+"/held_out",schemaPath:"#/properties/held_out/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs34 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.latency_ms !== undefined){
let data20 = data.latency_ms;
const _errs45 = errors;
const _errs46 = errors;
if(errors === _errs46){
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
let missing4;
if(((((data20.p50 === undefined) && (missing4 = "p50")) || ((data20.p95 === undefined) && (missing4 = "p95"))) || ((data20.runs === undefined) && (missing4 = "runs"))) || ((data20.runtime === undefined) && (missing4 = "runtime"))){
validate37.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
const _errs48 = errors;
for(const key4 in data20){
if(!((((key4 === "p50") || (key4 === "p95")) || (key4 === "runs")) || (key4 === "runtime"))){
validate37.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs48 === errors){
if(data20.p50 !== undefined){
let data21 = data20.p50;
const _errs49 = errors;
if(!((typeof data21 == "number") && (isFinite(data21)))){
validate37.errors = [{instancePath:instancePath+"/latency_ms/p50",schemaPath:"#/$defs/latency/properties/p50/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid7 = _errs49 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data20.p95 !== undefined){
let data22 = data20.p95;
const _errs51 = errors;
if(!((typeof data22 == "number") && (isFinite(data22)))){
validate37.errors = [{instancePath:instancePath+"/latency_ms/p95",schemaPath:"#/$defs/latency/properties/p95/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid7 = _errs51 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data20.runs !== undefined){
let data23 = data20.runs;
const _errs53 = errors;
if(!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))){
validate37.errors = [{instancePath:instancePath+"/latency_ms/runs",schemaPath:"#/$defs/latency/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid7 = _errs53 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data20.runtime !== undefined){
const _errs55 = errors;
if(typeof data20.runtime !== "string"){
validate37.errors = [{instancePath:instancePath+"/latency_ms/runtime",schemaPath:"#/$defs/latency/properties/runtime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid7 = _errs55 === errors;
}
else {
var valid7 = true;
}
}
}
}
}
}
}
else {
validate37.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs45 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.agreement !== undefined){
let data25 = data.agreement;
const _errs57 = errors;
if(errors === _errs57){
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
let missing5;
if((((data25.rows === undefined) && (missing5 = "rows")) || ((data25.max_abs === undefined) && (missing5 = "max_abs"))) || ((data25.mean_abs === undefined) && (missing5 = "mean_abs"))){
validate37.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"}];
return false;
}
else {
const _errs59 = errors;
for(const key5 in data25){
if(!((((key5 === "rows") || (key5 === "top1")) || (key5 === "max_abs")) || (key5 === "mean_abs"))){
validate37.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs59 === errors){
if(data25.rows !== undefined){
let data26 = data25.rows;
const _errs60 = errors;
if(!(((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26))) && (isFinite(data26)))){
validate37.errors = [{instancePath:instancePath+"/agreement/rows",schemaPath:"#/properties/agreement/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid8 = _errs60 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data25.top1 !== undefined){
let data27 = data25.top1;
const _errs62 = errors;
if(!((typeof data27 == "number") && (isFinite(data27)))){
validate37.errors = [{instancePath:instancePath+"/agreement/top1",schemaPath:"#/properties/agreement/properties/top1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid8 = _errs62 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data25.max_abs !== undefined){
let data28 = data25.max_abs;
const _errs64 = errors;
if(!((typeof data28 == "number") && (isFinite(data28)))){
validate37.errors = [{instancePath:instancePath+"/agreement/max_abs",schemaPath:"#/properties/agreement/properties/max_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid8 = _errs64 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data25.mean_abs !== undefined){
let data29 = data25.mean_abs;
const _errs66 = errors;
if(!((typeof data29 == "number") && (isFinite(data29)))){
validate37.errors = [{instancePath:instancePath+"/agreement/mean_abs",schemaPath:"#/properties/agreement/properties/mean_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid8 = _errs66 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
}
}
else {
validate37.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs57 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.parameters !== undefined){
let data30 = data.parameters;
const _errs68 = errors;
if(!(((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30))) && (isFinite(data30)))){
validate37.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs68){
if((typeof data30 == "number") && (isFinite(data30))){
if(data30 < 0 || isNaN(data30)){
validate37.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs68 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate37.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate37.errors = vErrors;
return errors === 0;
}
validate37.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema71 = {"type":"object","additionalProperties":false,"required":["mae","mase","smape","mae_by_step","baseline","scale","origins","interval","latency_ms"],"description":"a rolling-origin back-test over the held-out tail: errors overall and per step, beside the seasonal-naive forecast, and how often each step's interval held","properties":{"mae":{"type":"number","minimum":0},"mase":{"type":"number","minimum":0},"smape":{"type":"number","minimum":0},"mae_by_step":{"type":"array","items":{"type":"number"}},"baseline":{"type":"object","additionalProperties":false,"required":["kind","season","mae","mase","smape","mae_by_step"],"properties":{"kind":{"type":"string"},"season":{"type":"integer","minimum":1},"mae":{"type":"number","minimum":0},"mase":{"type":"number","minimum":0},"smape":{"type":"number","minimum":0},"mae_by_step":{"type":"array","items":{"type":"number"}}}},"scale":{"type":"number","description":"the in-sample seasonal-naive MAE: MASE = MAE / scale"},"origins":{"type":"integer","minimum":1},"interval":{"type":"object","additionalProperties":false,"required":["level","half_widths","method","coverage","coverage_by_step"],"properties":{"level":{"type":"number"},"half_widths":{"type":"array","items":{"type":"number"}},"method":{"type":"string"},"coverage":{"type":"number","minimum":0,"maximum":1},"coverage_by_step":{"type":"array","items":{"type":"number"}}}},"latency_ms":{"$ref":"#/$defs/latency"},"agreement":{"type":"object","additionalProperties":false,"required":["rows","max_abs","mean_abs"],"description":"this variant vs the fp32 variant on the same inputs: |Δ| of the first output, and (classifiers) the share of inputs whose top class agrees","properties":{"rows":{"type":"integer"},"top1":{"type":"number"},"max_abs":{"type":"number"},"mean_abs":{"type":"number"}}},"parameters":{"type":"integer","minimum":0}}};

function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate39.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((((data.mae === undefined) && (missing0 = "mae")) || ((data.mase === undefined) && (missing0 = "mase"))) || ((data.smape === undefined) && (missing0 = "smape"))) || ((data.mae_by_step === undefined) && (missing0 = "mae_by_step"))) || ((data.baseline === undefined) && (missing0 = "baseline"))) || ((data.scale === undefined) && (missing0 = "scale"))) || ((data.origins === undefined) && (missing0 = "origins"))) || ((data.interval === undefined) && (missing0 = "interval"))) || ((data.latency_ms === undefined) && (missing0 = "latency_ms"))){
validate39.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema71.properties, key0))){
validate39.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.mae !== undefined){
let data0 = data.mae;
const _errs2 = errors;
if(errors === _errs2){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
validate39.errors = [{instancePath:instancePath+"/mae",schemaPath:"#/properties/mae/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate39.errors = [{instancePath:instancePath+"/mae",schemaPath:"#/properties/mae/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.mase !== undefined){
let data1 = data.mase;
const _errs4 = errors;
if(errors === _errs4){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
validate39.errors = [{instancePath:instancePath+"/mase",schemaPath:"#/properties/mase/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate39.errors = [{instancePath:instancePath+"/mase",schemaPath:"#/properties/mase/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.smape !== undefined){
let data2 = data.smape;
const _errs6 = errors;
if(errors === _errs6){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
validate39.errors = [{instancePath:instancePath+"/smape",schemaPath:"#/properties/smape/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate39.errors = [{instancePath:instancePath+"/smape",schemaPath:"#/properties/smape/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.mae_by_step !== undefined){
let data3 = data.mae_by_step;
const _errs8 = errors;
if(errors === _errs8){
if(Array.isArray(data3)){
var valid1 = true;
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
const _errs10 = errors;
if(!((typeof data4 == "number") && (isFinite(data4)))){
validate39.errors = [{instancePath:instancePath+"/mae_by_step/" + i0,schemaPath:"#/properties/mae_by_step/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid1 = _errs10 === errors;
if(!valid1){
break;
}
}
}
else {
validate39.errors = [{instancePath:instancePath+"/mae_by_step",schemaPath:"#/properties/mae_by_step/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.baseline !== undefined){
let data5 = data.baseline;
const _errs12 = errors;
if(errors === _errs12){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
let missing1;
if(((((((data5.kind === undefined) && (missing1 = "kind")) || ((data5.season === undefined) && (missing1 = "season"))) || ((data5.mae === undefined) && (missing1 = "mae"))) || ((data5.mase === undefined) && (missing1 = "mase"))) || ((data5.smape === undefined) && (missing1 = "smape"))) || ((data5.mae_by_step === undefined) && (missing1 = "mae_by_step"))){
validate39.errors = [{instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs14 = errors;
for(const key1 in data5){
if(!((((((key1 === "kind") || (key1 === "season")) || (key1 === "mae")) || (key1 === "mase")) || (key1 === "smape")) || (key1 === "mae_by_step"))){
validate39.errors = [{instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs14 === errors){
if(data5.kind !== undefined){
const _errs15 = errors;
if(typeof data5.kind !== "string"){
validate39.errors = [{instancePath:instancePath+"/baseline/kind",schemaPath:"#/properties/baseline/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs15 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data5.season !== undefined){
let data7 = data5.season;
const _errs17 = errors;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
validate39.errors = [{instancePath:instancePath+"/baseline/season",schemaPath:"#/properties/baseline/properties/season/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs17){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 1 || isNaN(data7)){
validate39.errors = [{instancePath:instancePath+"/baseline/season",schemaPath:"#/properties/baseline/properties/season/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid2 = _errs17 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data5.mae !== undefined){
let data8 = data5.mae;
const _errs19 = errors;
if(errors === _errs19){
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
validate39.errors = [{instancePath:instancePath+"/baseline/mae",schemaPath:"#/properties/baseline/properties/mae/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate39.errors = [{instancePath:instancePath+"/baseline/mae",schemaPath:"#/properties/baseline/properties/mae/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid2 = _errs19 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data5.mase !== undefined){
let data9 = data5.mase;
const _errs21 = errors;
if(errors === _errs21){
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 0 || isNaN(data9)){
validate39.errors = [{instancePath:instancePath+"/baseline/mase",schemaPath:"#/properties/baseline/properties/mase/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate39.errors = [{instancePath:instancePath+"/baseline/mase",schemaPath:"#/properties/baseline/properties/mase/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid2 = _errs21 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data5.smape !== undefined){
let data10 = data5.smape;
const _errs23 = errors;
if(errors === _errs23){
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
validate39.errors = [{instancePath:instancePath+"/baseline/smape",schemaPath:"#/properties/baseline/properties/smape/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate39.errors = [{instancePath:instancePath+"/baseline/smape",schemaPath:"#/properties/baseline/properties/smape/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid2 = _errs23 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data5.mae_by_step !== undefined){
let data11 = data5.mae_by_step;
const _errs25 = errors;
if(errors === _errs25){
if(Array.isArray(data11)){
var valid3 = true;
const len1 = data11.length;
for(let i1=0; i1<len1; i1++){
let data12 = data11[i1];
const _errs27 = errors;
if(!((typeof data12 == "number") && (isFinite(data12)))){
validate39.errors = [{instancePath:instancePath+"/baseline/mae_by_step/" + i1,schemaPath:"#/properties/baseline/properties/mae_by_step/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs27 === errors;
if(!valid3){
break;
}
}
}
else {
validate39.errors = [{instancePath:instancePath+"/baseline/mae_by_step",schemaPath:"#/properties/baseline/properties/mae_by_step/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs25 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
}
}
else {
validate39.errors = [{instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.scale !== undefined){
let data13 = data.scale;
const _errs29 = errors;
if(!((typeof data13 == "number") && (isFinite(data13)))){
validate39.errors = [{instancePath:instancePath+"/scale",schemaPath:"#/properties/scale/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.origins !== undefined){
let data14 = data.origins;
const _errs31 = errors;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
validate39.errors = [{instancePath:instancePath+"/origins",schemaPath:"#/properties/origins/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs31){
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 < 1 || isNaN(data14)){
validate39.errors = [{instancePath:instancePath+"/origins",schemaPath:"#/properties/origins/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs31 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.interval !== undefined){
let data15 = data.interval;
const _errs33 = errors;
if(errors === _errs33){
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
let missing2;
if((((((data15.level === undefined) && (missing2 = "level")) || ((data15.half_widths === undefined) && (missing2 = "half_widths"))) || ((data15.method === undefined) && (missing2 = "method"))) || ((data15.coverage === undefined) && (missing2 = "coverage"))) || ((data15.coverage_by_step === undefined) && (missing2 = "coverage_by_step"))){
validate39.errors = [{instancePath:instancePath+"/interval",schemaPath:"#/properties/interval/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs35 = errors;
for(const key2 in data15){
if(!(((((key2 === "level") || (key2 === "half_widths")) || (key2 === "method")) || (key2 === "coverage")) || (key2 === "coverage_by_step"))){
validate39.errors = [{instancePath:instancePath+"/interval",schemaPath:"#/properties/interval/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs35 === errors){
if(data15.level !== undefined){
let data16 = data15.level;
const _errs36 = errors;
if(!((typeof data16 == "number") && (isFinite(data16)))){
validate39.errors = [{instancePath:instancePath+"/interval/level",schemaPath:"#/properties/interval/properties/level/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid4 = _errs36 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data15.half_widths !== undefined){
let data17 = data15.half_widths;
const _errs38 = errors;
if(errors === _errs38){
if(Array.isArray(data17)){
var valid5 = true;
const len2 = data17.length;
for(let i2=0; i2<len2; i2++){
let data18 = data17[i2];
const _errs40 = errors;
if(!((typeof data18 == "number") && (isFinite(data18)))){
validate39.errors = [{instancePath:instancePath+"/interval/half_widths/" + i2,schemaPath:"#/properties/interval/properties/half_widths/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid5 = _errs40 === errors;
if(!valid5){
break;
}
}
}
else {
validate39.errors = [{instancePath:instancePath+"/interval/half_widths",schemaPath:"#/properties/interval/properties/half_widths/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid4 = _errs38 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data15.method !== undefined){
const _errs42 = errors;
if(typeof data15.method !== "string"){
validate39.errors = [{instancePath:instancePath+"/interval/method",schemaPath:"#/properties/interval/properties/method/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid4 = _errs42 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data15.coverage !== undefined){
let data20 = data15.coverage;
const _errs44 = errors;
if(errors === _errs44){
if((typeof data20 == "number") && (isFinite(data20))){
if(data20 > 1 || isNaN(data20)){
validate39.errors = [{instancePath:instancePath+"/interval/coverage",schemaPath:"#/properties/interval/properties/coverage/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data20 < 0 || isNaN(data20)){
validate39.errors = [{instancePath:instancePath+"/interval/coverage",schemaPath:"#/properties/interval/properties/coverage/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate39.errors = [{instancePath:instancePath+"/interval/coverage",schemaPath:"#/properties/interval/properties/coverage/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid4 = _errs44 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data15.coverage_by_step !== undefined){
let data21 = data15.coverage_by_step;
const _errs46 = errors;
if(errors === _errs46){
if(Array.isArray(data21)){
var valid6 = true;
const len3 = data21.length;
for(let i3=0; i3<len3; i3++){
let data22 = data21[i3];
const _errs48 = errors;
if(!((typeof data22 == "number") && (isFinite(data22)))){
validate39.errors = [{instancePath:instancePath+"/interval/coverage_by_step/" + i3,schemaPath:"#/properties/interval/properties/coverage_by_step/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid6 = _errs48 === errors;
if(!valid6){
break;
}
}
}
else {
validate39.errors = [{instancePath:instancePath+"/interval/coverage_by_step",schemaPath:"#/properties/interval/properties/coverage_by_step/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid4 = _errs46 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
}
}
}
else {
validate39.errors = [{instancePath:instancePath+"/interval",schemaPath:"#/properties/interval/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs33 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.latency_ms !== undefined){
let data23 = data.latency_ms;
const _errs50 = errors;
const _errs51 = errors;
if(errors === _errs51){
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
let missing3;
if(((((data23.p50 === undefined) && (missing3 = "p50")) || ((data23.p95 === undefined) && (missing3 = "p95"))) || ((data23.runs === undefined) && (missing3 = "runs"))) || ((data23.runtime === undefined) && (missing3 = "runtime"))){
validate39.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs53 = errors;
for(const key3 in data23){
if(!((((key3 === "p50") || (key3 === "p95")) || (key3 === "runs")) || (key3 === "runtime"))){
validate39.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs53 === errors){
if(data23.p50 !== undefined){
let data24 = data23.p50;
const _errs54 = errors;
if(!((typeof data24 == "number") && (isFinite(data24)))){
validate39.errors = [{instancePath:instancePath+"/latency_ms/p50",schemaPath:"#/$defs/latency/properties/p50/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid8 = _errs54 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data23.p95 !== undefined){
let data25 = data23.p95;
const _errs56 = errors;
if(!((typeof data25 == "number") && (isFinite(data25)))){
validate39.errors = [{instancePath:instancePath+"/latency_ms/p95",schemaPath:"#/$defs/latency/properties/p95/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid8 = _errs56 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data23.runs !== undefined){
let data26 = data23.runs;
const _errs58 = errors;
if(!(((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26))) && (isFinite(data26)))){
validate39.errors = [{instancePath:instancePath+"/latency_ms/runs",schemaPath:"#/$defs/latency/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid8 = _errs58 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data23.runtime !== undefined){
const _errs60 = errors;
if(typeof data23.runtime !== "string"){
validate39.errors = [{instancePath:instancePath+"/latency_ms/runtime",schemaPath:"#/$defs/latency/properties/runtime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid8 = _errs60 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
}
}
else {
validate39.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs50 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.agreement !== undefined){
let data28 = data.agreement;
const _errs62 = errors;
if(errors === _errs62){
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
let missing4;
if((((data28.rows === undefined) && (missing4 = "rows")) || ((data28.max_abs === undefined) && (missing4 = "max_abs"))) || ((data28.mean_abs === undefined) && (missing4 = "mean_abs"))){
validate39.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
const _errs64 = errors;
for(const key4 in data28){
if(!((((key4 === "rows") || (key4 === "top1")) || (key4 === "max_abs")) || (key4 === "mean_abs"))){
validate39.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs64 === errors){
if(data28.rows !== undefined){
let data29 = data28.rows;
const _errs65 = errors;
if(!(((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29))) && (isFinite(data29)))){
validate39.errors = [{instancePath:instancePath+"/agreement/rows",schemaPath:"#/properties/agreement/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid9 = _errs65 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data28.top1 !== undefined){
let data30 = data28.top1;
const _errs67 = errors;
if(!((typeof data30 == "number") && (isFinite(data30)))){
validate39.errors = [{instancePath:instancePath+"/agreement/top1",schemaPath:"#/properties/agreement/properties/top1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid9 = _errs67 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data28.max_abs !== undefined){
let data31 = data28.max_abs;
const _errs69 = errors;
if(!((typeof data31 == "number") && (isFinite(data31)))){
validate39.errors = [{instancePath:instancePath+"/agreement/max_abs",schemaPath:"#/properties/agreement/properties/max_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid9 = _errs69 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data28.mean_abs !== undefined){
let data32 = data28.mean_abs;
const _errs71 = errors;
if(!((typeof data32 == "number") && (isFinite(data32)))){
validate39.errors = [{instancePath:instancePath+"/agreement/mean_abs",schemaPath:"#/properties/agreement/properties/mean_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid9 = _errs71 === errors;
}
else {
var valid9 = true;
}
}
}
}
}
}
}
else {
validate39.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs62 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.parameters !== undefined){
let data33 = data.parameters;
const _errs73 = errors;
if(!(((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33))) && (isFinite(data33)))){
validate39.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs73){
if((typeof data33 == "number") && (isFinite(data33))){
if(data33 < 0 || isNaN(data33)){
validate39.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs73 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate39.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate39.errors = vErrors;
return errors === 0;
}
validate39.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate41(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate41.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((data.roc_auc === undefined) && (missing0 = "roc_auc")) || ((data.average_precision === undefined) && (missing0 = "average_precision"))) || ((data.prevalence === undefined) && (missing0 = "prevalence"))) || ((data.at_threshold === undefined) && (missing0 = "at_threshold"))) || ((data.curve === undefined) && (missing0 = "curve"))) || ((data.latency_ms === undefined) && (missing0 = "latency_ms"))){
validate41.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "roc_auc") || (key0 === "average_precision")) || (key0 === "prevalence")) || (key0 === "at_threshold")) || (key0 === "curve")) || (key0 === "latency_ms")) || (key0 === "agreement")) || (key0 === "parameters"))){
validate41.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.roc_auc !== undefined){
let data0 = data.roc_auc;
const _errs2 = errors;
if(errors === _errs2){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 1 || isNaN(data0)){
validate41.errors = [{instancePath:instancePath+"/roc_auc",schemaPath:"#/properties/roc_auc/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data0 < 0 || isNaN(data0)){
validate41.errors = [{instancePath:instancePath+"/roc_auc",schemaPath:"#/properties/roc_auc/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate41.errors = [{instancePath:instancePath+"/roc_auc",schemaPath:"#/properties/roc_auc/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.average_precision !== undefined){
let data1 = data.average_precision;
const _errs4 = errors;
if(errors === _errs4){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
validate41.errors = [{instancePath:instancePath+"/average_precision",schemaPath:"#/properties/average_precision/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data1 < 0 || isNaN(data1)){
validate41.errors = [{instancePath:instancePath+"/average_precision",schemaPath:"#/properties/average_precision/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate41.errors = [{instancePath:instancePath+"/average_precision",schemaPath:"#/properties/average_precision/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.prevalence !== undefined){
let data2 = data.prevalence;
const _errs6 = errors;
if(errors === _errs6){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 1 || isNaN(data2)){
validate41.errors = [{instancePath:instancePath+"/prevalence",schemaPath:"#/properties/prevalence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data2 < 0 || isNaN(data2)){
validate41.errors = [{instancePath:instancePath+"/prevalence",schemaPath:"#/properties/prevalence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate41.errors = [{instancePath:instancePath+"/prevalence",schemaPath:"#/properties/prevalence/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.at_threshold !== undefined){
let data3 = data.at_threshold;
const _errs8 = errors;
if(errors === _errs8){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
let missing1;
if(((((((data3.threshold === undefined) && (missing1 = "threshold")) || ((data3.precision === undefined) && (missing1 = "precision"))) || ((data3.recall === undefined) && (missing1 = "recall"))) || ((data3.flagged === undefined) && (missing1 = "flagged"))) || ((data3.anomalies === undefined) && (missing1 = "anomalies"))) || ((data3.rows === undefined) && (missing1 = "rows"))){
validate41.errors = [{instancePath:instancePath+"/at_threshold",schemaPath:"#/properties/at_threshold/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs10 = errors;
for(const key1 in data3){
if(!((((((key1 === "threshold") || (key1 === "precision")) || (key1 === "recall")) || (key1 === "flagged")) || (key1 === "anomalies")) || (key1 === "rows"))){
validate41.errors = [{instancePath:instancePath+"/at_threshold",schemaPath:"#/properties/at_threshold/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs10 === errors){
if(data3.threshold !== undefined){
let data4 = data3.threshold;
const _errs11 = errors;
if(!((typeof data4 == "number") && (isFinite(data4)))){
validate41.errors = [{instancePath:instancePath+"/at_threshold/threshold",schemaPath:"#/properties/at_threshold/properties/threshold/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid1 = _errs11 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.precision !== undefined){
let data5 = data3.precision;
const _errs13 = errors;
if(!((typeof data5 == "number") && (isFinite(data5)))){
validate41.errors = [{instancePath:instancePath+"/at_threshold/precision",schemaPath:"#/properties/at_threshold/properties/precision/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid1 = _errs13 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.recall !== undefined){
let data6 = data3.recall;
const _errs15 = errors;
if(!((typeof data6 == "number") && (isFinite(data6)))){
validate41.errors = [{instancePath:instancePath+"/at_threshold/recall",schemaPath:"#/properties/at_threshold/properties/recall/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid1 = _errs15 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.flagged !== undefined){
let data7 = data3.flagged;
const _errs17 = errors;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
validate41.errors = [{instancePath:instancePath+"/at_threshold/flagged",schemaPath:"#/properties/at_threshold/properties/flagged/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid1 = _errs17 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.anomalies !== undefined){
let data8 = data3.anomalies;
const _errs19 = errors;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
validate41.errors = [{instancePath:instancePath+"/at_threshold/anomalies",schemaPath:"#/properties/at_threshold/properties/anomalies/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid1 = _errs19 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.rows !== undefined){
let data9 = data3.rows;
const _errs21 = errors;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
validate41.errors = [{instancePath:instancePath+"/at_threshold/rows",schemaPath:"#/properties/at_threshold/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid1 = _errs21 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
}
}
}
}
else {
validate41.errors = [{instancePath:instancePath+"/at_threshold",schemaPath:"#/properties/at_threshold/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.curve !== undefined){
let data10 = data.curve;
const _errs23 = errors;
if(errors === _errs23){
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
let missing2;
if((((data10.threshold === undefined) && (missing2 = "threshold")) || ((data10.precision === undefined) && (missing2 = "precision"))) || ((data10.recall === undefined) && (missing2 = "recall"))){
validate41.errors = [{instancePath:instancePath+"/curve",schemaPath:"#/properties/curve/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs25 = errors;
for(const key2 in data10){
if(!(((key2 === "threshold") || (key2 === "precision")) || (key2 === "recall"))){
validate41.errors = [{instancePath:instancePath+"/curve",schemaPath:"#/properties/curve/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs25 === errors){
if(data10.threshold !== undefined){
let data11 = data10.threshold;
const _errs26 = errors;
if(errors === _errs26){
if(Array.isArray(data11)){
var valid3 = true;
const len0 = data11.length;
for(let i0=0; i0<len0; i0++){
let data12 = data11[i0];
const _errs28 = errors;
if(!((typeof data12 == "number") && (isFinite(data12)))){
validate41.errors = [{instancePath:instancePath+"/curve/threshold/" + i0,schemaPath:"#/properties/curve/properties/threshold/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs28 === errors;
if(!valid3){
break;
}
}
}
else {
validate41.errors = [{instancePath:instancePath+"/curve/threshold",schemaPath:"#/properties/curve/properties/threshold/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs26 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data10.precision !== undefined){
let data13 = data10.precision;
const _errs30 = errors;
if(errors === _errs30){
if(Array.isArray(data13)){
var valid4 = true;
const len1 = data13.length;
for(let i1=0; i1<len1; i1++){
let data14 = data13[i1];
const _errs32 = errors;
if(!((typeof data14 == "number") && (isFinite(data14)))){
validate41.errors = [{instancePath:instancePath+"/curve/precision/" + i1,schemaPath:"#/properties/curve/properties/precision/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid4 = _errs32 === errors;
if(!valid4){
break;
}
}
}
else {
validate41.errors = [{instancePath:instancePath+"/curve/precision",schemaPath:"#/properties/curve/properties/precision/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs30 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data10.recall !== undefined){
let data15 = data10.recall;
const _errs34 = errors;
if(errors === _errs34){
if(Array.isArray(data15)){
var valid5 = true;
const len2 = data15.length;
for(let i2=0; i2<len2; i2++){
let data16 = data15[i2];
const _errs36 = errors;
if(!((typeof data16 == "number") && (isFinite(data16)))){
validate41.errors = [{instancePath:instancePath+"/curve/recall/" + i2,schemaPath:"#/properties/curve/properties/recall/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid5 = _errs36 === errors;
if(!valid5){
break;
}
}
}
else {
validate41.errors = [{instancePath:instancePath+"/curve/recall",schemaPath:"#/properties/curve/properties/recall/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs34 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
else {
validate41.errors = [{instancePath:instancePath+"/curve",schemaPath:"#/properties/curve/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.latency_ms !== undefined){
let data17 = data.latency_ms;
const _errs38 = errors;
const _errs39 = errors;
if(errors === _errs39){
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
let missing3;
if(((((data17.p50 === undefined) && (missing3 = "p50")) || ((data17.p95 === undefined) && (missing3 = "p95"))) || ((data17.runs === undefined) && (missing3 = "runs"))) || ((data17.runtime === undefined) && (missing3 = "runtime"))){
validate41.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs41 = errors;
for(const key3 in data17){
if(!((((key3 === "p50") || (key3 === "p95")) || (key3 === "runs")) || (key3 === "runtime"))){
validate41.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs41 === errors){
if(data17.p50 !== undefined){
let data18 = data17.p50;
const _errs42 = errors;
if(!((typeof data18 == "number") && (isFinite(data18)))){
validate41.errors = [{instancePath:instancePath+"/latency_ms/p50",schemaPath:"#/$defs/latency/properties/p50/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid7 = _errs42 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data17.p95 !== undefined){
let data19 = data17.p95;
const _errs44 = errors;
if(!((typeof data19 == "number") && (isFinite(data19)))){
validate41.errors = [{instancePath:instancePath+"/latency_ms/p95",schemaPath:"#/$defs/latency/properties/p95/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid7 = _errs44 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data17.runs !== undefined){
let data20 = data17.runs;
const _errs46 = errors;
if(!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))){
validate41.errors = [{instancePath:instancePath+"/latency_ms/runs",schemaPath:"#/$defs/latency/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid7 = _errs46 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data17.runtime !== undefined){
const _errs48 = errors;
if(typeof data17.runtime !== "string"){
validate41.errors = [{instancePath:instancePath+"/latency_ms/runtime",schemaPath:"#/$defs/latency/properties/runtime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid7 = _errs48 === errors;
}
else {
var valid7 = true;
}
}
}
}
}
}
}
else {
validate41.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs38 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.agreement !== undefined){
let data22 = data.agreement;
const _errs50 = errors;
if(errors === _errs50){
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
let missing4;
if((((data22.rows === undefined) && (missing4 = "rows")) || ((data22.max_abs === undefined) && (missing4 = "max_abs"))) || ((data22.mean_abs === undefined) && (missing4 = "mean_abs"))){
validate41.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
const _errs52 = errors;
for(const key4 in data22){
if(!((((key4 === "rows") || (key4 === "top1")) || (key4 === "max_abs")) || (key4 === "mean_abs"))){
validate41.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs52 === errors){
if(data22.rows !== undefined){
let data23 = data22.rows;
const _errs53 = errors;
if(!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))){
validate41.errors = [{instancePath:instancePath+"/agreement/rows",schemaPath:"#/properties/agreement/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid8 = _errs53 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data22.top1 !== undefined){
let data24 = data22.top1;
const _errs55 = errors;
if(!((typeof data24 == "number") && (isFinite(data24)))){
validate41.errors = [{instancePath:instancePath+"/agreement/top1",schemaPath:"#/properties/agreement/properties/top1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid8 = _errs55 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data22.max_abs !== undefined){
let data25 = data22.max_abs;
const _errs57 = errors;
if(!((typeof data25 == "number") && (isFinite(data25)))){
validate41.errors = [{instancePath:instancePath+"/agreement/max_abs",schemaPath:"#/properties/agreement/properties/max_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid8 = _errs57 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data22.mean_abs !== undefined){
let data26 = data22.mean_abs;
const _errs59 = errors;
if(!((typeof data26 == "number") && (isFinite(data26)))){
validate41.errors = [{instancePath:instancePath+"/agreement/mean_abs",schemaPath:"#/properties/agreement/properties/mean_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid8 = _errs59 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
}
}
else {
validate41.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs50 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.parameters !== undefined){
let data27 = data.parameters;
const _errs61 = errors;
if(!(((typeof data27 == "number") && (!(data27 % 1) && !isNaN(data27))) && (isFinite(data27)))){
validate41.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs61){
if((typeof data27 == "number") && (isFinite(data27))){
if(data27 < 0 || isNaN(data27)){
validate41.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs61 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate41.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate41.errors = vErrors;
return errors === 0;
}
validate41.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate43(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate43.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.images === undefined) && (missing0 = "images")) || ((data.top1 === undefined) && (missing0 = "top1"))) || ((data.top5 === undefined) && (missing0 = "top5"))) || ((data.latency_ms === undefined) && (missing0 = "latency_ms"))){
validate43.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((((key0 === "images") || (key0 === "top1")) || (key0 === "top5")) || (key0 === "per_image")) || (key0 === "latency_ms")) || (key0 === "agreement")) || (key0 === "parameters"))){
validate43.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.images !== undefined){
let data0 = data.images;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate43.errors = [{instancePath:instancePath+"/images",schemaPath:"#/properties/images/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs2){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 1 || isNaN(data0)){
validate43.errors = [{instancePath:instancePath+"/images",schemaPath:"#/properties/images/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.top1 !== undefined){
let data1 = data.top1;
const _errs4 = errors;
if(errors === _errs4){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
validate43.errors = [{instancePath:instancePath+"/top1",schemaPath:"#/properties/top1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data1 < 0 || isNaN(data1)){
validate43.errors = [{instancePath:instancePath+"/top1",schemaPath:"#/properties/top1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate43.errors = [{instancePath:instancePath+"/top1",schemaPath:"#/properties/top1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.top5 !== undefined){
let data2 = data.top5;
const _errs6 = errors;
if(errors === _errs6){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 1 || isNaN(data2)){
validate43.errors = [{instancePath:instancePath+"/top5",schemaPath:"#/properties/top5/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data2 < 0 || isNaN(data2)){
validate43.errors = [{instancePath:instancePath+"/top5",schemaPath:"#/properties/top5/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate43.errors = [{instancePath:instancePath+"/top5",schemaPath:"#/properties/top5/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.per_image !== undefined){
let data3 = data.per_image;
const _errs8 = errors;
if(errors === _errs8){
if(Array.isArray(data3)){
var valid1 = true;
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
const _errs10 = errors;
if(!(data4 && typeof data4 == "object" && !Array.isArray(data4))){
validate43.errors = [{instancePath:instancePath+"/per_image/" + i0,schemaPath:"#/properties/per_image/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
var valid1 = _errs10 === errors;
if(!valid1){
break;
}
}
}
else {
validate43.errors = [{instancePath:instancePath+"/per_image",schemaPath:"#/properties/per_image/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.latency_ms !== undefined){
let data5 = data.latency_ms;
const _errs12 = errors;
const _errs13 = errors;
if(errors === _errs13){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
let missing1;
if(((((data5.p50 === undefined) && (missing1 = "p50")) || ((data5.p95 === undefined) && (missing1 = "p95"))) || ((data5.runs === undefined) && (missing1 = "runs"))) || ((data5.runtime === undefined) && (missing1 = "runtime"))){
validate43.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs15 = errors;
for(const key1 in data5){
if(!((((key1 === "p50") || (key1 === "p95")) || (key1 === "runs")) || (key1 === "runtime"))){
validate43.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs15 === errors){
if(data5.p50 !== undefined){
let data6 = data5.p50;
const _errs16 = errors;
if(!((typeof data6 == "number") && (isFinite(data6)))){
validate43.errors = [{instancePath:instancePath+"/latency_ms/p50",schemaPath:"#/$defs/latency/properties/p50/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs16 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data5.p95 !== undefined){
let data7 = data5.p95;
const _errs18 = errors;
if(!((typeof data7 == "number") && (isFinite(data7)))){
validate43.errors = [{instancePath:instancePath+"/latency_ms/p95",schemaPath:"#/$defs/latency/properties/p95/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs18 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data5.runs !== undefined){
let data8 = data5.runs;
const _errs20 = errors;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
validate43.errors = [{instancePath:instancePath+"/latency_ms/runs",schemaPath:"#/$defs/latency/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid3 = _errs20 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data5.runtime !== undefined){
const _errs22 = errors;
if(typeof data5.runtime !== "string"){
validate43.errors = [{instancePath:instancePath+"/latency_ms/runtime",schemaPath:"#/$defs/latency/properties/runtime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs22 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
}
else {
validate43.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.agreement !== undefined){
let data10 = data.agreement;
const _errs24 = errors;
if(errors === _errs24){
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
let missing2;
if((((data10.rows === undefined) && (missing2 = "rows")) || ((data10.max_abs === undefined) && (missing2 = "max_abs"))) || ((data10.mean_abs === undefined) && (missing2 = "mean_abs"))){
validate43.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs26 = errors;
for(const key2 in data10){
if(!((((key2 === "rows") || (key2 === "top1")) || (key2 === "max_abs")) || (key2 === "mean_abs"))){
validate43.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs26 === errors){
if(data10.rows !== undefined){
let data11 = data10.rows;
const _errs27 = errors;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
validate43.errors = [{instancePath:instancePath+"/agreement/rows",schemaPath:"#/properties/agreement/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid4 = _errs27 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data10.top1 !== undefined){
let data12 = data10.top1;
const _errs29 = errors;
if(!((typeof data12 == "number") && (isFinite(data12)))){
validate43.errors = [{instancePath:instancePath+"/agreement/top1",schemaPath:"#/properties/agreement/properties/top1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid4 = _errs29 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data10.max_abs !== undefined){
let data13 = data10.max_abs;
const _errs31 = errors;
if(!((typeof data13 == "number") && (isFinite(data13)))){
validate43.errors = [{instancePath:instancePath+"/agreement/max_abs",schemaPath:"#/properties/agreement/properties/max_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid4 = _errs31 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data10.mean_abs !== undefined){
let data14 = data10.mean_abs;
const _errs33 = errors;
if(!((typeof data14 == "number") && (isFinite(data14)))){
validate43.errors = [{instancePath:instancePath+"/agreement/mean_abs",schemaPath:"#/properties/agreement/properties/mean_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid4 = _errs33 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
}
}
else {
validate43.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs24 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.parameters !== undefined){
let data15 = data.parameters;
const _errs35 = errors;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
validate43.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs35){
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 < 0 || isNaN(data15)){
validate43.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs35 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate43.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate43.errors = vErrors;
return errors === 0;
}
validate43.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate45(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate45.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.images === undefined) && (missing0 = "images")) || ((data.ap50 === undefined) && (missing0 = "ap50"))) || ((data.latency_ms === undefined) && (missing0 = "latency_ms"))){
validate45.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "images") || (key0 === "ap50")) || (key0 === "latency_ms")) || (key0 === "agreement")) || (key0 === "parameters")) || (key0 === "recall")) || (key0 === "precision")) || (key0 === "per_image"))){
validate45.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.images !== undefined){
let data0 = data.images;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate45.errors = [{instancePath:instancePath+"/images",schemaPath:"#/properties/images/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ap50 !== undefined){
let data1 = data.ap50;
const _errs4 = errors;
if(!((typeof data1 == "number") && (isFinite(data1)))){
validate45.errors = [{instancePath:instancePath+"/ap50",schemaPath:"#/properties/ap50/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.latency_ms !== undefined){
let data2 = data.latency_ms;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing1;
if(((((data2.p50 === undefined) && (missing1 = "p50")) || ((data2.p95 === undefined) && (missing1 = "p95"))) || ((data2.runs === undefined) && (missing1 = "runs"))) || ((data2.runtime === undefined) && (missing1 = "runtime"))){
validate45.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs9 = errors;
for(const key1 in data2){
if(!((((key1 === "p50") || (key1 === "p95")) || (key1 === "runs")) || (key1 === "runtime"))){
validate45.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs9 === errors){
if(data2.p50 !== undefined){
let data3 = data2.p50;
const _errs10 = errors;
if(!((typeof data3 == "number") && (isFinite(data3)))){
validate45.errors = [{instancePath:instancePath+"/latency_ms/p50",schemaPath:"#/$defs/latency/properties/p50/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid2 = _errs10 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.p95 !== undefined){
let data4 = data2.p95;
const _errs12 = errors;
if(!((typeof data4 == "number") && (isFinite(data4)))){
validate45.errors = [{instancePath:instancePath+"/latency_ms/p95",schemaPath:"#/$defs/latency/properties/p95/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid2 = _errs12 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.runs !== undefined){
let data5 = data2.runs;
const _errs14 = errors;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
validate45.errors = [{instancePath:instancePath+"/latency_ms/runs",schemaPath:"#/$defs/latency/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid2 = _errs14 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.runtime !== undefined){
const _errs16 = errors;
if(typeof data2.runtime !== "string"){
validate45.errors = [{instancePath:instancePath+"/latency_ms/runtime",schemaPath:"#/$defs/latency/properties/runtime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs16 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
else {
validate45.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.agreement !== undefined){
let data7 = data.agreement;
const _errs18 = errors;
if(errors === _errs18){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
let missing2;
if((((data7.rows === undefined) && (missing2 = "rows")) || ((data7.max_abs === undefined) && (missing2 = "max_abs"))) || ((data7.mean_abs === undefined) && (missing2 = "mean_abs"))){
validate45.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs20 = errors;
for(const key2 in data7){
if(!((((key2 === "rows") || (key2 === "top1")) || (key2 === "max_abs")) || (key2 === "mean_abs"))){
validate45.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs20 === errors){
if(data7.rows !== undefined){
let data8 = data7.rows;
const _errs21 = errors;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
validate45.errors = [{instancePath:instancePath+"/agreement/rows",schemaPath:"#/properties/agreement/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid3 = _errs21 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data7.top1 !== undefined){
let data9 = data7.top1;
const _errs23 = errors;
if(!((typeof data9 == "number") && (isFinite(data9)))){
validate45.errors = [{instancePath:instancePath+"/agreement/top1",schemaPath:"#/properties/agreement/properties/top1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs23 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data7.max_abs !== undefined){
let data10 = data7.max_abs;
const _errs25 = errors;
if(!((typeof data10 == "number") && (isFinite(data10)))){
validate45.errors = [{instancePath:instancePath+"/agreement/max_abs",schemaPath:"#/properties/agreement/properties/max_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs25 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data7.mean_abs !== undefined){
let data11 = data7.mean_abs;
const _errs27 = errors;
if(!((typeof data11 == "number") && (isFinite(data11)))){
validate45.errors = [{instancePath:instancePath+"/agreement/mean_abs",schemaPath:"#/properties/agreement/properties/mean_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs27 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
}
else {
validate45.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.parameters !== undefined){
let data12 = data.parameters;
const _errs29 = errors;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
validate45.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs29){
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 < 0 || isNaN(data12)){
validate45.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.recall !== undefined){
let data13 = data.recall;
const _errs31 = errors;
if(!((typeof data13 == "number") && (isFinite(data13)))){
validate45.errors = [{instancePath:instancePath+"/recall",schemaPath:"#/properties/recall/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid0 = _errs31 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.precision !== undefined){
let data14 = data.precision;
const _errs33 = errors;
if(!((typeof data14 == "number") && (isFinite(data14)))){
validate45.errors = [{instancePath:instancePath+"/precision",schemaPath:"#/properties/precision/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid0 = _errs33 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.per_image !== undefined){
let data15 = data.per_image;
const _errs35 = errors;
if(errors === _errs35){
if(Array.isArray(data15)){
var valid4 = true;
const len0 = data15.length;
for(let i0=0; i0<len0; i0++){
let data16 = data15[i0];
const _errs37 = errors;
if(!(data16 && typeof data16 == "object" && !Array.isArray(data16))){
validate45.errors = [{instancePath:instancePath+"/per_image/" + i0,schemaPath:"#/properties/per_image/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
var valid4 = _errs37 === errors;
if(!valid4){
break;
}
}
}
else {
validate45.errors = [{instancePath:instancePath+"/per_image",schemaPath:"#/properties/per_image/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs35 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate45.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate45.errors = vErrors;
return errors === 0;
}
validate45.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate47(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate47.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((data.questions === undefined) && (missing0 = "questions")) || ((data.hit_at_10 === undefined) && (missing0 = "hit_at_10"))) || ((data.mrr === undefined) && (missing0 = "mrr"))) || ((data.documents === undefined) && (missing0 = "documents"))) || ((data.latency_ms === undefined) && (missing0 = "latency_ms"))){
validate47.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "questions") || (key0 === "hit_at_10")) || (key0 === "mrr")) || (key0 === "documents")) || (key0 === "per_question")) || (key0 === "latency_ms")) || (key0 === "agreement")) || (key0 === "parameters"))){
validate47.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.questions !== undefined){
let data0 = data.questions;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate47.errors = [{instancePath:instancePath+"/questions",schemaPath:"#/properties/questions/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs2){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 1 || isNaN(data0)){
validate47.errors = [{instancePath:instancePath+"/questions",schemaPath:"#/properties/questions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.hit_at_10 !== undefined){
let data1 = data.hit_at_10;
const _errs4 = errors;
if(errors === _errs4){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
validate47.errors = [{instancePath:instancePath+"/hit_at_10",schemaPath:"#/properties/hit_at_10/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data1 < 0 || isNaN(data1)){
validate47.errors = [{instancePath:instancePath+"/hit_at_10",schemaPath:"#/properties/hit_at_10/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate47.errors = [{instancePath:instancePath+"/hit_at_10",schemaPath:"#/properties/hit_at_10/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.mrr !== undefined){
let data2 = data.mrr;
const _errs6 = errors;
if(errors === _errs6){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 1 || isNaN(data2)){
validate47.errors = [{instancePath:instancePath+"/mrr",schemaPath:"#/properties/mrr/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data2 < 0 || isNaN(data2)){
validate47.errors = [{instancePath:instancePath+"/mrr",schemaPath:"#/properties/mrr/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate47.errors = [{instancePath:instancePath+"/mrr",schemaPath:"#/properties/mrr/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.documents !== undefined){
let data3 = data.documents;
const _errs8 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate47.errors = [{instancePath:instancePath+"/documents",schemaPath:"#/properties/documents/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs8){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
validate47.errors = [{instancePath:instancePath+"/documents",schemaPath:"#/properties/documents/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.per_question !== undefined){
let data4 = data.per_question;
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data4)){
var valid1 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
const _errs12 = errors;
if(!(data5 && typeof data5 == "object" && !Array.isArray(data5))){
validate47.errors = [{instancePath:instancePath+"/per_question/" + i0,schemaPath:"#/properties/per_question/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
var valid1 = _errs12 === errors;
if(!valid1){
break;
}
}
}
else {
validate47.errors = [{instancePath:instancePath+"/per_question",schemaPath:"#/properties/per_question/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.latency_ms !== undefined){
let data6 = data.latency_ms;
const _errs14 = errors;
const _errs15 = errors;
if(errors === _errs15){
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
let missing1;
if(((((data6.p50 === undefined) && (missing1 = "p50")) || ((data6.p95 === undefined) && (missing1 = "p95"))) || ((data6.runs === undefined) && (missing1 = "runs"))) || ((data6.runtime === undefined) && (missing1 = "runtime"))){
validate47.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs17 = errors;
for(const key1 in data6){
if(!((((key1 === "p50") || (key1 === "p95")) || (key1 === "runs")) || (key1 === "runtime"))){
validate47.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs17 === errors){
if(data6.p50 !== undefined){
let data7 = data6.p50;
const _errs18 = errors;
if(!((typeof data7 == "number") && (isFinite(data7)))){
validate47.errors = [{instancePath:instancePath+"/latency_ms/p50",schemaPath:"#/$defs/latency/properties/p50/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs18 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data6.p95 !== undefined){
let data8 = data6.p95;
const _errs20 = errors;
if(!((typeof data8 == "number") && (isFinite(data8)))){
validate47.errors = [{instancePath:instancePath+"/latency_ms/p95",schemaPath:"#/$defs/latency/properties/p95/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs20 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data6.runs !== undefined){
let data9 = data6.runs;
const _errs22 = errors;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
validate47.errors = [{instancePath:instancePath+"/latency_ms/runs",schemaPath:"#/$defs/latency/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid3 = _errs22 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data6.runtime !== undefined){
const _errs24 = errors;
if(typeof data6.runtime !== "string"){
validate47.errors = [{instancePath:instancePath+"/latency_ms/runtime",schemaPath:"#/$defs/latency/properties/runtime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs24 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
}
else {
validate47.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.agreement !== undefined){
let data11 = data.agreement;
const _errs26 = errors;
if(errors === _errs26){
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
let missing2;
if((((data11.rows === undefined) && (missing2 = "rows")) || ((data11.max_abs === undefined) && (missing2 = "max_abs"))) || ((data11.mean_abs === undefined) && (missing2 = "mean_abs"))){
validate47.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs28 = errors;
for(const key2 in data11){
if(!((((((key2 === "rows") || (key2 === "top1")) || (key2 === "max_abs")) || (key2 === "mean_abs")) || (key2 === "cosine_min")) || (key2 === "cosine_mean"))){
validate47.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs28 === errors){
if(data11.rows !== undefined){
let data12 = data11.rows;
const _errs29 = errors;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
validate47.errors = [{instancePath:instancePath+"/agreement/rows",schemaPath:"#/properties/agreement/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid4 = _errs29 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data11.top1 !== undefined){
let data13 = data11.top1;
const _errs31 = errors;
if(!((typeof data13 == "number") && (isFinite(data13)))){
validate47.errors = [{instancePath:instancePath+"/agreement/top1",schemaPath:"#/properties/agreement/properties/top1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid4 = _errs31 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data11.max_abs !== undefined){
let data14 = data11.max_abs;
const _errs33 = errors;
if(!((typeof data14 == "number") && (isFinite(data14)))){
validate47.errors = [{instancePath:instancePath+"/agreement/max_abs",schemaPath:"#/properties/agreement/properties/max_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid4 = _errs33 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data11.mean_abs !== undefined){
let data15 = data11.mean_abs;
const _errs35 = errors;
if(!((typeof data15 == "number") && (isFinite(data15)))){
validate47.errors = [{instancePath:instancePath+"/agreement/mean_abs",schemaPath:"#/properties/agreement/properties/mean_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid4 = _errs35 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data11.cosine_min !== undefined){
let data16 = data11.cosine_min;
const _errs37 = errors;
if(!((typeof data16 == "number") && (isFinite(data16)))){
validate47.errors = [{instancePath:instancePath+"/agreement/cosine_min",schemaPath:"#/properties/agreement/properties/cosine_min/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid4 = _errs37 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data11.cosine_mean !== undefined){
let data17 = data11.cosine_mean;
const _errs39 = errors;
if(!((typeof data17 == "number") && (isFinite(data17)))){
validate47.errors = [{instancePath:instancePath+"/agreement/cosine_mean",schemaPath:"#/properties/agreement/properties/cosine_mean/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid4 = _errs39 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
}
}
}
}
else {
validate47.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs26 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.parameters !== undefined){
let data18 = data.parameters;
const _errs41 = errors;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
validate47.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs41){
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 < 0 || isNaN(data18)){
validate47.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs41 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate47.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate47.errors = vErrors;
return errors === 0;
}
validate47.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate49(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate49.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((data.perplexity === undefined) && (missing0 = "perplexity")) || ((data.texts === undefined) && (missing0 = "texts"))) || ((data.tokens === undefined) && (missing0 = "tokens"))) || ((data.decode_ms_per_token === undefined) && (missing0 = "decode_ms_per_token"))) || ((data.prefill_ms === undefined) && (missing0 = "prefill_ms"))) || ((data.latency_ms === undefined) && (missing0 = "latency_ms"))){
validate49.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "perplexity") || (key0 === "texts")) || (key0 === "tokens")) || (key0 === "decode_ms_per_token")) || (key0 === "prefill_ms")) || (key0 === "latency_ms")) || (key0 === "agreement")) || (key0 === "parameters"))){
validate49.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.perplexity !== undefined){
let data0 = data.perplexity;
const _errs2 = errors;
if(errors === _errs2){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 1 || isNaN(data0)){
validate49.errors = [{instancePath:instancePath+"/perplexity",schemaPath:"#/properties/perplexity/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
else {
validate49.errors = [{instancePath:instancePath+"/perplexity",schemaPath:"#/properties/perplexity/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.texts !== undefined){
let data1 = data.texts;
const _errs4 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate49.errors = [{instancePath:instancePath+"/texts",schemaPath:"#/properties/texts/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs4){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 1 || isNaN(data1)){
validate49.errors = [{instancePath:instancePath+"/texts",schemaPath:"#/properties/texts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tokens !== undefined){
let data2 = data.tokens;
const _errs6 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate49.errors = [{instancePath:instancePath+"/tokens",schemaPath:"#/properties/tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs6){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
validate49.errors = [{instancePath:instancePath+"/tokens",schemaPath:"#/properties/tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.decode_ms_per_token !== undefined){
let data3 = data.decode_ms_per_token;
const _errs8 = errors;
if(errors === _errs8){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
validate49.errors = [{instancePath:instancePath+"/decode_ms_per_token",schemaPath:"#/properties/decode_ms_per_token/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate49.errors = [{instancePath:instancePath+"/decode_ms_per_token",schemaPath:"#/properties/decode_ms_per_token/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.prefill_ms !== undefined){
let data4 = data.prefill_ms;
const _errs10 = errors;
if(errors === _errs10){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
validate49.errors = [{instancePath:instancePath+"/prefill_ms",schemaPath:"#/properties/prefill_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate49.errors = [{instancePath:instancePath+"/prefill_ms",schemaPath:"#/properties/prefill_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.latency_ms !== undefined){
let data5 = data.latency_ms;
const _errs12 = errors;
const _errs13 = errors;
if(errors === _errs13){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
let missing1;
if(((((data5.p50 === undefined) && (missing1 = "p50")) || ((data5.p95 === undefined) && (missing1 = "p95"))) || ((data5.runs === undefined) && (missing1 = "runs"))) || ((data5.runtime === undefined) && (missing1 = "runtime"))){
validate49.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs15 = errors;
for(const key1 in data5){
if(!((((key1 === "p50") || (key1 === "p95")) || (key1 === "runs")) || (key1 === "runtime"))){
validate49.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs15 === errors){
if(data5.p50 !== undefined){
let data6 = data5.p50;
const _errs16 = errors;
if(!((typeof data6 == "number") && (isFinite(data6)))){
validate49.errors = [{instancePath:instancePath+"/latency_ms/p50",schemaPath:"#/$defs/latency/properties/p50/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid2 = _errs16 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data5.p95 !== undefined){
let data7 = data5.p95;
const _errs18 = errors;
if(!((typeof data7 == "number") && (isFinite(data7)))){
validate49.errors = [{instancePath:instancePath+"/latency_ms/p95",schemaPath:"#/$defs/latency/properties/p95/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid2 = _errs18 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data5.runs !== undefined){
let data8 = data5.runs;
const _errs20 = errors;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
validate49.errors = [{instancePath:instancePath+"/latency_ms/runs",schemaPath:"#/$defs/latency/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid2 = _errs20 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data5.runtime !== undefined){
const _errs22 = errors;
if(typeof data5.runtime !== "string"){
validate49.errors = [{instancePath:instancePath+"/latency_ms/runtime",schemaPath:"#/$defs/latency/properties/runtime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs22 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
else {
validate49.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.agreement !== undefined){
let data10 = data.agreement;
const _errs24 = errors;
if(errors === _errs24){
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
let missing2;
if((((data10.rows === undefined) && (missing2 = "rows")) || ((data10.max_abs === undefined) && (missing2 = "max_abs"))) || ((data10.mean_abs === undefined) && (missing2 = "mean_abs"))){
validate49.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs26 = errors;
for(const key2 in data10){
if(!((((key2 === "rows") || (key2 === "top1")) || (key2 === "max_abs")) || (key2 === "mean_abs"))){
validate49.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs26 === errors){
if(data10.rows !== undefined){
let data11 = data10.rows;
const _errs27 = errors;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
validate49.errors = [{instancePath:instancePath+"/agreement/rows",schemaPath:"#/properties/agreement/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid3 = _errs27 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data10.top1 !== undefined){
let data12 = data10.top1;
const _errs29 = errors;
if(!((typeof data12 == "number") && (isFinite(data12)))){
validate49.errors = [{instancePath:instancePath+"/agreement/top1",schemaPath:"#/properties/agreement/properties/top1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs29 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data10.max_abs !== undefined){
let data13 = data10.max_abs;
const _errs31 = errors;
if(!((typeof data13 == "number") && (isFinite(data13)))){
validate49.errors = [{instancePath:instancePath+"/agreement/max_abs",schemaPath:"#/properties/agreement/properties/max_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs31 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data10.mean_abs !== undefined){
let data14 = data10.mean_abs;
const _errs33 = errors;
if(!((typeof data14 == "number") && (isFinite(data14)))){
validate49.errors = [{instancePath:instancePath+"/agreement/mean_abs",schemaPath:"#/properties/agreement/properties/mean_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs33 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
}
else {
validate49.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs24 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.parameters !== undefined){
let data15 = data.parameters;
const _errs35 = errors;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
validate49.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs35){
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 < 0 || isNaN(data15)){
validate49.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs35 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate49.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate49.errors = vErrors;
return errors === 0;
}
validate49.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema83 = {"type":"object","additionalProperties":false,"required":["clips","frames","speech_share","roc_auc","precision","recall","f1","by_snr","baseline","latency_ms"],"description":"held-out clips whose frames' truth is known: ROC AUC of the frame probabilities, precision/recall/F1 of the frames inside the detected segments, per noise level, beside an energy detector","properties":{"clips":{"type":"integer","minimum":1},"frames":{"type":"integer","minimum":1},"speech_share":{"type":"number","minimum":0,"maximum":1},"roc_auc":{"type":"number","minimum":0,"maximum":1},"precision":{"type":"number","minimum":0,"maximum":1},"recall":{"type":"number","minimum":0,"maximum":1},"f1":{"type":"number","minimum":0,"maximum":1},"by_snr":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["snr_db","clips","f1","baseline_f1"],"properties":{"snr_db":{"type":"number"},"clips":{"type":"integer"},"f1":{"type":"number"},"baseline_f1":{"type":"number"}}}},"baseline":{"type":"object","additionalProperties":false,"required":["kind","margin_db","roc_auc","precision","recall","f1"],"description":"a frame is speech when its energy exceeds the clip's quietest tenth of frames by margin_db (the margin with the best F1 on these clips)","properties":{"kind":{"type":"string"},"margin_db":{"type":"number"},"roc_auc":{"type":"number"},"precision":{"type":"number","minimum":0,"maximum":1},"recall":{"type":"number","minimum":0,"maximum":1},"f1":{"type":"number","minimum":0,"maximum":1}}},"latency_ms":{"$ref":"#/$defs/latency"},"agreement":{"type":"object","additionalProperties":false,"required":["rows","max_abs","mean_abs"],"description":"this variant vs the fp32 variant on the same inputs: |Δ| of the first output, and (classifiers) the share of inputs whose top class agrees","properties":{"rows":{"type":"integer"},"top1":{"type":"number"},"max_abs":{"type":"number"},"mean_abs":{"type":"number"}}},"parameters":{"type":"integer","minimum":0}}};

function validate51(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate51.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((((data.clips === undefined) && (missing0 = "clips")) || ((data.frames === undefined) && (missing0 = "frames"))) || ((data.speech_share === undefined) && (missing0 = "speech_share"))) || ((data.roc_auc === undefined) && (missing0 = "roc_auc"))) || ((data.precision === undefined) && (missing0 = "precision"))) || ((data.recall === undefined) && (missing0 = "recall"))) || ((data.f1 === undefined) && (missing0 = "f1"))) || ((data.by_snr === undefined) && (missing0 = "by_snr"))) || ((data.baseline === undefined) && (missing0 = "baseline"))) || ((data.latency_ms === undefined) && (missing0 = "latency_ms"))){
validate51.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema83.properties, key0))){
validate51.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.clips !== undefined){
let data0 = data.clips;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate51.errors = [{instancePath:instancePath+"/clips",schemaPath:"#/properties/clips/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs2){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 1 || isNaN(data0)){
validate51.errors = [{instancePath:instancePath+"/clips",schemaPath:"#/properties/clips/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.frames !== undefined){
let data1 = data.frames;
const _errs4 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate51.errors = [{instancePath:instancePath+"/frames",schemaPath:"#/properties/frames/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs4){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 1 || isNaN(data1)){
validate51.errors = [{instancePath:instancePath+"/frames",schemaPath:"#/properties/frames/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.speech_share !== undefined){
let data2 = data.speech_share;
const _errs6 = errors;
if(errors === _errs6){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 1 || isNaN(data2)){
validate51.errors = [{instancePath:instancePath+"/speech_share",schemaPath:"#/properties/speech_share/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data2 < 0 || isNaN(data2)){
validate51.errors = [{instancePath:instancePath+"/speech_share",schemaPath:"#/properties/speech_share/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/speech_share",schemaPath:"#/properties/speech_share/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.roc_auc !== undefined){
let data3 = data.roc_auc;
const _errs8 = errors;
if(errors === _errs8){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 1 || isNaN(data3)){
validate51.errors = [{instancePath:instancePath+"/roc_auc",schemaPath:"#/properties/roc_auc/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate51.errors = [{instancePath:instancePath+"/roc_auc",schemaPath:"#/properties/roc_auc/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/roc_auc",schemaPath:"#/properties/roc_auc/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.precision !== undefined){
let data4 = data.precision;
const _errs10 = errors;
if(errors === _errs10){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 1 || isNaN(data4)){
validate51.errors = [{instancePath:instancePath+"/precision",schemaPath:"#/properties/precision/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data4 < 0 || isNaN(data4)){
validate51.errors = [{instancePath:instancePath+"/precision",schemaPath:"#/properties/precision/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/precision",schemaPath:"#/properties/precision/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.recall !== undefined){
let data5 = data.recall;
const _errs12 = errors;
if(errors === _errs12){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 1 || isNaN(data5)){
validate51.errors = [{instancePath:instancePath+"/recall",schemaPath:"#/properties/recall/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data5 < 0 || isNaN(data5)){
validate51.errors = [{instancePath:instancePath+"/recall",schemaPath:"#/properties/recall/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/recall",schemaPath:"#/properties/recall/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.f1 !== undefined){
let data6 = data.f1;
const _errs14 = errors;
if(errors === _errs14){
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 1 || isNaN(data6)){
validate51.errors = [{instancePath:instancePath+"/f1",schemaPath:"#/properties/f1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data6 < 0 || isNaN(data6)){
validate51.errors = [{instancePath:instancePath+"/f1",schemaPath:"#/properties/f1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/f1",schemaPath:"#/properties/f1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.by_snr !== undefined){
let data7 = data.by_snr;
const _errs16 = errors;
if(errors === _errs16){
if(Array.isArray(data7)){
var valid1 = true;
const len0 = data7.length;
for(let i0=0; i0<len0; i0++){
let data8 = data7[i0];
const _errs18 = errors;
if(errors === _errs18){
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
let missing1;
if(((((data8.snr_db === undefined) && (missing1 = "snr_db")) || ((data8.clips === undefined) && (missing1 = "clips"))) || ((data8.f1 === undefined) && (missing1 = "f1"))) || ((data8.baseline_f1 === undefined) && (missing1 = "baseline_f1"))){
validate51.errors = [{instancePath:instancePath+"/by_snr/" + i0,schemaPath:"#/properties/by_snr/items/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs20 = errors;
for(const key1 in data8){
if(!((((key1 === "snr_db") || (key1 === "clips")) || (key1 === "f1")) || (key1 === "baseline_f1"))){
validate51.errors = [{instancePath:instancePath+"/by_snr/" + i0,schemaPath:"#/properties/by_snr/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs20 === errors){
if(data8.snr_db !== undefined){
let data9 = data8.snr_db;
const _errs21 = errors;
if(!((typeof data9 == "number") && (isFinite(data9)))){
validate51.errors = [{instancePath:instancePath+"/by_snr/" + i0+"/snr_db",schemaPath:"#/properties/by_snr/items/properties/snr_db/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid2 = _errs21 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data8.clips !== undefined){
let data10 = data8.clips;
const _errs23 = errors;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
validate51.errors = [{instancePath:instancePath+"/by_snr/" + i0+"/clips",schemaPath:"#/properties/by_snr/items/properties/clips/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid2 = _errs23 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data8.f1 !== undefined){
let data11 = data8.f1;
const _errs25 = errors;
if(!((typeof data11 == "number") && (isFinite(data11)))){
validate51.errors = [{instancePath:instancePath+"/by_snr/" + i0+"/f1",schemaPath:"#/properties/by_snr/items/properties/f1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid2 = _errs25 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data8.baseline_f1 !== undefined){
let data12 = data8.baseline_f1;
const _errs27 = errors;
if(!((typeof data12 == "number") && (isFinite(data12)))){
validate51.errors = [{instancePath:instancePath+"/by_snr/" + i0+"/baseline_f1",schemaPath:"#/properties/by_snr/items/properties/baseline_f1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid2 = _errs27 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/by_snr/" + i0,schemaPath:"#/properties/by_snr/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs18 === errors;
if(!valid1){
break;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/by_snr",schemaPath:"#/properties/by_snr/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.baseline !== undefined){
let data13 = data.baseline;
const _errs29 = errors;
if(errors === _errs29){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
let missing2;
if(((((((data13.kind === undefined) && (missing2 = "kind")) || ((data13.margin_db === undefined) && (missing2 = "margin_db"))) || ((data13.roc_auc === undefined) && (missing2 = "roc_auc"))) || ((data13.precision === undefined) && (missing2 = "precision"))) || ((data13.recall === undefined) && (missing2 = "recall"))) || ((data13.f1 === undefined) && (missing2 = "f1"))){
validate51.errors = [{instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs31 = errors;
for(const key2 in data13){
if(!((((((key2 === "kind") || (key2 === "margin_db")) || (key2 === "roc_auc")) || (key2 === "precision")) || (key2 === "recall")) || (key2 === "f1"))){
validate51.errors = [{instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs31 === errors){
if(data13.kind !== undefined){
const _errs32 = errors;
if(typeof data13.kind !== "string"){
validate51.errors = [{instancePath:instancePath+"/baseline/kind",schemaPath:"#/properties/baseline/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs32 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data13.margin_db !== undefined){
let data15 = data13.margin_db;
const _errs34 = errors;
if(!((typeof data15 == "number") && (isFinite(data15)))){
validate51.errors = [{instancePath:instancePath+"/baseline/margin_db",schemaPath:"#/properties/baseline/properties/margin_db/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs34 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data13.roc_auc !== undefined){
let data16 = data13.roc_auc;
const _errs36 = errors;
if(!((typeof data16 == "number") && (isFinite(data16)))){
validate51.errors = [{instancePath:instancePath+"/baseline/roc_auc",schemaPath:"#/properties/baseline/properties/roc_auc/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs36 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data13.precision !== undefined){
let data17 = data13.precision;
const _errs38 = errors;
if(errors === _errs38){
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 > 1 || isNaN(data17)){
validate51.errors = [{instancePath:instancePath+"/baseline/precision",schemaPath:"#/properties/baseline/properties/precision/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data17 < 0 || isNaN(data17)){
validate51.errors = [{instancePath:instancePath+"/baseline/precision",schemaPath:"#/properties/baseline/properties/precision/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/baseline/precision",schemaPath:"#/properties/baseline/properties/precision/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid3 = _errs38 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data13.recall !== undefined){
let data18 = data13.recall;
const _errs40 = errors;
if(errors === _errs40){
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 > 1 || isNaN(data18)){
validate51.errors = [{instancePath:instancePath+"/baseline/recall",schemaPath:"#/properties/baseline/properties/recall/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data18 < 0 || isNaN(data18)){
validate51.errors = [{instancePath:instancePath+"/baseline/recall",schemaPath:"#/properties/baseline/properties/recall/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/baseline/recall",schemaPath:"#/properties/baseline/properties/recall/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid3 = _errs40 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data13.f1 !== undefined){
let data19 = data13.f1;
const _errs42 = errors;
if(errors === _errs42){
if((typeof data19 == "number") && (isFinite(data19))){
if(data19 > 1 || isNaN(data19)){
validate51.errors = [{instancePath:instancePath+"/baseline/f1",schemaPath:"#/properties/baseline/properties/f1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data19 < 0 || isNaN(data19)){
validate51.errors = [{instancePath:instancePath+"/baseline/f1",schemaPath:"#/properties/baseline/properties/f1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/baseline/f1",schemaPath:"#/properties/baseline/properties/f1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid3 = _errs42 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.latency_ms !== undefined){
let data20 = data.latency_ms;
const _errs44 = errors;
const _errs45 = errors;
if(errors === _errs45){
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
let missing3;
if(((((data20.p50 === undefined) && (missing3 = "p50")) || ((data20.p95 === undefined) && (missing3 = "p95"))) || ((data20.runs === undefined) && (missing3 = "runs"))) || ((data20.runtime === undefined) && (missing3 = "runtime"))){
validate51.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs47 = errors;
for(const key3 in data20){
if(!((((key3 === "p50") || (key3 === "p95")) || (key3 === "runs")) || (key3 === "runtime"))){
validate51.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs47 === errors){
if(data20.p50 !== undefined){
let data21 = data20.p50;
const _errs48 = errors;
if(!((typeof data21 == "number") && (isFinite(data21)))){
validate51.errors = [{instancePath:instancePath+"/latency_ms/p50",schemaPath:"#/$defs/latency/properties/p50/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid5 = _errs48 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data20.p95 !== undefined){
let data22 = data20.p95;
const _errs50 = errors;
if(!((typeof data22 == "number") && (isFinite(data22)))){
validate51.errors = [{instancePath:instancePath+"/latency_ms/p95",schemaPath:"#/$defs/latency/properties/p95/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid5 = _errs50 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data20.runs !== undefined){
let data23 = data20.runs;
const _errs52 = errors;
if(!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))){
validate51.errors = [{instancePath:instancePath+"/latency_ms/runs",schemaPath:"#/$defs/latency/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid5 = _errs52 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data20.runtime !== undefined){
const _errs54 = errors;
if(typeof data20.runtime !== "string"){
validate51.errors = [{instancePath:instancePath+"/latency_ms/runtime",schemaPath:"#/$defs/latency/properties/runtime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid5 = _errs54 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs44 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.agreement !== undefined){
let data25 = data.agreement;
const _errs56 = errors;
if(errors === _errs56){
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
let missing4;
if((((data25.rows === undefined) && (missing4 = "rows")) || ((data25.max_abs === undefined) && (missing4 = "max_abs"))) || ((data25.mean_abs === undefined) && (missing4 = "mean_abs"))){
validate51.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
const _errs58 = errors;
for(const key4 in data25){
if(!((((key4 === "rows") || (key4 === "top1")) || (key4 === "max_abs")) || (key4 === "mean_abs"))){
validate51.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs58 === errors){
if(data25.rows !== undefined){
let data26 = data25.rows;
const _errs59 = errors;
if(!(((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26))) && (isFinite(data26)))){
validate51.errors = [{instancePath:instancePath+"/agreement/rows",schemaPath:"#/properties/agreement/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid6 = _errs59 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data25.top1 !== undefined){
let data27 = data25.top1;
const _errs61 = errors;
if(!((typeof data27 == "number") && (isFinite(data27)))){
validate51.errors = [{instancePath:instancePath+"/agreement/top1",schemaPath:"#/properties/agreement/properties/top1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid6 = _errs61 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data25.max_abs !== undefined){
let data28 = data25.max_abs;
const _errs63 = errors;
if(!((typeof data28 == "number") && (isFinite(data28)))){
validate51.errors = [{instancePath:instancePath+"/agreement/max_abs",schemaPath:"#/properties/agreement/properties/max_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid6 = _errs63 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data25.mean_abs !== undefined){
let data29 = data25.mean_abs;
const _errs65 = errors;
if(!((typeof data29 == "number") && (isFinite(data29)))){
validate51.errors = [{instancePath:instancePath+"/agreement/mean_abs",schemaPath:"#/properties/agreement/properties/mean_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid6 = _errs65 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs56 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.parameters !== undefined){
let data30 = data.parameters;
const _errs67 = errors;
if(!(((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30))) && (isFinite(data30)))){
validate51.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs67){
if((typeof data30 == "number") && (isFinite(data30))){
if(data30 < 0 || isNaN(data30)){
validate51.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs67 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate51.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate51.errors = vErrors;
return errors === 0;
}
validate51.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema85 = {"type":"object","additionalProperties":false,"required":["precision","recall","ndcg","hit_rate","coverage","curves","k","queries","people","baseline","latency_ms"],"properties":{"precision":{"type":"number","minimum":0,"maximum":1},"recall":{"type":"number","minimum":0,"maximum":1},"ndcg":{"type":"number","minimum":0,"maximum":1},"hit_rate":{"type":"number","minimum":0,"maximum":1},"coverage":{"type":"number","minimum":0,"maximum":1},"curves":{"type":"object","additionalProperties":false,"required":["precision","recall","ndcg","hit_rate"],"description":"each metric at K = 1, 2, …","properties":{"precision":{"type":"array","items":{"type":"number","minimum":0,"maximum":1}},"recall":{"type":"array","items":{"type":"number","minimum":0,"maximum":1}},"ndcg":{"type":"array","items":{"type":"number","minimum":0,"maximum":1}},"hit_rate":{"type":"array","items":{"type":"number","minimum":0,"maximum":1}}}},"k":{"type":"integer","minimum":1},"queries":{"type":"integer","minimum":1},"people":{"type":"integer","minimum":1},"baseline":{"type":"object","additionalProperties":false,"required":["kind","precision","recall","ndcg","hit_rate","coverage","curves"],"properties":{"precision":{"type":"number","minimum":0,"maximum":1},"recall":{"type":"number","minimum":0,"maximum":1},"ndcg":{"type":"number","minimum":0,"maximum":1},"hit_rate":{"type":"number","minimum":0,"maximum":1},"coverage":{"type":"number","minimum":0,"maximum":1},"curves":{"type":"object","additionalProperties":false,"required":["precision","recall","ndcg","hit_rate"],"description":"each metric at K = 1, 2, …","properties":{"precision":{"type":"array","items":{"type":"number","minimum":0,"maximum":1}},"recall":{"type":"array","items":{"type":"number","minimum":0,"maximum":1}},"ndcg":{"type":"array","items":{"type":"number","minimum":0,"maximum":1}},"hit_rate":{"type":"array","items":{"type":"number","minimum":0,"maximum":1}}}},"kind":{"type":"string"}}},"latency_ms":{"$ref":"#/$defs/latency"},"agreement":{"type":"object","additionalProperties":false,"required":["rows","max_abs","mean_abs"],"description":"this variant vs the fp32 variant on the same inputs: |Δ| of the first output, and (classifiers) the share of inputs whose top class agrees","properties":{"rows":{"type":"integer"},"top1":{"type":"number"},"max_abs":{"type":"number"},"mean_abs":{"type":"number"}}},"parameters":{"type":"integer","minimum":0}},"description":"held-out people's items hidden a fold at a time: how many hidden items the top K finds, beside the popularity baseline"};

function validate53(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate53.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((((((data.precision === undefined) && (missing0 = "precision")) || ((data.recall === undefined) && (missing0 = "recall"))) || ((data.ndcg === undefined) && (missing0 = "ndcg"))) || ((data.hit_rate === undefined) && (missing0 = "hit_rate"))) || ((data.coverage === undefined) && (missing0 = "coverage"))) || ((data.curves === undefined) && (missing0 = "curves"))) || ((data.k === undefined) && (missing0 = "k"))) || ((data.queries === undefined) && (missing0 = "queries"))) || ((data.people === undefined) && (missing0 = "people"))) || ((data.baseline === undefined) && (missing0 = "baseline"))) || ((data.latency_ms === undefined) && (missing0 = "latency_ms"))){
validate53.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema85.properties, key0))){
validate53.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.precision !== undefined){
let data0 = data.precision;
const _errs2 = errors;
if(errors === _errs2){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 1 || isNaN(data0)){
validate53.errors = [{instancePath:instancePath+"/precision",schemaPath:"#/properties/precision/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data0 < 0 || isNaN(data0)){
validate53.errors = [{instancePath:instancePath+"/precision",schemaPath:"#/properties/precision/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/precision",schemaPath:"#/properties/precision/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.recall !== undefined){
let data1 = data.recall;
const _errs4 = errors;
if(errors === _errs4){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
validate53.errors = [{instancePath:instancePath+"/recall",schemaPath:"#/properties/recall/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data1 < 0 || isNaN(data1)){
validate53.errors = [{instancePath:instancePath+"/recall",schemaPath:"#/properties/recall/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/recall",schemaPath:"#/properties/recall/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ndcg !== undefined){
let data2 = data.ndcg;
const _errs6 = errors;
if(errors === _errs6){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 1 || isNaN(data2)){
validate53.errors = [{instancePath:instancePath+"/ndcg",schemaPath:"#/properties/ndcg/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data2 < 0 || isNaN(data2)){
validate53.errors = [{instancePath:instancePath+"/ndcg",schemaPath:"#/properties/ndcg/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/ndcg",schemaPath:"#/properties/ndcg/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.hit_rate !== undefined){
let data3 = data.hit_rate;
const _errs8 = errors;
if(errors === _errs8){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 1 || isNaN(data3)){
validate53.errors = [{instancePath:instancePath+"/hit_rate",schemaPath:"#/properties/hit_rate/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate53.errors = [{instancePath:instancePath+"/hit_rate",schemaPath:"#/properties/hit_rate/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/hit_rate",schemaPath:"#/properties/hit_rate/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.coverage !== undefined){
let data4 = data.coverage;
const _errs10 = errors;
if(errors === _errs10){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 1 || isNaN(data4)){
validate53.errors = [{instancePath:instancePath+"/coverage",schemaPath:"#/properties/coverage/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data4 < 0 || isNaN(data4)){
validate53.errors = [{instancePath:instancePath+"/coverage",schemaPath:"#/properties/coverage/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/coverage",schemaPath:"#/properties/coverage/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.curves !== undefined){
let data5 = data.curves;
const _errs12 = errors;
if(errors === _errs12){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
let missing1;
if(((((data5.precision === undefined) && (missing1 = "precision")) || ((data5.recall === undefined) && (missing1 = "recall"))) || ((data5.ndcg === undefined) && (missing1 = "ndcg"))) || ((data5.hit_rate === undefined) && (missing1 = "hit_rate"))){
validate53.errors = [{instancePath:instancePath+"/curves",schemaPath:"#/properties/curves/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs14 = errors;
for(const key1 in data5){
if(!((((key1 === "precision") || (key1 === "recall")) || (key1 === "ndcg")) || (key1 === "hit_rate"))){
validate53.errors = [{instancePath:instancePath+"/curves",schemaPath:"#/properties/curves/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs14 === errors){
if(data5.precision !== undefined){
let data6 = data5.precision;
const _errs15 = errors;
if(errors === _errs15){
if(Array.isArray(data6)){
var valid2 = true;
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
const _errs17 = errors;
if(errors === _errs17){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 1 || isNaN(data7)){
validate53.errors = [{instancePath:instancePath+"/curves/precision/" + i0,schemaPath:"#/properties/curves/properties/precision/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data7 < 0 || isNaN(data7)){
validate53.errors = [{instancePath:instancePath+"/curves/precision/" + i0,schemaPath:"#/properties/curves/properties/precision/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/curves/precision/" + i0,schemaPath:"#/properties/curves/properties/precision/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid2 = _errs17 === errors;
if(!valid2){
break;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/curves/precision",schemaPath:"#/properties/curves/properties/precision/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid1 = _errs15 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data5.recall !== undefined){
let data8 = data5.recall;
const _errs19 = errors;
if(errors === _errs19){
if(Array.isArray(data8)){
var valid3 = true;
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
let data9 = data8[i1];
const _errs21 = errors;
if(errors === _errs21){
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 1 || isNaN(data9)){
validate53.errors = [{instancePath:instancePath+"/curves/recall/" + i1,schemaPath:"#/properties/curves/properties/recall/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data9 < 0 || isNaN(data9)){
validate53.errors = [{instancePath:instancePath+"/curves/recall/" + i1,schemaPath:"#/properties/curves/properties/recall/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/curves/recall/" + i1,schemaPath:"#/properties/curves/properties/recall/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid3 = _errs21 === errors;
if(!valid3){
break;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/curves/recall",schemaPath:"#/properties/curves/properties/recall/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid1 = _errs19 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data5.ndcg !== undefined){
let data10 = data5.ndcg;
const _errs23 = errors;
if(errors === _errs23){
if(Array.isArray(data10)){
var valid4 = true;
const len2 = data10.length;
for(let i2=0; i2<len2; i2++){
let data11 = data10[i2];
const _errs25 = errors;
if(errors === _errs25){
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 1 || isNaN(data11)){
validate53.errors = [{instancePath:instancePath+"/curves/ndcg/" + i2,schemaPath:"#/properties/curves/properties/ndcg/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data11 < 0 || isNaN(data11)){
validate53.errors = [{instancePath:instancePath+"/curves/ndcg/" + i2,schemaPath:"#/properties/curves/properties/ndcg/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/curves/ndcg/" + i2,schemaPath:"#/properties/curves/properties/ndcg/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid4 = _errs25 === errors;
if(!valid4){
break;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/curves/ndcg",schemaPath:"#/properties/curves/properties/ndcg/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid1 = _errs23 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data5.hit_rate !== undefined){
let data12 = data5.hit_rate;
const _errs27 = errors;
if(errors === _errs27){
if(Array.isArray(data12)){
var valid5 = true;
const len3 = data12.length;
for(let i3=0; i3<len3; i3++){
let data13 = data12[i3];
const _errs29 = errors;
if(errors === _errs29){
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 > 1 || isNaN(data13)){
validate53.errors = [{instancePath:instancePath+"/curves/hit_rate/" + i3,schemaPath:"#/properties/curves/properties/hit_rate/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data13 < 0 || isNaN(data13)){
validate53.errors = [{instancePath:instancePath+"/curves/hit_rate/" + i3,schemaPath:"#/properties/curves/properties/hit_rate/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/curves/hit_rate/" + i3,schemaPath:"#/properties/curves/properties/hit_rate/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid5 = _errs29 === errors;
if(!valid5){
break;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/curves/hit_rate",schemaPath:"#/properties/curves/properties/hit_rate/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid1 = _errs27 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/curves",schemaPath:"#/properties/curves/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.k !== undefined){
let data14 = data.k;
const _errs31 = errors;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
validate53.errors = [{instancePath:instancePath+"/k",schemaPath:"#/properties/k/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs31){
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 < 1 || isNaN(data14)){
validate53.errors = [{instancePath:instancePath+"/k",schemaPath:"#/properties/k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs31 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.queries !== undefined){
let data15 = data.queries;
const _errs33 = errors;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
validate53.errors = [{instancePath:instancePath+"/queries",schemaPath:"#/properties/queries/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs33){
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 < 1 || isNaN(data15)){
validate53.errors = [{instancePath:instancePath+"/queries",schemaPath:"#/properties/queries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs33 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.people !== undefined){
let data16 = data.people;
const _errs35 = errors;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
validate53.errors = [{instancePath:instancePath+"/people",schemaPath:"#/properties/people/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs35){
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 < 1 || isNaN(data16)){
validate53.errors = [{instancePath:instancePath+"/people",schemaPath:"#/properties/people/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs35 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.baseline !== undefined){
let data17 = data.baseline;
const _errs37 = errors;
if(errors === _errs37){
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
let missing2;
if((((((((data17.kind === undefined) && (missing2 = "kind")) || ((data17.precision === undefined) && (missing2 = "precision"))) || ((data17.recall === undefined) && (missing2 = "recall"))) || ((data17.ndcg === undefined) && (missing2 = "ndcg"))) || ((data17.hit_rate === undefined) && (missing2 = "hit_rate"))) || ((data17.coverage === undefined) && (missing2 = "coverage"))) || ((data17.curves === undefined) && (missing2 = "curves"))){
validate53.errors = [{instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs39 = errors;
for(const key2 in data17){
if(!(((((((key2 === "precision") || (key2 === "recall")) || (key2 === "ndcg")) || (key2 === "hit_rate")) || (key2 === "coverage")) || (key2 === "curves")) || (key2 === "kind"))){
validate53.errors = [{instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs39 === errors){
if(data17.precision !== undefined){
let data18 = data17.precision;
const _errs40 = errors;
if(errors === _errs40){
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 > 1 || isNaN(data18)){
validate53.errors = [{instancePath:instancePath+"/baseline/precision",schemaPath:"#/properties/baseline/properties/precision/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data18 < 0 || isNaN(data18)){
validate53.errors = [{instancePath:instancePath+"/baseline/precision",schemaPath:"#/properties/baseline/properties/precision/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline/precision",schemaPath:"#/properties/baseline/properties/precision/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid6 = _errs40 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.recall !== undefined){
let data19 = data17.recall;
const _errs42 = errors;
if(errors === _errs42){
if((typeof data19 == "number") && (isFinite(data19))){
if(data19 > 1 || isNaN(data19)){
validate53.errors = [{instancePath:instancePath+"/baseline/recall",schemaPath:"#/properties/baseline/properties/recall/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data19 < 0 || isNaN(data19)){
validate53.errors = [{instancePath:instancePath+"/baseline/recall",schemaPath:"#/properties/baseline/properties/recall/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline/recall",schemaPath:"#/properties/baseline/properties/recall/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid6 = _errs42 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.ndcg !== undefined){
let data20 = data17.ndcg;
const _errs44 = errors;
if(errors === _errs44){
if((typeof data20 == "number") && (isFinite(data20))){
if(data20 > 1 || isNaN(data20)){
validate53.errors = [{instancePath:instancePath+"/baseline/ndcg",schemaPath:"#/properties/baseline/properties/ndcg/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data20 < 0 || isNaN(data20)){
validate53.errors = [{instancePath:instancePath+"/baseline/ndcg",schemaPath:"#/properties/baseline/properties/ndcg/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline/ndcg",schemaPath:"#/properties/baseline/properties/ndcg/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid6 = _errs44 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.hit_rate !== undefined){
let data21 = data17.hit_rate;
const _errs46 = errors;
if(errors === _errs46){
if((typeof data21 == "number") && (isFinite(data21))){
if(data21 > 1 || isNaN(data21)){
validate53.errors = [{instancePath:instancePath+"/baseline/hit_rate",schemaPath:"#/properties/baseline/properties/hit_rate/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data21 < 0 || isNaN(data21)){
validate53.errors = [{instancePath:instancePath+"/baseline/hit_rate",schemaPath:"#/properties/baseline/properties/hit_rate/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline/hit_rate",schemaPath:"#/properties/baseline/properties/hit_rate/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid6 = _errs46 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.coverage !== undefined){
let data22 = data17.coverage;
const _errs48 = errors;
if(errors === _errs48){
if((typeof data22 == "number") && (isFinite(data22))){
if(data22 > 1 || isNaN(data22)){
validate53.errors = [{instancePath:instancePath+"/baseline/coverage",schemaPath:"#/properties/baseline/properties/coverage/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data22 < 0 || isNaN(data22)){
validate53.errors = [{instancePath:instancePath+"/baseline/coverage",schemaPath:"#/properties/baseline/properties/coverage/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline/coverage",schemaPath:"#/properties/baseline/properties/coverage/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid6 = _errs48 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.curves !== undefined){
let data23 = data17.curves;
const _errs50 = errors;
if(errors === _errs50){
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
let missing3;
if(((((data23.precision === undefined) && (missing3 = "precision")) || ((data23.recall === undefined) && (missing3 = "recall"))) || ((data23.ndcg === undefined) && (missing3 = "ndcg"))) || ((data23.hit_rate === undefined) && (missing3 = "hit_rate"))){
validate53.errors = [{instancePath:instancePath+"/baseline/curves",schemaPath:"#/properties/baseline/properties/curves/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs52 = errors;
for(const key3 in data23){
if(!((((key3 === "precision") || (key3 === "recall")) || (key3 === "ndcg")) || (key3 === "hit_rate"))){
validate53.errors = [{instancePath:instancePath+"/baseline/curves",schemaPath:"#/properties/baseline/properties/curves/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs52 === errors){
if(data23.precision !== undefined){
let data24 = data23.precision;
const _errs53 = errors;
if(errors === _errs53){
if(Array.isArray(data24)){
var valid8 = true;
const len4 = data24.length;
for(let i4=0; i4<len4; i4++){
let data25 = data24[i4];
const _errs55 = errors;
if(errors === _errs55){
if((typeof data25 == "number") && (isFinite(data25))){
if(data25 > 1 || isNaN(data25)){
validate53.errors = [{instancePath:instancePath+"/baseline/curves/precision/" + i4,schemaPath:"#/properties/baseline/properties/curves/properties/precision/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data25 < 0 || isNaN(data25)){
validate53.errors = [{instancePath:instancePath+"/baseline/curves/precision/" + i4,schemaPath:"#/properties/baseline/properties/curves/properties/precision/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline/curves/precision/" + i4,schemaPath:"#/properties/baseline/properties/curves/properties/precision/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid8 = _errs55 === errors;
if(!valid8){
break;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline/curves/precision",schemaPath:"#/properties/baseline/properties/curves/properties/precision/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid7 = _errs53 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data23.recall !== undefined){
let data26 = data23.recall;
const _errs57 = errors;
if(errors === _errs57){
if(Array.isArray(data26)){
var valid9 = true;
const len5 = data26.length;
for(let i5=0; i5<len5; i5++){
let data27 = data26[i5];
const _errs59 = errors;
if(errors === _errs59){
if((typeof data27 == "number") && (isFinite(data27))){
if(data27 > 1 || isNaN(data27)){
validate53.errors = [{instancePath:instancePath+"/baseline/curves/recall/" + i5,schemaPath:"#/properties/baseline/properties/curves/properties/recall/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data27 < 0 || isNaN(data27)){
validate53.errors = [{instancePath:instancePath+"/baseline/curves/recall/" + i5,schemaPath:"#/properties/baseline/properties/curves/properties/recall/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline/curves/recall/" + i5,schemaPath:"#/properties/baseline/properties/curves/properties/recall/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid9 = _errs59 === errors;
if(!valid9){
break;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline/curves/recall",schemaPath:"#/properties/baseline/properties/curves/properties/recall/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid7 = _errs57 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data23.ndcg !== undefined){
let data28 = data23.ndcg;
const _errs61 = errors;
if(errors === _errs61){
if(Array.isArray(data28)){
var valid10 = true;
const len6 = data28.length;
for(let i6=0; i6<len6; i6++){
let data29 = data28[i6];
const _errs63 = errors;
if(errors === _errs63){
if((typeof data29 == "number") && (isFinite(data29))){
if(data29 > 1 || isNaN(data29)){
validate53.errors = [{instancePath:instancePath+"/baseline/curves/ndcg/" + i6,schemaPath:"#/properties/baseline/properties/curves/properties/ndcg/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data29 < 0 || isNaN(data29)){
validate53.errors = [{instancePath:instancePath+"/baseline/curves/ndcg/" + i6,schemaPath:"#/properties/baseline/properties/curves/properties/ndcg/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline/curves/ndcg/" + i6,schemaPath:"#/properties/baseline/properties/curves/properties/ndcg/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid10 = _errs63 === errors;
if(!valid10){
break;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline/curves/ndcg",schemaPath:"#/properties/baseline/properties/curves/properties/ndcg/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid7 = _errs61 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data23.hit_rate !== undefined){
let data30 = data23.hit_rate;
const _errs65 = errors;
if(errors === _errs65){
if(Array.isArray(data30)){
var valid11 = true;
const len7 = data30.length;
for(let i7=0; i7<len7; i7++){
let data31 = data30[i7];
const _errs67 = errors;
if(errors === _errs67){
if((typeof data31 == "number") && (isFinite(data31))){
if(data31 > 1 || isNaN(data31)){
validate53.errors = [{instancePath:instancePath+"/baseline/curves/hit_rate/" + i7,schemaPath:"#/properties/baseline/properties/curves/properties/hit_rate/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data31 < 0 || isNaN(data31)){
validate53.errors = [{instancePath:instancePath+"/baseline/curves/hit_rate/" + i7,schemaPath:"#/properties/baseline/properties/curves/properties/hit_rate/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline/curves/hit_rate/" + i7,schemaPath:"#/properties/baseline/properties/curves/properties/hit_rate/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid11 = _errs67 === errors;
if(!valid11){
break;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline/curves/hit_rate",schemaPath:"#/properties/baseline/properties/curves/properties/hit_rate/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid7 = _errs65 === errors;
}
else {
var valid7 = true;
}
}
}
}
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline/curves",schemaPath:"#/properties/baseline/properties/curves/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid6 = _errs50 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.kind !== undefined){
const _errs69 = errors;
if(typeof data17.kind !== "string"){
validate53.errors = [{instancePath:instancePath+"/baseline/kind",schemaPath:"#/properties/baseline/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid6 = _errs69 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs37 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.latency_ms !== undefined){
let data33 = data.latency_ms;
const _errs71 = errors;
const _errs72 = errors;
if(errors === _errs72){
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
let missing4;
if(((((data33.p50 === undefined) && (missing4 = "p50")) || ((data33.p95 === undefined) && (missing4 = "p95"))) || ((data33.runs === undefined) && (missing4 = "runs"))) || ((data33.runtime === undefined) && (missing4 = "runtime"))){
validate53.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
const _errs74 = errors;
for(const key4 in data33){
if(!((((key4 === "p50") || (key4 === "p95")) || (key4 === "runs")) || (key4 === "runtime"))){
validate53.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs74 === errors){
if(data33.p50 !== undefined){
let data34 = data33.p50;
const _errs75 = errors;
if(!((typeof data34 == "number") && (isFinite(data34)))){
validate53.errors = [{instancePath:instancePath+"/latency_ms/p50",schemaPath:"#/$defs/latency/properties/p50/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid13 = _errs75 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data33.p95 !== undefined){
let data35 = data33.p95;
const _errs77 = errors;
if(!((typeof data35 == "number") && (isFinite(data35)))){
validate53.errors = [{instancePath:instancePath+"/latency_ms/p95",schemaPath:"#/$defs/latency/properties/p95/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid13 = _errs77 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data33.runs !== undefined){
let data36 = data33.runs;
const _errs79 = errors;
if(!(((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36))) && (isFinite(data36)))){
validate53.errors = [{instancePath:instancePath+"/latency_ms/runs",schemaPath:"#/$defs/latency/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid13 = _errs79 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data33.runtime !== undefined){
const _errs81 = errors;
if(typeof data33.runtime !== "string"){
validate53.errors = [{instancePath:instancePath+"/latency_ms/runtime",schemaPath:"#/$defs/latency/properties/runtime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid13 = _errs81 === errors;
}
else {
var valid13 = true;
}
}
}
}
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/$defs/latency/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs71 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.agreement !== undefined){
let data38 = data.agreement;
const _errs83 = errors;
if(errors === _errs83){
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
let missing5;
if((((data38.rows === undefined) && (missing5 = "rows")) || ((data38.max_abs === undefined) && (missing5 = "max_abs"))) || ((data38.mean_abs === undefined) && (missing5 = "mean_abs"))){
validate53.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"}];
return false;
}
else {
const _errs85 = errors;
for(const key5 in data38){
if(!((((key5 === "rows") || (key5 === "top1")) || (key5 === "max_abs")) || (key5 === "mean_abs"))){
validate53.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs85 === errors){
if(data38.rows !== undefined){
let data39 = data38.rows;
const _errs86 = errors;
if(!(((typeof data39 == "number") && (!(data39 % 1) && !isNaN(data39))) && (isFinite(data39)))){
validate53.errors = [{instancePath:instancePath+"/agreement/rows",schemaPath:"#/properties/agreement/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid14 = _errs86 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data38.top1 !== undefined){
let data40 = data38.top1;
const _errs88 = errors;
if(!((typeof data40 == "number") && (isFinite(data40)))){
validate53.errors = [{instancePath:instancePath+"/agreement/top1",schemaPath:"#/properties/agreement/properties/top1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid14 = _errs88 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data38.max_abs !== undefined){
let data41 = data38.max_abs;
const _errs90 = errors;
if(!((typeof data41 == "number") && (isFinite(data41)))){
validate53.errors = [{instancePath:instancePath+"/agreement/max_abs",schemaPath:"#/properties/agreement/properties/max_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid14 = _errs90 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data38.mean_abs !== undefined){
let data42 = data38.mean_abs;
const _errs92 = errors;
if(!((typeof data42 == "number") && (isFinite(data42)))){
validate53.errors = [{instancePath:instancePath+"/agreement/mean_abs",schemaPath:"#/properties/agreement/properties/mean_abs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid14 = _errs92 === errors;
}
else {
var valid14 = true;
}
}
}
}
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/agreement",schemaPath:"#/properties/agreement/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs83 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.parameters !== undefined){
let data43 = data.parameters;
const _errs94 = errors;
if(!(((typeof data43 == "number") && (!(data43 % 1) && !isNaN(data43))) && (isFinite(data43)))){
validate53.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs94){
if((typeof data43 == "number") && (isFinite(data43))){
if(data43 < 0 || isNaN(data43)){
validate53.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs94 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate53.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate53.errors = vErrors;
return errors === 0;
}
validate53.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate34.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(!(validate35(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
errors = vErrors.length;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
var props0 = true;
}
const _errs2 = errors;
if(!(validate37(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
var _valid0 = _errs2 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
if(props0 !== true){
props0 = true;
}
}
const _errs3 = errors;
if(!(validate39(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
errors = vErrors.length;
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
if(props0 !== true){
props0 = true;
}
}
const _errs4 = errors;
if(!(validate41(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
errors = vErrors.length;
}
var _valid0 = _errs4 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 3];
}
else {
if(_valid0){
valid0 = true;
passing0 = 3;
if(props0 !== true){
props0 = true;
}
}
const _errs5 = errors;
if(!(validate43(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);
errors = vErrors.length;
}
var _valid0 = _errs5 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 4];
}
else {
if(_valid0){
valid0 = true;
passing0 = 4;
if(props0 !== true){
props0 = true;
}
}
const _errs6 = errors;
if(!(validate45(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate45.errors : vErrors.concat(validate45.errors);
errors = vErrors.length;
}
var _valid0 = _errs6 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 5];
}
else {
if(_valid0){
valid0 = true;
passing0 = 5;
if(props0 !== true){
props0 = true;
}
}
const _errs7 = errors;
if(!(validate47(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate47.errors : vErrors.concat(validate47.errors);
errors = vErrors.length;
}
var _valid0 = _errs7 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 6];
}
else {
if(_valid0){
valid0 = true;
passing0 = 6;
if(props0 !== true){
props0 = true;
}
}
const _errs8 = errors;
if(!(validate49(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
errors = vErrors.length;
}
var _valid0 = _errs8 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 7];
}
else {
if(_valid0){
valid0 = true;
passing0 = 7;
if(props0 !== true){
props0 = true;
}
}
const _errs9 = errors;
if(!(validate51(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate51.errors : vErrors.concat(validate51.errors);
errors = vErrors.length;
}
var _valid0 = _errs9 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 8];
}
else {
if(_valid0){
valid0 = true;
passing0 = 8;
if(props0 !== true){
props0 = true;
}
}
const _errs10 = errors;
if(!(validate53(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
errors = vErrors.length;
}
var _valid0 = _errs10 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 9];
}
else {
if(_valid0){
valid0 = true;
passing0 = 9;
if(props0 !== true){
props0 = true;
}
}
}
}
}
}
}
}
}
}
}
if(!valid0){
const err0 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
validate34.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate34.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate34.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate33.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((((((data.name === undefined) && (missing0 = "name")) || ((data.precision === undefined) && (missing0 = "precision"))) || ((data.url === undefined) && (missing0 = "url"))) || ((data.sha256 === undefined) && (missing0 = "sha256"))) || ((data.bytes === undefined) && (missing0 = "bytes"))) || ((data.gzip_bytes === undefined) && (missing0 = "gzip_bytes"))) || ((data.metrics === undefined) && (missing0 = "metrics"))) || ((data.fixtures === undefined) && (missing0 = "fixtures"))) || ((data.opsets === undefined) && (missing0 = "opsets"))) || ((data.ir_version === undefined) && (missing0 = "ir_version"))) || ((data.tolerance === undefined) && (missing0 = "tolerance"))) || ((data.artifacts === undefined) && (missing0 = "artifacts"))){
validate33.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema64.properties, key0))){
validate33.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.name !== undefined){
let data0 = data.name;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(!pattern8.test(data0)){
validate33.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9_-]+$"},message:"must match pattern \""+"^[a-z0-9_-]+$"+"\""}];
return false;
}
}
else {
validate33.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.precision !== undefined){
let data1 = data.precision;
const _errs4 = errors;
if(!((((data1 === "fp32") || (data1 === "fp16")) || (data1 === "int8")) || (data1 === "uint8"))){
validate33.errors = [{instancePath:instancePath+"/precision",schemaPath:"#/properties/precision/enum",keyword:"enum",params:{allowedValues: schema64.properties.precision.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.url !== undefined){
const _errs5 = errors;
if(typeof data.url !== "string"){
validate33.errors = [{instancePath:instancePath+"/url",schemaPath:"#/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sha256 !== undefined){
let data3 = data.sha256;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data3 === "string"){
if(!pattern5.test(data3)){
validate33.errors = [{instancePath:instancePath+"/sha256",schemaPath:"#/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate33.errors = [{instancePath:instancePath+"/sha256",schemaPath:"#/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.bytes !== undefined){
let data4 = data.bytes;
const _errs9 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate33.errors = [{instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs9){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 1 || isNaN(data4)){
validate33.errors = [{instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.gzip_bytes !== undefined){
let data5 = data.gzip_bytes;
const _errs11 = errors;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
validate33.errors = [{instancePath:instancePath+"/gzip_bytes",schemaPath:"#/properties/gzip_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs11){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 1 || isNaN(data5)){
validate33.errors = [{instancePath:instancePath+"/gzip_bytes",schemaPath:"#/properties/gzip_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metrics !== undefined){
const _errs13 = errors;
if(!(validate34(data.metrics, {instancePath:instancePath+"/metrics",parentData:data,parentDataProperty:"metrics",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.fixtures !== undefined){
const _errs14 = errors;
if(typeof data.fixtures !== "string"){
validate33.errors = [{instancePath:instancePath+"/fixtures",schemaPath:"#/properties/fixtures/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.opsets !== undefined){
let data8 = data.opsets;
const _errs16 = errors;
if(errors === _errs16){
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key1 in data8){
let data9 = data8[key1];
const _errs19 = errors;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
validate33.errors = [{instancePath:instancePath+"/opsets/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/opsets/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs19){
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 1 || isNaN(data9)){
validate33.errors = [{instancePath:instancePath+"/opsets/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/opsets/additionalProperties/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid1 = _errs19 === errors;
if(!valid1){
break;
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/opsets",schemaPath:"#/properties/opsets/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ir_version !== undefined){
let data10 = data.ir_version;
const _errs21 = errors;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
validate33.errors = [{instancePath:instancePath+"/ir_version",schemaPath:"#/properties/ir_version/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs21){
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 1 || isNaN(data10)){
validate33.errors = [{instancePath:instancePath+"/ir_version",schemaPath:"#/properties/ir_version/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tolerance !== undefined){
let data11 = data.tolerance;
const _errs23 = errors;
if(errors === _errs23){
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 <= 0 || isNaN(data11)){
validate33.errors = [{instancePath:instancePath+"/tolerance",schemaPath:"#/properties/tolerance/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"}];
return false;
}
}
else {
validate33.errors = [{instancePath:instancePath+"/tolerance",schemaPath:"#/properties/tolerance/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.method !== undefined){
const _errs25 = errors;
if(typeof data.method !== "string"){
validate33.errors = [{instancePath:instancePath+"/method",schemaPath:"#/properties/method/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.optimization !== undefined){
let data13 = data.optimization;
const _errs27 = errors;
if(errors === _errs27){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
let missing1;
if((((data13.level === undefined) && (missing1 = "level")) || ((data13.nodes_before === undefined) && (missing1 = "nodes_before"))) || ((data13.nodes_after === undefined) && (missing1 = "nodes_after"))){
validate33.errors = [{instancePath:instancePath+"/optimization",schemaPath:"#/properties/optimization/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs29 = errors;
for(const key2 in data13){
if(!(((key2 === "level") || (key2 === "nodes_before")) || (key2 === "nodes_after"))){
validate33.errors = [{instancePath:instancePath+"/optimization",schemaPath:"#/properties/optimization/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs29 === errors){
if(data13.level !== undefined){
let data14 = data13.level;
const _errs30 = errors;
if(!((((data14 === "none") || (data14 === "basic")) || (data14 === "extended")) || (data14 === "transformer"))){
validate33.errors = [{instancePath:instancePath+"/optimization/level",schemaPath:"#/properties/optimization/properties/level/enum",keyword:"enum",params:{allowedValues: schema64.properties.optimization.properties.level.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid2 = _errs30 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data13.nodes_before !== undefined){
let data15 = data13.nodes_before;
const _errs31 = errors;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
validate33.errors = [{instancePath:instancePath+"/optimization/nodes_before",schemaPath:"#/properties/optimization/properties/nodes_before/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid2 = _errs31 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data13.nodes_after !== undefined){
let data16 = data13.nodes_after;
const _errs33 = errors;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
validate33.errors = [{instancePath:instancePath+"/optimization/nodes_after",schemaPath:"#/properties/optimization/properties/nodes_after/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid2 = _errs33 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/optimization",schemaPath:"#/properties/optimization/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs27 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.artifacts !== undefined){
let data17 = data.artifacts;
const _errs35 = errors;
if(errors === _errs35){
if(Array.isArray(data17)){
var valid3 = true;
const len0 = data17.length;
for(let i0=0; i0<len0; i0++){
let data18 = data17[i0];
const _errs37 = errors;
const _errs38 = errors;
if(errors === _errs38){
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
let missing2;
if(((((data18.kind === undefined) && (missing2 = "kind")) || ((data18.url === undefined) && (missing2 = "url"))) || ((data18.sha256 === undefined) && (missing2 = "sha256"))) || ((data18.bytes === undefined) && (missing2 = "bytes"))){
validate33.errors = [{instancePath:instancePath+"/artifacts/" + i0,schemaPath:"#/$defs/artifact/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs40 = errors;
for(const key3 in data18){
if(!((((((key3 === "kind") || (key3 === "url")) || (key3 === "sha256")) || (key3 === "bytes")) || (key3 === "name")) || (key3 === "media_type"))){
validate33.errors = [{instancePath:instancePath+"/artifacts/" + i0,schemaPath:"#/$defs/artifact/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs40 === errors){
if(data18.kind !== undefined){
let data19 = data18.kind;
const _errs41 = errors;
if(!(((((((((data19 === "description") || (data19 === "example")) || (data19 === "tokenizer")) || (data19 === "documents")) || (data19 === "embeddings")) || (data19 === "explanations")) || (data19 === "drift_reference")) || (data19 === "test_rows")) || (data19 === "series"))){
validate33.errors = [{instancePath:instancePath+"/artifacts/" + i0+"/kind",schemaPath:"#/$defs/artifact/properties/kind/enum",keyword:"enum",params:{allowedValues: schema87.properties.kind.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid5 = _errs41 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data18.url !== undefined){
let data20 = data18.url;
const _errs42 = errors;
if(errors === _errs42){
if(typeof data20 === "string"){
if(!pattern10.test(data20)){
validate33.errors = [{instancePath:instancePath+"/artifacts/" + i0+"/url",schemaPath:"#/$defs/artifact/properties/url/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]{0,63}/[a-z0-9_-]+\\.[0-9a-f]{16}\\.[a-z.]+$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]{0,63}/[a-z0-9_-]+\\.[0-9a-f]{16}\\.[a-z.]+$"+"\""}];
return false;
}
}
else {
validate33.errors = [{instancePath:instancePath+"/artifacts/" + i0+"/url",schemaPath:"#/$defs/artifact/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid5 = _errs42 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data18.sha256 !== undefined){
let data21 = data18.sha256;
const _errs44 = errors;
if(errors === _errs44){
if(typeof data21 === "string"){
if(!pattern5.test(data21)){
validate33.errors = [{instancePath:instancePath+"/artifacts/" + i0+"/sha256",schemaPath:"#/$defs/artifact/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate33.errors = [{instancePath:instancePath+"/artifacts/" + i0+"/sha256",schemaPath:"#/$defs/artifact/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid5 = _errs44 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data18.bytes !== undefined){
let data22 = data18.bytes;
const _errs46 = errors;
if(!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))){
validate33.errors = [{instancePath:instancePath+"/artifacts/" + i0+"/bytes",schemaPath:"#/$defs/artifact/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs46){
if((typeof data22 == "number") && (isFinite(data22))){
if(data22 < 0 || isNaN(data22)){
validate33.errors = [{instancePath:instancePath+"/artifacts/" + i0+"/bytes",schemaPath:"#/$defs/artifact/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs46 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data18.name !== undefined){
const _errs48 = errors;
if(typeof data18.name !== "string"){
validate33.errors = [{instancePath:instancePath+"/artifacts/" + i0+"/name",schemaPath:"#/$defs/artifact/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid5 = _errs48 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data18.media_type !== undefined){
let data24 = data18.media_type;
const _errs50 = errors;
if(errors === _errs50){
if(typeof data24 === "string"){
if(!pattern12.test(data24)){
validate33.errors = [{instancePath:instancePath+"/artifacts/" + i0+"/media_type",schemaPath:"#/$defs/artifact/properties/media_type/pattern",keyword:"pattern",params:{pattern: "^[a-z]+/[a-z0-9.+-]+$"},message:"must match pattern \""+"^[a-z]+/[a-z0-9.+-]+$"+"\""}];
return false;
}
}
else {
validate33.errors = [{instancePath:instancePath+"/artifacts/" + i0+"/media_type",schemaPath:"#/$defs/artifact/properties/media_type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid5 = _errs50 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
}
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/artifacts/" + i0,schemaPath:"#/$defs/artifact/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs37 === errors;
if(!valid3){
break;
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs35 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.session_options !== undefined){
let data25 = data.session_options;
const _errs52 = errors;
if(errors === _errs52){
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
for(const key4 in data25){
const _errs55 = errors;
if(typeof data25[key4] !== "string"){
validate33.errors = [{instancePath:instancePath+"/session_options/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/session_options/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid6 = _errs55 === errors;
if(!valid6){
break;
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/session_options",schemaPath:"#/properties/session_options/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs52 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate33.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate33.errors = vErrors;
return errors === 0;
}
validate33.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((((((((((data.id === undefined) && (missing0 = "id")) || ((data.title === undefined) && (missing0 = "title"))) || ((data.task === undefined) && (missing0 = "task"))) || ((data.build_key === undefined) && (missing0 = "build_key"))) || ((data.labels === undefined) && (missing0 = "labels"))) || ((data.inputs === undefined) && (missing0 = "inputs"))) || ((data.outputs === undefined) && (missing0 = "outputs"))) || ((data.preprocessing === undefined) && (missing0 = "preprocessing"))) || ((data.dataset === undefined) && (missing0 = "dataset"))) || ((data.examples === undefined) && (missing0 = "examples"))) || ((data.default_variant === undefined) && (missing0 = "default_variant"))) || ((data.variants === undefined) && (missing0 = "variants"))) || ((data.recipe === undefined) && (missing0 = "recipe"))) || ((data.artifacts === undefined) && (missing0 = "artifacts"))) || ((data.postprocessing === undefined) && (missing0 = "postprocessing"))){
validate21.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema32.properties, key0))){
validate21.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
let data0 = data.id;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern4.test(data0)){
validate21.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]{0,63}$(?!\\n)"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]{0,63}$(?!\\n)"+"\""}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.title !== undefined){
const _errs5 = errors;
if(typeof data.title !== "string"){
validate21.errors = [{instancePath:instancePath+"/title",schemaPath:"#/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.task !== undefined){
let data2 = data.task;
const _errs7 = errors;
if(!(((((((((((data2 === "tabular-classification") || (data2 === "tabular-regression")) || (data2 === "time-series-forecasting")) || (data2 === "anomaly-detection")) || (data2 === "image-classification")) || (data2 === "object-detection")) || (data2 === "text-classification")) || (data2 === "semantic-search")) || (data2 === "text-generation")) || (data2 === "voice-activity-detection")) || (data2 === "recommendation"))){
validate21.errors = [{instancePath:instancePath+"/task",schemaPath:"#/properties/task/enum",keyword:"enum",params:{allowedValues: schema32.properties.task.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.build_key !== undefined){
let data3 = data.build_key;
const _errs8 = errors;
if(errors === _errs8){
if(typeof data3 === "string"){
if(!pattern5.test(data3)){
validate21.errors = [{instancePath:instancePath+"/build_key",schemaPath:"#/properties/build_key/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/build_key",schemaPath:"#/properties/build_key/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.labels !== undefined){
let data4 = data.labels;
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data4)){
if(data4.length < 0){
validate21.errors = [{instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/minItems",keyword:"minItems",params:{limit: 0},message:"must NOT have fewer than 0 items"}];
return false;
}
else {
var valid2 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
const _errs12 = errors;
if(typeof data4[i0] !== "string"){
validate21.errors = [{instancePath:instancePath+"/labels/" + i0,schemaPath:"#/properties/labels/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs12 === errors;
if(!valid2){
break;
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.inputs !== undefined){
let data6 = data.inputs;
const _errs14 = errors;
if(errors === _errs14){
if(Array.isArray(data6)){
if(data6.length < 1){
validate21.errors = [{instancePath:instancePath+"/inputs",schemaPath:"#/properties/inputs/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid3 = true;
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
const _errs16 = errors;
if(!(validate22(data6[i1], {instancePath:instancePath+"/inputs/" + i1,parentData:data6,parentDataProperty:i1,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
var valid3 = _errs16 === errors;
if(!valid3){
break;
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/inputs",schemaPath:"#/properties/inputs/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.outputs !== undefined){
let data8 = data.outputs;
const _errs17 = errors;
if(errors === _errs17){
if(Array.isArray(data8)){
if(data8.length < 1){
validate21.errors = [{instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid4 = true;
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
const _errs19 = errors;
if(!(validate22(data8[i2], {instancePath:instancePath+"/outputs/" + i2,parentData:data8,parentDataProperty:i2,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
var valid4 = _errs19 === errors;
if(!valid4){
break;
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.preprocessing !== undefined){
const _errs20 = errors;
if(!(validate25(data.preprocessing, {instancePath:instancePath+"/preprocessing",parentData:data,parentDataProperty:"preprocessing",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.dataset !== undefined){
const _errs21 = errors;
if(!(validate29(data.dataset, {instancePath:instancePath+"/dataset",parentData:data,parentDataProperty:"dataset",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.examples !== undefined){
let data12 = data.examples;
const _errs22 = errors;
if(errors === _errs22){
if(Array.isArray(data12)){
var valid5 = true;
const len3 = data12.length;
for(let i3=0; i3<len3; i3++){
const _errs24 = errors;
if(!(validate31(data12[i3], {instancePath:instancePath+"/examples/" + i3,parentData:data12,parentDataProperty:i3,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
var valid5 = _errs24 === errors;
if(!valid5){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/examples",schemaPath:"#/properties/examples/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.default_variant !== undefined){
const _errs25 = errors;
if(typeof data.default_variant !== "string"){
validate21.errors = [{instancePath:instancePath+"/default_variant",schemaPath:"#/properties/default_variant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.variants !== undefined){
let data15 = data.variants;
const _errs27 = errors;
if(errors === _errs27){
if(Array.isArray(data15)){
if(data15.length < 1){
validate21.errors = [{instancePath:instancePath+"/variants",schemaPath:"#/properties/variants/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid6 = true;
const len4 = data15.length;
for(let i4=0; i4<len4; i4++){
const _errs29 = errors;
if(!(validate33(data15[i4], {instancePath:instancePath+"/variants/" + i4,parentData:data15,parentDataProperty:i4,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
errors = vErrors.length;
}
var valid6 = _errs29 === errors;
if(!valid6){
break;
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/variants",schemaPath:"#/properties/variants/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs27 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.recipe !== undefined){
const _errs30 = errors;
if(typeof data.recipe !== "string"){
validate21.errors = [{instancePath:instancePath+"/recipe",schemaPath:"#/properties/recipe/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs30 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.artifacts !== undefined){
let data18 = data.artifacts;
const _errs32 = errors;
if(errors === _errs32){
if(Array.isArray(data18)){
var valid7 = true;
const len5 = data18.length;
for(let i5=0; i5<len5; i5++){
let data19 = data18[i5];
const _errs34 = errors;
const _errs35 = errors;
if(errors === _errs35){
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
let missing1;
if(((((data19.kind === undefined) && (missing1 = "kind")) || ((data19.url === undefined) && (missing1 = "url"))) || ((data19.sha256 === undefined) && (missing1 = "sha256"))) || ((data19.bytes === undefined) && (missing1 = "bytes"))){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i5,schemaPath:"#/$defs/artifact/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs37 = errors;
for(const key1 in data19){
if(!((((((key1 === "kind") || (key1 === "url")) || (key1 === "sha256")) || (key1 === "bytes")) || (key1 === "name")) || (key1 === "media_type"))){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i5,schemaPath:"#/$defs/artifact/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs37 === errors){
if(data19.kind !== undefined){
let data20 = data19.kind;
const _errs38 = errors;
if(!(((((((((data20 === "description") || (data20 === "example")) || (data20 === "tokenizer")) || (data20 === "documents")) || (data20 === "embeddings")) || (data20 === "explanations")) || (data20 === "drift_reference")) || (data20 === "test_rows")) || (data20 === "series"))){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i5+"/kind",schemaPath:"#/$defs/artifact/properties/kind/enum",keyword:"enum",params:{allowedValues: schema87.properties.kind.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid9 = _errs38 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data19.url !== undefined){
let data21 = data19.url;
const _errs39 = errors;
if(errors === _errs39){
if(typeof data21 === "string"){
if(!pattern10.test(data21)){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i5+"/url",schemaPath:"#/$defs/artifact/properties/url/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]{0,63}/[a-z0-9_-]+\\.[0-9a-f]{16}\\.[a-z.]+$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]{0,63}/[a-z0-9_-]+\\.[0-9a-f]{16}\\.[a-z.]+$"+"\""}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i5+"/url",schemaPath:"#/$defs/artifact/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid9 = _errs39 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data19.sha256 !== undefined){
let data22 = data19.sha256;
const _errs41 = errors;
if(errors === _errs41){
if(typeof data22 === "string"){
if(!pattern5.test(data22)){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i5+"/sha256",schemaPath:"#/$defs/artifact/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i5+"/sha256",schemaPath:"#/$defs/artifact/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid9 = _errs41 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data19.bytes !== undefined){
let data23 = data19.bytes;
const _errs43 = errors;
if(!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i5+"/bytes",schemaPath:"#/$defs/artifact/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs43){
if((typeof data23 == "number") && (isFinite(data23))){
if(data23 < 0 || isNaN(data23)){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i5+"/bytes",schemaPath:"#/$defs/artifact/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid9 = _errs43 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data19.name !== undefined){
const _errs45 = errors;
if(typeof data19.name !== "string"){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i5+"/name",schemaPath:"#/$defs/artifact/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid9 = _errs45 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data19.media_type !== undefined){
let data25 = data19.media_type;
const _errs47 = errors;
if(errors === _errs47){
if(typeof data25 === "string"){
if(!pattern12.test(data25)){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i5+"/media_type",schemaPath:"#/$defs/artifact/properties/media_type/pattern",keyword:"pattern",params:{pattern: "^[a-z]+/[a-z0-9.+-]+$"},message:"must match pattern \""+"^[a-z]+/[a-z0-9.+-]+$"+"\""}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i5+"/media_type",schemaPath:"#/$defs/artifact/properties/media_type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid9 = _errs47 === errors;
}
else {
var valid9 = true;
}
}
}
}
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i5,schemaPath:"#/$defs/artifact/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid7 = _errs34 === errors;
if(!valid7){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs32 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.postprocessing !== undefined){
let data26 = data.postprocessing;
const _errs49 = errors;
const _errs51 = errors;
let valid11 = false;
let passing0 = null;
const _errs52 = errors;
if(errors === _errs52){
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
let missing2;
if((((data26.kind === undefined) && (missing2 = "kind")) || ((data26.label_output === undefined) && (missing2 = "label_output"))) || ((data26.probability_output === undefined) && (missing2 = "probability_output"))){
const err0 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/0/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
const _errs54 = errors;
for(const key2 in data26){
if(!(((key2 === "kind") || (key2 === "label_output")) || (key2 === "probability_output"))){
const err1 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/0/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
break;
}
}
if(_errs54 === errors){
if(data26.kind !== undefined){
const _errs55 = errors;
if("tabular-classification" !== data26.kind){
const err2 = {instancePath:instancePath+"/postprocessing/kind",schemaPath:"#/$defs/postprocessing/oneOf/0/properties/kind/const",keyword:"const",params:{allowedValue: "tabular-classification"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid12 = _errs55 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data26.label_output !== undefined){
const _errs56 = errors;
if(typeof data26.label_output !== "string"){
const err3 = {instancePath:instancePath+"/postprocessing/label_output",schemaPath:"#/$defs/postprocessing/oneOf/0/properties/label_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var valid12 = _errs56 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data26.probability_output !== undefined){
const _errs58 = errors;
if(typeof data26.probability_output !== "string"){
const err4 = {instancePath:instancePath+"/postprocessing/probability_output",schemaPath:"#/$defs/postprocessing/oneOf/0/properties/probability_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var valid12 = _errs58 === errors;
}
else {
var valid12 = true;
}
}
}
}
}
}
else {
const err5 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var _valid0 = _errs52 === errors;
if(_valid0){
valid11 = true;
passing0 = 0;
var props3 = true;
}
const _errs60 = errors;
if(errors === _errs60){
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
let missing3;
if((((data26.kind === undefined) && (missing3 = "kind")) || ((data26.value_output === undefined) && (missing3 = "value_output"))) || ((data26.interval === undefined) && (missing3 = "interval"))){
const err6 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/1/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
const _errs62 = errors;
for(const key3 in data26){
if(!(((key3 === "kind") || (key3 === "value_output")) || (key3 === "interval"))){
const err7 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
break;
}
}
if(_errs62 === errors){
if(data26.kind !== undefined){
const _errs63 = errors;
if("tabular-regression" !== data26.kind){
const err8 = {instancePath:instancePath+"/postprocessing/kind",schemaPath:"#/$defs/postprocessing/oneOf/1/properties/kind/const",keyword:"const",params:{allowedValue: "tabular-regression"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var valid13 = _errs63 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data26.value_output !== undefined){
const _errs64 = errors;
if(typeof data26.value_output !== "string"){
const err9 = {instancePath:instancePath+"/postprocessing/value_output",schemaPath:"#/$defs/postprocessing/oneOf/1/properties/value_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var valid13 = _errs64 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data26.interval !== undefined){
let data32 = data26.interval;
const _errs66 = errors;
if(errors === _errs66){
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
let missing4;
if((((data32.level === undefined) && (missing4 = "level")) || ((data32.half_width === undefined) && (missing4 = "half_width"))) || ((data32.method === undefined) && (missing4 = "method"))){
const err10 = {instancePath:instancePath+"/postprocessing/interval",schemaPath:"#/$defs/postprocessing/oneOf/1/properties/interval/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
const _errs68 = errors;
for(const key4 in data32){
if(!(((key4 === "level") || (key4 === "half_width")) || (key4 === "method"))){
const err11 = {instancePath:instancePath+"/postprocessing/interval",schemaPath:"#/$defs/postprocessing/oneOf/1/properties/interval/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
break;
}
}
if(_errs68 === errors){
if(data32.level !== undefined){
let data33 = data32.level;
const _errs69 = errors;
if(errors === _errs69){
if((typeof data33 == "number") && (isFinite(data33))){
if(data33 >= 1 || isNaN(data33)){
const err12 = {instancePath:instancePath+"/postprocessing/interval/level",schemaPath:"#/$defs/postprocessing/oneOf/1/properties/interval/properties/level/exclusiveMaximum",keyword:"exclusiveMaximum",params:{comparison: "<", limit: 1},message:"must be < 1"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
else {
if(data33 <= 0 || isNaN(data33)){
const err13 = {instancePath:instancePath+"/postprocessing/interval/level",schemaPath:"#/$defs/postprocessing/oneOf/1/properties/interval/properties/level/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/postprocessing/interval/level",schemaPath:"#/$defs/postprocessing/oneOf/1/properties/interval/properties/level/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var valid14 = _errs69 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data32.half_width !== undefined){
let data34 = data32.half_width;
const _errs71 = errors;
if(errors === _errs71){
if((typeof data34 == "number") && (isFinite(data34))){
if(data34 < 0 || isNaN(data34)){
const err15 = {instancePath:instancePath+"/postprocessing/interval/half_width",schemaPath:"#/$defs/postprocessing/oneOf/1/properties/interval/properties/half_width/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/postprocessing/interval/half_width",schemaPath:"#/$defs/postprocessing/oneOf/1/properties/interval/properties/half_width/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var valid14 = _errs71 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data32.method !== undefined){
const _errs73 = errors;
if(typeof data32.method !== "string"){
const err17 = {instancePath:instancePath+"/postprocessing/interval/method",schemaPath:"#/$defs/postprocessing/oneOf/1/properties/interval/properties/method/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var valid14 = _errs73 === errors;
}
else {
var valid14 = true;
}
}
}
}
}
}
else {
const err18 = {instancePath:instancePath+"/postprocessing/interval",schemaPath:"#/$defs/postprocessing/oneOf/1/properties/interval/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
var valid13 = _errs66 === errors;
}
else {
var valid13 = true;
}
}
}
}
}
}
else {
const err19 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
var _valid0 = _errs60 === errors;
if(_valid0 && valid11){
valid11 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid11 = true;
passing0 = 1;
if(props3 !== true){
props3 = true;
}
}
const _errs75 = errors;
if(errors === _errs75){
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
let missing5;
if(((((data26.kind === undefined) && (missing5 = "kind")) || ((data26.forecast_output === undefined) && (missing5 = "forecast_output"))) || ((data26.horizon === undefined) && (missing5 = "horizon"))) || ((data26.interval === undefined) && (missing5 = "interval"))){
const err20 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/2/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
else {
const _errs77 = errors;
for(const key5 in data26){
if(!((((key5 === "kind") || (key5 === "forecast_output")) || (key5 === "horizon")) || (key5 === "interval"))){
const err21 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/2/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
break;
}
}
if(_errs77 === errors){
if(data26.kind !== undefined){
const _errs78 = errors;
if("time-series-forecasting" !== data26.kind){
const err22 = {instancePath:instancePath+"/postprocessing/kind",schemaPath:"#/$defs/postprocessing/oneOf/2/properties/kind/const",keyword:"const",params:{allowedValue: "time-series-forecasting"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var valid15 = _errs78 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data26.forecast_output !== undefined){
const _errs79 = errors;
if(typeof data26.forecast_output !== "string"){
const err23 = {instancePath:instancePath+"/postprocessing/forecast_output",schemaPath:"#/$defs/postprocessing/oneOf/2/properties/forecast_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
var valid15 = _errs79 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data26.horizon !== undefined){
let data38 = data26.horizon;
const _errs81 = errors;
if(!(((typeof data38 == "number") && (!(data38 % 1) && !isNaN(data38))) && (isFinite(data38)))){
const err24 = {instancePath:instancePath+"/postprocessing/horizon",schemaPath:"#/$defs/postprocessing/oneOf/2/properties/horizon/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(errors === _errs81){
if((typeof data38 == "number") && (isFinite(data38))){
if(data38 < 1 || isNaN(data38)){
const err25 = {instancePath:instancePath+"/postprocessing/horizon",schemaPath:"#/$defs/postprocessing/oneOf/2/properties/horizon/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
var valid15 = _errs81 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data26.interval !== undefined){
let data39 = data26.interval;
const _errs83 = errors;
if(errors === _errs83){
if(data39 && typeof data39 == "object" && !Array.isArray(data39)){
let missing6;
if((((data39.level === undefined) && (missing6 = "level")) || ((data39.half_widths === undefined) && (missing6 = "half_widths"))) || ((data39.method === undefined) && (missing6 = "method"))){
const err26 = {instancePath:instancePath+"/postprocessing/interval",schemaPath:"#/$defs/postprocessing/oneOf/2/properties/interval/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
else {
const _errs85 = errors;
for(const key6 in data39){
if(!(((key6 === "level") || (key6 === "half_widths")) || (key6 === "method"))){
const err27 = {instancePath:instancePath+"/postprocessing/interval",schemaPath:"#/$defs/postprocessing/oneOf/2/properties/interval/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
break;
}
}
if(_errs85 === errors){
if(data39.level !== undefined){
let data40 = data39.level;
const _errs86 = errors;
if(errors === _errs86){
if((typeof data40 == "number") && (isFinite(data40))){
if(data40 >= 1 || isNaN(data40)){
const err28 = {instancePath:instancePath+"/postprocessing/interval/level",schemaPath:"#/$defs/postprocessing/oneOf/2/properties/interval/properties/level/exclusiveMaximum",keyword:"exclusiveMaximum",params:{comparison: "<", limit: 1},message:"must be < 1"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
else {
if(data40 <= 0 || isNaN(data40)){
const err29 = {instancePath:instancePath+"/postprocessing/interval/level",schemaPath:"#/$defs/postprocessing/oneOf/2/properties/interval/properties/level/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/postprocessing/interval/level",schemaPath:"#/$defs/postprocessing/oneOf/2/properties/interval/properties/level/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
var valid16 = _errs86 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data39.half_widths !== undefined){
let data41 = data39.half_widths;
const _errs88 = errors;
if(errors === _errs88){
if(Array.isArray(data41)){
var valid17 = true;
const len6 = data41.length;
for(let i6=0; i6<len6; i6++){
let data42 = data41[i6];
const _errs90 = errors;
if(!((typeof data42 == "number") && (isFinite(data42)))){
const err31 = {instancePath:instancePath+"/postprocessing/interval/half_widths/" + i6,schemaPath:"#/$defs/postprocessing/oneOf/2/properties/interval/properties/half_widths/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
var valid17 = _errs90 === errors;
if(!valid17){
break;
}
}
}
else {
const err32 = {instancePath:instancePath+"/postprocessing/interval/half_widths",schemaPath:"#/$defs/postprocessing/oneOf/2/properties/interval/properties/half_widths/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
var valid16 = _errs88 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data39.method !== undefined){
const _errs92 = errors;
if(typeof data39.method !== "string"){
const err33 = {instancePath:instancePath+"/postprocessing/interval/method",schemaPath:"#/$defs/postprocessing/oneOf/2/properties/interval/properties/method/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
var valid16 = _errs92 === errors;
}
else {
var valid16 = true;
}
}
}
}
}
}
else {
const err34 = {instancePath:instancePath+"/postprocessing/interval",schemaPath:"#/$defs/postprocessing/oneOf/2/properties/interval/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
var valid15 = _errs83 === errors;
}
else {
var valid15 = true;
}
}
}
}
}
}
}
else {
const err35 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
var _valid0 = _errs75 === errors;
if(_valid0 && valid11){
valid11 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid11 = true;
passing0 = 2;
if(props3 !== true){
props3 = true;
}
}
const _errs94 = errors;
if(errors === _errs94){
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
let missing7;
if(((((data26.kind === undefined) && (missing7 = "kind")) || ((data26.label_output === undefined) && (missing7 = "label_output"))) || ((data26.score_output === undefined) && (missing7 = "score_output"))) || ((data26.threshold === undefined) && (missing7 = "threshold"))){
const err36 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/3/required",keyword:"required",params:{missingProperty: missing7},message:"must have required property '"+missing7+"'"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
else {
const _errs96 = errors;
for(const key7 in data26){
if(!((((key7 === "kind") || (key7 === "label_output")) || (key7 === "score_output")) || (key7 === "threshold"))){
const err37 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
break;
}
}
if(_errs96 === errors){
if(data26.kind !== undefined){
const _errs97 = errors;
if("anomaly-detection" !== data26.kind){
const err38 = {instancePath:instancePath+"/postprocessing/kind",schemaPath:"#/$defs/postprocessing/oneOf/3/properties/kind/const",keyword:"const",params:{allowedValue: "anomaly-detection"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
var valid18 = _errs97 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data26.label_output !== undefined){
const _errs98 = errors;
if(typeof data26.label_output !== "string"){
const err39 = {instancePath:instancePath+"/postprocessing/label_output",schemaPath:"#/$defs/postprocessing/oneOf/3/properties/label_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var valid18 = _errs98 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data26.score_output !== undefined){
const _errs100 = errors;
if(typeof data26.score_output !== "string"){
const err40 = {instancePath:instancePath+"/postprocessing/score_output",schemaPath:"#/$defs/postprocessing/oneOf/3/properties/score_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
var valid18 = _errs100 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data26.threshold !== undefined){
let data47 = data26.threshold;
const _errs102 = errors;
if(!((typeof data47 == "number") && (isFinite(data47)))){
const err41 = {instancePath:instancePath+"/postprocessing/threshold",schemaPath:"#/$defs/postprocessing/oneOf/3/properties/threshold/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
var valid18 = _errs102 === errors;
}
else {
var valid18 = true;
}
}
}
}
}
}
}
else {
const err42 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/3/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
var _valid0 = _errs94 === errors;
if(_valid0 && valid11){
valid11 = false;
passing0 = [passing0, 3];
}
else {
if(_valid0){
valid11 = true;
passing0 = 3;
if(props3 !== true){
props3 = true;
}
}
const _errs104 = errors;
if(errors === _errs104){
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
let missing8;
if((((data26.kind === undefined) && (missing8 = "kind")) || ((data26.logits_output === undefined) && (missing8 = "logits_output"))) || ((data26.top_k === undefined) && (missing8 = "top_k"))){
const err43 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/4/required",keyword:"required",params:{missingProperty: missing8},message:"must have required property '"+missing8+"'"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
else {
const _errs106 = errors;
for(const key8 in data26){
if(!(((((key8 === "kind") || (key8 === "logits_output")) || (key8 === "top_k")) || (key8 === "cam_output")) || (key8 === "cam_classes_output"))){
const err44 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/4/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
break;
}
}
if(_errs106 === errors){
if(data26.kind !== undefined){
const _errs107 = errors;
if("image-classification" !== data26.kind){
const err45 = {instancePath:instancePath+"/postprocessing/kind",schemaPath:"#/$defs/postprocessing/oneOf/4/properties/kind/const",keyword:"const",params:{allowedValue: "image-classification"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
var valid19 = _errs107 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data26.logits_output !== undefined){
const _errs108 = errors;
if(typeof data26.logits_output !== "string"){
const err46 = {instancePath:instancePath+"/postprocessing/logits_output",schemaPath:"#/$defs/postprocessing/oneOf/4/properties/logits_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
var valid19 = _errs108 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data26.top_k !== undefined){
let data50 = data26.top_k;
const _errs110 = errors;
if(!(((typeof data50 == "number") && (!(data50 % 1) && !isNaN(data50))) && (isFinite(data50)))){
const err47 = {instancePath:instancePath+"/postprocessing/top_k",schemaPath:"#/$defs/postprocessing/oneOf/4/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(errors === _errs110){
if((typeof data50 == "number") && (isFinite(data50))){
if(data50 < 1 || isNaN(data50)){
const err48 = {instancePath:instancePath+"/postprocessing/top_k",schemaPath:"#/$defs/postprocessing/oneOf/4/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
var valid19 = _errs110 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data26.cam_output !== undefined){
const _errs112 = errors;
if(typeof data26.cam_output !== "string"){
const err49 = {instancePath:instancePath+"/postprocessing/cam_output",schemaPath:"#/$defs/postprocessing/oneOf/4/properties/cam_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
var valid19 = _errs112 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data26.cam_classes_output !== undefined){
const _errs114 = errors;
if(typeof data26.cam_classes_output !== "string"){
const err50 = {instancePath:instancePath+"/postprocessing/cam_classes_output",schemaPath:"#/$defs/postprocessing/oneOf/4/properties/cam_classes_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
var valid19 = _errs114 === errors;
}
else {
var valid19 = true;
}
}
}
}
}
}
}
}
else {
const err51 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/4/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
var _valid0 = _errs104 === errors;
if(_valid0 && valid11){
valid11 = false;
passing0 = [passing0, 4];
}
else {
if(_valid0){
valid11 = true;
passing0 = 4;
if(props3 !== true){
props3 = true;
}
}
const _errs116 = errors;
if(errors === _errs116){
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
let missing9;
if((data26.kind === undefined) && (missing9 = "kind")){
const err52 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/5/required",keyword:"required",params:{missingProperty: missing9},message:"must have required property '"+missing9+"'"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
else {
if(data26.kind !== undefined){
if("object-detection" !== data26.kind){
const err53 = {instancePath:instancePath+"/postprocessing/kind",schemaPath:"#/$defs/postprocessing/oneOf/5/properties/kind/const",keyword:"const",params:{allowedValue: "object-detection"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
}
else {
const err54 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/5/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
var _valid0 = _errs116 === errors;
if(_valid0 && valid11){
valid11 = false;
passing0 = [passing0, 5];
}
else {
if(_valid0){
valid11 = true;
passing0 = 5;
if(props3 !== true){
props3 = props3 || {};
props3.kind = true;
}
}
const _errs119 = errors;
if(errors === _errs119){
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
let missing10;
if(((data26.kind === undefined) && (missing10 = "kind")) || ((data26.logits_output === undefined) && (missing10 = "logits_output"))){
const err55 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/6/required",keyword:"required",params:{missingProperty: missing10},message:"must have required property '"+missing10+"'"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
else {
const _errs121 = errors;
for(const key9 in data26){
if(!((key9 === "kind") || (key9 === "logits_output"))){
const err56 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/6/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
break;
}
}
if(_errs121 === errors){
if(data26.kind !== undefined){
const _errs122 = errors;
if("text-classification" !== data26.kind){
const err57 = {instancePath:instancePath+"/postprocessing/kind",schemaPath:"#/$defs/postprocessing/oneOf/6/properties/kind/const",keyword:"const",params:{allowedValue: "text-classification"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
var valid21 = _errs122 === errors;
}
else {
var valid21 = true;
}
if(valid21){
if(data26.logits_output !== undefined){
const _errs123 = errors;
if(typeof data26.logits_output !== "string"){
const err58 = {instancePath:instancePath+"/postprocessing/logits_output",schemaPath:"#/$defs/postprocessing/oneOf/6/properties/logits_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
var valid21 = _errs123 === errors;
}
else {
var valid21 = true;
}
}
}
}
}
else {
const err59 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/6/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
var _valid0 = _errs119 === errors;
if(_valid0 && valid11){
valid11 = false;
passing0 = [passing0, 6];
}
else {
if(_valid0){
valid11 = true;
passing0 = 6;
if(props3 !== true){
props3 = true;
}
}
const _errs125 = errors;
if(errors === _errs125){
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
let missing11;
if(((((data26.kind === undefined) && (missing11 = "kind")) || ((data26.embedding_output === undefined) && (missing11 = "embedding_output"))) || ((data26.top_k === undefined) && (missing11 = "top_k"))) || ((data26.corpus === undefined) && (missing11 = "corpus"))){
const err60 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/7/required",keyword:"required",params:{missingProperty: missing11},message:"must have required property '"+missing11+"'"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
else {
const _errs127 = errors;
for(const key10 in data26){
if(!((((key10 === "kind") || (key10 === "embedding_output")) || (key10 === "top_k")) || (key10 === "corpus"))){
const err61 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/7/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
break;
}
}
if(_errs127 === errors){
if(data26.kind !== undefined){
const _errs128 = errors;
if("semantic-search" !== data26.kind){
const err62 = {instancePath:instancePath+"/postprocessing/kind",schemaPath:"#/$defs/postprocessing/oneOf/7/properties/kind/const",keyword:"const",params:{allowedValue: "semantic-search"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
var valid22 = _errs128 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data26.embedding_output !== undefined){
const _errs129 = errors;
if(typeof data26.embedding_output !== "string"){
const err63 = {instancePath:instancePath+"/postprocessing/embedding_output",schemaPath:"#/$defs/postprocessing/oneOf/7/properties/embedding_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
var valid22 = _errs129 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data26.top_k !== undefined){
let data58 = data26.top_k;
const _errs131 = errors;
if(!(((typeof data58 == "number") && (!(data58 % 1) && !isNaN(data58))) && (isFinite(data58)))){
const err64 = {instancePath:instancePath+"/postprocessing/top_k",schemaPath:"#/$defs/postprocessing/oneOf/7/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
if(errors === _errs131){
if((typeof data58 == "number") && (isFinite(data58))){
if(data58 < 1 || isNaN(data58)){
const err65 = {instancePath:instancePath+"/postprocessing/top_k",schemaPath:"#/$defs/postprocessing/oneOf/7/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
var valid22 = _errs131 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data26.corpus !== undefined){
let data59 = data26.corpus;
const _errs133 = errors;
if(errors === _errs133){
if(data59 && typeof data59 == "object" && !Array.isArray(data59)){
let missing12;
if((((((data59.documents === undefined) && (missing12 = "documents")) || ((data59.embeddings === undefined) && (missing12 = "embeddings"))) || ((data59.count === undefined) && (missing12 = "count"))) || ((data59.dims === undefined) && (missing12 = "dims"))) || ((data59.encoding === undefined) && (missing12 = "encoding"))){
const err66 = {instancePath:instancePath+"/postprocessing/corpus",schemaPath:"#/$defs/postprocessing/oneOf/7/properties/corpus/required",keyword:"required",params:{missingProperty: missing12},message:"must have required property '"+missing12+"'"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
else {
const _errs135 = errors;
for(const key11 in data59){
if(!(((((key11 === "documents") || (key11 === "embeddings")) || (key11 === "count")) || (key11 === "dims")) || (key11 === "encoding"))){
const err67 = {instancePath:instancePath+"/postprocessing/corpus",schemaPath:"#/$defs/postprocessing/oneOf/7/properties/corpus/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
break;
}
}
if(_errs135 === errors){
if(data59.documents !== undefined){
const _errs136 = errors;
if(typeof data59.documents !== "string"){
const err68 = {instancePath:instancePath+"/postprocessing/corpus/documents",schemaPath:"#/$defs/postprocessing/oneOf/7/properties/corpus/properties/documents/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
var valid23 = _errs136 === errors;
}
else {
var valid23 = true;
}
if(valid23){
if(data59.embeddings !== undefined){
const _errs138 = errors;
if(typeof data59.embeddings !== "string"){
const err69 = {instancePath:instancePath+"/postprocessing/corpus/embeddings",schemaPath:"#/$defs/postprocessing/oneOf/7/properties/corpus/properties/embeddings/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
var valid23 = _errs138 === errors;
}
else {
var valid23 = true;
}
if(valid23){
if(data59.count !== undefined){
let data62 = data59.count;
const _errs140 = errors;
if(!(((typeof data62 == "number") && (!(data62 % 1) && !isNaN(data62))) && (isFinite(data62)))){
const err70 = {instancePath:instancePath+"/postprocessing/corpus/count",schemaPath:"#/$defs/postprocessing/oneOf/7/properties/corpus/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if(errors === _errs140){
if((typeof data62 == "number") && (isFinite(data62))){
if(data62 < 1 || isNaN(data62)){
const err71 = {instancePath:instancePath+"/postprocessing/corpus/count",schemaPath:"#/$defs/postprocessing/oneOf/7/properties/corpus/properties/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
}
var valid23 = _errs140 === errors;
}
else {
var valid23 = true;
}
if(valid23){
if(data59.dims !== undefined){
let data63 = data59.dims;
const _errs142 = errors;
if(!(((typeof data63 == "number") && (!(data63 % 1) && !isNaN(data63))) && (isFinite(data63)))){
const err72 = {instancePath:instancePath+"/postprocessing/corpus/dims",schemaPath:"#/$defs/postprocessing/oneOf/7/properties/corpus/properties/dims/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
if(errors === _errs142){
if((typeof data63 == "number") && (isFinite(data63))){
if(data63 < 1 || isNaN(data63)){
const err73 = {instancePath:instancePath+"/postprocessing/corpus/dims",schemaPath:"#/$defs/postprocessing/oneOf/7/properties/corpus/properties/dims/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
var valid23 = _errs142 === errors;
}
else {
var valid23 = true;
}
if(valid23){
if(data59.encoding !== undefined){
const _errs144 = errors;
if("int8-rows" !== data59.encoding){
const err74 = {instancePath:instancePath+"/postprocessing/corpus/encoding",schemaPath:"#/$defs/postprocessing/oneOf/7/properties/corpus/properties/encoding/const",keyword:"const",params:{allowedValue: "int8-rows"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
var valid23 = _errs144 === errors;
}
else {
var valid23 = true;
}
}
}
}
}
}
}
}
else {
const err75 = {instancePath:instancePath+"/postprocessing/corpus",schemaPath:"#/$defs/postprocessing/oneOf/7/properties/corpus/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
var valid22 = _errs133 === errors;
}
else {
var valid22 = true;
}
}
}
}
}
}
}
else {
const err76 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/7/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
var _valid0 = _errs125 === errors;
if(_valid0 && valid11){
valid11 = false;
passing0 = [passing0, 7];
}
else {
if(_valid0){
valid11 = true;
passing0 = 7;
if(props3 !== true){
props3 = true;
}
}
const _errs145 = errors;
if(errors === _errs145){
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
let missing13;
if((((((((data26.kind === undefined) && (missing13 = "kind")) || ((data26.logits_output === undefined) && (missing13 = "logits_output"))) || ((data26.cache === undefined) && (missing13 = "cache"))) || ((data26.eos_token_ids === undefined) && (missing13 = "eos_token_ids"))) || ((data26.context === undefined) && (missing13 = "context"))) || ((data26.max_new_tokens === undefined) && (missing13 = "max_new_tokens"))) || ((data26.defaults === undefined) && (missing13 = "defaults"))){
const err77 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/8/required",keyword:"required",params:{missingProperty: missing13},message:"must have required property '"+missing13+"'"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
else {
const _errs147 = errors;
for(const key12 in data26){
if(!(((((((key12 === "kind") || (key12 === "logits_output")) || (key12 === "cache")) || (key12 === "eos_token_ids")) || (key12 === "context")) || (key12 === "max_new_tokens")) || (key12 === "defaults"))){
const err78 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/8/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
break;
}
}
if(_errs147 === errors){
if(data26.kind !== undefined){
const _errs148 = errors;
if("text-generation" !== data26.kind){
const err79 = {instancePath:instancePath+"/postprocessing/kind",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/kind/const",keyword:"const",params:{allowedValue: "text-generation"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
var valid24 = _errs148 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data26.logits_output !== undefined){
const _errs149 = errors;
if(typeof data26.logits_output !== "string"){
const err80 = {instancePath:instancePath+"/postprocessing/logits_output",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/logits_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
var valid24 = _errs149 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data26.cache !== undefined){
let data67 = data26.cache;
const _errs151 = errors;
if(errors === _errs151){
if(data67 && typeof data67 == "object" && !Array.isArray(data67)){
let missing14;
if((((((data67.layers === undefined) && (missing14 = "layers")) || ((data67.kv_heads === undefined) && (missing14 = "kv_heads"))) || ((data67.head_dim === undefined) && (missing14 = "head_dim"))) || ((data67.past === undefined) && (missing14 = "past"))) || ((data67.present === undefined) && (missing14 = "present"))){
const err81 = {instancePath:instancePath+"/postprocessing/cache",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/cache/required",keyword:"required",params:{missingProperty: missing14},message:"must have required property '"+missing14+"'"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
else {
const _errs153 = errors;
for(const key13 in data67){
if(!(((((key13 === "layers") || (key13 === "kv_heads")) || (key13 === "head_dim")) || (key13 === "past")) || (key13 === "present"))){
const err82 = {instancePath:instancePath+"/postprocessing/cache",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/cache/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
break;
}
}
if(_errs153 === errors){
if(data67.layers !== undefined){
let data68 = data67.layers;
const _errs154 = errors;
if(!(((typeof data68 == "number") && (!(data68 % 1) && !isNaN(data68))) && (isFinite(data68)))){
const err83 = {instancePath:instancePath+"/postprocessing/cache/layers",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/cache/properties/layers/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
if(errors === _errs154){
if((typeof data68 == "number") && (isFinite(data68))){
if(data68 < 1 || isNaN(data68)){
const err84 = {instancePath:instancePath+"/postprocessing/cache/layers",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/cache/properties/layers/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
}
var valid25 = _errs154 === errors;
}
else {
var valid25 = true;
}
if(valid25){
if(data67.kv_heads !== undefined){
let data69 = data67.kv_heads;
const _errs156 = errors;
if(!(((typeof data69 == "number") && (!(data69 % 1) && !isNaN(data69))) && (isFinite(data69)))){
const err85 = {instancePath:instancePath+"/postprocessing/cache/kv_heads",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/cache/properties/kv_heads/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if(errors === _errs156){
if((typeof data69 == "number") && (isFinite(data69))){
if(data69 < 1 || isNaN(data69)){
const err86 = {instancePath:instancePath+"/postprocessing/cache/kv_heads",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/cache/properties/kv_heads/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
}
var valid25 = _errs156 === errors;
}
else {
var valid25 = true;
}
if(valid25){
if(data67.head_dim !== undefined){
let data70 = data67.head_dim;
const _errs158 = errors;
if(!(((typeof data70 == "number") && (!(data70 % 1) && !isNaN(data70))) && (isFinite(data70)))){
const err87 = {instancePath:instancePath+"/postprocessing/cache/head_dim",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/cache/properties/head_dim/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
if(errors === _errs158){
if((typeof data70 == "number") && (isFinite(data70))){
if(data70 < 1 || isNaN(data70)){
const err88 = {instancePath:instancePath+"/postprocessing/cache/head_dim",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/cache/properties/head_dim/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
}
var valid25 = _errs158 === errors;
}
else {
var valid25 = true;
}
if(valid25){
if(data67.past !== undefined){
const _errs160 = errors;
if(typeof data67.past !== "string"){
const err89 = {instancePath:instancePath+"/postprocessing/cache/past",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/cache/properties/past/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
var valid25 = _errs160 === errors;
}
else {
var valid25 = true;
}
if(valid25){
if(data67.present !== undefined){
const _errs162 = errors;
if(typeof data67.present !== "string"){
const err90 = {instancePath:instancePath+"/postprocessing/cache/present",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/cache/properties/present/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
var valid25 = _errs162 === errors;
}
else {
var valid25 = true;
}
}
}
}
}
}
}
}
else {
const err91 = {instancePath:instancePath+"/postprocessing/cache",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/cache/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
var valid24 = _errs151 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data26.eos_token_ids !== undefined){
let data73 = data26.eos_token_ids;
const _errs164 = errors;
if(errors === _errs164){
if(Array.isArray(data73)){
if(data73.length < 1){
const err92 = {instancePath:instancePath+"/postprocessing/eos_token_ids",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/eos_token_ids/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
else {
var valid26 = true;
const len7 = data73.length;
for(let i7=0; i7<len7; i7++){
let data74 = data73[i7];
const _errs166 = errors;
if(!(((typeof data74 == "number") && (!(data74 % 1) && !isNaN(data74))) && (isFinite(data74)))){
const err93 = {instancePath:instancePath+"/postprocessing/eos_token_ids/" + i7,schemaPath:"#/$defs/postprocessing/oneOf/8/properties/eos_token_ids/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
if(errors === _errs166){
if((typeof data74 == "number") && (isFinite(data74))){
if(data74 < 0 || isNaN(data74)){
const err94 = {instancePath:instancePath+"/postprocessing/eos_token_ids/" + i7,schemaPath:"#/$defs/postprocessing/oneOf/8/properties/eos_token_ids/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
}
var valid26 = _errs166 === errors;
if(!valid26){
break;
}
}
}
}
else {
const err95 = {instancePath:instancePath+"/postprocessing/eos_token_ids",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/eos_token_ids/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
var valid24 = _errs164 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data26.context !== undefined){
let data75 = data26.context;
const _errs168 = errors;
if(!(((typeof data75 == "number") && (!(data75 % 1) && !isNaN(data75))) && (isFinite(data75)))){
const err96 = {instancePath:instancePath+"/postprocessing/context",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/context/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
if(errors === _errs168){
if((typeof data75 == "number") && (isFinite(data75))){
if(data75 < 2 || isNaN(data75)){
const err97 = {instancePath:instancePath+"/postprocessing/context",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/context/minimum",keyword:"minimum",params:{comparison: ">=", limit: 2},message:"must be >= 2"};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
}
var valid24 = _errs168 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data26.max_new_tokens !== undefined){
let data76 = data26.max_new_tokens;
const _errs170 = errors;
if(!(((typeof data76 == "number") && (!(data76 % 1) && !isNaN(data76))) && (isFinite(data76)))){
const err98 = {instancePath:instancePath+"/postprocessing/max_new_tokens",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/max_new_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
if(errors === _errs170){
if((typeof data76 == "number") && (isFinite(data76))){
if(data76 < 1 || isNaN(data76)){
const err99 = {instancePath:instancePath+"/postprocessing/max_new_tokens",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/max_new_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
}
var valid24 = _errs170 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data26.defaults !== undefined){
let data77 = data26.defaults;
const _errs172 = errors;
if(errors === _errs172){
if(data77 && typeof data77 == "object" && !Array.isArray(data77)){
let missing15;
if((((((data77.max_new_tokens === undefined) && (missing15 = "max_new_tokens")) || ((data77.temperature === undefined) && (missing15 = "temperature"))) || ((data77.top_k === undefined) && (missing15 = "top_k"))) || ((data77.top_p === undefined) && (missing15 = "top_p"))) || ((data77.seed === undefined) && (missing15 = "seed"))){
const err100 = {instancePath:instancePath+"/postprocessing/defaults",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/defaults/required",keyword:"required",params:{missingProperty: missing15},message:"must have required property '"+missing15+"'"};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
else {
const _errs174 = errors;
for(const key14 in data77){
if(!(((((key14 === "max_new_tokens") || (key14 === "temperature")) || (key14 === "top_k")) || (key14 === "top_p")) || (key14 === "seed"))){
const err101 = {instancePath:instancePath+"/postprocessing/defaults",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/defaults/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
break;
}
}
if(_errs174 === errors){
if(data77.max_new_tokens !== undefined){
let data78 = data77.max_new_tokens;
const _errs175 = errors;
if(!(((typeof data78 == "number") && (!(data78 % 1) && !isNaN(data78))) && (isFinite(data78)))){
const err102 = {instancePath:instancePath+"/postprocessing/defaults/max_new_tokens",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/defaults/properties/max_new_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
if(errors === _errs175){
if((typeof data78 == "number") && (isFinite(data78))){
if(data78 < 1 || isNaN(data78)){
const err103 = {instancePath:instancePath+"/postprocessing/defaults/max_new_tokens",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/defaults/properties/max_new_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
}
var valid27 = _errs175 === errors;
}
else {
var valid27 = true;
}
if(valid27){
if(data77.temperature !== undefined){
let data79 = data77.temperature;
const _errs177 = errors;
if(errors === _errs177){
if((typeof data79 == "number") && (isFinite(data79))){
if(data79 < 0 || isNaN(data79)){
const err104 = {instancePath:instancePath+"/postprocessing/defaults/temperature",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/defaults/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
else {
const err105 = {instancePath:instancePath+"/postprocessing/defaults/temperature",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/defaults/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
var valid27 = _errs177 === errors;
}
else {
var valid27 = true;
}
if(valid27){
if(data77.top_k !== undefined){
let data80 = data77.top_k;
const _errs179 = errors;
if(!(((typeof data80 == "number") && (!(data80 % 1) && !isNaN(data80))) && (isFinite(data80)))){
const err106 = {instancePath:instancePath+"/postprocessing/defaults/top_k",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/defaults/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
if(errors === _errs179){
if((typeof data80 == "number") && (isFinite(data80))){
if(data80 < 0 || isNaN(data80)){
const err107 = {instancePath:instancePath+"/postprocessing/defaults/top_k",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/defaults/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
}
var valid27 = _errs179 === errors;
}
else {
var valid27 = true;
}
if(valid27){
if(data77.top_p !== undefined){
let data81 = data77.top_p;
const _errs181 = errors;
if(errors === _errs181){
if((typeof data81 == "number") && (isFinite(data81))){
if(data81 > 1 || isNaN(data81)){
const err108 = {instancePath:instancePath+"/postprocessing/defaults/top_p",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/defaults/properties/top_p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
else {
if(data81 <= 0 || isNaN(data81)){
const err109 = {instancePath:instancePath+"/postprocessing/defaults/top_p",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/defaults/properties/top_p/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
}
else {
const err110 = {instancePath:instancePath+"/postprocessing/defaults/top_p",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/defaults/properties/top_p/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
var valid27 = _errs181 === errors;
}
else {
var valid27 = true;
}
if(valid27){
if(data77.seed !== undefined){
let data82 = data77.seed;
const _errs183 = errors;
if(!(((typeof data82 == "number") && (!(data82 % 1) && !isNaN(data82))) && (isFinite(data82)))){
const err111 = {instancePath:instancePath+"/postprocessing/defaults/seed",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/defaults/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
if(errors === _errs183){
if((typeof data82 == "number") && (isFinite(data82))){
if(data82 < 0 || isNaN(data82)){
const err112 = {instancePath:instancePath+"/postprocessing/defaults/seed",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/defaults/properties/seed/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
}
var valid27 = _errs183 === errors;
}
else {
var valid27 = true;
}
}
}
}
}
}
}
}
else {
const err113 = {instancePath:instancePath+"/postprocessing/defaults",schemaPath:"#/$defs/postprocessing/oneOf/8/properties/defaults/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
var valid24 = _errs172 === errors;
}
else {
var valid24 = true;
}
}
}
}
}
}
}
}
}
}
else {
const err114 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/8/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
var _valid0 = _errs145 === errors;
if(_valid0 && valid11){
valid11 = false;
passing0 = [passing0, 8];
}
else {
if(_valid0){
valid11 = true;
passing0 = 8;
if(props3 !== true){
props3 = true;
}
}
const _errs185 = errors;
if(errors === _errs185){
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
let missing16;
if(((((((data26.kind === undefined) && (missing16 = "kind")) || ((data26.probability_output === undefined) && (missing16 = "probability_output"))) || ((data26.threshold === undefined) && (missing16 = "threshold"))) || ((data26.min_speech_ms === undefined) && (missing16 = "min_speech_ms"))) || ((data26.min_silence_ms === undefined) && (missing16 = "min_silence_ms"))) || ((data26.speech_pad_ms === undefined) && (missing16 = "speech_pad_ms"))){
const err115 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/9/required",keyword:"required",params:{missingProperty: missing16},message:"must have required property '"+missing16+"'"};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
else {
const _errs187 = errors;
for(const key15 in data26){
if(!((((((key15 === "kind") || (key15 === "probability_output")) || (key15 === "threshold")) || (key15 === "min_speech_ms")) || (key15 === "min_silence_ms")) || (key15 === "speech_pad_ms"))){
const err116 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/9/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
break;
}
}
if(_errs187 === errors){
if(data26.kind !== undefined){
const _errs188 = errors;
if("voice-activity-detection" !== data26.kind){
const err117 = {instancePath:instancePath+"/postprocessing/kind",schemaPath:"#/$defs/postprocessing/oneOf/9/properties/kind/const",keyword:"const",params:{allowedValue: "voice-activity-detection"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
var valid28 = _errs188 === errors;
}
else {
var valid28 = true;
}
if(valid28){
if(data26.probability_output !== undefined){
const _errs189 = errors;
if(typeof data26.probability_output !== "string"){
const err118 = {instancePath:instancePath+"/postprocessing/probability_output",schemaPath:"#/$defs/postprocessing/oneOf/9/properties/probability_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
var valid28 = _errs189 === errors;
}
else {
var valid28 = true;
}
if(valid28){
if(data26.threshold !== undefined){
let data85 = data26.threshold;
const _errs191 = errors;
if(errors === _errs191){
if((typeof data85 == "number") && (isFinite(data85))){
if(data85 >= 1 || isNaN(data85)){
const err119 = {instancePath:instancePath+"/postprocessing/threshold",schemaPath:"#/$defs/postprocessing/oneOf/9/properties/threshold/exclusiveMaximum",keyword:"exclusiveMaximum",params:{comparison: "<", limit: 1},message:"must be < 1"};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
else {
if(data85 <= 0 || isNaN(data85)){
const err120 = {instancePath:instancePath+"/postprocessing/threshold",schemaPath:"#/$defs/postprocessing/oneOf/9/properties/threshold/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
}
else {
const err121 = {instancePath:instancePath+"/postprocessing/threshold",schemaPath:"#/$defs/postprocessing/oneOf/9/properties/threshold/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
var valid28 = _errs191 === errors;
}
else {
var valid28 = true;
}
if(valid28){
if(data26.min_speech_ms !== undefined){
let data86 = data26.min_speech_ms;
const _errs193 = errors;
if(errors === _errs193){
if((typeof data86 == "number") && (isFinite(data86))){
if(data86 < 0 || isNaN(data86)){
const err122 = {instancePath:instancePath+"/postprocessing/min_speech_ms",schemaPath:"#/$defs/postprocessing/oneOf/9/properties/min_speech_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
else {
const err123 = {instancePath:instancePath+"/postprocessing/min_speech_ms",schemaPath:"#/$defs/postprocessing/oneOf/9/properties/min_speech_ms/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
var valid28 = _errs193 === errors;
}
else {
var valid28 = true;
}
if(valid28){
if(data26.min_silence_ms !== undefined){
let data87 = data26.min_silence_ms;
const _errs195 = errors;
if(errors === _errs195){
if((typeof data87 == "number") && (isFinite(data87))){
if(data87 < 0 || isNaN(data87)){
const err124 = {instancePath:instancePath+"/postprocessing/min_silence_ms",schemaPath:"#/$defs/postprocessing/oneOf/9/properties/min_silence_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
else {
const err125 = {instancePath:instancePath+"/postprocessing/min_silence_ms",schemaPath:"#/$defs/postprocessing/oneOf/9/properties/min_silence_ms/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
var valid28 = _errs195 === errors;
}
else {
var valid28 = true;
}
if(valid28){
if(data26.speech_pad_ms !== undefined){
let data88 = data26.speech_pad_ms;
const _errs197 = errors;
if(errors === _errs197){
if((typeof data88 == "number") && (isFinite(data88))){
if(data88 < 0 || isNaN(data88)){
const err126 = {instancePath:instancePath+"/postprocessing/speech_pad_ms",schemaPath:"#/$defs/postprocessing/oneOf/9/properties/speech_pad_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
else {
const err127 = {instancePath:instancePath+"/postprocessing/speech_pad_ms",schemaPath:"#/$defs/postprocessing/oneOf/9/properties/speech_pad_ms/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
var valid28 = _errs197 === errors;
}
else {
var valid28 = true;
}
}
}
}
}
}
}
}
}
else {
const err128 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/9/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
var _valid0 = _errs185 === errors;
if(_valid0 && valid11){
valid11 = false;
passing0 = [passing0, 9];
}
else {
if(_valid0){
valid11 = true;
passing0 = 9;
if(props3 !== true){
props3 = true;
}
}
const _errs199 = errors;
if(errors === _errs199){
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
let missing17;
if((((((((data26.kind === undefined) && (missing17 = "kind")) || ((data26.scores_output === undefined) && (missing17 = "scores_output"))) || ((data26.because_output === undefined) && (missing17 = "because_output"))) || ((data26.support_output === undefined) && (missing17 = "support_output"))) || ((data26.top_k === undefined) && (missing17 = "top_k"))) || ((data26.l2 === undefined) && (missing17 = "l2"))) || ((data26.resplits === undefined) && (missing17 = "resplits"))){
const err129 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/10/required",keyword:"required",params:{missingProperty: missing17},message:"must have required property '"+missing17+"'"};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
else {
const _errs201 = errors;
for(const key16 in data26){
if(!((((((((key16 === "kind") || (key16 === "scores_output")) || (key16 === "because_output")) || (key16 === "support_output")) || (key16 === "top_k")) || (key16 === "l2")) || (key16 === "l2_search")) || (key16 === "resplits"))){
const err130 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/10/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
break;
}
}
if(_errs201 === errors){
if(data26.kind !== undefined){
const _errs202 = errors;
if("recommendation" !== data26.kind){
const err131 = {instancePath:instancePath+"/postprocessing/kind",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/kind/const",keyword:"const",params:{allowedValue: "recommendation"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
var valid29 = _errs202 === errors;
}
else {
var valid29 = true;
}
if(valid29){
if(data26.scores_output !== undefined){
const _errs203 = errors;
if(typeof data26.scores_output !== "string"){
const err132 = {instancePath:instancePath+"/postprocessing/scores_output",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/scores_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
var valid29 = _errs203 === errors;
}
else {
var valid29 = true;
}
if(valid29){
if(data26.because_output !== undefined){
const _errs205 = errors;
if(typeof data26.because_output !== "string"){
const err133 = {instancePath:instancePath+"/postprocessing/because_output",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/because_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
var valid29 = _errs205 === errors;
}
else {
var valid29 = true;
}
if(valid29){
if(data26.support_output !== undefined){
const _errs207 = errors;
if(typeof data26.support_output !== "string"){
const err134 = {instancePath:instancePath+"/postprocessing/support_output",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/support_output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
var valid29 = _errs207 === errors;
}
else {
var valid29 = true;
}
if(valid29){
if(data26.top_k !== undefined){
let data93 = data26.top_k;
const _errs209 = errors;
if(!(((typeof data93 == "number") && (!(data93 % 1) && !isNaN(data93))) && (isFinite(data93)))){
const err135 = {instancePath:instancePath+"/postprocessing/top_k",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/top_k/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
if(errors === _errs209){
if((typeof data93 == "number") && (isFinite(data93))){
if(data93 < 1 || isNaN(data93)){
const err136 = {instancePath:instancePath+"/postprocessing/top_k",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/top_k/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
}
var valid29 = _errs209 === errors;
}
else {
var valid29 = true;
}
if(valid29){
if(data26.l2 !== undefined){
let data94 = data26.l2;
const _errs211 = errors;
if(errors === _errs211){
if((typeof data94 == "number") && (isFinite(data94))){
if(data94 <= 0 || isNaN(data94)){
const err137 = {instancePath:instancePath+"/postprocessing/l2",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/l2/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
else {
const err138 = {instancePath:instancePath+"/postprocessing/l2",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/l2/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
var valid29 = _errs211 === errors;
}
else {
var valid29 = true;
}
if(valid29){
if(data26.l2_search !== undefined){
let data95 = data26.l2_search;
const _errs213 = errors;
if(errors === _errs213){
if(data95 && typeof data95 == "object" && !Array.isArray(data95)){
for(const key17 in data95){
let data96 = data95[key17];
const _errs216 = errors;
if(!((typeof data96 == "number") && (isFinite(data96)))){
const err139 = {instancePath:instancePath+"/postprocessing/l2_search/" + key17.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/postprocessing/oneOf/10/properties/l2_search/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
var valid30 = _errs216 === errors;
if(!valid30){
break;
}
}
}
else {
const err140 = {instancePath:instancePath+"/postprocessing/l2_search",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/l2_search/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
}
var valid29 = _errs213 === errors;
}
else {
var valid29 = true;
}
if(valid29){
if(data26.resplits !== undefined){
let data97 = data26.resplits;
const _errs218 = errors;
if(errors === _errs218){
if(data97 && typeof data97 == "object" && !Array.isArray(data97)){
let missing18;
if(((((((data97.seeds === undefined) && (missing18 = "seeds")) || ((data97.ndcg === undefined) && (missing18 = "ndcg"))) || ((data97.precision === undefined) && (missing18 = "precision"))) || ((data97.baseline_ndcg === undefined) && (missing18 = "baseline_ndcg"))) || ((data97.baseline_precision === undefined) && (missing18 = "baseline_precision"))) || ((data97.wins === undefined) && (missing18 = "wins"))){
const err141 = {instancePath:instancePath+"/postprocessing/resplits",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/required",keyword:"required",params:{missingProperty: missing18},message:"must have required property '"+missing18+"'"};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
else {
const _errs220 = errors;
for(const key18 in data97){
if(!((((((key18 === "seeds") || (key18 === "ndcg")) || (key18 === "precision")) || (key18 === "baseline_ndcg")) || (key18 === "baseline_precision")) || (key18 === "wins"))){
const err142 = {instancePath:instancePath+"/postprocessing/resplits",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
break;
}
}
if(_errs220 === errors){
if(data97.seeds !== undefined){
let data98 = data97.seeds;
const _errs221 = errors;
if(errors === _errs221){
if(Array.isArray(data98)){
var valid32 = true;
const len8 = data98.length;
for(let i8=0; i8<len8; i8++){
let data99 = data98[i8];
const _errs223 = errors;
if(!(((typeof data99 == "number") && (!(data99 % 1) && !isNaN(data99))) && (isFinite(data99)))){
const err143 = {instancePath:instancePath+"/postprocessing/resplits/seeds/" + i8,schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/seeds/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
var valid32 = _errs223 === errors;
if(!valid32){
break;
}
}
}
else {
const err144 = {instancePath:instancePath+"/postprocessing/resplits/seeds",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/seeds/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
var valid31 = _errs221 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data97.ndcg !== undefined){
let data100 = data97.ndcg;
const _errs225 = errors;
if(errors === _errs225){
if(Array.isArray(data100)){
var valid33 = true;
const len9 = data100.length;
for(let i9=0; i9<len9; i9++){
let data101 = data100[i9];
const _errs227 = errors;
if(errors === _errs227){
if((typeof data101 == "number") && (isFinite(data101))){
if(data101 > 1 || isNaN(data101)){
const err145 = {instancePath:instancePath+"/postprocessing/resplits/ndcg/" + i9,schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/ndcg/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
else {
if(data101 < 0 || isNaN(data101)){
const err146 = {instancePath:instancePath+"/postprocessing/resplits/ndcg/" + i9,schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/ndcg/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
}
}
else {
const err147 = {instancePath:instancePath+"/postprocessing/resplits/ndcg/" + i9,schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/ndcg/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
}
var valid33 = _errs227 === errors;
if(!valid33){
break;
}
}
}
else {
const err148 = {instancePath:instancePath+"/postprocessing/resplits/ndcg",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/ndcg/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
}
var valid31 = _errs225 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data97.precision !== undefined){
let data102 = data97.precision;
const _errs229 = errors;
if(errors === _errs229){
if(Array.isArray(data102)){
var valid34 = true;
const len10 = data102.length;
for(let i10=0; i10<len10; i10++){
let data103 = data102[i10];
const _errs231 = errors;
if(errors === _errs231){
if((typeof data103 == "number") && (isFinite(data103))){
if(data103 > 1 || isNaN(data103)){
const err149 = {instancePath:instancePath+"/postprocessing/resplits/precision/" + i10,schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/precision/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
else {
if(data103 < 0 || isNaN(data103)){
const err150 = {instancePath:instancePath+"/postprocessing/resplits/precision/" + i10,schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/precision/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
}
}
else {
const err151 = {instancePath:instancePath+"/postprocessing/resplits/precision/" + i10,schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/precision/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
}
var valid34 = _errs231 === errors;
if(!valid34){
break;
}
}
}
else {
const err152 = {instancePath:instancePath+"/postprocessing/resplits/precision",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/precision/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
var valid31 = _errs229 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data97.baseline_ndcg !== undefined){
let data104 = data97.baseline_ndcg;
const _errs233 = errors;
if(errors === _errs233){
if(Array.isArray(data104)){
var valid35 = true;
const len11 = data104.length;
for(let i11=0; i11<len11; i11++){
let data105 = data104[i11];
const _errs235 = errors;
if(errors === _errs235){
if((typeof data105 == "number") && (isFinite(data105))){
if(data105 > 1 || isNaN(data105)){
const err153 = {instancePath:instancePath+"/postprocessing/resplits/baseline_ndcg/" + i11,schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/baseline_ndcg/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
else {
if(data105 < 0 || isNaN(data105)){
const err154 = {instancePath:instancePath+"/postprocessing/resplits/baseline_ndcg/" + i11,schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/baseline_ndcg/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
}
}
else {
const err155 = {instancePath:instancePath+"/postprocessing/resplits/baseline_ndcg/" + i11,schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/baseline_ndcg/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
var valid35 = _errs235 === errors;
if(!valid35){
break;
}
}
}
else {
const err156 = {instancePath:instancePath+"/postprocessing/resplits/baseline_ndcg",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/baseline_ndcg/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
var valid31 = _errs233 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data97.baseline_precision !== undefined){
let data106 = data97.baseline_precision;
const _errs237 = errors;
if(errors === _errs237){
if(Array.isArray(data106)){
var valid36 = true;
const len12 = data106.length;
for(let i12=0; i12<len12; i12++){
let data107 = data106[i12];
const _errs239 = errors;
if(errors === _errs239){
if((typeof data107 == "number") && (isFinite(data107))){
if(data107 > 1 || isNaN(data107)){
const err157 = {instancePath:instancePath+"/postprocessing/resplits/baseline_precision/" + i12,schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/baseline_precision/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
else {
if(data107 < 0 || isNaN(data107)){
const err158 = {instancePath:instancePath+"/postprocessing/resplits/baseline_precision/" + i12,schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/baseline_precision/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
}
}
else {
const err159 = {instancePath:instancePath+"/postprocessing/resplits/baseline_precision/" + i12,schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/baseline_precision/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
var valid36 = _errs239 === errors;
if(!valid36){
break;
}
}
}
else {
const err160 = {instancePath:instancePath+"/postprocessing/resplits/baseline_precision",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/baseline_precision/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
}
var valid31 = _errs237 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data97.wins !== undefined){
let data108 = data97.wins;
const _errs241 = errors;
if(errors === _errs241){
if(data108 && typeof data108 == "object" && !Array.isArray(data108)){
let missing19;
if(((data108.ndcg === undefined) && (missing19 = "ndcg")) || ((data108.precision === undefined) && (missing19 = "precision"))){
const err161 = {instancePath:instancePath+"/postprocessing/resplits/wins",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/wins/required",keyword:"required",params:{missingProperty: missing19},message:"must have required property '"+missing19+"'"};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
else {
const _errs243 = errors;
for(const key19 in data108){
if(!((key19 === "ndcg") || (key19 === "precision"))){
const err162 = {instancePath:instancePath+"/postprocessing/resplits/wins",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/wins/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
break;
}
}
if(_errs243 === errors){
if(data108.ndcg !== undefined){
let data109 = data108.ndcg;
const _errs244 = errors;
if(!(((typeof data109 == "number") && (!(data109 % 1) && !isNaN(data109))) && (isFinite(data109)))){
const err163 = {instancePath:instancePath+"/postprocessing/resplits/wins/ndcg",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/wins/properties/ndcg/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
if(errors === _errs244){
if((typeof data109 == "number") && (isFinite(data109))){
if(data109 < 0 || isNaN(data109)){
const err164 = {instancePath:instancePath+"/postprocessing/resplits/wins/ndcg",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/wins/properties/ndcg/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
}
}
var valid37 = _errs244 === errors;
}
else {
var valid37 = true;
}
if(valid37){
if(data108.precision !== undefined){
let data110 = data108.precision;
const _errs246 = errors;
if(!(((typeof data110 == "number") && (!(data110 % 1) && !isNaN(data110))) && (isFinite(data110)))){
const err165 = {instancePath:instancePath+"/postprocessing/resplits/wins/precision",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/wins/properties/precision/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
if(errors === _errs246){
if((typeof data110 == "number") && (isFinite(data110))){
if(data110 < 0 || isNaN(data110)){
const err166 = {instancePath:instancePath+"/postprocessing/resplits/wins/precision",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/wins/properties/precision/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
}
}
var valid37 = _errs246 === errors;
}
else {
var valid37 = true;
}
}
}
}
}
else {
const err167 = {instancePath:instancePath+"/postprocessing/resplits/wins",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/properties/wins/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
}
var valid31 = _errs241 === errors;
}
else {
var valid31 = true;
}
}
}
}
}
}
}
}
}
else {
const err168 = {instancePath:instancePath+"/postprocessing/resplits",schemaPath:"#/$defs/postprocessing/oneOf/10/properties/resplits/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
}
var valid29 = _errs218 === errors;
}
else {
var valid29 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
const err169 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf/10/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
}
var _valid0 = _errs199 === errors;
if(_valid0 && valid11){
valid11 = false;
passing0 = [passing0, 10];
}
else {
if(_valid0){
valid11 = true;
passing0 = 10;
if(props3 !== true){
props3 = true;
}
}
}
}
}
}
}
}
}
}
}
}
if(!valid11){
const err170 = {instancePath:instancePath+"/postprocessing",schemaPath:"#/$defs/postprocessing/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
validate21.errors = vErrors;
return false;
}
else {
errors = _errs51;
if(vErrors !== null){
if(_errs51){
vErrors.length = _errs51;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs49 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.explain !== undefined){
let data111 = data.explain;
const _errs248 = errors;
if(errors === _errs248){
if(data111 && typeof data111 == "object" && !Array.isArray(data111)){
let missing20;
if(((((data111.method === undefined) && (missing20 = "method")) || ((data111.explanations === undefined) && (missing20 = "explanations"))) || ((data111.background_rows === undefined) && (missing20 = "background_rows"))) || ((data111.output === undefined) && (missing20 = "output"))){
validate21.errors = [{instancePath:instancePath+"/explain",schemaPath:"#/properties/explain/required",keyword:"required",params:{missingProperty: missing20},message:"must have required property '"+missing20+"'"}];
return false;
}
else {
const _errs250 = errors;
for(const key20 in data111){
if(!((((key20 === "method") || (key20 === "explanations")) || (key20 === "background_rows")) || (key20 === "output"))){
validate21.errors = [{instancePath:instancePath+"/explain",schemaPath:"#/properties/explain/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs250 === errors){
if(data111.method !== undefined){
let data112 = data111.method;
const _errs251 = errors;
if(!((data112 === "exact") || (data112 === "permutation"))){
validate21.errors = [{instancePath:instancePath+"/explain/method",schemaPath:"#/properties/explain/properties/method/enum",keyword:"enum",params:{allowedValues: schema32.properties.explain.properties.method.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid38 = _errs251 === errors;
}
else {
var valid38 = true;
}
if(valid38){
if(data111.explanations !== undefined){
const _errs252 = errors;
if(typeof data111.explanations !== "string"){
validate21.errors = [{instancePath:instancePath+"/explain/explanations",schemaPath:"#/properties/explain/properties/explanations/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid38 = _errs252 === errors;
}
else {
var valid38 = true;
}
if(valid38){
if(data111.background_rows !== undefined){
let data114 = data111.background_rows;
const _errs254 = errors;
if(!(((typeof data114 == "number") && (!(data114 % 1) && !isNaN(data114))) && (isFinite(data114)))){
validate21.errors = [{instancePath:instancePath+"/explain/background_rows",schemaPath:"#/properties/explain/properties/background_rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs254){
if((typeof data114 == "number") && (isFinite(data114))){
if(data114 < 1 || isNaN(data114)){
validate21.errors = [{instancePath:instancePath+"/explain/background_rows",schemaPath:"#/properties/explain/properties/background_rows/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid38 = _errs254 === errors;
}
else {
var valid38 = true;
}
if(valid38){
if(data111.output !== undefined){
const _errs256 = errors;
if("probabilities" !== data111.output){
validate21.errors = [{instancePath:instancePath+"/explain/output",schemaPath:"#/properties/explain/properties/output/const",keyword:"const",params:{allowedValue: "probabilities"},message:"must be equal to constant"}];
return false;
}
var valid38 = _errs256 === errors;
}
else {
var valid38 = true;
}
}
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/explain",schemaPath:"#/properties/explain/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs248 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.drift !== undefined){
let data116 = data.drift;
const _errs257 = errors;
if(errors === _errs257){
if(data116 && typeof data116 == "object" && !Array.isArray(data116)){
let missing21;
if((((data116.reference === undefined) && (missing21 = "reference")) || ((data116.reference_rows === undefined) && (missing21 = "reference_rows"))) || ((data116.test_rows === undefined) && (missing21 = "test_rows"))){
validate21.errors = [{instancePath:instancePath+"/drift",schemaPath:"#/properties/drift/required",keyword:"required",params:{missingProperty: missing21},message:"must have required property '"+missing21+"'"}];
return false;
}
else {
const _errs259 = errors;
for(const key21 in data116){
if(!(((key21 === "reference") || (key21 === "reference_rows")) || (key21 === "test_rows"))){
validate21.errors = [{instancePath:instancePath+"/drift",schemaPath:"#/properties/drift/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs259 === errors){
if(data116.reference !== undefined){
const _errs260 = errors;
if(typeof data116.reference !== "string"){
validate21.errors = [{instancePath:instancePath+"/drift/reference",schemaPath:"#/properties/drift/properties/reference/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid39 = _errs260 === errors;
}
else {
var valid39 = true;
}
if(valid39){
if(data116.reference_rows !== undefined){
let data118 = data116.reference_rows;
const _errs262 = errors;
if(!(((typeof data118 == "number") && (!(data118 % 1) && !isNaN(data118))) && (isFinite(data118)))){
validate21.errors = [{instancePath:instancePath+"/drift/reference_rows",schemaPath:"#/properties/drift/properties/reference_rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs262){
if((typeof data118 == "number") && (isFinite(data118))){
if(data118 < 1 || isNaN(data118)){
validate21.errors = [{instancePath:instancePath+"/drift/reference_rows",schemaPath:"#/properties/drift/properties/reference_rows/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid39 = _errs262 === errors;
}
else {
var valid39 = true;
}
if(valid39){
if(data116.test_rows !== undefined){
const _errs264 = errors;
if(typeof data116.test_rows !== "string"){
validate21.errors = [{instancePath:instancePath+"/drift/test_rows",schemaPath:"#/properties/drift/properties/test_rows/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid39 = _errs264 === errors;
}
else {
var valid39 = true;
}
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/drift",schemaPath:"#/properties/drift/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs257 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate21.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="vitrine/manifest.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.schema_version === undefined) && (missing0 = "schema_version")) || ((data.generator === undefined) && (missing0 = "generator"))) || ((data.models === undefined) && (missing0 = "models"))){
validate20.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "schema_version") || (key0 === "generator")) || (key0 === "models"))){
validate20.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.schema_version !== undefined){
const _errs2 = errors;
if(1 !== data.schema_version){
validate20.errors = [{instancePath:instancePath+"/schema_version",schemaPath:"#/properties/schema_version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.generator !== undefined){
const _errs3 = errors;
if(typeof data.generator !== "string"){
validate20.errors = [{instancePath:instancePath+"/generator",schemaPath:"#/properties/generator/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.models !== undefined){
let data2 = data.models;
const _errs5 = errors;
if(errors === _errs5){
if(Array.isArray(data2)){
var valid1 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
const _errs7 = errors;
if(!(validate21(data2[i0], {instancePath:instancePath+"/models/" + i0,parentData:data2,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
var valid1 = _errs7 === errors;
if(!valid1){
break;
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/models",schemaPath:"#/properties/models/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate20.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};
