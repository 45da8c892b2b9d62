import { useLiveQuery } from 'dexie-react-hooks';
import { listPartners } from '../../db/repositories/partners';
import {
  closeWithReferral,
  convertToCase,
  createPreConsultation,
  deletePreConsultation,
  listPreConsultations,
} from '../../db/repositories/pre-consultations';
import type { PartnerRecord, PreConsultationFields, PreConsultationRecord } from '../../shared/records';
import { todayIso } from '../../ui/format';
import { useSession } from '../../ui/session';
import type { ConvertFormValues } from './forms';

export function usePreConsultations(): PreConsultationRecord[] | undefined {
  const { db } = useSession();
  return useLiveQuery(() => listPreConsultations(db), [db]);
}

/** The partner directory, for choosing whom to refer to and for naming the partner on a card. */
export function usePartnerDirectory(): PartnerRecord[] | undefined {
  const { db } = useSession();
  return useLiveQuery(() => listPartners(db), [db]);
}

export function usePreConsultationWrites() {
  const { db, actor } = useSession();
  return {
    create: (fields: PreConsultationFields) => createPreConsultation(db, actor, fields),
    remove: (id: string) => deletePreConsultation(db, actor, id),
    /** A new open case for the actor, linked to the pre-consultation and starting today. */
    convert: (id: string, fields: ConvertFormValues) =>
      convertToCase(db, actor, id, { ...fields, startDate: todayIso() }),
    refer: (id: string, partnerId: string) => closeWithReferral(db, actor, id, partnerId),
  };
}
