export { ConcernAlert } from './ConcernAlert';
export { ConcernCaseBanner } from './ConcernCaseBanner';
