/** Where a profile's call frame came from: a source file through the build's map, or the script's name. */
export interface Resolved {
  source: string;
  name: string | null;
  line: number;
}
export type Resolve = (url: string, line: number, column: number) => Resolved | null;
export function sourceResolver(fileOfUrl: (url: string) => string | null): Resolve;
export function bucketOf(source: string): string;
export function attribute(profile: unknown, resolve: Resolve, top?: number): unknown;
