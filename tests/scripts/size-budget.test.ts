import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGET_KB, firstLoadFiles, measure } from '../../scripts/size-budget.mjs';

const SCRIPT = new URL('../../scripts/size-budget.mjs', import.meta.url).pathname;
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A fake build: an entry that imports a chunk statically and another on demand, and a stylesheet. */
function fakeDist(entryExtra = '') {
  dir = mkdtempSync(join(tmpdir(), 'itinera-size-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<script src="./first.js"></script>\n' +
      '<script type="module" crossorigin src="./assets/index.js"></script>\n' +
      '<link rel="modulepreload" crossorigin href="./assets/runtime.js">\n' +
      '<link rel="stylesheet" crossorigin href="./assets/index.css">',
  );
  writeFileSync(
    join(dir, 'assets/index.js'),
    `import{a as b}from"./shared.js";import"./side.js";const l=()=>import(\`./lazy.js\`);const m=["./mapped.js"];${entryExtra}`,
  );
  for (const f of ['shared.js', 'side.js', 'runtime.js', 'lazy.js', 'mapped.js'])
    writeFileSync(join(dir, 'assets', f), 'x');
  writeFileSync(join(dir, 'assets/index.css'), 'body{}');
  writeFileSync(join(dir, 'first.js'), 'x');
  return dir;
}

describe('size budget', () => {
  it('counts the scripts, the static imports of the entry, preloads and stylesheets, not what loads on demand', () => {
    const files = firstLoadFiles(fakeDist())
      .map((f: string) => f.slice(dir.length + 1))
      .sort();
    expect(files).toEqual([
      'assets/index.css',
      'assets/index.js',
      'assets/runtime.js',
      'assets/shared.js',
      'assets/side.js',
      'first.js',
    ]);
    const m = measure(dir);
    expect(m.gzip).toBe(m.js + m.css);
    expect(m.css).toBeGreaterThan(0);
  });

  it('fails the command when the first load is over the budget, and prints the figures', () => {
    // Random bytes do not compress: over the budget once gzipped.
    const big = randomBytes((BUDGET_KB + 20) * 1024).toString('base64');
    fakeDist(`const big="${big}";`);
    const over = spawnSync('node', [SCRIPT, dir], { encoding: 'utf8' });
    expect(over.status).toBe(1);
    expect(over.stdout).toMatch(/first load: JS .* KB \+ CSS .* KB = .* KB gzip; budget \d+ KB \(OVER\)/);
    fakeDist();
    const within = spawnSync('node', [SCRIPT, dir], { encoding: 'utf8' });
    expect(within.status).toBe(0);
    expect(within.stdout).toMatch(/\(within\)/);
  });
});
