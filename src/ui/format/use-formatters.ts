// Dates and times the way the reader's language writes them ("Sa, 21.11.2026",
// "14:32"). Built from lightFormat and the German short day names rather than
// date-fns' format() and its de locale, which would add every format token and
// the locale's parsing and relative-time texts (~3 KB gzip) to the first screen.
import { getDay, lightFormat } from 'date-fns';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dayToDate, tomorrowIso } from './dates';

export interface Formatters {
  /** "2026-11-21" → "Sa, 21.11.2026" (en: "Sat, 21 Nov 2026") */
  day(isoDay: string): string;
  /**
   * Like day(), prefixed with "Morgen" for tomorrow. Today gets no word: the start
   * page is already called "Heute", and one "Heute" heading per screen stays unambiguous.
   */
  relativeDay(isoDay: string): string;
  /** An ISO timestamp → "14:32" local time. */
  time(timestamp: string): string;
  /** An ISO timestamp → "21.11.2026, 14:32" */
  dateTime(timestamp: string): string;
  /** 1.5 → "1,5" (en: "1.5") */
  decimal(value: number): string;
  /** A month of birth "2014-03" → "03/2014" (both languages). */
  month(isoMonth: string): string;
}

/** As date-fns' de locale abbreviates them (localize.day, width 'short'), Sunday first like getDay(). */
const GERMAN_SHORT_DAYS = ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'] as const;

function germanDay(date: Date): string {
  return `${GERMAN_SHORT_DAYS[getDay(date)]}, ${lightFormat(date, 'dd.MM.yyyy')}`;
}

// English is the second language: the browser's Intl data is enough for it.
const englishDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const englishDayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

const germanNumber = new Intl.NumberFormat('de-DE');
const englishNumber = new Intl.NumberFormat('en-GB');

function englishDay(date: Date): string {
  return englishDayFormat.format(date);
}

export function useFormatters(): Formatters {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return useMemo(() => {
    const formatDate = english ? englishDay : germanDay;
    const day = (isoDay: string) => formatDate(dayToDate(isoDay));
    return {
      day,
      relativeDay(isoDay) {
        if (isoDay === tomorrowIso()) return `${t('format.tomorrow')}, ${day(isoDay)}`;
        return day(isoDay);
      },
      time: (timestamp) => lightFormat(new Date(timestamp), 'HH:mm'),
      dateTime: (timestamp) => {
        // Timestamps are always full UTC ISO strings (shared Timestamp schema), which Date reads exactly.
        const date = new Date(timestamp);
        const time = lightFormat(date, 'HH:mm');
        return english
          ? `${englishDate.format(date)}, ${time}`
          : `${lightFormat(date, 'dd.MM.yyyy')}, ${time}`;
      },
      decimal: (value) => (english ? englishNumber : germanNumber).format(value),
      month: (isoMonth) => {
        const [year, month] = isoMonth.split('-');
        return month && year ? `${month}/${year}` : isoMonth;
      },
    };
  }, [english, t]);
}
