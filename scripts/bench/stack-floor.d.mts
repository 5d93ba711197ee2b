import type { measure } from '../size-budget.mjs';
/** Builds a page of the first paint's libraries alone in `where` and measures its first load. */
export function stackFloor(where: string): Promise<ReturnType<typeof measure>>;
