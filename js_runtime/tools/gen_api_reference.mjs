#!/usr/bin/env node
// Generates site_src/reference/javascript-api.md, the JavaScript API reference, from the JSDoc of the
// runtime's sources: TypeDoc with typedoc-plugin-markdown, entry point js_runtime/tools/public_api.js
// (what the page documents; its module comment is the page's introduction).
//
//   npm run gen:api-reference                                   (re)write the page
//   node js_runtime/tools/gen_api_reference.mjs --out FILE      write it to FILE instead
//
// The page must not depend on when or where it is generated: no dates, no source links (they would carry
// line numbers, so every edit of a source line would make the page stale), no paths of this machine.
// tests/js/api_reference.test.js fails when the committed page differs from what this writes.
// Run only under Node (this folder is not copied into the site).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, Converter, LogLevel } from 'typedoc';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const OUTPUT_FILE = path.join(REPO, 'site_src/reference/javascript-api.md');
const PAGE = 'javascript-api.md';

/**
 * TypeDoc's options: one Markdown page for the whole API (the "module" router puts a module and all
 * its members on one page, and the entry point is the project itself), tables for properties and
 * parameters, the functions first.
 * @param {string} outDir
 */
function typedocOptions(outDir) {
  return {
    plugin: ['typedoc-plugin-markdown'],
    entryPoints: [path.join(REPO, 'js_runtime/tools/public_api.js')],
    tsconfig: path.join(REPO, 'jsconfig.json'),
    out: outDir,
    cleanOutputDir: true,
    name: 'JavaScript API reference',
    readme: 'none',
    router: 'module',
    entryFileName: PAGE,
    hideBreadcrumbs: true,
    hidePageHeader: true,
    disableSources: true,
    disableGit: true,
    excludeInternal: true,
    // No "Functions", "Classes", … headings: they would push a class's methods down to <h5>, which
    // mkdocs-material sets in capitals (PREDICT()); the groups still come in groupOrder's order.
    hideGroupHeadings: true,
    excludePrivate: true,
    groupOrder: ['Functions', 'Classes', 'Enumerations', 'Interfaces', 'Type Aliases', 'Constructors', 'Properties', 'Methods', '*'],
    parametersFormat: 'table',
    interfacePropertiesFormat: 'table',
    classPropertiesFormat: 'table',
    typeAliasPropertiesFormat: 'table',
    typeDeclarationFormat: 'table',
    enumMembersFormat: 'table',
    propertyMembersFormat: 'table',
    // No "Default value" column (only preload() has one, and says it): one column fewer to fit a phone.
    tableColumnSettings: { hideDefaults: true },
    useCodeBlocks: true,
    // &lt; and &gt;, not \< and \>: Python-Markdown (MkDocs) does not unescape "\<", CommonMark does.
    useHTMLEncodedBrackets: true,
    // Signatures and types written out in full: `load(source: unknown, options?: LoadOptions)`, an
    // option's inline object type rather than "object".
    expandObjects: true,
    expandParameters: true,
    // Headings carry TypeDoc's anchor as {#id} (MkDocs' attr_list), so the page's links reach them:
    // MkDocs would slug a second "Variant" heading "variant_1" where TypeDoc links "#variant-1".
    useCustomAnchors: true,
    customAnchorsFormat: 'curlyBrace',
    // The introduction links to the guide (../api.md, relative to the generated page, which MkDocs
    // resolves); TypeDoc would look for that file beside public_api.js, so relative paths go unchecked.
    validation: { notExported: true, invalidLink: true, invalidPath: false, rewrittenLink: true },
    treatWarningsAsErrors: true,
    logLevel: LogLevel.Warn,
  };
}

/**
 * The page's text, as TypeDoc writes it now.
 * @returns {Promise<string>}
 */
export async function generate() {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-api-reference-'));
  try {
    const app = await Application.bootstrapWithPlugins(typedocOptions(outDir));
    // TypeDoc gives a JSDoc @typedef an empty list of type parameters, and the plugin then writes an empty
    // "Type Parameters" table under each; none of these types has any.
    app.converter.on(Converter.EVENT_RESOLVE_END, (/** @type {import('typedoc').Context} */ context) => {
      for (const reflection of Object.values(context.project.reflections)) {
        if ('typeParameters' in reflection && Array.isArray(reflection.typeParameters) && !reflection.typeParameters.length) {
          delete reflection.typeParameters;
        }
      }
    });
    const project = await app.convert();
    if (!project || app.logger.hasErrors()) throw new Error('TypeDoc could not convert js_runtime/tools/public_api.js (see above).');
    app.validate(project); // a type the page names but does not document, a broken {@link}
    await app.generateOutputs(project);
    if (app.logger.hasErrors() || app.logger.hasWarnings()) throw new Error('TypeDoc reported problems (see above).');
    const written = fs.readdirSync(outDir, { recursive: true }).map(String).sort();
    if (written.join() !== PAGE) {
      throw new Error(`TypeDoc wrote ${written.join(', ') || 'nothing'} instead of the one page ${PAGE}; check the router options.`);
    }
    return fs.readFileSync(path.join(outDir, PAGE), 'utf8');
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const file = at === -1 ? OUTPUT_FILE : path.resolve(process.argv[at + 1] ?? '');
  if (at !== -1 && !process.argv[at + 1]) {
    console.error('usage: node js_runtime/tools/gen_api_reference.mjs [--out FILE]');
    process.exit(2);
  }
  const text = await generate();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(process.cwd(), file) || file} (${Buffer.byteLength(text)} bytes)`);
}
