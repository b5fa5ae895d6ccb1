import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testConfig } from '../../../../test/db.ts';
import type { Database } from '../../../platform/db.ts';
import { createMediaStorage } from '../../../platform/storage.ts';
import { reindex } from '../service.ts';
import { loadRelevanceCatalog } from './testing.ts';
import { LABELLED_QUERIES } from './queries.ts';
import { judge } from './judge.ts';
import { RECORDED_PRECISION } from './recorded.ts';

let database: Database;
const storage = createMediaStorage(testConfig());
beforeAll(async () => {
  database = await createTestDatabase();
  await loadRelevanceCatalog(database.db, storage);
  await reindex(database.db);
});
afterAll(async () => {
  await database?.close();
});

describe('relevance on the labelled queries', () => {
  it('covers at least 60 queries of every kind buyers type', () => {
    expect(LABELLED_QUERIES.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(LABELLED_QUERIES.map((q) => q.kind));
    expect([...kinds].sort()).toEqual(['chinese', 'english', 'half-typed', 'misspelt', 'mixed', 'nothing', 'thai']);
  });

  it('puts the expected products first at least as often as recorded', async () => {
    const { precision, judgements } = await judge(database.db, storage, LABELLED_QUERIES);
    const misses = judgements
      .filter((j) => j.precision < 1)
      .map((j) => `${j.query.q}: wanted ${j.query.top.join(', ') || 'nothing'}, got ${j.got.join(', ') || 'nothing'}`);
    if (precision < RECORDED_PRECISION)
      console.error(`relevance fell to ${precision.toFixed(4)}:\n${misses.join('\n')}`);
    expect(precision).toBeGreaterThanOrEqual(RECORDED_PRECISION);
  });
});
