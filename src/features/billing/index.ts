export { BillableTime } from './BillableTime';
