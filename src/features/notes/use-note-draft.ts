// The note form's draft: read once when the form opens (not live: the form's own
// writes would otherwise feed back into it), then written on every change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { Draft } from '../../db/infrastructure/schema';
import { deleteDraft, getDraft, saveDraft } from '../../db/repositories/drafts';
import { useSession } from '../../ui/session';
import type { NoteFormValues } from './note-form-schema';

/** The draft stored under `key` when the form opened: undefined while reading, null when there is none. */
export function useStoredDraft(key: string): Draft | null | undefined {
  const { db } = useSession();
  const [draft, setDraft] = useState<{ key: string; draft: Draft | null } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void getDraft(db, key).then((found) => {
      if (live) setDraft({ key, draft: found ?? null });
    });
    return () => {
      live = false;
    };
  }, [db, key]);
  return draft?.key === key ? draft.draft : undefined;
}

/**
 * Writes the form's values as the draft on every change, without debouncing: each
 * write is one small IndexedDB put, queued in order, so the last keystroke is on
 * the device as soon as IndexedDB has it, even if the app is closed right after.
 * Returns `pause` for the save (whose transaction deletes the draft: no write may
 * bring it back) and `discard` for "Entwurf verwerfen".
 */
export function useDraftAutosave(form: UseFormReturn<NoteFormValues>, key: string, caseId: string | null) {
  const { db } = useSession();
  const paused = useRef(false);

  useEffect(() => {
    const subscription = form.watch((values) => {
      if (!paused.current) void saveDraft(db, key, caseId, values as Record<string, unknown>);
    });
    return () => subscription.unsubscribe();
  }, [db, form, key, caseId]);

  const pause = useCallback((pausing: boolean) => {
    paused.current = pausing;
  }, []);
  const discard = useCallback(() => deleteDraft(db, key), [db, key]);
  return { pause, discard };
}
