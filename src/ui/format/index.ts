export { dayToDate, todayIso, tomorrowIso, yesterdayIso } from './dates';
export { groupByDay } from './group-by-day';
export { type Formatters, useFormatters } from './use-formatters';
