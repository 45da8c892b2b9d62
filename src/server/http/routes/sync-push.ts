// POST /api/sync/push {mutations} -> {results}: one answer per mutation, in order.
// Only a malformed envelope fails the whole request (400); a bad mutation is
// answered 'rejected' on its own.
//
// The same mutation id twice in one batch (in any letter case) refuses the whole
// batch with 400 naming the repeat (shared/protocol/push.ts), and nothing is applied.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Mutation, mutationBatchOf, type PushResponse } from '../../../shared/protocol';
import type { Services } from '../../services';
import { authenticatedOf } from '../auth-hook';
import { deviceIdOf } from '../device-id';
import { parseInput } from '../validate';

/** A full batch of long notes must fit; more is refused with 413 before parsing. */
const PUSH_BODY_LIMIT = 10 * 1024 * 1024;

/** PushRequest, refusing unknown keys in the envelope too (a typo must not pass silently). */
const StrictPushRequest = z.object({ mutations: mutationBatchOf(Mutation.strict()) }).strict();

export function registerPushRoute(app: FastifyInstance, services: Services): void {
  app.post('/api/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request): Promise<PushResponse> => {
    const { actor } = authenticatedOf(request);
    const deviceId = deviceIdOf(request);
    const { mutations } = parseInput(StrictPushRequest, request.body);
    return { results: await services.push.push(actor, deviceId, mutations) };
  });
}
