export { ConflictsLink } from './ConflictsLink';
export { StaleChangesBanner } from './StaleChangesBanner';
export { SyncIndicator } from './SyncIndicator';
export { SyncProgressBar } from './SyncProgressBar';
export { UpgradeBanner } from './UpgradeBanner';
