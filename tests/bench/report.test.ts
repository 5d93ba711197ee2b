import { describe, expect, it } from 'vitest';
import { rows, targets } from '../../scripts/bench/report.mjs';

const seedRow = (r: Record<string, unknown>) =>
  targets({ results: [{ system: 'Itinera', size: 'seed', ...r }] }).find((t) =>
    t.Target.startsWith('Seed: interactive'),
  )!;

describe('targets(out): the seed', () => {
  it('judges interactive from navigation start and prints the time after the load event beside it', () => {
    const row = seedRow({ interactive: 1090, loadEvent: 290 });
    expect(row.Verdict).toBe('NOT met');
    expect(row.Figure).toBe('1.09 s; 800 ms after the load event (290 ms)');
    expect(seedRow({ interactive: 990, loadEvent: 290 }).Verdict).toBe('met');
  });
  it('prints the figure alone when the load event was not measured', () => {
    expect(seedRow({ interactive: 1090 }).Figure).toBe('1.09 s');
  });
});

describe('targets(out): first renders', () => {
  const figure = (size: string, target: string, r: Record<string, unknown>) =>
    targets({ results: [{ system: 'Itinera', size, ...r }] }).find((t) => t.Target.startsWith(target))!;
  it('prints the range of the loads beside their median', () => {
    const loads = [1229, 1168, 869, 912, 1013].map((render) => ({ render, interactive: render }));
    const row = figure('10k', '10k: first render', { firstRender: 1013, loads });
    expect(row.Figure).toBe('1.01 s (median of 5 loads: 869 ms–1.23 s)');
    expect(row.Verdict).toBe('NOT met');
    expect(figure('100k', '100k: first render', { firstRender: 2400, loads: [{ render: 2400 }] }).Figure).toBe(
      '2.40 s',
    );
    expect(figure('seed', 'Seed: interactive', { interactive: 700, loads }).Figure).toBe(
      '700 ms (median of 5 loads: 869 ms–1.23 s)',
    );
  });
});

describe('rows(out)', () => {
  it("prints the release of Itinera's brush drag and its wheel zoom's rest, and nothing for a peer", () => {
    const [mine, timed, peer] = rows({
      results: [
        { system: 'Itinera', size: '10k', brushRelease: 84.26, zoomRest: 212 },
        { system: 'Itinera', size: '100k', brushRelease: 'timeout' },
        { system: 'vis-timeline', size: '10k' },
      ],
    });
    expect(mine!['Brush release']).toBe('84.3 ms');
    expect(mine!['Zoom to rest']).toBe('212 ms');
    expect(peer!['Zoom to rest']).toBe('–');
    expect(timed!['Brush release']).toBe('timeout');
    expect(peer!['Brush release']).toBe('–');
  });
});

describe('targets(out): first load', () => {
  const row = (out: Parameters<typeof targets>[0]) => targets(out).find((t) => t.Target.startsWith('First load'))!;
  const results = [{ system: 'Itinera', size: 'seed', bytes: { js: { gzip: 201_000 }, css: { gzip: 11_000 } } }];
  it('prints the first load of the stack alone beside the app’s, when the run measured it', () => {
    const r = row({ results, stackFloor: { js: 138_066, css: 2_632, gzip: 140_698 } });
    expect(r.Figure).toBe('207.0 KB; React, Leaflet and D3 alone: 137.4 KB');
    expect(r.Verdict).toBe('NOT met');
    expect(row({ results }).Figure).toBe('207.0 KB');
  });
});
