import { useLiveQuery } from 'dexie-react-hooks';
import {
  convertToCase,
  createPreConsultation,
  deletePreConsultation,
  listPreConsultations,
} from '../../db/pre-consultations';
import type { PreConsultationFields, PreConsultationRecord } from '../../shared/records';
import { todayIso } from '../../ui/format';
import { useSession } from '../../ui/session';

export function usePreConsultations(): PreConsultationRecord[] | undefined {
  const { db } = useSession();
  return useLiveQuery(() => listPreConsultations(db), [db]);
}

export function usePreConsultationWrites() {
  const { db, actor } = useSession();
  return {
    create: (fields: PreConsultationFields) => createPreConsultation(db, actor, fields),
    remove: (id: string) => deletePreConsultation(db, actor, id),
    /** A new open case for the actor, linked to the pre-consultation; the rest of the case is filled in later. */
    convert: (id: string, names: { reference: string; familyName: string }) =>
      convertToCase(db, actor, id, {
        ...names,
        clients: '',
        address: '',
        phone: '',
        helpType: '',
        startDate: todayIso(),
      }),
  };
}
