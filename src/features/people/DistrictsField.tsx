// The team's districts (Stadtteile) as a list: each can be removed, a new one
// added by name. A name already on the list (in any capitalisation) is refused.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/components';

interface DistrictsFieldProps {
  districts: readonly string[];
  /** The schema's message about the list (too many, a name too long). */
  error: string | undefined;
  onChange: (districts: string[]) => void;
}

export function DistrictsField({ districts, error, onChange }: DistrictsFieldProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [draft, setDraft] = useState('');
  const [duplicate, setDuplicate] = useState(false);

  function add() {
    const name = draft.trim();
    if (!name) return;
    if (districts.some((district) => district.toLocaleLowerCase('de') === name.toLocaleLowerCase('de'))) {
      setDuplicate(true);
      return;
    }
    onChange([...districts, name]);
    setDraft('');
    setDuplicate(false);
  }

  return (
    <fieldset className="districts" aria-describedby={`${headingId}-hint`}>
      <legend id={headingId}>{t('teamSettings.districts')}</legend>
      <p id={`${headingId}-hint`} className="field-hint">
        {t('teamSettings.districtsHint')}
      </p>
      {districts.length === 0 ? (
        <p className="muted">{t('teamSettings.noDistricts')}</p>
      ) : (
        <ul className="district-list">
          {districts.map((district) => (
            <li key={district}>
              <span>{district}</span>
              <button
                type="button"
                className="button button-quiet"
                aria-label={t('teamSettings.removeDistrict', { name: district })}
                onClick={() => onChange(districts.filter((other) => other !== district))}
              >
                {t('teamSettings.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field-error">{error}</p>}
      <div className="district-add">
        <TextField
          label={t('teamSettings.newDistrict')}
          value={draft}
          error={duplicate ? t('teamSettings.districtExists') : undefined}
          autoComplete="off"
          onChange={(event) => {
            setDraft(event.target.value);
            setDuplicate(false);
          }}
          onKeyDown={(event) => {
            // Enter adds the district rather than sending the whole form.
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add();
          }}
        />
        <button type="button" className="button button-secondary" onClick={add}>
          {t('teamSettings.addDistrict')}
        </button>
      </div>
    </fieldset>
  );
}
