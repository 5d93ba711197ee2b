// The problems panel groups problems by collection, the first step of their JSON path.
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/types';
import { groupProblems } from '../../src/ui/problems-panel';

const p = (path: string): Problem => ({ path, message: 'x', level: 'dropped' });

describe('groupProblems', () => {
  it('groups by the first step of the path, in the order first seen', () => {
    const groups = groupProblems([p('events[3].start'), p('places[2].lat'), p('events[7].kind'), p('$.legs[1]')]);
    expect(groups.map(([k, list]) => [k, list.map((x) => x.path)])).toEqual([
      ['events', ['events[3].start', 'events[7].kind']],
      ['places', ['places[2].lat']],
      ['legs', ['$.legs[1]']],
    ]);
  });

  it('keeps a path without steps as its own group', () => {
    expect(groupProblems([p('meta'), p('')]).map(([k]) => k)).toEqual(['meta', '']);
  });
});
