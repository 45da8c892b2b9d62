// German texts of network partners (Netzwerkpartner) and the outcomes of Fall im Feld.
// Loaded with the other screens' texts (de-pages.ts spreads them in); only new
// top-level groups live here, so no group is split across files by accident.
export const dePartners = {
  partners: {
    title: 'Netzwerkpartner',
    intro: 'Beratungsstellen, Dienste und Einrichtungen im Landkreis, an die vermittelt werden kann.',
    newPartner: 'Neuer Partner',
    filter: 'Verzeichnis durchsuchen',
    filterHint: 'Name, Träger, Angebot oder Stadtteil',
    count_one: '{{count}} Partner',
    count_other: '{{count}} Partner',
    noMatch: 'Kein Partner passt zu „{{query}}“.',
    empty: 'Noch keine Partner im Verzeichnis.',
    emptyLead: 'Noch keine Partner im Verzeichnis – mit „Neuer Partner“ den ersten anlegen.',
    leadsEdit: 'Das Verzeichnis pflegt die Teamleitung.',
    notFound: 'Diesen Partner gibt es auf diesem Gerät nicht (mehr).',
    name: 'Name',
    organisation: 'Träger',
    services: 'Angebote',
    contact: 'Kontakt',
    contactHint: 'Telefon, E-Mail, Adresse, Ansprechperson',
    district: 'Stadtteil / Ort',
    noContact: 'Kein Kontakt hinterlegt.',
    call: 'Anrufen: {{number}}',
    mail: 'E-Mail an {{address}}',
    edit: 'Bearbeiten',
    editTitle: 'Partner bearbeiten',
    backToList: 'Netzwerkpartner',
    delete: 'Partner löschen',
    deleteTitle: 'Partner löschen?',
    deleteText:
      '{{name}} wird aus dem Verzeichnis gelöscht, auch auf den Geräten des Teams. Vermittlungen an diesen Partner bleiben erhalten.',
    saveFailed: 'Speichern fehlgeschlagen: {{message}}',
    unsynced: 'noch nicht synchronisiert',
  },
  referral: {
    refer: 'An Partner vermitteln',
    title: 'Vermittlung an einen Netzwerkpartner',
    search: 'Partner suchen',
    choose: 'Partner',
    noPartners:
      'Im Verzeichnis sind noch keine Partner. Die Teamleitung legt sie unter „Netzwerkpartner“ an.',
    noMatch: 'Kein Partner passt zu „{{query}}“.',
    moreMatches: 'Weitere {{count}} Treffer – Suche genauer fassen.',
    required: 'Bitte einen Partner auswählen.',
    submit: 'Vermittlung speichern',
    referredTo: 'Vermittelt an',
    partnerGone: 'Partner nicht mehr im Verzeichnis',
    convertedTo: 'Umgewandelt in einen Fall',
    failed: 'Speichern fehlgeschlagen: {{message}}',
  },
  convertCase: {
    carriedOver:
      'Der Kontakt wird als Familienname übernommen, die Beratung bleibt mit dem Fall verknüpft. Alles Weitere lässt sich später ergänzen.',
    approvedHours: 'Bewilligte Stunden pro Monat',
    approvedHoursHint: 'Aus dem Hilfeplan; 0, wenn noch nicht bewilligt.',
  },
};
