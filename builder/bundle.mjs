// Bundles the browser runtime with esbuild; run by builder/assets.py (bundle_runtime) at every site build.
//
// stdin: {"nodeModules", "runtimeDir", "workerDir"} (absolute folders). stdout: {"files", "preload",
// "entries"}: the output files' text, main.js's static import graph and which source each entry or lazy
// chunk holds, all by site path under vitrine/ (js_runtime/main.js, worker/worker.js, …). Writes nothing
// itself: Python writes the files, so an unchanged bundle leaves the site untouched.
//
// - The page: js_runtime/main.js (every page) and js_runtime/vitrine.js (the documented ES-module entry
//   of window.vitrine's API), split so they share one copy of the runtime, and every dynamic import()
//   (the demo widgets, the manifest validator) stays a lazy chunk. Entries and chunks sit in
//   vitrine/js_runtime/, where the source modules are served, so each `new URL(…, import.meta.url)`
//   (the worker, the site root, vendor/) resolves as it does unbundled.
// - js_runtime/site_config.js is left out (imported from beside the chunks): the build writes it.
// - The inference worker: worker/worker.js as one file at vitrine/worker/worker.js (its ?tier= is read
//   from import.meta.url, which a split chunk would not carry); the modules it imports with import()
//   are in that file too, run when imported, so the worker makes one request for its own code.
// onnxruntime-web, the tokenizer library and Chart.js are loaded by URL at run time and stay vendored.
//
// Minified ES2022 (what jsconfig.json type-checks), with an external source map next to each file whose
// sources (sourcesContent included) read as the repository's js_runtime/ and worker/ modules. The
// output depends only on the sources: the same files give the same bytes on any machine.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const input = JSON.parse(await readStdin());

let esbuild;
try {
  esbuild = (await import(pathToFileURL(path.join(input.nodeModules, 'esbuild', 'lib', 'main.js')).href)).default;
} catch (e) {
  fail(`esbuild is missing (${path.join(input.nodeModules, 'esbuild')}): run \`npm ci\` in the project folder (or \`make serve\`).\n${e}`);
}

// The sources' parent, as if the output were written to <parent>/vitrine/<dir>/: the maps' sources are
// then "../../js_runtime/main.js", "../../worker/engine.js" (relative to the map), whatever the machine.
const base = path.dirname(input.runtimeDir);
const out = path.join(base, 'vitrine');
const siteConfig = path.join(input.runtimeDir, 'site_config.js');

/**
 * js_runtime/site_config.js stays a file of its own (imported as ./site_config.js, beside the chunks):
 * the build writes the site's copy from mkdocs.yml (builder/assets.py write_service_worker), so the
 * bundle is the same whatever the options.
 */
const siteConfigPlugin = {
  name: 'vitrine-site-config',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    build.onResolve({ filter: /site_config\.js$/ }, (args) => (
      path.resolve(args.resolveDir, args.path) === siteConfig ? { path: './site_config.js', external: true } : undefined));
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: base,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  sourcesContent: true,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  write: false,
  metafile: true,
  logLevel: 'silent',
  // Not the jsconfig.json files (type-checking settings): their `strict` would add "use strict" lines,
  // so the output would depend on which of them lie around the sources.
  tsconfigRaw: {},
  plugins: [siteConfigPlugin],
};

let results;
try {
  results = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [path.join(input.runtimeDir, 'main.js'), path.join(input.runtimeDir, 'vitrine.js')],
      outdir: path.join(out, 'js_runtime'),
      splitting: true,
    }),
    esbuild.build({ ...common, entryPoints: [path.join(input.workerDir, 'worker.js')], outdir: path.join(out, 'worker') }),
  ]);
} catch (e) {
  const errors = /** @type {{errors?: import('esbuild').Message[]}} */ (e).errors;
  if (!errors?.length) fail(String(e));
  // file:line:column: what is wrong, then the line — as the build reports card problems
  fail(`bundling the runtime with esbuild failed:\n${errors.map(({ location: at, text }) => (at
    ? `${path.resolve(base, at.file)}:${at.line}:${at.column + 1}: ${text}\n    ${at.lineText.trim()}` : text)).join('\n')}`);
}

/** @type {Record<string, string>} */
const files = {};
for (const result of results) {
  for (const file of result.outputFiles) files[siteName(file.path)] = file.text;
}
// What a page imports before main.js runs: main.js and its static imports, transitively (for modulepreload),
// site_config.js included (external: the build writes it beside the chunks).
const outputs = Object.fromEntries(results.flatMap((r) => Object.entries(r.metafile.outputs)));
/** @type {string[]} */
const preload = [];
const visit = (/** @type {string} */ file) => {
  if (preload.includes(siteName(file))) return;
  preload.push(siteName(file));
  for (const imported of outputs[path.relative(base, file).split(path.sep).join('/')]?.imports ?? []) {
    if (imported.kind !== 'import-statement') continue;
    if (!imported.external) visit(path.resolve(base, imported.path));
    else if (imported.path.startsWith('./')) visit(path.resolve(path.dirname(file), imported.path));
  }
};
visit(path.join(out, 'js_runtime', 'main.js'));
// Which source module each entry and lazy chunk holds ({"js_runtime/demo_tabular-<hash>.js": "js_runtime/demo_tabular.js"}).
const entries = Object.fromEntries(Object.entries(outputs).filter(([, o]) => o.entryPoint)
  .map(([name, o]) => [siteName(path.resolve(base, name)), /** @type {string} */ (o.entryPoint)]));

process.stdout.write(JSON.stringify({ files, preload, entries }));

/** @param {string} file an output path under `out` */
function siteName(file) {
  return path.relative(out, file).split(path.sep).join('/');
}

/** @param {string} message */
function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
