// "Now" for the server's own decisions about days (is a substitution in force
// today?). Injectable, so tests can move through a substitution's period.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
