// A lead hands a case over to another member of the team ("Fall übergeben an").
// The server accepts a change of assignedTo from leads only; the previous
// worker's device pushes its waiting edits before the case leaves it.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../shared/records';
import { FormError } from '../../ui/components';
import { FormActions } from '../../ui/components/form-parts';
import { useSaveError } from '../../ui/forms/use-save-error';
import { useReassignCase } from './use-cases';
import { useTeamMembers } from './use-team-members';

export function CaseAssignment({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const members = useTeamMembers();
  const reassign = useReassignCase();
  const [memberId, setMemberId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { saveError, save } = useSaveError();
  const others = (members ?? []).filter((m) => m.id !== record.assignedTo);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const member = others.find((m) => m.id === memberId);
    if (!member) return;
    if (await save(() => reassign(record.id, member.id))) {
      setDone(t('cases.handedOver', { name: member.displayName }));
      setMemberId('');
    }
  }

  return (
    <form className="card form inline-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="handover-member">{t('cases.handOver')}</label>
        <select id="handover-member" value={memberId} onChange={(event) => setMemberId(event.target.value)}>
          <option value="">{t('cases.handOverChoose')}</option>
          {others.map((member) => (
            <option key={member.id} value={member.id}>
              {member.displayName}
            </option>
          ))}
        </select>
      </div>
      <FormActions submitLabel={t('cases.handOverSubmit')} variant="secondary" disabled={!memberId} />
      <FormError message={saveError} />
      {done && (
        <p role="status" className="muted">
          {done}
        </p>
      )}
    </form>
  );
}
