// Talad Academy: courses in th/zh/en with lessons and progress, quizzes drawn from a question bank
// and graded on the server, and Open Badges 3.0 credentials (VC-JWT, Ed25519) anyone can verify.
import { publicUrlOf } from '../../platform/config.ts';
import { defineModule, type TaladModule } from '../../platform/module.ts';
import { seedAcademyDemo } from './demo.ts';
import { type AcademyRuntime, academyRoutes } from './routes.ts';

export const academyModule: TaladModule<AcademyRuntime> = defineModule<AcademyRuntime>({
  name: 'academy',
  runtime: (ctx) => ({
    publicUrl: publicUrlOf(ctx.env),
  }),
  routes: (app, ctx) => app.register(async (scope) => academyRoutes(scope, ctx.runtime(academyModule))),
  seedDemo: (ctx) => seedAcademyDemo(ctx.db),
});

export { DEMO_COURSE_ID } from './course.ts';
export { verifyCredentialJwt } from './credentials.ts';
