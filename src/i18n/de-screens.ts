// German texts of the signed-in shell and start page: navigation, sync status and
// its banners, "Heute" and its agenda. They load with the signed-in app
// (src/app/screen-texts.ts). The texts of every other screen are in de-pages.ts,
// which loads together with those screens; a group may be split between the two
// files (i18next merges them). `en.ts` mirrors de-shell + de-screens + de-pages.
export const deScreens = {
  nav: {
    label: 'Hauptnavigation',
    today: 'Heute',
    cases: 'Fälle',
    appointments: 'Termine',
    preConsultations: 'Fall im Feld',
    review: 'Prüfen',
    search: 'Suchen',
  },
  kind: {
    home_visit: 'Hausbesuch',
    phone: 'Telefonat',
    meeting: 'Gespräch',
    other: 'Sonstiges',
  },
  format: {
    minutes: '{{count}} Min.',
    tomorrow: 'Morgen',
    megabytes: '{{value}} MB',
  },
  sync: {
    offline: 'Offline',
    pending_one: '{{count}} Änderung nicht synchronisiert',
    pending_other: '{{count}} Änderungen nicht synchronisiert',
    syncedAt: 'Synchronisiert {{time}}',
    never: 'Noch keine Synchronisierung',
    syncing: 'Synchronisiere …',
    syncingProgress: 'Synchronisiere … {{count}} empfangen',
    error: 'Synchronisierung fehlgeschlagen',
    unauthorized: 'Anmeldung erforderlich',
    upgradeRequired: 'App-Version veraltet',
    rejected_one: '{{count}} abgelehnt',
    rejected_other: '{{count}} abgelehnt',
    syncNow: 'Jetzt synchronisieren',
    firstSync_one: 'Daten werden geladen … {{count, number}} Eintrag',
    firstSync_other: 'Daten werden geladen … {{count, number}} Einträge',
    firstSyncStart: 'Daten werden geladen …',
    pushProgress: 'Änderungen werden gesendet … {{done, number}} von {{total, number}}',
    staleWarning:
      'Änderungen seit über 24 Stunden nicht synchronisiert – bitte Verbindung herstellen und synchronisieren.',
    upgradeNeeded: 'Update nötig: Diese App-Version ist veraltet. Bitte neu laden.',
    reload: 'Neu laden',
    outboxKept_one: 'Ihre {{count}} nicht synchronisierte Änderung bleibt auf diesem Gerät erhalten.',
    outboxKept_other: 'Ihre {{count}} nicht synchronisierten Änderungen bleiben auf diesem Gerät erhalten.',
    accountLink: 'Synchronisierung und Konto',
  },
  conflicts: {
    badge: 'Konflikt',
    link_one: '{{count}} Konflikt',
    link_other: '{{count}} Konflikte',
  },
  screen: {
    failed:
      'Diese Ansicht konnte nicht geladen werden. Ihre Daten bleiben auf diesem Gerät gespeichert; bitte neu laden, sobald eine Verbindung besteht.',
  },
  today: {
    title: 'Heute',
    empty: 'Keine anstehenden Termine.',
    newAppointment: 'Neuer Termin',
    visits: 'Besuche heute',
    noVisits: 'Heute stehen keine Besuche an.',
    route: 'Route',
    routeTo: 'zu {{address}} in der Karten-App',
    noAddress: 'Keine Adresse hinterlegt',
    document: 'Besuch dokumentieren',
    documented: 'dokumentiert',
    done: 'erledigt',
    reminders: 'Noch nicht dokumentiert',
    remindersIntro_one: 'Zu einem vergangenen Besuch fehlt die Notiz.',
    remindersIntro_other: 'Zu {{count}} vergangenen Besuchen fehlt die Notiz.',
    upcoming: 'Demnächst',
    timeRange: '{{from}}–{{to}} Uhr',
    dayAndTime: '{{day}}, {{time}} Uhr',
    helpPlans: 'Hilfeplangespräche',
    helpPlanDue: 'Hilfeplangespräch am {{date}} – Entwicklungsbericht vorbereiten',
  },
  notes: {
    unsynced: 'nicht synchronisiert',
  },
  appointments: {
    cancelled: 'abgesagt',
    unknownCase: 'Unbekannter Fall',
    noPlace: 'ohne Ort',
  },
  // The lead's and everyone's further screens in the navigation (a "Mehr" menu on a phone).
  moreNav: {
    caseload: 'Auslastung',
    report: 'Monatsbericht',
    partners: 'Netzwerkpartner',
    access: 'Team & Zugänge',
    more: 'Mehr',
  },
  // The shell's § 8a alert for leads: a concern note arrived that they have not opened yet.
  concernAlert: {
    title_one: 'Neuer Hinweis auf Kindeswohlgefährdung (§ 8a)',
    title_other: '{{count}} neue Hinweise auf Kindeswohlgefährdung (§ 8a)',
    item: '{{caseName}} · {{author}} · {{date}}',
    open: 'In Prüfen öffnen',
    unknownCase: 'Fall',
  },
  // "Neue Kommentare" on Heute: comments from others on the user's notes, unread until opened.
  newComments: {
    title: 'Neue Kommentare',
    item: '{{author}} zu {{caseName}}',
    noteOf: 'Notiz vom {{date}}',
    unknownAuthor: 'Jemand',
    unknownCase: 'einer Notiz',
  },
};
