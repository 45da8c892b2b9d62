// Setting up an installation, and the people and teams of the organisation
// ("Team & Zugänge"): who may sign in, in which team and role, on which devices.
import { z } from 'zod';
import { Id, requiredText, says, Timestamp, text } from '../fields';
import { passwordWeakness } from '../guessable-password';
import { Role } from '../records';
import { LoginRequest } from './auth';

/** Passwords a person chooses: at least this long (and not one of the most common ones). */
export const PASSWORD_MIN_LENGTH = 12;
export const NewPassword = z
  .string(says('notText'))
  .min(PASSWORD_MIN_LENGTH, says('passwordTooShort'))
  .max(1000, says('tooLong'))
  .refine((password) => passwordWeakness(password) === null, says('passwordTooCommon'));

/** A request naming a username and its new password: the password must not be mostly the name. */
export function passwordNotUsername(
  request: { username: string; password: string },
  context: z.RefinementCtx,
) {
  const weakness = passwordWeakness(request.password, request.username);
  if (weakness === 'passwordContainsUsername') {
    context.addIssue({ code: 'custom', path: ['password'], message: weakness });
  }
}

export const Username = z
  .string(says('notText'))
  .trim()
  .min(1, says('empty'))
  .max(100, says('tooLong'))
  .regex(/^[\p{L}\p{N}._@-]+$/u, says('usernameCharacters'));

/** A one-time code as it is compared: without spaces and dashes, in upper case. */
export function normalisedCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** A one-time code (set-up, invitation, password reset), as people type it: spaces and dashes ignored. */
export const OneTimeCode = z
  .string(says('notText'))
  .transform(normalisedCode)
  .pipe(z.string().min(1, says('empty')).max(64, says('tooLong')));

/** GET /api/setup (no login): whether the installation still waits for its set-up. */
export const SetupStatus = z.object({ needed: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

/**
 * POST /api/setup (no login) -> SessionTokens: creates the organisation, its
 * first team and the first person (role admin) with the code the server printed
 * at start; signs that person in.
 */
export const SetupFields = z
  .object({
    setupCode: OneTimeCode,
    organisationName: requiredText(200),
    teamName: requiredText(200),
    displayName: requiredText(200),
    username: Username,
    password: NewPassword,
    refresh: z.boolean().optional(),
  })
  .strict();
export const SetupRequest = SetupFields.superRefine(passwordNotUsername);
export type SetupRequest = z.infer<typeof SetupRequest>;

/**
 * POST /api/auth/invitation (no login) -> SessionTokens: a person redeems an
 * invitation or reset code with their username and chooses a password.
 */
export const RedeemCodeFields = z
  .object({
    username: LoginRequest.shape.username,
    code: OneTimeCode,
    password: NewPassword,
    refresh: z.boolean().optional(),
  })
  .strict();
export const RedeemCodeRequest = RedeemCodeFields.superRefine(passwordNotUsername);
export type RedeemCodeRequest = z.infer<typeof RedeemCodeRequest>;

/** POST /api/auth/password -> 204: the signed-in person changes their own password. */
export const ChangePasswordRequest = z
  .object({
    currentPassword: z.string().min(1, says('empty')).max(1000, says('tooLong')),
    newPassword: NewPassword,
  })
  .strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** A one-time code as the server hands it out once (invitation: 7 days, reset: 7 days). */
export const IssuedCode = z.object({ code: z.string(), expiresAt: Timestamp });
export type IssuedCode = z.infer<typeof IssuedCode>;

export const PersonStatus = z.enum(['invited', 'active', 'blocked']);
export type PersonStatus = z.infer<typeof PersonStatus>;

/** A device a person signed in on, named for people ("Chrome auf Android"). */
export const PersonDevice = z.object({
  deviceId: z.string(),
  /** The name the person gave it; null when none. */
  name: z.string().nullable(),
  browser: z.string(),
  system: z.string(),
  firstSeenAt: Timestamp,
  lastSeenAt: Timestamp,
  /** When its last sync report arrived; null when none yet. */
  lastSyncAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type PersonDevice = z.infer<typeof PersonDevice>;

export const Team = z.object({ id: Id, name: z.string() });
export type Team = z.infer<typeof Team>;

export const Person = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  /** May administer the organisation (always for role admin; a lead may too). */
  administers: z.boolean(),
  teamId: Id,
  status: PersonStatus,
  /** Open cases assigned to them; a blocked person's are for the lead to hand over. */
  openCaseCount: z.number().int().min(0),
  devices: z.array(PersonDevice),
  /** The latest lastSyncAt of their devices. */
  lastSyncAt: Timestamp.nullable(),
});
export type Person = z.infer<typeof Person>;

/** GET /api/people: administrators see the whole organisation, a lead their team. */
export const PeopleResponse = z.object({
  organisationName: z.string(),
  teams: z.array(Team),
  people: z.array(Person),
});
export type PeopleResponse = z.infer<typeof PeopleResponse>;

/** POST /api/people -> NewPersonResponse: the invitation code is shown once. */
export const NewPersonRequest = z
  .object({
    displayName: requiredText(200),
    username: Username,
    role: Role,
    administers: z.boolean().default(false),
    teamId: Id,
  })
  .strict();
export type NewPersonRequest = z.infer<typeof NewPersonRequest>;
export const NewPersonResponse = z.object({ person: Person, invitation: IssuedCode });
export type NewPersonResponse = z.infer<typeof NewPersonResponse>;

/** PATCH /api/people/:personId -> Person: a changed team is a scope change, like a handover. */
export const ChangePersonRequest = z
  .object({
    displayName: requiredText(200).optional(),
    role: Role.optional(),
    administers: z.boolean().optional(),
    teamId: Id.optional(),
  })
  .strict();
export type ChangePersonRequest = z.infer<typeof ChangePersonRequest>;

// POST /api/people/:personId/password-reset -> IssuedCode (the old password stops working)
// POST /api/people/:personId/block -> Person; POST /api/people/:personId/unblock -> Person

/** POST /api/teams -> Team; PATCH /api/teams/:teamId -> Team (administrators). */
export const TeamNameRequest = z.object({ name: requiredText(200) }).strict();
export type TeamNameRequest = z.infer<typeof TeamNameRequest>;

/** PUT /api/devices/:deviceId/name -> PersonDevice: a person names their own device. */
export const DeviceNameRequest = z.object({ name: text(60).trim() }).strict();
export type DeviceNameRequest = z.infer<typeof DeviceNameRequest>;
