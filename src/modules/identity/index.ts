// Identity: accounts, sign-in, server-side sessions, seller API tokens, and who is calling.
import { defineModule } from '../../platform/module.ts';
import { identityRoutes } from './routes.ts';

export const identityModule = defineModule({
  name: 'identity',
  routes: (app) => app.register(identityRoutes),
});

export { ApiTokenSchema, Nullable, userProperties } from './schemas.ts';
export {
  createUser,
  currentUser,
  GUEST_COOKIE,
  getUser,
  issueApiToken,
  listApiTokens,
  resolveActor,
  revokeApiToken,
  SESSION_COOKIE,
  usersByIds,
} from './service.ts';
export type { ApiToken, NewUser } from './service.ts';
