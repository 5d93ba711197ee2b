import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stackFloor } from '../../scripts/bench/stack-floor.mjs';

// Inside the project, so that the page's imports resolve to its node_modules (bench/tmp is ignored).
const DIR = join(process.cwd(), 'bench/tmp', `stack-floor-test-${process.pid}`);
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('stackFloor(dir)', () => {
  it("builds a page of React, Leaflet and the timeline's D3 modules, and measures it as the app's first load", async () => {
    const m = await stackFloor(DIR);
    expect(m.gzip).toBe(m.js + m.css);
    const js = m.files.filter((f) => f.kind === 'js');
    const css = m.files.filter((f) => f.kind === 'css');
    expect(js).toHaveLength(1);
    expect(css).toHaveLength(1);
    const code = readFileSync(join(DIR, 'dist', js[0]!.file), 'utf8');
    // React DOM's production errors point to react.dev, Leaflet names its container, d3-brush its handles.
    const has = (s: string) => code.includes(s);
    expect(has('react.dev/errors')).toBe(true);
    expect(has('leaflet-container')).toBe(true);
    expect(has('handle--')).toBe(true);
    // React's production build, as the app ships: none of its development warnings.
    expect(has('You passed a JSX element to createRoot')).toBe(false);
    // Leaflet's stylesheet, with its images as files (as the app's build has them), not inlined.
    const sheet = readFileSync(join(DIR, 'dist', css[0]!.file), 'utf8');
    expect(sheet.includes('.leaflet-pane')).toBe(true);
    expect(sheet.includes('data:image/png')).toBe(false);
  }, 60_000);
});
