export const DEFAULT_SEED: number;
export const DEFAULTS: { trips: number; places: number; stopsPerTrip: number; sources: number; people: number };
export interface GenerateOptions {
  seed?: number;
  trips?: number;
  places?: number;
  stopsPerTrip?: number;
  sources?: number;
  people?: number;
}
export function mulberry32(seed: number): () => number;
export function localDateTime(ms: number, offsetMinutes: number): string;
export function localDay(ms: number, offsetMinutes: number): string;
export function generateDataset(
  events: number,
  options?: GenerateOptions,
): Record<string, unknown> & {
  format: 'itinera/1';
  sources: { id: string }[];
  people: { id: string }[];
  places: { id: string; lat: number; lon: number; timeZone: string }[];
  trips: { id: string; traveller: string; sources?: string[] }[];
  legs: { id: string; trip: string; from: string; to: string; start: string; end: string; sources?: string[] }[];
  events: {
    id: string;
    trip: string;
    start: string;
    end?: string;
    place?: string;
    participants?: string[];
    sources: string[];
  }[];
  claims: { id: string; about: string; sources: string[] }[];
};
export function generateText(events: number, options?: GenerateOptions): string;
export function sizeLabel(n: number): string;
