// Where things are in a JSON text: the line and column of a syntax error, and of the value at a JSON
// path such as `events[3].start`. One iterative pass (no recursion, so 200,000-deep nesting is fine),
// strings with escapes handled. JSON.parse stays the parser; this only finds positions.
import type { Problem } from './types';

export interface Position {
  /** 1-based line and column (columns count UTF-16 code units, a tab is one). */
  line: number;
  column: number;
}

export interface SyntaxFault extends Position {
  offset: number;
  message: string;
}

interface Frame {
  arr: boolean;
  /** This container's path, or null when no wanted path lies inside it. */
  path: string | null;
  index: number;
}

const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4_RE = /^[0-9a-fA-F]{4}$/;

function describeChar(text: string, i: number): string {
  const c = text[i]!;
  if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return 'a comment (comments are not allowed in JSON)';
  if (c === '<') return '"<" (this looks like an HTML page, not JSON)';
  if (c === "'") return 'a single quote (JSON strings use double quotes)';
  if (c === '\ufeff') return 'a byte order mark (BOM) in the middle of the file';
  const code = c.charCodeAt(0);
  return code < 32 || code === 127 ? `control character U+${code.toString(16).padStart(4, '0')}` : `"${c}"`;
}

/**
 * Walk `text` as JSON. Calls `onValue(path, offset)` for each value whose path is in `wanted` (a set
 * of paths and all their prefixes; the root is ''). Returns the first syntax fault, or null.
 */
function scan(
  text: string,
  wanted?: ReadonlySet<string>,
  onValue?: (path: string, offset: number) => void,
): Omit<SyntaxFault, 'line' | 'column'> | null {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Frame[] = [];
  const fault = (message: string, at = i) => ({ offset: Math.min(at, n), message });
  const ws = () => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    }
  };
  const child = (parent: string | null, key: string | number): string | null => {
    if (parent === null || !wanted) return null;
    const p = typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;
    return wanted.has(p) ? p : null;
  };
  /** Reads a string at i (on its opening quote); returns its raw body or a fault message. */
  const readString = (): { raw: string; escaped: boolean } | { error: string; at: number } => {
    const start = ++i;
    let escaped = false;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) return { raw: text.slice(start, i++), escaped };
      if (c === 92) {
        escaped = true;
        const e = text[i + 1];
        if (e === 'u') {
          if (!HEX4_RE.test(text.slice(i + 2, i + 6)))
            return { error: 'bad \\u escape (expected 4 hex digits)', at: i };
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else return { error: `bad escape "\\${e ?? ''}" in a string`, at: i };
      } else if (c < 32) {
        return c === 10 || c === 13
          ? { error: 'a string is not closed before the end of the line', at: i }
          : { error: `unescaped control character U+${c.toString(16).padStart(4, '0')} in a string`, at: i };
      }
    }
    return { error: 'a string is not closed before the end of the file', at: start - 1 };
  };
  const readKey = (frame: Frame): string | null | { error: string; at: number } => {
    ws();
    if (i >= n) return { error: 'unexpected end of the file (expected a property name)', at: i };
    if (text[i] !== '"')
      return {
        error:
          text[i] === '}'
            ? 'a comma before "}" (trailing commas are not allowed in JSON)'
            : `expected a property name in double quotes, found ${describeChar(text, i)}`,
        at: i,
      };
    const s = readString();
    if ('error' in s) return s;
    ws();
    if (text[i] !== ':')
      return { error: `expected ":" after a property name, found ${i < n ? describeChar(text, i) : 'the end'}`, at: i };
    i++;
    if (frame.path === null || !wanted) return null;
    return child(frame.path, s.escaped ? (JSON.parse(`"${s.raw}"`) as string) : s.raw);
  };

  let path: string | null = wanted ? '' : null;
  if (wanted && !wanted.has('')) path = null;
  for (;;) {
    // A value.
    ws();
    if (i >= n) return fault(stack.length ? 'unexpected end of the file (it seems cut short)' : 'the file is empty');
    if (path !== null) onValue?.(path, i);
    const c = text[i];
    if (c === '{' || c === '[') {
      const arr = c === '[';
      i++;
      ws();
      if (text[i] === (arr ? ']' : '}')) i++;
      else {
        const frame: Frame = { arr, path, index: 0 };
        stack.push(frame);
        if (arr) path = child(path, 0);
        else {
          const k = readKey(frame);
          if (k !== null && typeof k === 'object') return fault(k.error, k.at);
          path = k;
        }
        continue;
      }
    } else if (c === '"') {
      const s = readString();
      if ('error' in s) return fault(s.error, s.at);
    } else if (c === '-' || (c! >= '0' && c! <= '9')) {
      NUMBER_RE.lastIndex = i;
      const m = NUMBER_RE.exec(text);
      if (!m) return fault(`bad number starting with ${describeChar(text, i)}`);
      i += m[0].length;
    } else if (text.startsWith('true', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else if (text.startsWith('null', i)) i += 4;
    else return fault(`expected a value, found ${describeChar(text, i)}`);

    // After a value: a comma, or close containers.
    for (;;) {
      ws();
      const top = stack.at(-1);
      if (!top) return i < n ? fault(`unexpected ${describeChar(text, i)} after the end of the JSON value`) : null;
      const close = top.arr ? ']' : '}';
      if (i >= n) return fault(`unexpected end of the file (expected "," or "${close}"; it seems cut short)`);
      const d = text[i];
      if (d === close) {
        i++;
        stack.pop();
        continue;
      }
      if (d !== ',') return fault(`expected "," or "${close}", found ${describeChar(text, i)}`);
      i++;
      top.index++;
      if (top.arr) {
        ws();
        if (text[i] === ']') return fault('a comma before "]" (trailing commas are not allowed in JSON)');
        path = child(top.path, top.index);
      } else {
        const k = readKey(top);
        if (k !== null && typeof k === 'object') return fault(k.error, k.at);
        path = k;
      }
      break;
    }
  }
}

/** A function from a text offset to its 1-based line and column. */
export function positionFinder(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 - (lo === 0 ? bom : 0) };
  };
}

/** The first syntax error of a JSON text with its line and column, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): SyntaxFault | null {
  const f = scan(text);
  return f && { ...f, ...positionFinder(text)(f.offset) };
}

const SEGMENT_RE = /(?:^|\.)([^.[\]]+)|\[(\d+)\]/gy;

/** `events[3].start` → ['events', 3, 'start']; null when the string is not a path (e.g. `(file)`). */
export function parsePath(path: string): (string | number)[] | null {
  if (path === '') return [];
  const out: (string | number)[] = [];
  SEGMENT_RE.lastIndex = 0;
  let end = 0;
  for (let m = SEGMENT_RE.exec(path); m; m = SEGMENT_RE.exec(path)) {
    out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
    end = SEGMENT_RE.lastIndex;
    if (end === path.length) break;
  }
  return end === path.length && !/^\(.*\)$/.test(path) ? out : null;
}

function prefixes(segments: (string | number)[]): string[] {
  const out = [''];
  let p = '';
  for (const s of segments) out.push((p = typeof s === 'number' ? `${p}[${s}]` : p ? `${p}.${s}` : s));
  return out;
}

/**
 * Position of the value at each path; a path that is not in the text (a missing field) gets the
 * position of its nearest ancestor that is. Paths that are not JSON paths are left out.
 */
export function locatePaths(text: string, paths: readonly string[]): Map<string, Position> {
  const chains = new Map<string, string[]>();
  const wanted = new Set<string>();
  for (const p of paths) {
    const segs = parsePath(p);
    if (!segs || chains.has(p)) continue;
    const chain = prefixes(segs);
    chains.set(p, chain);
    for (const c of chain) wanted.add(c);
  }
  const found = new Map<string, number>();
  if (wanted.size) scan(text, wanted, (path, offset) => found.set(path, offset));
  const at = positionFinder(text);
  const out = new Map<string, Position>();
  for (const [p, chain] of chains) {
    for (let k = chain.length - 1; k >= 0; k--) {
      const offset = found.get(chain[k]!);
      if (offset !== undefined) {
        out.set(p, at(offset));
        break;
      }
    }
  }
  return out;
}

/** Problems with `line`/`column` filled in where the path can be found in the text. */
export function locateProblems(text: string, problems: readonly Problem[]): Problem[] {
  const todo = problems.filter((p) => p.line === undefined).map((p) => p.path);
  if (!todo.length) return [...problems];
  const where = locatePaths(text, todo);
  return problems.map((p) => {
    const pos = p.line === undefined ? where.get(p.path) : undefined;
    return pos ? { ...p, ...pos } : p;
  });
}
