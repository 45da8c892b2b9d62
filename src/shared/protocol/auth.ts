// Login, the signed-in user, and the tokens of a session with refresh.
import { z } from 'zod';
import { Id, says, Timestamp } from '../fields';
import { Role } from '../records';
import { LOCK_AFTER_MINUTES_MAX, LOCK_AFTER_MINUTES_MIN } from './team-settings';

export const LoginRequest = z.object({
  username: z.string().trim().min(1, says('empty')).max(100),
  password: z.string().min(1, says('empty')).max(1000),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  teamId: Id,
  teamName: z.string(),
  /**
   * The team's setting: the app locks after this many minutes without input
   * The default keeps sessions stored by an older app readable.
   */
  lockAfterMinutes: z.number().int().min(LOCK_AFTER_MINUTES_MIN).max(LOCK_AFTER_MINUTES_MAX).default(10),
  /** May administer the organisation ("Team & Zugänge" for every team). */
  administers: z.boolean().default(false),
  /** The team's districts and emergency contact (TeamSettings), on the device for offline use. */
  districts: z.array(z.string()).default([]),
  emergencyContact: z.string().default(''),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: Timestamp,
  user: SessionUser,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/**
 * POST /api/auth/login also accepts `refresh: true` (LoginWithRefreshRequest):
 * the device renews its access token and gets a short-lived one. Every login
 * answer carries a refresh token (SessionTokens, a LoginResponse plus two fields).
 */
export const LoginWithRefreshRequest = LoginRequest.extend({ refresh: z.boolean().optional() });
export type LoginWithRefreshRequest = z.infer<typeof LoginWithRefreshRequest>;

export const SessionTokens = LoginResponse.extend({
  /** Renews the access token once (POST /api/auth/refresh); rotated on every use. */
  refreshToken: z.string(),
  refreshExpiresAt: Timestamp,
});
export type SessionTokens = z.infer<typeof SessionTokens>;

/** POST /api/auth/refresh. 401 'revoked': the device or user was revoked; wipe local data. */
export const RefreshRequest = z.object({ refreshToken: z.string().min(20).max(200) });
export type RefreshRequest = z.infer<typeof RefreshRequest>;
