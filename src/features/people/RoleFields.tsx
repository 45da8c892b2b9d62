// "Rolle", with the choice to let a Teamleitung also administer for those who
// administer themselves, and "Team" for those who see more than their own.
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../shared/protocol';
import type { Role } from '../../shared/records';
import { CheckboxField, SelectField } from '../../ui/components/fields';

interface RoleFieldsProps {
  roles: readonly Role[];
  role: Role;
  registerRole: UseFormRegisterReturn;
  /** Shown for a Teamleitung when the signed-in person administers. */
  registerAdministers: UseFormRegisterReturn | null;
  /** The teams to choose from (a lead: their own); none while they are not known yet. */
  teams: readonly Team[];
  registerTeam: UseFormRegisterReturn;
  errors: { role?: string | undefined; teamId?: string | undefined };
}

export function RoleFields(props: RoleFieldsProps) {
  const { t } = useTranslation();
  const { roles, role, registerRole, registerAdministers, teams, registerTeam, errors } = props;
  return (
    <>
      <SelectField label={t('access.roleLabel')} registration={registerRole} error={errors.role}>
        {roles.map((option) => (
          <option key={option} value={option}>
            {t(`access.role.${option}`)}
          </option>
        ))}
      </SelectField>
      {registerAdministers && role === 'lead' && (
        <CheckboxField label={t('access.administers')} registration={registerAdministers} />
      )}
      {teams.length > 0 && (
        <SelectField label={t('access.team')} registration={registerTeam} error={errors.teamId}>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}
