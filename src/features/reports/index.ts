export { MonthlyReportPage } from './MonthlyReportPage';
