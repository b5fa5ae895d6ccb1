import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db.ts';
import type { Config } from '../../platform/config.ts';

export function startReservationSweeper(db: Db, config: Config, log: FastifyBaseLogger): () => void {
  void db; void config; void log;
  return () => {};
}
