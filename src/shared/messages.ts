// Every message the schemas, the server and the device's data layer give people,
// as a key with parameters. The German text is written here once: the server
// answers it as the readable `message` next to the key, and it is the German UI
// text (i18n `errors`); the UI says the key in the person's language.
// Parameters use i18next's {{name}}.

/**
 * Said of a field: the server's answer puts the field's name before them
 * ("text: darf höchstens 20000 Zeichen lang sein"), a form shows them under the field.
 */
const saidOfField = {
  invalidValue: 'ist ungültig',
  unknownField: 'ist kein bekanntes Feld',
  notUuid: 'muss eine UUID sein',
  notIsoDate: 'muss ein Datum im Format JJJJ-MM-TT sein',
  notRealDate: 'ist kein gültiges Datum',
  notTimeOfDay: 'muss eine Uhrzeit im Format HH:MM sein',
  notTimestamp: 'muss ein ISO-Zeitstempel sein',
  notNumber: 'muss eine Zahl sein',
  notWholeNumber: 'muss eine ganze Zahl sein',
  negative: 'darf nicht negativ sein',
  tooManyMinutes: 'darf höchstens {{max}} Minuten sein',
  notText: 'muss Text sein',
  tooLong: 'darf höchstens {{max}} Zeichen lang sein',
  empty: 'darf nicht leer sein',
  tooManyKilometres: 'darf höchstens {{max}} km sein',
  tooManyDecimals: 'darf höchstens eine Nachkommastelle haben',
  tooManyHours: 'darf höchstens {{max}} Stunden sein',
  notQuarterHours: 'muss in Viertelstunden angegeben sein',
  notBoolean: 'muss wahr oder falsch sein',
  tooManyGoals: 'darf höchstens {{max}} Ziele nennen',
  notCursor: 'muss ein gültiger Cursor sein',
  unstorableText: 'enthält Zeichen, die nicht gespeichert werden können',
  unstorableValue: 'ist ein Wert, der nicht gespeichert werden kann (z. B. ein Datum, das es nicht gibt)',
  notDeleteChoice: 'muss wahr (löschen) oder falsch (behalten) sein',
  notChangeableField: 'betrifft kein änderbares Feld ({{name}})',
  baseVersionMissing: 'fehlt (nur beim Anlegen leer)',
  baseVersionTooNew: '{{base}} ist neuer als der Datensatz auf dem Server (Version {{current}})',
  noteWithoutContent: 'Die Notiz braucht Text oder mindestens einen ausgefüllten Abschnitt',
  conflictSettled: 'Dieser Konflikt ist bereits gelöst oder unbekannt',
  substitutionEndsBeforeStart: 'Das Ende der Vertretung darf nicht vor ihrem Beginn liegen',
  alreadyAssigned: 'Der Fall ist dieser Fachkraft bereits zugewiesen',
  tooLarge: 'ist zu groß',
  repeatedInPush: 'kommt in diesem Push mehrfach vor',
  passwordTooShort: 'muss mindestens {{min}} Zeichen lang sein',
  passwordTooCommon: 'ist zu leicht zu erraten (ein sehr verbreitetes Passwort oder ein einfaches Muster)',
  passwordContainsUsername: 'darf nicht im Wesentlichen aus dem Benutzernamen bestehen',
  passwordUnchanged: 'muss sich vom bisherigen Passwort unterscheiden',
  currentPasswordWrong: 'stimmt nicht',
  districtRepeated: 'nennt den Stadtteil „{{name}}“ mehrfach',
  usernameCharacters: 'darf nur Buchstaben, Ziffern und . _ @ - enthalten',
  tooManyDistricts: 'darf höchstens {{max}} Stadtteile nennen',
  notBirthMonth: 'muss Monat und Jahr im Format JJJJ-MM sein',
  tooManyHouseholdMembers: 'darf höchstens {{max}} Personen nennen',
  districtNotOfTeam:
    'ist kein Stadtteil dieses Teams (Stadtteile legt die Teamleitung in den Team-Einstellungen fest)',
  householdMemberRepeated: 'nennt dieselbe Person (ID {{id}}) mehrfach',
} as const;

/** Whole sentences, said on their own. */
const sentences = {
  invalidInput: 'Ungültige Eingabe',
  someValueUnstorable:
    'Ein Wert ist ein Wert, der nicht gespeichert werden kann (z. B. ein Datum, das es nicht gibt)',
  recordIdTaken: 'Ein Datensatz mit dieser ID existiert bereits',
  caseReassigned: 'Der Fall wurde einer anderen Fachkraft zugewiesen; die Änderung wurde nicht übernommen',
  substitutionEnded: 'Die Vertretung für diesen Fall ist beendet; die Änderung wurde nicht übernommen',
  caseNotFound: 'Fall nicht gefunden',
  noteNotFound: 'Notiz nicht gefunden',
  appointmentNotFound: 'Termin nicht gefunden',
  appointmentOfCaseNotFound: 'Termin dieses Falls nicht gefunden',
  preConsultationNotFound: 'Fall im Feld nicht gefunden',
  substitutionNotFound: 'Vertretung nicht gefunden',
  goalNotFound: 'Ziel nicht gefunden',
  commentNotFound: 'Kommentar nicht gefunden',
  partnerNotFound: 'Netzwerkpartner nicht gefunden',
  caseDeleted: 'Fall wurde gelöscht',
  noteDeleted: 'Notiz wurde gelöscht',
  appointmentDeleted: 'Termin wurde gelöscht',
  preConsultationDeleted: 'Fall im Feld wurde gelöscht',
  substitutionDeleted: 'Vertretung wurde gelöscht',
  goalDeleted: 'Ziel wurde gelöscht',
  commentDeleted: 'Kommentar wurde gelöscht',
  partnerDeleted: 'Netzwerkpartner wurde gelöscht',
  caseNotDeletable: 'Fall kann nicht gelöscht werden (Fälle werden abgeschlossen)',
  onlyLeadReviews: 'Nur die Teamleitung kann Notizen als geprüft markieren',
  onlyLeadAcknowledges: 'Nur die Teamleitung kann eine § 8a-Meldung als gesehen bestätigen',
  noteConflictNotYours: 'Konflikte einer Notiz lösen nur die Verfasserin, der Verfasser oder die Teamleitung',
  onlyAuthorEditsNote: 'Nur die Verfasserin oder der Verfasser kann die Notiz ändern',
  onlyAuthorDeletesNote: 'Nur die Verfasserin oder der Verfasser kann die Notiz löschen',
  reviewedNoteNotDeletable: 'Geprüfte Notizen können nicht gelöscht werden',
  workersAssignThemselves: 'Fachkräfte können Fälle nur sich selbst zuweisen',
  assignWithinTeam: 'Der Fall kann nur Mitgliedern des eigenen Teams zugewiesen werden',
  onlyLeadReassigns: 'Nur die Teamleitung kann einen Fall neu zuweisen',
  onlyLeadApprovesHours: 'Nur die Teamleitung kann die bewilligten Fachleistungsstunden festlegen',
  onlyLeadChangesHelpKind: 'Nur die Teamleitung kann die Hilfeart ändern',
  onlyLeadChangesPayer: 'Nur die Teamleitung kann den Kostenträger und die Ansprechperson dort ändern',
  onlyLeadClosesCase: 'Nur die Teamleitung kann einen Fall abschließen; Fachkräfte beantragen den Abschluss',
  onlyLeadReopensCase: 'Nur die Teamleitung kann einen abgeschlossenen Fall wieder öffnen',
  caseClosed:
    'Der Fall ist abgeschlossen und kann nur noch gelesen werden; die Teamleitung kann ihn wieder öffnen',
  closureNeedsEndAndReason: 'Für den Abschluss braucht der Fall ein Ende und einen Beendigungsgrund',
  caseEndsBeforeStart: 'Das Ende des Falls darf nicht vor seinem Beginn liegen',
  onlyAuthorEditsComment: 'Nur die Verfasserin oder der Verfasser kann den Kommentar ändern',
  onlyAuthorDeletesComment: 'Nur die Verfasserin oder der Verfasser kann den Kommentar löschen',
  onlyLeadCreatesPartners: 'Nur die Teamleitung kann Netzwerkpartner anlegen',
  onlyLeadChangesPartners: 'Nur die Teamleitung kann Netzwerkpartner ändern oder löschen',
  onlyLeadCreatesSubstitutions: 'Nur die Teamleitung kann Vertretungen anlegen',
  onlyLeadChangesSubstitutions: 'Nur die Teamleitung kann Vertretungen ändern oder löschen',
  substituteIsTeamWorker: 'Vertreten kann nur eine Fachkraft des eigenen Teams',
  mutationIdReused: 'Diese Mutations-ID wurde bereits für eine andere Änderung verwendet',
  contentTypeNotJson: 'Content-Type muss application/json sein',
  bodyTooLarge: 'Die Anfrage ist zu groß',
  bodyEmpty: 'Der Body darf nicht leer sein',
  bodyNotJson: 'Der Body ist kein gültiges JSON',
  valueNotStorable: 'Ein Wert kann nicht gespeichert werden',
  internalError: 'Interner Serverfehler',
  notYourNoteToDelete: 'Nur die Verfasserin oder der Verfasser kann eine Notiz löschen',
  reviewedNoteStays: 'Eine geprüfte Notiz kann nicht mehr gelöscht werden',
  notYourCommentToDelete: 'Nur wer den Kommentar geschrieben hat, kann ihn löschen',
  partnerDirectoryLeadOnly: 'Nur die Teamleitung kann das Partnerverzeichnis ändern',
  alreadyConverted: 'Diese Beratung wurde schon in einen Fall umgewandelt',
  convertedCaseNotYours: 'Ein Fall im Feld kann nur mit einem Fall verknüpft werden, den Sie bearbeiten',
  recordNotOnDevice: '{{entity}} {{id}} ist auf diesem Gerät nicht vorhanden',
  changeDamaged: 'Die Änderung ist beschädigt und kann nicht gesendet werden',
  serverUnreachable: 'Server nicht erreichbar (keine Verbindung)',
  serverTimedOut: 'Server nicht erreichbar (keine Antwort nach {{ms}} ms)',
  unexpectedAnswer: 'Unerwartete Antwort von {{path}}',
  answerWithoutRecord: 'Antwort auf {{id}} enthält keinen {{entity}}-Datensatz',
  cursorStuck: 'Der Server meldet weitere Änderungen, aber der Cursor rückt nicht vor',
  unexpectedContent: 'Unerwartete Antwort von {{path}}: {{contentType}}',
  unexpectedNoContent: 'Unerwartete Antwort von {{path}}: kein Inhalt',
  liveConnectionDropped: 'Live-Verbindung unterbrochen (Verbindung abgebrochen)',
  liveConnectionQuiet: 'Live-Verbindung unterbrochen (nichts empfangen seit {{ms}} ms)',
  deviceIdInvalid: 'Ungültige Geräte-ID',
  deviceIdMissing: 'Die Geräte-ID fehlt',
  loginRequired: 'Anmeldung erforderlich',
  accessRevoked: 'Der Zugang wurde gesperrt',
  loginWrong: 'Benutzername oder Passwort ist falsch',
  tooManyLoginFailures: 'Zu viele Fehlversuche. Bitte später erneut versuchen.',
  appOutdated: 'Diese App-Version ist veraltet (Protokoll {{version}} erforderlich). Bitte neu laden.',
  databaseUnreachable: 'Die Datenbank ist nicht erreichbar',
  unknownAddress: 'Unbekannte Adresse: {{method}} {{url}}',
  onlyLeadSeesDevices: 'Nur die Teamleitung sieht die Geräte des Teams',
  onlyLeadChangesTeamSettings: 'Nur die Teamleitung kann die Einstellungen des Teams ändern',
  onlyLeadRevokes: 'Nur die Teamleitung kann Zugänge sperren',
  onlyLeadSeesCaseRecords: 'Nur die Teamleitung sieht das Protokoll und den Export eines Falls',
  deviceNotFound: 'Gerät nicht gefunden',
  personNotFound: 'Person nicht gefunden',
  teamNotFound: 'Team nicht gefunden',
  ownAccessNotRevocable: 'Den eigenen Zugang kann man nicht sperren',
  setupCodeWrong:
    'Der Einrichtungscode stimmt nicht. Er steht in der Ausgabe des Servers beim Start („Einrichtungscode: …“).',
  setupCodeExpired: 'Der Einrichtungscode ist abgelaufen. Ein Neustart des Servers zeigt einen neuen.',
  alreadySetUp: 'Feldakte ist bereits eingerichtet. Bitte melden Sie sich an.',
  onlyLeadSeesTeamSettings: 'Nur die Teamleitung sieht die Einstellungen des Teams',
  adminSeesNoCaseContent:
    'Die Administration sieht und ändert keine Falldaten (das darf nur die Teamleitung).',
  codeWrong: 'Benutzername oder Code ist falsch, abgelaufen oder schon verwendet',
  usernameTaken: 'Dieser Benutzername ist schon vergeben',
  onlyManagersSeePeople: 'Nur die Administration und die Teamleitung verwalten Zugänge',
  onlyAdministratorsManageTeams: 'Nur die Administration kann Teams anlegen und umbenennen',
  onlyOwnTeamsPeople: 'Die Teamleitung verwaltet nur die Personen ihres eigenen Teams',
  onlyAdministratorsGrantAdministration:
    'Nur die Administration kann die Verwaltung der Organisation übertragen',
  administratorsOnlyByAdministrators:
    'Personen, die die Organisation verwalten, kann nur die Administration ändern',
  onlyAdministratorsMovePeople: 'Nur die Administration kann Personen in ein anderes Team versetzen',
  lastAdministrator:
    'Mindestens eine Person muss die Organisation verwalten; die Änderung wurde nicht übernommen',
  adminRoleAdministers: 'Die Rolle Administration verwaltet immer die Organisation',
  personBlocked: 'Der Zugang dieser Person ist gesperrt; bitte zuerst entsperren',
  teamNameTaken: 'Ein Team mit diesem Namen gibt es schon',
  passwordsDiffer: 'Die beiden Passwörter stimmen nicht überein',
} as const;

export const germanMessages = { ...saidOfField, ...sentences };
export type MessageKey = keyof typeof germanMessages;
export type MessageParams = Readonly<Record<string, string | number>>;

/** A message as a code: what the UI translates, and what the German text is made of. */
export interface Message {
  key: MessageKey;
  params: MessageParams;
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(germanMessages, value);
}

/** Whether the message is said of a field, after its name (see saidOfField). */
export function isSaidOfField(key: MessageKey): boolean {
  return Object.hasOwn(saidOfField, key);
}

/** The German text of a message, its {{parameters}} filled in. */
export function germanMessage(key: MessageKey, params: MessageParams = {}): string {
  return germanMessages[key].replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}

/** The German text as an answer says it: a message said of a field follows the field's name. */
export function germanMessageOf(message: Message, field: string | null): string {
  const text = germanMessage(message.key, message.params);
  return field !== null && isSaidOfField(message.key) ? `${field}: ${text}` : text;
}

/** An error that says its message as a code; its `message` is the German text. */
export class MessageError extends Error {
  readonly messageKey: MessageKey;
  readonly params: MessageParams;

  constructor(key: MessageKey, params: MessageParams = {}, options?: { cause?: unknown }) {
    super(germanMessage(key, params), options);
    this.messageKey = key;
    this.params = params;
  }
}

/** The coded message an error carries (a MessageError, or anything with `messageKey`), or null. */
export function messageOfError(error: unknown): Message | null {
  if (typeof error !== 'object' || error === null) return null;
  const { messageKey, params } = error as { messageKey?: unknown; params?: unknown };
  if (!isMessageKey(messageKey)) return null;
  return { key: messageKey, params: isParams(params) ? params : {} };
}

/**
 * A message as it was said and kept (an API error, a rejected change, the last
 * sync failure): its German text, the field it is said of, and its code when it
 * has one, which the UI says instead (an unknown key, from a newer server, falls
 * back to the text).
 */
export interface SaidMessage {
  message: string;
  field: string | null;
  messageKey?: string | undefined;
  params?: unknown;
}

/** What an error says, kept: its text, its `field` when it names one, its coded message. */
export function saidMessageOf(error: unknown): SaidMessage {
  const message = error instanceof Error ? error.message : String(error);
  const { field } = (typeof error === 'object' && error !== null ? error : {}) as { field?: unknown };
  const coded = messageOfError(error);
  return {
    message,
    field: typeof field === 'string' ? field : null,
    ...(coded && { messageKey: coded.key, params: coded.params }),
  };
}

/** Parameters as the wire carries them: a flat object of strings and numbers. */
export function isParams(value: unknown): value is MessageParams {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number')
  );
}
