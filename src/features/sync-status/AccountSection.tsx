// Who is signed in, the language, locking, and logout. Logout deletes the local
// data, so it first tries to push; if changes are still waiting, the user must confirm.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../../i18n';
import { useSession, useSessionControl } from '../../ui/session';

export function AccountSection() {
  const { t, i18n } = useTranslation();
  const { user, engine } = useSession();
  const { signOut, lock } = useSessionControl();
  const [unsynced, setUnsynced] = useState(0);

  async function trySignOut() {
    await engine.syncNow();
    const { pendingCount } = engine.getState();
    if (pendingCount > 0) setUnsynced(pendingCount);
    else await signOut();
  }

  return (
    <section className="card" aria-labelledby="account-title">
      <h2 id="account-title">{t('sync.accountHeading')}</h2>
      <p>{t('sync.signedInAs', { name: user.displayName, team: user.teamName })}</p>
      <div className="field">
        <label htmlFor="language">{t('sync.language')}</label>
        <select
          id="language"
          value={i18n.language}
          onChange={(event) => void changeLanguage(event.target.value as Language)}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {language === 'de' ? 'Deutsch' : 'English'}
            </option>
          ))}
        </select>
      </div>
      <p className="muted">{t('sync.lockAfter', { count: user.lockAfterMinutes })}</p>
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={() => void lock()}>
          {t('sync.lockNow')}
        </button>
        {unsynced === 0 && (
          <button type="button" className="button button-secondary" onClick={() => void trySignOut()}>
            {t('sync.signOut')}
          </button>
        )}
      </div>
      {unsynced > 0 && (
        <div className="notice notice-danger" role="alert">
          <p>{t('sync.signOutPending', { count: unsynced })}</p>
          <div className="form-actions">
            <button type="button" className="button button-danger" onClick={() => void signOut()}>
              {t('sync.signOutAnyway')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setUnsynced(0)}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
