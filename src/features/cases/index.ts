export { CaseAssignment } from './CaseAssignment';
export { CaseDetails } from './CaseDetails';
export { CaseListPage } from './CaseListPage';
export { useCase } from './use-cases';
