export { CaseSubstitutions } from './CaseSubstitutions';
