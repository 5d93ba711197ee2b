// The border crossings of a dataset, found once: route.ts's search is legs × places × vertices, and
// both the legend and the journey layer ask for it when a dataset is drawn.
import { borderCrossings, type BorderCrossing } from '../core/route';
import type { Dataset } from '../core/types';

const cache = new WeakMap<Dataset, readonly BorderCrossing[]>();

export function crossingsOf(data: Dataset): readonly BorderCrossing[] {
  let hit = cache.get(data);
  if (!hit) {
    hit = borderCrossings(data);
    cache.set(data, hit);
  }
  return hit;
}
