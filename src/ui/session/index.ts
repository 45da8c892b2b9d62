export { SessionProvider } from './SessionProvider';
export type { Session, SessionControl, SessionStatus } from './session-context';
export { useSession, useSessionControl, useSyncState } from './use-session';
