export { SyncIndicator } from './SyncIndicator';
