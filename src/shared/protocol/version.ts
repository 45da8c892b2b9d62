// Protocol version, headers and batch sizes every sync request and answer agrees on.

/** Bumped on any incompatible change; an outdated app gets HTTP 426 and keeps its outbox. */
export const PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'x-feldakte-protocol';
export const DEVICE_HEADER = 'x-feldakte-device';

export const MAX_PUSH_BATCH = 100;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 2000;
