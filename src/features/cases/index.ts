export { CaseAssignment } from './CaseAssignment';
export { CaseClosureStatus } from './CaseClosureStatus';
export { CaseDetails } from './CaseDetails';
export { CaseListPage } from './CaseListPage';
export { CaseRecords } from './CaseRecords';
export { useCase } from './use-cases';
