import type { FastifyInstance } from 'fastify';

export async function sellerRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
