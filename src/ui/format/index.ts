export { dayToDate, todayIso, tomorrowIso } from './dates';
export { groupByDay } from './group-by-day';
export { type Formatters, useFormatters } from './use-formatters';
