// Trip colours: the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies.
export const TRIP_COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#F0E442',
] as const;

export function tripColour(order: number): string {
  return TRIP_COLOURS[((order % TRIP_COLOURS.length) + TRIP_COLOURS.length) % TRIP_COLOURS.length]!;
}
