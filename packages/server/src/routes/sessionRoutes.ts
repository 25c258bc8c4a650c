import type { FastifyInstance } from 'fastify';
import { badRequest, ok } from '../api/apiError';
import { isEntityId } from '../api/identifiers';
import type { AppContext } from '../context';

/**
 * Sign-in (a development stand-in: see `auth/sessions.ts`), the caller's identity, and a health check.
 */
export async function sessionRoutes(app: FastifyInstance, context: AppContext) {
  app.get('/health', { config: { public: true } }, async () => ok({ status: 'ok' }));

  app.post('/session', { config: { public: true }, bodyLimit: 4096 }, async (request) => {
    const userID = (request.body as { userID?: unknown } | undefined)?.userID;
    if (!isEntityId(userID)) throw badRequest('Send JSON {"userID": "<id>"}, e.g. {"userID": "alice"}.');
    const user = context.directory.getUser(userID);
    if (!user) {
      const known = context.directory
        .listUsers()
        .map((u) => u.userID)
        .join(', ');
      throw badRequest(`There is no user "${userID}". Known users: ${known}.`);
    }
    return ok({ ...user, token: context.sessions.create(user.userID) });
  });

  app.get('/session', async (request) => ok(context.directory.getUser(request.userID)));

  app.get('/users', async () => ok(context.directory.listUsers()));

  app.get('/groups', async (request) => ok(context.directory.listGroupsOf(request.userID)));
}
