// `talad export-open-data [dir]`: writes every open dataset as CSV and JSON, its metadata, and the
// DCAT-AP catalogue, into a folder (default ./open-data) — what a portal harvests each month.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../platform/db.ts';
import { DATASETS, dcatCatalogue, thaiGdcMetadata, toCsv } from './open-data.ts';

export async function exportOpenData(db: Db, dir: string, publicUrl: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, body: string) => {
    writeFileSync(join(dir, name), body);
    written.push(name);
  };
  for (const spec of DATASETS) {
    const rows = await spec.rows(db);
    write(`${spec.id}.csv`, toCsv(spec, rows));
    write(`${spec.id}.json`, `${JSON.stringify({ dataset: spec.id, rows }, null, 2)}\n`);
    write(`${spec.id}.metadata.json`, `${JSON.stringify(thaiGdcMetadata(spec, rows, publicUrl), null, 2)}\n`);
  }
  write(
    'catalog.jsonld',
    `${JSON.stringify(dcatCatalogue(publicUrl, new Date().toISOString().slice(0, 10)), null, 2)}\n`,
  );
  return written;
}
