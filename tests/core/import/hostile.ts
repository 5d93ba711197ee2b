// Hostile inputs shared by the loader tests, the validator tests and the e2e tests. The big ones are
// generated, not committed.
export const FIVE_MB_STRING = () =>
  `{ "format": "itinera/1", "meta": { "id": "big", "title": { "en": "Big" } }, "sources": [], "people": [], "places": [], "trips": [], "legs": [], "events": [{ "id": "e", "trip": "t", "kind": "talks", "start": "${'x'.repeat(5 * 1024 * 1024)}", "title": { "en": "E" }, "sources": ["s"] }] }`;

export const DEEP_NESTING = (depth = 200_000) =>
  `{ "format": "itinera/1", "meta": ${'['.repeat(depth)}${']'.repeat(depth)} }`;

/** Deep nesting that is not even closed: the parser must report it, not overflow. */
export const DEEP_UNCLOSED = (depth = 200_000) => `{ "format": "itinera/1", "events": ${'['.repeat(depth)}`;
