// "Team & Zugänge" and the account's own settings on the server: people, teams,
// devices and a team's settings. Online only, nothing of it is kept on the
// device; every call goes through the signed-in ApiClient, so answers are
// checked and refusals arrive as its HttpError with the server's message.
import {
  type ChangePersonRequest,
  type DeviceNameRequest,
  IssuedCode,
  type NewPersonRequest,
  NewPersonResponse,
  PeopleResponse,
  Person,
  PersonDevice,
  Team,
  type TeamNameRequest,
  TeamSettings,
} from '../shared/protocol';
import { type ApiClient, NoContent } from './api-client';

export const ADMIN_PATHS = {
  people: '/api/people',
  person: (personId: string) => `/api/people/${encodeURIComponent(personId)}`,
  passwordReset: (personId: string) => `/api/people/${encodeURIComponent(personId)}/password-reset`,
  block: (personId: string) => `/api/people/${encodeURIComponent(personId)}/block`,
  unblock: (personId: string) => `/api/people/${encodeURIComponent(personId)}/unblock`,
  teams: '/api/teams',
  team: (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`,
  deviceName: (deviceId: string) => `/api/devices/${encodeURIComponent(deviceId)}/name`,
  revokeDevice: (deviceId: string) => `/api/team/devices/${encodeURIComponent(deviceId)}/revoke`,
  teamSettings: '/api/team/settings',
} as const;

export interface AdminApi {
  /** Administrators: the whole organisation; a lead: their own team. */
  people(): Promise<PeopleResponse>;
  /** The answer holds the invitation code, shown once. */
  addPerson(request: NewPersonRequest): Promise<NewPersonResponse>;
  changePerson(personId: string, request: ChangePersonRequest): Promise<Person>;
  /** A new one-time code; the person's old password stops working. */
  resetPassword(personId: string): Promise<IssuedCode>;
  blockPerson(personId: string): Promise<Person>;
  unblockPerson(personId: string): Promise<Person>;
  createTeam(request: TeamNameRequest): Promise<Team>;
  renameTeam(teamId: string, request: TeamNameRequest): Promise<Team>;
  /** A person names their own device. */
  nameDevice(deviceId: string, request: DeviceNameRequest): Promise<PersonDevice>;
  /** A lead cuts a device off: its sessions of the team end and it wipes itself. */
  revokeDevice(deviceId: string): Promise<void>;
  /** A lead changes their team's settings; answers them as stored. */
  saveTeamSettings(settings: TeamSettings): Promise<TeamSettings>;
}

export function createAdminApi(api: ApiClient): AdminApi {
  return {
    people: () => api.call('GET', ADMIN_PATHS.people, PeopleResponse),
    addPerson: (request) => api.call('POST', ADMIN_PATHS.people, NewPersonResponse, request),
    changePerson: (personId, request) => api.call('PATCH', ADMIN_PATHS.person(personId), Person, request),
    resetPassword: (personId) => api.call('POST', ADMIN_PATHS.passwordReset(personId), IssuedCode),
    blockPerson: (personId) => api.call('POST', ADMIN_PATHS.block(personId), Person),
    unblockPerson: (personId) => api.call('POST', ADMIN_PATHS.unblock(personId), Person),
    createTeam: (request) => api.call('POST', ADMIN_PATHS.teams, Team, request),
    renameTeam: (teamId, request) => api.call('PATCH', ADMIN_PATHS.team(teamId), Team, request),
    nameDevice: (deviceId, request) =>
      api.call('PUT', ADMIN_PATHS.deviceName(deviceId), PersonDevice, request),
    revokeDevice: async (deviceId) => {
      await api.call('POST', ADMIN_PATHS.revokeDevice(deviceId), NoContent);
    },
    saveTeamSettings: (settings) => api.call('PUT', ADMIN_PATHS.teamSettings, TeamSettings, settings),
  };
}
