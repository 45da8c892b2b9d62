// German texts of the ways in besides the login: the set-up of an empty
// installation and the invitation code. They come before anyone is signed in,
// so de-shell.ts carries them (spread in as their own groups).
export const deWelcome = {
  setup: {
    title: 'Einrichtung',
    intro:
      'Feldakte ist noch leer. Mit dem Einrichtungscode, den der Server beim Start angezeigt hat, legen Sie die Organisation, ihr erstes Team und Ihren eigenen Zugang (Administration) an.',
    code: 'Einrichtungscode',
    codeHint: 'Steht in der Ausgabe des Servers („Einrichtungscode: …“) und gilt 24 Stunden.',
    organisation: 'Name der Organisation',
    team: 'Name des Teams',
    displayName: 'Ihr Name',
    username: 'Benutzername',
    password: 'Passwort',
    passwordHint:
      'Mindestens 12 Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und schwer zu erraten.',
    submit: 'Einrichten',
    submitting: 'Wird eingerichtet …',
    offline: 'Keine Verbindung zum Server. Die Einrichtung braucht Netz.',
  },
  invitation: {
    link: 'Mit Einladungscode anmelden',
    title: 'Mit Einladungscode anmelden',
    intro:
      'Den Einladungscode haben Sie von Ihrer Teamleitung oder der Administration. Er gilt einmal: Hier wählen Sie Ihr eigenes Passwort, mit dem Sie sich danach anmelden.',
    username: 'Benutzername',
    code: 'Einladungscode',
    newPassword: 'Neues Passwort',
    passwordHint: 'Mindestens 12 Zeichen.',
    repeat: 'Passwort wiederholen',
    submit: 'Zugang einrichten',
    submitting: 'Zugang wird eingerichtet …',
    wrongCode:
      'Benutzername oder Einladungscode stimmt nicht – oder der Code ist abgelaufen oder wurde schon benutzt.',
    offline: 'Keine Verbindung zum Server. Das Einrichten des Zugangs braucht Netz.',
    toLogin: 'Zurück zur Anmeldung',
  },
};
