import type { FastifyInstance } from 'fastify';

export async function identityRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
