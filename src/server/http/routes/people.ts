// "Team & Zugänge": the organisation's people (services/people-service.ts says who
// may do what). Administrators reach the whole organisation, a lead their team;
// anyone else is refused 403 before the request's input is read.
//   GET /api/people -> PeopleResponse
//   POST /api/people (NewPersonRequest) -> NewPersonResponse (the invitation code, shown once)
//   PATCH /api/people/:personId (ChangePersonRequest) -> Person
//   POST /api/people/:personId/password-reset -> IssuedCode
//   POST /api/people/:personId/block -> Person; POST /api/people/:personId/unblock -> Person
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Id } from '../../../shared/fields';
import {
  ChangePersonRequest,
  type IssuedCode,
  NewPersonRequest,
  type NewPersonResponse,
  type PeopleResponse,
  type Person,
} from '../../../shared/protocol';
import type { Services } from '../../services';
import { type Operator, requirePeopleManager } from '../../services/people-service';
import { authenticatedOf } from '../auth-hook';
import { deviceIdOf } from '../device-id';
import { assertStorable, parseInput } from '../validate';

const PersonParams = z.object({ personId: Id }).strict();

/** The signed-in manager, checked before anything else of the request is read. */
function managerOf(request: FastifyRequest): Operator {
  const { actor } = authenticatedOf(request);
  requirePeopleManager(actor);
  return { kind: 'person', actor, deviceId: deviceIdOf(request) };
}

export function registerPeopleRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/people', async (request): Promise<PeopleResponse> => {
    return services.people.list(managerOf(request));
  });

  app.post('/api/people', { bodyLimit: 8 * 1024 }, async (request): Promise<NewPersonResponse> => {
    const operator = managerOf(request);
    const person = parseInput(NewPersonRequest, request.body);
    assertStorable(person);
    return services.people.create(operator, person);
  });

  app.patch('/api/people/:personId', { bodyLimit: 8 * 1024 }, async (request): Promise<Person> => {
    const operator = managerOf(request);
    const { personId } = parseInput(PersonParams, request.params);
    const change = parseInput(ChangePersonRequest, request.body);
    assertStorable(change);
    return services.people.change(operator, personId, change);
  });

  app.post('/api/people/:personId/password-reset', async (request): Promise<IssuedCode> => {
    const operator = managerOf(request);
    const { personId } = parseInput(PersonParams, request.params);
    return services.people.resetPassword(operator, personId);
  });

  app.post('/api/people/:personId/block', async (request): Promise<Person> => {
    const operator = managerOf(request);
    const { personId } = parseInput(PersonParams, request.params);
    return services.people.block(operator, personId);
  });

  app.post('/api/people/:personId/unblock', async (request): Promise<Person> => {
    const operator = managerOf(request);
    const { personId } = parseInput(PersonParams, request.params);
    return services.people.unblock(operator, personId);
  });
}
