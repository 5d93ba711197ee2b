// data/itinera.schema.json is generated from the zod schema; this fails when the two drift.
// Regenerate with: npx vitest run tests/core/json-schema.test.ts -u
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../../src/core/schema';

const generated = {
  ...z.toJSONSchema(datasetSchema, { io: 'input' }),
  $id: 'https://itinera.invalid/itinera.schema.json',
  title: 'Itinera dataset (itinera/1)',
};

describe('the published JSON Schema', () => {
  it('matches the zod schema', async () => {
    await expect(`${JSON.stringify(generated, null, 2)}\n`).toMatchFileSnapshot('../../data/itinera.schema.json');
  });
  it('is what the shipped dataset points at', () => {
    const data = JSON.parse(readFileSync(new URL('../../data/kim-trips.json', import.meta.url), 'utf8'));
    expect(data.$schema).toBe('./itinera.schema.json');
  });
});
