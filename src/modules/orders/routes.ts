import type { FastifyInstance } from 'fastify';

export async function orderRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
