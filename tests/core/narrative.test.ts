import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clampStep, defaultNarrative, pickNarrative } from '../../src/core/narrative';
import { restoreDataset } from '../../src/core/restore';

const small = () =>
  JSON.parse(readFileSync(new URL('../fixtures/small.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('narratives', () => {
  it('defaults to every event in time order', () => {
    const d = restoreDataset(small());
    const n = pickNarrative(d);
    expect(n).toEqual(defaultNarrative(d));
    expect(n.steps.map((s) => s.eventId)).toEqual(['e1', 'e2', 'e3']);
    expect(n.steps[1]!.title).toEqual({ en: 'Crossing', fr: 'Passage' });
  });

  it('restores a narrative, dropping a step that points at a missing event, with its path', () => {
    const raw = {
      ...small(),
      narratives: [
        {
          id: 'n1',
          title: { en: 'Story' },
          steps: [
            { event: 'e2', text: { en: 'Slide' }, notes: { en: 'Say this', fr: 'Dites ceci' } },
            { event: 'nope' },
            { leg: 'l1' },
            { window: { from: '2019-04-24', to: '2019-04-25' }, title: { en: 'Two days' } },
            { leg: 'l9' },
            { title: { en: 'Nothing to show' } },
          ],
        },
        { id: 'bad', steps: [] },
      ],
    };
    const d = restoreDataset(raw);
    expect(d.problems.map((p) => p.path)).toEqual([
      'narratives[0].steps[1].event',
      'narratives[0].steps[4].leg',
      'narratives[0].steps[5]',
      'narratives[1].title',
    ]);
    expect(d.problems[0]!.message).toContain('unknown event "nope"');
    expect(d.narratives!.map((n) => n.id)).toEqual(['n1']);
    const n = pickNarrative(d, 'n1');
    expect(n.steps).toHaveLength(3);
    expect(n.steps[0]).toMatchObject({ eventId: 'e2', text: { en: 'Slide' }, notes: { fr: 'Dites ceci' } });
    expect(n.steps[1]).toMatchObject({ eventId: null, legId: 'l1' });
    expect(n.steps[2]!.window).toEqual([Date.UTC(2019, 3, 24), Date.UTC(2019, 3, 26)]);
    expect(n.steps[2]!.title).toEqual({ en: 'Two days' });
  });

  it('falls back to the default when a narrative has no step left', () => {
    const d = restoreDataset({ ...small(), narratives: [{ id: 'n', title: { en: 'x' }, steps: [{ event: 'zz' }] }] });
    expect(pickNarrative(d).id).toBe('all-events');
  });

  it('clamps a step number from the URL', () => {
    expect(clampStep(null, 12)).toBe(1);
    expect(clampStep(3, 12)).toBe(3);
    expect(clampStep(40, 12)).toBe(12);
    expect(clampStep(-2, 12)).toBe(1);
    expect(clampStep(3, 0)).toBe(0);
  });
});

describe('the shipped narrative', () => {
  it('has 12 steps on existing events, with slide text and notes in en and fr', () => {
    const raw = JSON.parse(readFileSync(new URL('../../data/kim-trips.json', import.meta.url), 'utf8'));
    const d = restoreDataset(raw);
    expect(d.problems.filter((p) => p.path.startsWith('narratives'))).toEqual([]);
    const n = pickNarrative(d);
    expect(n.title.en).toBe('Two trains to Russia: 2019 and 2023');
    expect(n.steps).toHaveLength(12);
    for (const s of n.steps) {
      expect(s.eventId).not.toBeNull();
      expect(s.text?.en && s.text.fr && s.notes?.en && s.notes.fr).toBeTruthy();
    }
  });
});
