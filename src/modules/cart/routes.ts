import type { FastifyInstance } from 'fastify';

export async function cartRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
