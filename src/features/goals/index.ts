export { CaseGoals } from './CaseGoals';
