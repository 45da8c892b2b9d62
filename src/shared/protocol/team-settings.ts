// A team's device policy, set by its lead.
import { z } from 'zod';

/** Bounds of a team's auto-lock setting (minutes without input). */
export const LOCK_AFTER_MINUTES_MIN = 1;
export const LOCK_AFTER_MINUTES_MAX = 120;

/** PUT /api/team/settings (leads): the team's device policy. Answers the stored TeamSettings. */
export const TeamSettings = z.object({
  lockAfterMinutes: z.number().int().min(LOCK_AFTER_MINUTES_MIN).max(LOCK_AFTER_MINUTES_MAX),
});
export type TeamSettings = z.infer<typeof TeamSettings>;
