export { ConflictsPage } from './ConflictsPage';
export { RecordConflicts, type RecordConflictsProps } from './RecordConflicts';
