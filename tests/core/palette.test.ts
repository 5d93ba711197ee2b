// The trip colours stay apart for colour-blind readers: each colour is simulated as seen with
// protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity 1, applied in
// linear RGB) and compared in CIELAB (ΔE*ab, CIE 1976).
import { describe, expect, it } from 'vitest';
import { TRIP_COLOURS, tripColour } from '../../src/core/palette';

type Matrix = readonly [readonly number[], readonly number[], readonly number[]];
const VISION: Record<string, Matrix> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3089],
  ],
};

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** CIELAB (D65) of `hex` as seen through `m`. */
export function simulatedLab(hex: string, m: Matrix): [number, number, number] {
  const rgb = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255));
  const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0]! * rgb[0]! + row[1]! * rgb[1]! + row[2]! * rgb[2]!)));
  const x = 0.4124 * r! + 0.3576 * g! + 0.1805 * b!;
  const y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  const z = 0.0193 * r! + 0.1192 * g! + 0.9505 * b!;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [fx, fy, fz] = [f(x / 0.95047), f(y), f(z / 1.08883)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const deltaE = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

/** Clearly different at a glance, for marks the size of a marker or a route. */
const MIN_DELTA_E = 15;

describe('trip colours for colour-blind readers', () => {
  it('simulates as the references do: pure red under protanopia darkens, red and green merge under deuteranopia', () => {
    expect(simulatedLab('#ff0000', VISION.normal!)[0]).toBeCloseTo(53.2, 0);
    expect(simulatedLab('#ff0000', VISION.protanopia!)[0]).toBeLessThan(45);
    expect(
      deltaE(simulatedLab('#ff0000', VISION.deuteranopia!), simulatedLab('#00a000', VISION.deuteranopia!)),
    ).toBeLessThan(MIN_DELTA_E);
  });

  for (const [vision, m] of Object.entries(VISION)) {
    it(`keeps trips with neighbouring order apart (${vision}: ΔE ≥ ${MIN_DELTA_E})`, () => {
      for (let order = 1; order < TRIP_COLOURS.length; order++) {
        const d = deltaE(simulatedLab(tripColour(order - 1), m), simulatedLab(tripColour(order), m));
        expect(d, `${tripColour(order - 1)} / ${tripColour(order)}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
      }
    });

    it(`keeps any two colours of the palette apart (${vision}: ΔE ≥ ${MIN_DELTA_E})`, () => {
      for (let i = 0; i < TRIP_COLOURS.length; i++)
        for (let j = i + 1; j < TRIP_COLOURS.length; j++) {
          const d = deltaE(simulatedLab(TRIP_COLOURS[i]!, m), simulatedLab(TRIP_COLOURS[j]!, m));
          expect(d, `${TRIP_COLOURS[i]} / ${TRIP_COLOURS[j]}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
        }
    });
  }
});
