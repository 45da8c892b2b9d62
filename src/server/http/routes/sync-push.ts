// POST /api/sync/push {mutations} -> {results}: one answer per mutation, in order.
// Only a malformed envelope fails the whole request (400); a bad mutation is
// answered 'rejected' on its own.
//
// The same mutation id twice in one batch is a malformed envelope: an outbox never
// holds two entries with one id, and answering the second 'duplicate' would report
// its data as applied when only the first one's was. So the whole batch is refused
// with 400 naming the second occurrence (mutations.<i>.id), and nothing is applied.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_PUSH_BATCH, Mutation, PushRequest, type PushResponse } from '../../../shared/protocol';
import type { Services } from '../../services';
import { authenticatedOf } from '../auth-hook';
import { deviceIdOf } from '../device-id';
import { HttpError } from '../http-error';
import { parseInput } from '../validate';

/** A full batch of long notes must fit; more is refused with 413 before parsing. */
const PUSH_BODY_LIMIT = 10 * 1024 * 1024;

/** PushRequest, refusing unknown keys in the envelope too (a typo must not pass silently). */
const StrictPushRequest = PushRequest.extend({
  mutations: z.array(Mutation.strict()).min(1).max(MAX_PUSH_BATCH),
}).strict();

function assertUniqueIds(mutations: readonly Mutation[]): void {
  const seen = new Set<string>();
  for (const [index, mutation] of mutations.entries()) {
    const field = `mutations.${index}.id`;
    if (seen.has(mutation.id)) {
      throw HttpError.saying(400, 'invalid', 'repeatedInPush', field);
    }
    seen.add(mutation.id);
  }
}

export function registerPushRoute(app: FastifyInstance, services: Services): void {
  app.post('/api/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request): Promise<PushResponse> => {
    const { actor } = authenticatedOf(request);
    const deviceId = deviceIdOf(request);
    const { mutations } = parseInput(StrictPushRequest, request.body);
    assertUniqueIds(mutations);
    return { results: await services.push.push(actor, deviceId, mutations) };
  });
}
