// German texts the first screen needs before anyone is signed in: the login, the
// splash, the update prompt and the re-login. They ship with the entry chunk; the
// texts of the screens behind the login (de-screens.ts) arrive with those screens.
export const deShell = {
  app: {
    name: 'Feldakte',
    skipToContent: 'Zum Inhalt springen',
    loading: 'Wird geladen …',
    back: 'Zurück',
    save: 'Speichern',
    cancel: 'Abbrechen',
    notFoundTitle: 'Seite nicht gefunden',
    notFoundText: 'Diese Adresse gibt es in Feldakte nicht.',
    toStart: 'Zur Startseite',
  },
  auth: {
    title: 'Anmelden',
    intro: 'Fallakte für ambulante Hilfen – auch ohne Netz.',
    username: 'Benutzername',
    password: 'Passwort',
    submit: 'Anmelden',
    submitting: 'Anmeldung läuft …',
    wrongCredentials: 'Benutzername oder Passwort ist falsch.',
    offline: 'Keine Verbindung zum Server. Die erste Anmeldung auf diesem Gerät braucht Netz.',
    rateLimited: 'Zu viele Versuche. Bitte warten Sie einen Moment.',
    failed: 'Anmeldung fehlgeschlagen. Bitte später erneut versuchen.',
    reloginTitle: 'Bitte erneut anmelden',
    reloginText:
      'Ihre Anmeldung ist abgelaufen. Ihre Daten auf diesem Gerät bleiben erhalten; zum Synchronisieren bitte das Passwort für {{username}} eingeben.',
    reloginSubmit: 'Erneut anmelden',
    otherUser: 'Die Anmeldung gehört zu einem anderen Benutzer.',
  },
  update: {
    label: 'Aktualisierung',
    available: 'Neue Version verfügbar',
    now: 'Jetzt aktualisieren',
    later: 'Später',
  },
};
