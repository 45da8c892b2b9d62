// German texts the first screen needs before anyone is signed in: the login, the
// splash, the update prompt and the re-login. They ship with the entry chunk; the
// texts of the screens behind the login (de-screens.ts) arrive with those screens.
// `errors` are the shared messages (shared/messages.ts), German written once there;
// widened to string, as their parameters vary with the message a code arrives as.
import { germanMessages, type MessageKey } from '../shared/messages';
import { deWelcome } from './de-welcome';

export const deShell = {
  errors: germanMessages as Record<MessageKey, string>,
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
    revoked:
      'Der Zugang auf diesem Gerät wurde von der Teamleitung gesperrt. Die lokalen Daten wurden gelöscht.',
    signedOut: 'Sie wurden abgemeldet. Die Daten auf diesem Gerät wurden gelöscht.',
    lockTitle: 'Gesperrt',
    lockText: 'Angemeldet als {{name}} ({{team}}). Ihre Daten auf diesem Gerät sind verschlüsselt.',
    unlock: 'Entsperren',
    unlocking: 'Wird entsperrt …',
    wrongPassword_one:
      'Das Passwort ist falsch. Noch {{count}} Versuch, dann ist eine Anmeldung mit Netz nötig.',
    wrongPassword_other:
      'Das Passwort ist falsch. Noch {{count}} Versuche, dann ist eine Anmeldung mit Netz nötig.',
    onlineRequired:
      'Zum Entsperren ist jetzt eine Anmeldung mit Netz nötig (zu viele Fehlversuche oder noch keine Anmeldung mit dieser Version).',
    onlineRequiredOffline:
      'Keine Verbindung zum Server. Zum Entsperren ist jetzt eine Anmeldung mit Netz nötig.',
    switchUser: 'Andere Person anmelden',
    passwordChangedTitle: 'Passwort wurde geändert',
    passwordChangedText:
      'Ihr Passwort wurde seit der letzten Anmeldung auf diesem Gerät geändert. Geben Sie Ihr bisheriges Passwort ein, um die Daten auf diesem Gerät weiter zu nutzen.',
    previousPassword: 'Bisheriges Passwort',
    keepData: 'Daten übernehmen',
    discardData: 'Daten auf diesem Gerät verwerfen und neu laden',
    discardWarning: 'Noch nicht übertragene Änderungen auf diesem Gerät gehen dabei verloren.',
    wrongPreviousPassword: 'Das bisherige Passwort ist falsch.',
  },
  update: {
    label: 'Aktualisierung',
    available: 'Neue Version verfügbar',
    now: 'Jetzt aktualisieren',
    later: 'Später',
  },
  ...deWelcome,
};
