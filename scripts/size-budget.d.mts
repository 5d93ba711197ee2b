export const BUDGET_KB: number;
export const TARGET_KB: number;
export function firstLoadFiles(dist: string): string[];
export function measure(dist: string): {
  files: { file: string; kind: 'js' | 'css'; raw: number; gzip: number }[];
  js: number;
  css: number;
  gzip: number;
};
