// "Now" for the server's own decisions about days (is a substitution in force
// today?). Injectable, so tests can move through a substitution's period.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

// The server's days (is a substitution in force, has retention run today) are
// calendar days in its local time, written like IsoDate fields.
export { localIsoDate as localDay } from '../../shared/local-date';
