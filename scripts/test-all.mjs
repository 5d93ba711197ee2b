#!/usr/bin/env node
// The one test command: format, lint, types, unit tests, production build, end-to-end tests in
// Chromium. Ends with one line `N passed, N failed` summing every test runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const out = 'test-artifacts/results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const failures = [];
const run = (label, cmd, args) => {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) failures.push(label);
  return r.status === 0;
};
const vitest = (project) =>
  run(`${project} tests`, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}/${project}.json`,
  ]);

run('format', 'npx', ['prettier', '--check', '.']);
run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
run('types', 'npx', ['tsc', '-p', '.']);
vitest('unit');
if (run('build', 'npx', ['vite', 'build'])) {
  // The first load (JS+CSS, gzip) against its budget (scripts/size-budget.mjs); prints the figures.
  run('size budget', 'node', ['scripts/size-budget.mjs']);
  vitest('e2e');
} else failures.push('e2e tests (not run: the build failed)');

let passed = 0;
let failed = 0;
for (const project of ['unit', 'e2e']) {
  const file = `${out}/${project}.json`;
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
console.log('');
if (failures.length) console.log(`Failed steps: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
