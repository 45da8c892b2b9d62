// Teams of the organisation, for administrators (403 for anyone else, before the
// body is read):
//   POST /api/teams (TeamNameRequest) -> Team
//   PATCH /api/teams/:teamId (TeamNameRequest) -> Team
// 404 for a team outside the organisation, 409 for a name another team has.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Id } from '../../../shared/fields';
import { type Team, TeamNameRequest } from '../../../shared/protocol';
import type { Services } from '../../services';
import { type Operator, requireAdministrator } from '../../services/people-service';
import { authenticatedOf } from '../auth-hook';
import { deviceIdOf } from '../device-id';
import { assertStorable, parseInput } from '../validate';

const TeamParams = z.object({ teamId: Id }).strict();

function administratorOf(request: FastifyRequest): Operator {
  const { actor } = authenticatedOf(request);
  requireAdministrator(actor);
  return { kind: 'person', actor, deviceId: deviceIdOf(request) };
}

export function registerTeamRoutes(app: FastifyInstance, services: Services): void {
  app.post('/api/teams', { bodyLimit: 4 * 1024 }, async (request): Promise<Team> => {
    const operator = administratorOf(request);
    const { name } = parseInput(TeamNameRequest, request.body);
    assertStorable({ name });
    return services.people.createTeam(operator, name);
  });

  app.patch('/api/teams/:teamId', { bodyLimit: 4 * 1024 }, async (request): Promise<Team> => {
    const operator = administratorOf(request);
    const { teamId } = parseInput(TeamParams, request.params);
    const { name } = parseInput(TeamNameRequest, request.body);
    assertStorable({ name });
    return services.people.renameTeam(operator, teamId, name);
  });
}
