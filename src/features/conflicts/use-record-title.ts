import { useTranslation } from 'react-i18next';
import type { ConflictedRecord } from '../../db/repositories/conflicts';
import { useFormatters } from '../../ui/format';
import { useRecordNames } from '../../ui/format/use-record-names';
import { paths } from '../../ui/paths';

export interface RecordTitle {
  title: string;
  /** Where the record is shown (and its conflicts inline with it). */
  href: string;
}

/** "Termin am Sa, 21.11.2026 um 09:00" and the screen it lives on, for the conflict list. */
export function useRecordTitle(): (item: ConflictedRecord) => RecordTitle {
  const { t } = useTranslation();
  const format = useFormatters();
  const names = useRecordNames();
  const caseName = (id: string) => names.caseName(id) ?? t('values.otherCase');

  return (item) => {
    switch (item.entity) {
      case 'case':
        return {
          title: t('conflicts.record.case', { name: item.record.familyName }),
          href: paths.case(item.record.id),
        };
      case 'note':
        return {
          title: `${t('conflicts.record.note', { date: format.day(item.record.date) })} · ${caseName(item.record.caseId)}`,
          href: paths.case(item.record.caseId),
        };
      case 'appointment':
        return {
          title: t('conflicts.record.appointment', {
            date: format.day(item.record.date),
            time: item.record.time,
          }),
          href: paths.appointment(item.record.id),
        };
      case 'preConsultation':
        return {
          title: t('conflicts.record.preConsultation', { name: item.record.contact }),
          href: paths.preConsultations,
        };
      case 'substitution':
        return {
          title: t('conflicts.record.substitution', { name: caseName(item.record.caseId) }),
          href: paths.case(item.record.caseId),
        };
      case 'goal':
        return {
          title: t('conflicts.record.goal', { title: item.record.title, name: caseName(item.record.caseId) }),
          href: paths.case(item.record.caseId),
        };
      case 'comment':
        // Comments show under their note on the case page.
        return {
          title: t('conflicts.record.comment', { name: caseName(item.record.caseId) }),
          href: paths.case(item.record.caseId),
        };
      case 'partner':
        return {
          title: t('conflicts.record.partner', { name: item.record.name }),
          href: paths.partner(item.record.id),
        };
    }
  };
}
