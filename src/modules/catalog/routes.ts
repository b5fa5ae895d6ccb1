import type { FastifyInstance } from 'fastify';

export async function catalogRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
