// Fuzzing the one door into an embedded Itinera: whatever a host or a foreign frame posts, only an
// exact pym `width` for this child with a positive number is acted on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInbound } from '../../src/embed/messages';

const CHILD = 'itinera-1';
const isExactPymWidth = (data: unknown) =>
  typeof data === 'string' &&
  /^pymxPYMxitinera-1xPYMxwidthxPYMx\d+(\.\d+)?$/.test(data) &&
  Number(data.split('xPYMx')[3]) > 0;

describe('parseInbound under random messages', () => {
  it('ignores any JSON-like value that is not an exact pym width', () => {
    fc.assert(
      fc.property(
        fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true, withSet: true }),
        (data) => {
          expect(parseInbound(data, CHILD)).toBe(null);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('ignores pym-shaped strings with a wrong child, verb or value', () => {
    const part = fc.oneof(fc.string(), fc.constantFrom('pym', CHILD, 'width', 'height', '12', '-1', '1e3', 'NaN', ''));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
        const data = parts.join('xPYMx');
        const result = parseInbound(data, CHILD);
        if (isExactPymWidth(data)) expect(result).toEqual({ width: Number(parts[3]) });
        else expect(result).toBe(null);
      }),
      { numRuns: 3000 },
    );
  });

  it('acts on a real pym width and nothing without a child id', () => {
    expect(parseInbound(`pymxPYMx${CHILD}xPYMxwidthxPYMx640`, CHILD)).toEqual({ width: 640 });
    expect(parseInbound(`pymxPYMx${CHILD}xPYMxwidthxPYMx640`, null)).toBe(null);
  });
});
