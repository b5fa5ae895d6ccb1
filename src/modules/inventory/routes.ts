import type { FastifyInstance } from 'fastify';

export async function inventoryRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
