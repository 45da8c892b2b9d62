// A team's device policy, set by its lead.
import { z } from 'zod';
import { requiredText, says, text } from '../fields';

/** Bounds of a team's auto-lock setting (minutes without input). */
export const LOCK_AFTER_MINUTES_MIN = 1;
export const LOCK_AFTER_MINUTES_MAX = 120;

/** How many districts (Stadtteile) a team may list. */
export const MAX_DISTRICTS = 100;

/**
 * GET and PUT /api/team/settings (leads): the team's device policy, its
 * districts (the choices of a case's "Stadtteil") and the Jugendamt / ASD
 * emergency contact. PUT answers the stored TeamSettings.
 */
/** A team's districts: trimmed, each named once (case does not make a second one). */
export const Districts = z
  .array(requiredText(100))
  .max(MAX_DISTRICTS, says('tooManyDistricts'))
  .superRefine((names, context) => {
    const seen = new Set<string>();
    for (const [index, name] of names.entries()) {
      const key = name.toLocaleLowerCase('de');
      if (seen.has(key)) {
        context.addIssue({ code: 'custom', path: [index], message: 'districtRepeated', params: { name } });
      }
      seen.add(key);
    }
  });

export const TeamSettings = z.object({
  lockAfterMinutes: z.number().int().min(LOCK_AFTER_MINUTES_MIN).max(LOCK_AFTER_MINUTES_MAX),
  districts: Districts.default([]),
  emergencyContact: text(500).default(''),
});
export type TeamSettings = z.infer<typeof TeamSettings>;

/**
 * PUT /api/team/settings: what is left out stays as it is (an app that knows
 * only the auto-lock must not empty the districts).
 */
export const TeamSettingsChange = TeamSettings.extend({
  districts: Districts.optional(),
  emergencyContact: text(500).optional(),
}).strict();
export type TeamSettingsChange = z.infer<typeof TeamSettingsChange>;
