// GENERATED FILE, do not edit. Source: builder/schemas/manifest.schema.json, compiled by ajv
// (standalone ES module: validate(data) → boolean, errors in validate.errors).
// Regenerate after changing the schema: npm run gen:manifest-validator
// (js_runtime/tools/gen_manifest_validator.mjs); tests/js/api_manifest_validator.test.js fails while it is stale.
// @ts-nocheck
"use strict";
export const validate = validate20;
export default validate20;
const schema32 = {"type":"object","required":["id","title","task","build_key","labels","inputs","outputs","preprocessing","dataset","examples","default_variant","variants","recipe","artifacts"],"additionalProperties":false,"properties":{"id":{"$ref":"#/$defs/id"},"title":{"type":"string"},"task":{"const":"tabular-classification"},"build_key":{"type":"string","pattern":"^[0-9a-f]{64}$","description":"sha256 of card + recipe source + data + tool versions; equal key = nothing to rebuild"},"labels":{"type":"array","items":{"type":"string"},"minItems":2},"inputs":{"type":"array","items":{"$ref":"#/$defs/tensor_spec"},"minItems":1},"outputs":{"type":"array","items":{"$ref":"#/$defs/tensor_spec"},"minItems":1},"preprocessing":{"$ref":"#/$defs/preprocessing"},"dataset":{"$ref":"#/$defs/dataset"},"examples":{"type":"array","items":{"$ref":"#/$defs/example"}},"default_variant":{"type":"string"},"variants":{"type":"array","items":{"$ref":"#/$defs/variant"},"minItems":1},"recipe":{"type":"string","description":"what was trained, e.g. 'RandomForestClassifier(n_estimators=100) after StandardScaler/OneHotEncoder'"},"artifacts":{"type":"array","description":"content-addressed side files of the model that pages or the runtime read on demand (long text stays out of this manifest, which every model page loads)","items":{"$ref":"#/$defs/artifact"}}}};
const schema40 = {"type":"object","required":["name","source","rows","train_rows","test_rows","dropped_rows","target","class_counts"],"additionalProperties":false,"properties":{"name":{"type":"string"},"source":{"type":"string"},"citation":{"type":"string"},"rows":{"type":"integer"},"train_rows":{"type":"integer"},"test_rows":{"type":"integer"},"dropped_rows":{"type":"integer","description":"rows dropped for missing values"},"target":{"type":"string"},"class_counts":{"type":"object","additionalProperties":{"type":"integer"}}}};
const schema41 = {"type":"object","required":["input","output"],"additionalProperties":false,"description":"A precomputed prediction (Python onnxruntime on the default variant), shown before the runtime arrives.","properties":{"input":{"type":"object","additionalProperties":{"type":["number","string"]}},"expected":{"type":"string"},"output":{"type":"object","required":["label","probabilities"],"additionalProperties":false,"properties":{"label":{"type":"string"},"probabilities":{"type":"array","items":{"type":"number"}}}}}};
const schema45 = {"type":"object","required":["kind","url","sha256","bytes"],"additionalProperties":false,"properties":{"kind":{"enum":["description"],"description":"description: the card's Markdown description (UTF-8)"},"url":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]{0,63}/[a-z0-9_-]+\\.[0-9a-f]{16}\\.[a-z.]+$","description":"relative to manifest.json: <id>/<kind>.<sha256[:16]>.<ext>"},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"bytes":{"type":"integer","minimum":0}}};
const func1 = Object.prototype.hasOwnProperty;
const pattern4 = new RegExp("^[a-z0-9][a-z0-9-]{0,63}$(?!\\n)", "u");
const pattern5 = new RegExp("^[0-9a-f]{64}$", "u");
const pattern10 = new RegExp("^[a-z0-9][a-z0-9-]{0,63}/[a-z0-9_-]+\\.[0-9a-f]{16}\\.[a-z.]+$", "u");
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

const schema38 = {"type":"object","required":["name","input","label","type","min","max","step","default"],"additionalProperties":false,"properties":{"name":{"type":"string"},"input":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","description":"the ONNX graph input fed with this feature (the column name made an identifier: skl2onnx renames others)"},"label":{"type":"string"},"type":{"const":"numeric"},"unit":{"type":"string"},"description":{"type":"string"},"min":{"type":"number"},"max":{"type":"number"},"mean":{"type":"number"},"std":{"type":"number"},"step":{"type":"number","exclusiveMinimum":0},"default":{"type":"number"}}};
const pattern6 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");

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
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.kind === undefined) && (missing0 = "kind")) || ((data.features === undefined) && (missing0 = "features"))) || ((data.label_output === undefined) && (missing0 = "label_output"))) || ((data.probability_output === undefined) && (missing0 = "probability_output"))){
validate25.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "kind") || (key0 === "features")) || (key0 === "label_output")) || (key0 === "probability_output"))){
validate25.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.kind !== undefined){
const _errs2 = errors;
if("tabular" !== data.kind){
validate25.errors = [{instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "tabular"},message:"must be equal to constant"}];
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
validate25.errors = [{instancePath:instancePath+"/features",schemaPath:"#/properties/features/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
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
if(!(func1.call(schema38.properties, key1))){
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
const err16 = {instancePath:instancePath+"/features/" + i0,schemaPath:"#/$defs/numeric_feature/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
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
const _errs34 = errors;
const _errs35 = errors;
if(errors === _errs35){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing2;
if(((((((data2.name === undefined) && (missing2 = "name")) || ((data2.input === undefined) && (missing2 = "input"))) || ((data2.label === undefined) && (missing2 = "label"))) || ((data2.type === undefined) && (missing2 = "type"))) || ((data2.categories === undefined) && (missing2 = "categories"))) || ((data2.default === undefined) && (missing2 = "default"))){
const err17 = {instancePath:instancePath+"/features/" + i0,schemaPath:"#/$defs/categorical_feature/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
else {
const _errs37 = errors;
for(const key2 in data2){
if(!((((((((key2 === "name") || (key2 === "input")) || (key2 === "label")) || (key2 === "type")) || (key2 === "description")) || (key2 === "categories")) || (key2 === "counts")) || (key2 === "default"))){
const err18 = {instancePath:instancePath+"/features/" + i0,schemaPath:"#/$defs/categorical_feature/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
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
if(_errs37 === errors){
if(data2.name !== undefined){
const _errs38 = errors;
if(typeof data2.name !== "string"){
const err19 = {instancePath:instancePath+"/features/" + i0+"/name",schemaPath:"#/$defs/categorical_feature/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var valid6 = _errs38 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data2.input !== undefined){
let data16 = data2.input;
const _errs40 = errors;
if(errors === _errs40){
if(typeof data16 === "string"){
if(!pattern6.test(data16)){
const err20 = {instancePath:instancePath+"/features/" + i0+"/input",schemaPath:"#/$defs/categorical_feature/properties/input/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\""};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/features/" + i0+"/input",schemaPath:"#/$defs/categorical_feature/properties/input/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
var valid6 = _errs40 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data2.label !== undefined){
const _errs42 = errors;
if(typeof data2.label !== "string"){
const err22 = {instancePath:instancePath+"/features/" + i0+"/label",schemaPath:"#/$defs/categorical_feature/properties/label/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var valid6 = _errs42 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data2.type !== undefined){
const _errs44 = errors;
if("categorical" !== data2.type){
const err23 = {instancePath:instancePath+"/features/" + i0+"/type",schemaPath:"#/$defs/categorical_feature/properties/type/const",keyword:"const",params:{allowedValue: "categorical"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
var valid6 = _errs44 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data2.description !== undefined){
const _errs45 = errors;
if(typeof data2.description !== "string"){
const err24 = {instancePath:instancePath+"/features/" + i0+"/description",schemaPath:"#/$defs/categorical_feature/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
var valid6 = _errs45 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data2.categories !== undefined){
let data20 = data2.categories;
const _errs47 = errors;
if(errors === _errs47){
if(Array.isArray(data20)){
if(data20.length < 1){
const err25 = {instancePath:instancePath+"/features/" + i0+"/categories",schemaPath:"#/$defs/categorical_feature/properties/categories/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
else {
var valid7 = true;
const len1 = data20.length;
for(let i1=0; i1<len1; i1++){
const _errs49 = errors;
if(typeof data20[i1] !== "string"){
const err26 = {instancePath:instancePath+"/features/" + i0+"/categories/" + i1,schemaPath:"#/$defs/categorical_feature/properties/categories/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var valid7 = _errs49 === errors;
if(!valid7){
break;
}
}
}
}
else {
const err27 = {instancePath:instancePath+"/features/" + i0+"/categories",schemaPath:"#/$defs/categorical_feature/properties/categories/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
var valid6 = _errs47 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data2.counts !== undefined){
let data22 = data2.counts;
const _errs51 = errors;
if(errors === _errs51){
if(Array.isArray(data22)){
var valid8 = true;
const len2 = data22.length;
for(let i2=0; i2<len2; i2++){
let data23 = data22[i2];
const _errs53 = errors;
if(!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))){
const err28 = {instancePath:instancePath+"/features/" + i0+"/counts/" + i2,schemaPath:"#/$defs/categorical_feature/properties/counts/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(errors === _errs53){
if((typeof data23 == "number") && (isFinite(data23))){
if(data23 < 0 || isNaN(data23)){
const err29 = {instancePath:instancePath+"/features/" + i0+"/counts/" + i2,schemaPath:"#/$defs/categorical_feature/properties/counts/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
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
var valid8 = _errs53 === errors;
if(!valid8){
break;
}
}
}
else {
const err30 = {instancePath:instancePath+"/features/" + i0+"/counts",schemaPath:"#/$defs/categorical_feature/properties/counts/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
var valid6 = _errs51 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data2.default !== undefined){
const _errs55 = errors;
if(typeof data2.default !== "string"){
const err31 = {instancePath:instancePath+"/features/" + i0+"/default",schemaPath:"#/$defs/categorical_feature/properties/default/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
var valid6 = _errs55 === errors;
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
}
else {
const err32 = {instancePath:instancePath+"/features/" + i0,schemaPath:"#/$defs/categorical_feature/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
var _valid0 = _errs34 === errors;
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
const err33 = {instancePath:instancePath+"/features/" + i0,schemaPath:"#/properties/features/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
validate25.errors = vErrors;
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
validate25.errors = [{instancePath:instancePath+"/features",schemaPath:"#/properties/features/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.label_output !== undefined){
const _errs57 = errors;
if(typeof data.label_output !== "string"){
validate25.errors = [{instancePath:instancePath+"/label_output",schemaPath:"#/properties/label_output/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs57 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.probability_output !== undefined){
const _errs59 = errors;
if(typeof data.probability_output !== "string"){
validate25.errors = [{instancePath:instancePath+"/probability_output",schemaPath:"#/properties/probability_output/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs59 === errors;
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
else {
validate25.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema42 = {"type":"object","required":["name","precision","url","sha256","bytes","gzip_bytes","metrics","fixtures","opsets","ir_version"],"additionalProperties":false,"properties":{"name":{"type":"string","pattern":"^[a-z0-9_-]+$"},"precision":{"enum":["fp32","fp16","int8","uint8"]},"url":{"type":"string","description":"relative to manifest.json; content-addressed: <id>/<variant>.<sha256[:16]>.onnx"},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"bytes":{"type":"integer","minimum":1},"gzip_bytes":{"type":"integer","minimum":1},"metrics":{"$ref":"#/$defs/metrics"},"fixtures":{"type":"string","description":"relative URL of the parity fixture JSON (inputs + Python onnxruntime outputs)"},"opsets":{"type":"object","additionalProperties":{"type":"integer","minimum":1},"description":"operator set per domain ('ai.onnx' for the default domain): lets the runtime skip a tier whose build lacks a domain (WebGPU has no ai.onnx.ml)"},"ir_version":{"type":"integer","minimum":1,"description":"ONNX IR version of the file (older runtimes such as onnxruntime-web 1.18 cap it)"}}};
const pattern8 = new RegExp("^[a-z0-9_-]+$", "u");

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
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
validate28.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "accuracy") || (key0 === "macro_f1")) || (key0 === "per_class")) || (key0 === "confusion_matrix")) || (key0 === "latency_ms"))){
validate28.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
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
validate28.errors = [{instancePath:instancePath+"/accuracy",schemaPath:"#/properties/accuracy/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data0 < 0 || isNaN(data0)){
validate28.errors = [{instancePath:instancePath+"/accuracy",schemaPath:"#/properties/accuracy/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate28.errors = [{instancePath:instancePath+"/accuracy",schemaPath:"#/properties/accuracy/type",keyword:"type",params:{type: "number"},message:"must be number"}];
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
validate28.errors = [{instancePath:instancePath+"/macro_f1",schemaPath:"#/properties/macro_f1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data1 < 0 || isNaN(data1)){
validate28.errors = [{instancePath:instancePath+"/macro_f1",schemaPath:"#/properties/macro_f1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate28.errors = [{instancePath:instancePath+"/macro_f1",schemaPath:"#/properties/macro_f1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
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
validate28.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/class_metrics/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs12 = errors;
for(const key2 in data3){
if(!((((key2 === "precision") || (key2 === "recall")) || (key2 === "f1")) || (key2 === "support"))){
validate28.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/class_metrics/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs12 === errors){
if(data3.precision !== undefined){
let data4 = data3.precision;
const _errs13 = errors;
if(!((typeof data4 == "number") && (isFinite(data4)))){
validate28.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/precision",schemaPath:"#/$defs/class_metrics/properties/precision/type",keyword:"type",params:{type: "number"},message:"must be number"}];
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
validate28.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/recall",schemaPath:"#/$defs/class_metrics/properties/recall/type",keyword:"type",params:{type: "number"},message:"must be number"}];
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
validate28.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/f1",schemaPath:"#/$defs/class_metrics/properties/f1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
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
validate28.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/support",schemaPath:"#/$defs/class_metrics/properties/support/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs19){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
validate28.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/support",schemaPath:"#/$defs/class_metrics/properties/support/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
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
validate28.errors = [{instancePath:instancePath+"/per_class/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/class_metrics/type",keyword:"type",params:{type: "object"},message:"must be object"}];
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
validate28.errors = [{instancePath:instancePath+"/per_class",schemaPath:"#/properties/per_class/type",keyword:"type",params:{type: "object"},message:"must be object"}];
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
validate28.errors = [{instancePath:instancePath+"/confusion_matrix/" + i0+"/" + i1,schemaPath:"#/properties/confusion_matrix/items/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs25){
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
validate28.errors = [{instancePath:instancePath+"/confusion_matrix/" + i0+"/" + i1,schemaPath:"#/properties/confusion_matrix/items/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
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
validate28.errors = [{instancePath:instancePath+"/confusion_matrix/" + i0,schemaPath:"#/properties/confusion_matrix/items/type",keyword:"type",params:{type: "array"},message:"must be array"}];
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
validate28.errors = [{instancePath:instancePath+"/confusion_matrix",schemaPath:"#/properties/confusion_matrix/type",keyword:"type",params:{type: "array"},message:"must be array"}];
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
if(errors === _errs27){
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
let missing2;
if(((((data11.p50 === undefined) && (missing2 = "p50")) || ((data11.p95 === undefined) && (missing2 = "p95"))) || ((data11.runs === undefined) && (missing2 = "runs"))) || ((data11.runtime === undefined) && (missing2 = "runtime"))){
validate28.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/properties/latency_ms/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs29 = errors;
for(const key3 in data11){
if(!((((key3 === "p50") || (key3 === "p95")) || (key3 === "runs")) || (key3 === "runtime"))){
validate28.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/properties/latency_ms/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs29 === errors){
if(data11.p50 !== undefined){
let data12 = data11.p50;
const _errs30 = errors;
if(!((typeof data12 == "number") && (isFinite(data12)))){
validate28.errors = [{instancePath:instancePath+"/latency_ms/p50",schemaPath:"#/properties/latency_ms/properties/p50/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid6 = _errs30 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data11.p95 !== undefined){
let data13 = data11.p95;
const _errs32 = errors;
if(!((typeof data13 == "number") && (isFinite(data13)))){
validate28.errors = [{instancePath:instancePath+"/latency_ms/p95",schemaPath:"#/properties/latency_ms/properties/p95/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid6 = _errs32 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data11.runs !== undefined){
let data14 = data11.runs;
const _errs34 = errors;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
validate28.errors = [{instancePath:instancePath+"/latency_ms/runs",schemaPath:"#/properties/latency_ms/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid6 = _errs34 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data11.runtime !== undefined){
const _errs36 = errors;
if(typeof data11.runtime !== "string"){
validate28.errors = [{instancePath:instancePath+"/latency_ms/runtime",schemaPath:"#/properties/latency_ms/properties/runtime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid6 = _errs36 === errors;
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
validate28.errors = [{instancePath:instancePath+"/latency_ms",schemaPath:"#/properties/latency_ms/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs27 === errors;
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
else {
validate28.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate27.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((((data.name === undefined) && (missing0 = "name")) || ((data.precision === undefined) && (missing0 = "precision"))) || ((data.url === undefined) && (missing0 = "url"))) || ((data.sha256 === undefined) && (missing0 = "sha256"))) || ((data.bytes === undefined) && (missing0 = "bytes"))) || ((data.gzip_bytes === undefined) && (missing0 = "gzip_bytes"))) || ((data.metrics === undefined) && (missing0 = "metrics"))) || ((data.fixtures === undefined) && (missing0 = "fixtures"))) || ((data.opsets === undefined) && (missing0 = "opsets"))) || ((data.ir_version === undefined) && (missing0 = "ir_version"))){
validate27.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema42.properties, key0))){
validate27.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
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
validate27.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9_-]+$"},message:"must match pattern \""+"^[a-z0-9_-]+$"+"\""}];
return false;
}
}
else {
validate27.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
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
validate27.errors = [{instancePath:instancePath+"/precision",schemaPath:"#/properties/precision/enum",keyword:"enum",params:{allowedValues: schema42.properties.precision.enum},message:"must be equal to one of the allowed values"}];
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
validate27.errors = [{instancePath:instancePath+"/url",schemaPath:"#/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
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
validate27.errors = [{instancePath:instancePath+"/sha256",schemaPath:"#/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate27.errors = [{instancePath:instancePath+"/sha256",schemaPath:"#/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string"}];
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
validate27.errors = [{instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs9){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 1 || isNaN(data4)){
validate27.errors = [{instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
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
validate27.errors = [{instancePath:instancePath+"/gzip_bytes",schemaPath:"#/properties/gzip_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs11){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 1 || isNaN(data5)){
validate27.errors = [{instancePath:instancePath+"/gzip_bytes",schemaPath:"#/properties/gzip_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
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
if(!(validate28(data.metrics, {instancePath:instancePath+"/metrics",parentData:data,parentDataProperty:"metrics",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
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
validate27.errors = [{instancePath:instancePath+"/fixtures",schemaPath:"#/properties/fixtures/type",keyword:"type",params:{type: "string"},message:"must be string"}];
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
validate27.errors = [{instancePath:instancePath+"/opsets/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/opsets/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs19){
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 1 || isNaN(data9)){
validate27.errors = [{instancePath:instancePath+"/opsets/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/opsets/additionalProperties/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
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
validate27.errors = [{instancePath:instancePath+"/opsets",schemaPath:"#/properties/opsets/type",keyword:"type",params:{type: "object"},message:"must be object"}];
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
validate27.errors = [{instancePath:instancePath+"/ir_version",schemaPath:"#/properties/ir_version/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs21){
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 1 || isNaN(data10)){
validate27.errors = [{instancePath:instancePath+"/ir_version",schemaPath:"#/properties/ir_version/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs21 === errors;
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
else {
validate27.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate27.errors = vErrors;
return errors === 0;
}
validate27.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


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
if(((((((((((((((data.id === undefined) && (missing0 = "id")) || ((data.title === undefined) && (missing0 = "title"))) || ((data.task === undefined) && (missing0 = "task"))) || ((data.build_key === undefined) && (missing0 = "build_key"))) || ((data.labels === undefined) && (missing0 = "labels"))) || ((data.inputs === undefined) && (missing0 = "inputs"))) || ((data.outputs === undefined) && (missing0 = "outputs"))) || ((data.preprocessing === undefined) && (missing0 = "preprocessing"))) || ((data.dataset === undefined) && (missing0 = "dataset"))) || ((data.examples === undefined) && (missing0 = "examples"))) || ((data.default_variant === undefined) && (missing0 = "default_variant"))) || ((data.variants === undefined) && (missing0 = "variants"))) || ((data.recipe === undefined) && (missing0 = "recipe"))) || ((data.artifacts === undefined) && (missing0 = "artifacts"))){
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
const _errs7 = errors;
if("tabular-classification" !== data.task){
validate21.errors = [{instancePath:instancePath+"/task",schemaPath:"#/properties/task/const",keyword:"const",params:{allowedValue: "tabular-classification"},message:"must be equal to constant"}];
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
if(data4.length < 2){
validate21.errors = [{instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items"}];
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
let data11 = data.dataset;
const _errs21 = errors;
const _errs22 = errors;
if(errors === _errs22){
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
let missing1;
if(((((((((data11.name === undefined) && (missing1 = "name")) || ((data11.source === undefined) && (missing1 = "source"))) || ((data11.rows === undefined) && (missing1 = "rows"))) || ((data11.train_rows === undefined) && (missing1 = "train_rows"))) || ((data11.test_rows === undefined) && (missing1 = "test_rows"))) || ((data11.dropped_rows === undefined) && (missing1 = "dropped_rows"))) || ((data11.target === undefined) && (missing1 = "target"))) || ((data11.class_counts === undefined) && (missing1 = "class_counts"))){
validate21.errors = [{instancePath:instancePath+"/dataset",schemaPath:"#/$defs/dataset/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs24 = errors;
for(const key1 in data11){
if(!(func1.call(schema40.properties, key1))){
validate21.errors = [{instancePath:instancePath+"/dataset",schemaPath:"#/$defs/dataset/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs24 === errors){
if(data11.name !== undefined){
const _errs25 = errors;
if(typeof data11.name !== "string"){
validate21.errors = [{instancePath:instancePath+"/dataset/name",schemaPath:"#/$defs/dataset/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid6 = _errs25 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data11.source !== undefined){
const _errs27 = errors;
if(typeof data11.source !== "string"){
validate21.errors = [{instancePath:instancePath+"/dataset/source",schemaPath:"#/$defs/dataset/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid6 = _errs27 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data11.citation !== undefined){
const _errs29 = errors;
if(typeof data11.citation !== "string"){
validate21.errors = [{instancePath:instancePath+"/dataset/citation",schemaPath:"#/$defs/dataset/properties/citation/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid6 = _errs29 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data11.rows !== undefined){
let data15 = data11.rows;
const _errs31 = errors;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
validate21.errors = [{instancePath:instancePath+"/dataset/rows",schemaPath:"#/$defs/dataset/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid6 = _errs31 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data11.train_rows !== undefined){
let data16 = data11.train_rows;
const _errs33 = errors;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
validate21.errors = [{instancePath:instancePath+"/dataset/train_rows",schemaPath:"#/$defs/dataset/properties/train_rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid6 = _errs33 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data11.test_rows !== undefined){
let data17 = data11.test_rows;
const _errs35 = errors;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
validate21.errors = [{instancePath:instancePath+"/dataset/test_rows",schemaPath:"#/$defs/dataset/properties/test_rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid6 = _errs35 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data11.dropped_rows !== undefined){
let data18 = data11.dropped_rows;
const _errs37 = errors;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
validate21.errors = [{instancePath:instancePath+"/dataset/dropped_rows",schemaPath:"#/$defs/dataset/properties/dropped_rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid6 = _errs37 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data11.target !== undefined){
const _errs39 = errors;
if(typeof data11.target !== "string"){
validate21.errors = [{instancePath:instancePath+"/dataset/target",schemaPath:"#/$defs/dataset/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid6 = _errs39 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data11.class_counts !== undefined){
let data20 = data11.class_counts;
const _errs41 = errors;
if(errors === _errs41){
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
for(const key2 in data20){
let data21 = data20[key2];
const _errs44 = errors;
if(!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))){
validate21.errors = [{instancePath:instancePath+"/dataset/class_counts/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/dataset/properties/class_counts/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid7 = _errs44 === errors;
if(!valid7){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/dataset/class_counts",schemaPath:"#/$defs/dataset/properties/class_counts/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid6 = _errs41 === errors;
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
}
}
else {
validate21.errors = [{instancePath:instancePath+"/dataset",schemaPath:"#/$defs/dataset/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.examples !== undefined){
let data22 = data.examples;
const _errs46 = errors;
if(errors === _errs46){
if(Array.isArray(data22)){
var valid8 = true;
const len3 = data22.length;
for(let i3=0; i3<len3; i3++){
let data23 = data22[i3];
const _errs48 = errors;
const _errs49 = errors;
if(errors === _errs49){
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
let missing2;
if(((data23.input === undefined) && (missing2 = "input")) || ((data23.output === undefined) && (missing2 = "output"))){
validate21.errors = [{instancePath:instancePath+"/examples/" + i3,schemaPath:"#/$defs/example/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs51 = errors;
for(const key3 in data23){
if(!(((key3 === "input") || (key3 === "expected")) || (key3 === "output"))){
validate21.errors = [{instancePath:instancePath+"/examples/" + i3,schemaPath:"#/$defs/example/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs51 === errors){
if(data23.input !== undefined){
let data24 = data23.input;
const _errs52 = errors;
if(errors === _errs52){
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
for(const key4 in data24){
let data25 = data24[key4];
const _errs55 = errors;
if((!((typeof data25 == "number") && (isFinite(data25)))) && (typeof data25 !== "string")){
validate21.errors = [{instancePath:instancePath+"/examples/" + i3+"/input/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/example/properties/input/additionalProperties/type",keyword:"type",params:{type: schema41.properties.input.additionalProperties.type},message:"must be number,string"}];
return false;
}
var valid11 = _errs55 === errors;
if(!valid11){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/examples/" + i3+"/input",schemaPath:"#/$defs/example/properties/input/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid10 = _errs52 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data23.expected !== undefined){
const _errs57 = errors;
if(typeof data23.expected !== "string"){
validate21.errors = [{instancePath:instancePath+"/examples/" + i3+"/expected",schemaPath:"#/$defs/example/properties/expected/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid10 = _errs57 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data23.output !== undefined){
let data27 = data23.output;
const _errs59 = errors;
if(errors === _errs59){
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
let missing3;
if(((data27.label === undefined) && (missing3 = "label")) || ((data27.probabilities === undefined) && (missing3 = "probabilities"))){
validate21.errors = [{instancePath:instancePath+"/examples/" + i3+"/output",schemaPath:"#/$defs/example/properties/output/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs61 = errors;
for(const key5 in data27){
if(!((key5 === "label") || (key5 === "probabilities"))){
validate21.errors = [{instancePath:instancePath+"/examples/" + i3+"/output",schemaPath:"#/$defs/example/properties/output/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs61 === errors){
if(data27.label !== undefined){
const _errs62 = errors;
if(typeof data27.label !== "string"){
validate21.errors = [{instancePath:instancePath+"/examples/" + i3+"/output/label",schemaPath:"#/$defs/example/properties/output/properties/label/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid12 = _errs62 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data27.probabilities !== undefined){
let data29 = data27.probabilities;
const _errs64 = errors;
if(errors === _errs64){
if(Array.isArray(data29)){
var valid13 = true;
const len4 = data29.length;
for(let i4=0; i4<len4; i4++){
let data30 = data29[i4];
const _errs66 = errors;
if(!((typeof data30 == "number") && (isFinite(data30)))){
validate21.errors = [{instancePath:instancePath+"/examples/" + i3+"/output/probabilities/" + i4,schemaPath:"#/$defs/example/properties/output/properties/probabilities/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid13 = _errs66 === errors;
if(!valid13){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/examples/" + i3+"/output/probabilities",schemaPath:"#/$defs/example/properties/output/properties/probabilities/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid12 = _errs64 === errors;
}
else {
var valid12 = true;
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/examples/" + i3+"/output",schemaPath:"#/$defs/example/properties/output/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid10 = _errs59 === errors;
}
else {
var valid10 = true;
}
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/examples/" + i3,schemaPath:"#/$defs/example/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid8 = _errs48 === errors;
if(!valid8){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/examples",schemaPath:"#/properties/examples/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs46 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.default_variant !== undefined){
const _errs68 = errors;
if(typeof data.default_variant !== "string"){
validate21.errors = [{instancePath:instancePath+"/default_variant",schemaPath:"#/properties/default_variant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs68 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.variants !== undefined){
let data32 = data.variants;
const _errs70 = errors;
if(errors === _errs70){
if(Array.isArray(data32)){
if(data32.length < 1){
validate21.errors = [{instancePath:instancePath+"/variants",schemaPath:"#/properties/variants/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid14 = true;
const len5 = data32.length;
for(let i5=0; i5<len5; i5++){
const _errs72 = errors;
if(!(validate27(data32[i5], {instancePath:instancePath+"/variants/" + i5,parentData:data32,parentDataProperty:i5,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
errors = vErrors.length;
}
var valid14 = _errs72 === errors;
if(!valid14){
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
var valid0 = _errs70 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.recipe !== undefined){
const _errs73 = errors;
if(typeof data.recipe !== "string"){
validate21.errors = [{instancePath:instancePath+"/recipe",schemaPath:"#/properties/recipe/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs73 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.artifacts !== undefined){
let data35 = data.artifacts;
const _errs75 = errors;
if(errors === _errs75){
if(Array.isArray(data35)){
var valid15 = true;
const len6 = data35.length;
for(let i6=0; i6<len6; i6++){
let data36 = data35[i6];
const _errs77 = errors;
const _errs78 = errors;
if(errors === _errs78){
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
let missing4;
if(((((data36.kind === undefined) && (missing4 = "kind")) || ((data36.url === undefined) && (missing4 = "url"))) || ((data36.sha256 === undefined) && (missing4 = "sha256"))) || ((data36.bytes === undefined) && (missing4 = "bytes"))){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i6,schemaPath:"#/$defs/artifact/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
const _errs80 = errors;
for(const key6 in data36){
if(!((((key6 === "kind") || (key6 === "url")) || (key6 === "sha256")) || (key6 === "bytes"))){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i6,schemaPath:"#/$defs/artifact/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs80 === errors){
if(data36.kind !== undefined){
const _errs81 = errors;
if(!(data36.kind === "description")){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i6+"/kind",schemaPath:"#/$defs/artifact/properties/kind/enum",keyword:"enum",params:{allowedValues: schema45.properties.kind.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid17 = _errs81 === errors;
}
else {
var valid17 = true;
}
if(valid17){
if(data36.url !== undefined){
let data38 = data36.url;
const _errs82 = errors;
if(errors === _errs82){
if(typeof data38 === "string"){
if(!pattern10.test(data38)){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i6+"/url",schemaPath:"#/$defs/artifact/properties/url/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]{0,63}/[a-z0-9_-]+\\.[0-9a-f]{16}\\.[a-z.]+$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]{0,63}/[a-z0-9_-]+\\.[0-9a-f]{16}\\.[a-z.]+$"+"\""}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i6+"/url",schemaPath:"#/$defs/artifact/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid17 = _errs82 === errors;
}
else {
var valid17 = true;
}
if(valid17){
if(data36.sha256 !== undefined){
let data39 = data36.sha256;
const _errs84 = errors;
if(errors === _errs84){
if(typeof data39 === "string"){
if(!pattern5.test(data39)){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i6+"/sha256",schemaPath:"#/$defs/artifact/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i6+"/sha256",schemaPath:"#/$defs/artifact/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid17 = _errs84 === errors;
}
else {
var valid17 = true;
}
if(valid17){
if(data36.bytes !== undefined){
let data40 = data36.bytes;
const _errs86 = errors;
if(!(((typeof data40 == "number") && (!(data40 % 1) && !isNaN(data40))) && (isFinite(data40)))){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i6+"/bytes",schemaPath:"#/$defs/artifact/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs86){
if((typeof data40 == "number") && (isFinite(data40))){
if(data40 < 0 || isNaN(data40)){
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i6+"/bytes",schemaPath:"#/$defs/artifact/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid17 = _errs86 === errors;
}
else {
var valid17 = true;
}
}
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/artifacts/" + i6,schemaPath:"#/$defs/artifact/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid15 = _errs77 === errors;
if(!valid15){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs75 === errors;
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
