import { describe, expect, it } from 'vitest';
import { heightMessages, parseInbound } from '../../src/embed/messages';

const ctx = { childId: null, secret: null, id: 'itinera', href: 'https://example.org/itinera/?embed=1' };

describe('heightMessages(h, ctx)', () => {
  it('posts the AMP, Medium/Flourish and Itinera formats always, rounding the height up', () => {
    expect(heightMessages(480.2, ctx)).toEqual([
      { sentinel: 'amp', type: 'embed-size', height: 481 },
      JSON.stringify({ src: ctx.href, context: 'iframe.resize', height: 481 }),
      { 'itinera-height': { itinera: 481 } },
    ]);
  });

  it('adds the pym.js string when childId is known', () => {
    const m = heightMessages(600, { ...ctx, childId: 'chart-1', id: 'chart-1' });
    expect(m[0]).toBe('pymxPYMxchart-1xPYMxheightxPYMx600');
    expect(m).toContainEqual({ 'itinera-height': { 'chart-1': 600 } });
  });

  it('adds the WordPress message when the hash holds a secret', () => {
    const m = heightMessages(700, { ...ctx, secret: 'abc' });
    expect(m[0]).toEqual({ secret: 'abc', message: 'height', value: 700 });
  });

  it('writes the Medium/Flourish message as a JSON string', () => {
    const s = heightMessages(10, ctx).find((m) => typeof m === 'string') as string;
    expect(JSON.parse(s)).toEqual({ src: ctx.href, context: 'iframe.resize', height: 10 });
  });
});

describe('parseInbound(data, childId)', () => {
  it('accepts a pym.js width with a numeric value for this child', () => {
    expect(parseInbound('pymxPYMxc1xPYMxwidthxPYMx640', 'c1')).toEqual({ width: 640 });
    expect(parseInbound('pymxPYMxc1xPYMxwidthxPYMx640.5', 'c1')).toEqual({ width: 640.5 });
  });

  it.each([
    ['another child', 'pymxPYMxc2xPYMxwidthxPYMx640'],
    ['a non-numeric width', 'pymxPYMxc1xPYMxwidthxPYMxabc'],
    ['a negative width', 'pymxPYMxc1xPYMxwidthxPYMx-5'],
    ['a zero width', 'pymxPYMxc1xPYMxwidthxPYMx0'],
    ['a width with script', 'pymxPYMxc1xPYMxwidthxPYMx640<script>'],
    ['another pym message', 'pymxPYMxc1xPYMxnavigateToxPYMxhttps://evil.example'],
    ['a pym height', 'pymxPYMxc1xPYMxheightxPYMx640'],
    ['extra parts', 'pymxPYMxc1xPYMxwidthxPYMx640xPYMx1'],
    ['an object', { 'itinera-height': { c1: 1 } }],
    ['a WordPress message', { secret: 'abc', message: 'height', value: 10 }],
    ['null', null],
    ['a number', 640],
  ])('ignores %s', (_label, data) => {
    expect(parseInbound(data, 'c1')).toBeNull();
  });

  it('ignores everything without a childId', () => {
    expect(parseInbound('pymxPYMxnullxPYMxwidthxPYMx640', null)).toBeNull();
  });
});
