export { CaseloadPage } from './CaseloadPage';
