import { describe, expect, it } from 'vitest';
import { onDemand } from '../../src/core/on-demand';

describe('onDemand', () => {
  it('imports once, shares the import under way, and keeps the module', async () => {
    let calls = 0;
    const m = onDemand(async () => ({ n: ++calls }));
    expect(m.module).toBeNull();
    const [a, b] = await Promise.all([m.load(), m.load()]);
    expect(a).toBe(b);
    expect(await m.load()).toBe(a);
    expect(m.module).toBe(a);
    expect(calls).toBe(1);
  });

  it('rejects when the import fails, and tries again at the next call', async () => {
    let calls = 0;
    const m = onDemand(async () => {
      if (++calls === 1) throw new Error('offline');
      return 'loaded';
    });
    await expect(m.load()).rejects.toThrow('offline');
    expect(m.module).toBeNull();
    expect(await m.load()).toBe('loaded');
    expect(m.module).toBe('loaded');
    expect(calls).toBe(2);
  });
});
