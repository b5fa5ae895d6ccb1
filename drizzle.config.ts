import { defineConfig } from 'drizzle-kit';

// Migrations are generated from every module's schema.ts and committed; read each one before committing.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/schema.ts', './src/modules/*/schema.ts'],
  out: './src/db/migrations',
});
