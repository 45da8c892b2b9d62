// Public API of the sync engine.
export { ADMIN_PATHS, type AdminApi, createAdminApi } from './admin-api';
export {
  API_PATHS,
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  DEFAULT_STREAM_IDLE_MS,
  DEFAULT_TIMEOUT_MS,
  HttpError,
  type LiveEventsOptions,
  NetworkError,
  ProtocolError,
} from './api-client';
export {
  createSyncEngine,
  DEFAULT_SYNC_INTERVAL_MS,
  DEFAULT_WRITE_DEBOUNCE_MS,
  type LiveStatus,
  type SyncEngine,
  type SyncEngineOptions,
  type SyncPhase,
  type SyncProgress,
  type SyncState,
} from './engine';
export { initialSyncState } from './status-store';
