import { useLiveQuery } from 'dexie-react-hooks';
import {
  createPartner,
  deletePartner,
  getPartner,
  listPartners,
  type PartnerEditor,
  updatePartner,
} from '../../db/repositories/partners';
import type { PartnerFields, PartnerRecord } from '../../shared/records';
import { useSession } from '../../ui/session';

/** The directory sorted by name; undefined while it loads. */
export function usePartners(): PartnerRecord[] | undefined {
  const { db } = useSession();
  return useLiveQuery(() => listPartners(db), [db]);
}

/** One partner; null when it is not (or no longer) on this device. */
export function usePartner(id: string): PartnerRecord | null | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => (await getPartner(db, id)) ?? null, [db, id]);
}

/** Whether the signed-in user may change the directory (leads only; the server checks it too). */
export function useCanEditPartners(): boolean {
  return useSession().user.role === 'lead';
}

export function usePartnerWrites() {
  const { db, actor, user } = useSession();
  const editor: PartnerEditor = { ...actor, role: user.role };
  return {
    create: (fields: PartnerFields) => createPartner(db, editor, fields),
    update: (id: string, patch: Partial<PartnerFields>) => updatePartner(db, editor, id, patch),
    remove: (id: string) => deletePartner(db, editor, id),
  };
}
