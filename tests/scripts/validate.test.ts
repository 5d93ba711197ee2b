// `npm run validate -- <file>` end to end: the CLI is spawned on fixtures; exit codes and lines checked.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEEP_NESTING, DEEP_UNCLOSED, FIVE_MB_STRING } from '../core/import/hostile';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = 'tests/fixtures/';
const tmp = mkdtempSync(join(tmpdir(), 'itinera-validate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function validate(...files: string[]) {
  const r = spawnSync(process.execPath, ['scripts/validate.mjs', ...files], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, lines: r.stdout.trim().split('\n'), out: r.stdout + r.stderr };
}

describe('npm run validate', () => {
  it('exits 0 on the shipped dataset', { timeout: 30_000 }, () => {
    const r = validate('data/kim-trips.json');
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([expect.stringMatching(/kim-trips\.json \(Itinera\): valid, \d+ events/)]);
  });

  it(
    'exits 1 and prints every problem: file:line:column, path, what is wrong, what was expected',
    { timeout: 30_000 },
    () => {
      const r = validate(`${fixtures}broken-records.json`);
      expect(r.code).toBe(1);
      const f = `${fixtures}broken-records.json`;
      expect(r.lines).toEqual([
        `${f}:11:67: places[2].lat: number 123 is above the maximum 90 [dropped]`,
        `${f}:16:57: legs[1].to: unknown place "atlantis" [dropped]`,
        expect.stringMatching(/^.*:21:47: events\[2\]\.kind: "teleport" is not one of "departure", .* \[dropped\]$/),
        `${f}:22:65: events[3].start: "24/04/2019" is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM±HH:MM [dropped]`,
        `${f}:23:87: events[4].end: ends (2019-04-24) before it starts (2019-04-25) [dropped]`,
        `${f}:24:13: events[5].id: duplicate id "good-1" in events [dropped]`,
        `${f}:25:142: events[6].sources: needs at least one source [dropped]`,
        `${f}:26:89: events[7].place: unknown place "nowhere" [dropped]`,
        `${f} (Itinera): 8 problem(s); 2 of 8 events valid, 6 dropped`,
      ]);
    },
  );

  it('checks importable formats and hostile files, each with its clear message (one run, many files)', () => {
    writeFileSync(join(tmp, 'big-string.json'), FIVE_MB_STRING());
    writeFileSync(join(tmp, 'deep.json'), DEEP_NESTING());
    writeFileSync(join(tmp, 'deep-unclosed.json'), DEEP_UNCLOSED());
    const names = [
      'timelinejs.json',
      'events.csv',
      'storymap.json',
      'places.geojson',
      'empty.json',
      'html-error-page.json',
      'array-root.json',
      'bom-comment.json',
      'bom-only.json',
      'wrong-types.json',
    ];
    const r = validate(
      ...names.map((n) => fixtures + n),
      ...['big-string.json', 'deep.json', 'deep-unclosed.json'].map((n) => join(tmp, n)),
    );
    expect(r.code).toBe(2);
    const f = (name: string) => fixtures + name;
    const expected: (string | RegExp)[] = [
      // importable formats: paths in their own terms, line:column in the file
      `${f('timelinejs.json')}:24:48: events[2].start_date.month: 13 is not in 1–12 [dropped]`,
      `${f('timelinejs.json')} (TimelineJS): 3 problem(s); 2 of 5 events valid, 3 dropped`,
      `${f('events.csv')}:5:1: row 5, start: day 31 is not in 2019-02 [dropped]`,
      `${f('events.csv')} (CSV): 3 problem(s); 2 of 5 events valid, 3 dropped`,
      /storymap\.json:8:17: storymap\.slides\[3\]\.date: "mid-September" is not a date Itinera can read/,
      /places\.geojson:9:\d+: features\[5\]\.properties\.mode: missing \(expected train, plane, car or ship\)/,
      // hostile files
      `${f('empty.json')}: (file): the file is empty (expected a JSON dataset or a CSV table) [fatal]`,
      `${f('empty.json')}: cannot be parsed`,
      `${f('html-error-page.json')}:1:1: (file): this is an HTML page, not a dataset (the server may have sent an error page) [fatal]`,
      /array-root\.json:1:1: \(root\): the file is a JSON array; a dataset is a JSON object/,
      /bom-comment\.json:2:3: \(file\): not valid JSON at line 2, column 3: expected a property name in double quotes, found a comment \(comments are not allowed in JSON\)/,
      `${f('bom-comment.json')}: cannot be parsed`,
      `${f('bom-only.json')} (Itinera): valid, 0 events, 0 legs, 0 places`,
      `${f('wrong-types.json')}:4:14: sources: expected an array, got an object [warning]`,
      `${f('wrong-types.json')}:7:49: places[0].lat: expected number, got "39.0" [dropped]`,
      /big-string\.json:1:\d+: events\[0\]\.start: "x{10,}…" \(5242880 characters\) is not/,
      /deep\.json:1:34: meta: expected object, got an array \[warning\]/,
      /deep-unclosed\.json: \(file\)|deep-unclosed\.json:1:\d+: \(file\): not valid JSON at line 1, column \d+: unexpected end of the file/,
    ];
    for (const line of expected)
      expect(r.lines).toContainEqual(typeof line === 'string' ? line : expect.stringMatching(line));
    expect(r.out.length).toBeLessThan(20_000);
  }, 60_000);

  it('exits 2 with the line and column when the file cannot be parsed', { timeout: 30_000 }, () => {
    const r = validate(`${fixtures}truncated.json`);
    expect(r.code).toBe(2);
    expect(r.lines[0]).toBe(
      `${fixtures}truncated.json:2:1: (file): not valid JSON at line 2, column 1: unexpected end of the file (expected a property name) [fatal]`,
    );
  });

  it('exits 2 when the file cannot be read, and on a missing argument', { timeout: 60_000 }, () => {
    expect(validate('no/such/file.json')).toMatchObject({
      code: 2,
      lines: ['no/such/file.json: cannot be read: no such file'],
    });
    writeFileSync(join(tmp, 'latin1.json'), Buffer.from([0x7b, 0xe9, 0x7d]));
    expect(validate(join(tmp, 'latin1.json')).out).toMatch(/is not UTF-8 text/);
    expect(validate().code).toBe(2);
  });
});
