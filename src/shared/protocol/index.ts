// The protocol between a device and the server: one definition for both, split
// by API area. Importers use this index, so the split stays an inner detail.
export * from './auth';
export * from './case-data';
export * from './devices';
export * from './errors';
export * from './events';
export * from './health';
export * from './people';
export * from './pull';
export * from './push';
export * from './team-settings';
export * from './version';
