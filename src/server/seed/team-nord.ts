// Demo team "Team Nord": Anna Keller, Ben Schröder (Fachkräfte), Lea Hoffmann (Leitung).
// Both workers have visits today and this week, a visit of the last days still
// waiting for its note, help-plan goals per case, and notes with travel time;
// one § 8a concern is not yet acknowledged, and Lea commented on one of Anna's notes.
// Anna's next Hilfeplangespräch is within two weeks, Ben's is overdue; Anna asked
// to close one case (Nowak), and Lea closed one of Ben's (Vogt).
import type { DemoTeam } from './demo-data';
import { partnersNord } from './partners-nord';

export const teamNord: DemoTeam = {
  name: 'Team Nord',
  districts: ['Altstadt', 'Nordstadt', 'Heidkamp', 'Am Bahnhof'],
  emergencyContact:
    'ASD Region Nord, werktags 8-16 Uhr: 05841 120-400; sonst Kinder- und Jugendnotdienst: 05841 120-999',
  users: [
    { username: 'anna', displayName: 'Anna Keller', role: 'worker' },
    { username: 'ben', displayName: 'Ben Schröder', role: 'worker' },
    { username: 'lea', displayName: 'Lea Hoffmann', role: 'lead' },
  ],
  partners: partnersNord,
  casesOf: {
    anna: [
      {
        reference: 'N-014',
        familyName: 'Berger',
        clients: 'Sandra Berger (Mutter), Leon (8), Mia (5)',
        address: 'Dorfstraße 12, 29459 Kirchwalde',
        phone: '0170 4418230',
        helpType: 'SPFH § 31 SGB VIII',
        startedDaysAgo: 120,
        approvedHoursPerMonth: 10,
        district: 'Altstadt',
        helpKind: 'sgb8_31',
        payer: 'Jugendamt Landkreis Nordheide, ASD Region Nord',
        payerContact: 'Frau Brandt, 05841 120-412',
        household: [
          { kind: 'guardian', name: 'Sandra Berger', contact: '0170 4418230' },
          { kind: 'young_person', firstName: 'Leon', age: 8, birthMonth: 3, gender: 'male' },
          { kind: 'young_person', firstName: 'Mia', age: 5, birthMonth: 11, gender: 'female' },
        ],
        nextHelpPlanInDays: 9,
        goals: [
          {
            title: 'Verlässliche Tagesstruktur für Leon und Mia',
            description:
              'Feste Zeiten für Aufstehen, Essen, Hausaufgaben und Schlafen; Frau Berger setzt sie ohne Erinnerung um.',
          },
          {
            title: 'Leon geht regelmäßig zur Schule',
            description: 'Höchstens zwei unentschuldigte Fehltage im Halbjahr.',
          },
          {
            title: 'Entlastung von Frau Berger',
            description: 'Ein Nachmittag pro Woche mit Betreuung der Kinder (Familienzentrum, Großeltern).',
          },
        ],
        notes: [
          {
            daysAgo: 6,
            kind: 'home_visit',
            durationMinutes: 90,
            text: '',
            sections: {
              occasion: 'Vereinbarter Hausbesuch',
              observations:
                'Frau Berger wirkt erschöpft, Wohnung aufgeräumt. Mia spielt ruhig, Leon macht am Küchentisch Hausaufgaben.',
              talkedWith: 'Frau Berger, Leon',
              agreements:
                'Hausaufgabenzeit nach dem Mittagessen; Frau Berger ruft im Familienzentrum wegen der Eltern-Kind-Gruppe an.',
              nextSteps: 'Rückfrage bei der Klassenlehrerin zu den Fehlzeiten.',
            },
            travelMinutes: 30,
            kilometres: 18.5,
            goals: [0, 2],
            visit: { time: '09:00', place: 'bei Familie Berger, Dorfstraße 12, 29459 Kirchwalde' },
            reviewed: true,
          },
          {
            daysAgo: 1,
            kind: 'phone',
            durationMinutes: 20,
            text: 'Telefonat mit der Klassenlehrerin von Leon: Fehlzeiten haben abgenommen. Rückmeldung an Frau Berger beim nächsten Termin.',
            goals: [1],
          },
        ],
        appointments: [
          {
            inDays: 0,
            time: '09:30',
            durationMinutes: 90,
            kind: 'home_visit',
            place: 'bei Familie Berger, Dorfstraße 12, 29459 Kirchwalde',
          },
          {
            inDays: 4,
            time: '14:00',
            durationMinutes: 60,
            kind: 'meeting',
            place: 'Grundschule Kirchwalde, Schulweg 3, 29459 Kirchwalde',
          },
        ],
      },
      {
        reference: 'N-021',
        familyName: 'Wagner',
        clients: 'Thomas Wagner (Vater), Jonas (14)',
        address: 'Am Mühlbach 3, 29462 Wendeloh',
        phone: '05841 77219',
        helpType: 'Erziehungsbeistand § 30 SGB VIII',
        startedDaysAgo: 75,
        approvedHoursPerMonth: 6,
        district: 'Nordstadt',
        helpKind: 'sgb8_30',
        payer: 'Jugendamt Landkreis Nordheide, ASD Region Nord',
        payerContact: 'Frau Brandt, 05841 120-412',
        household: [
          { kind: 'guardian', name: 'Thomas Wagner', contact: '05841 77219' },
          { kind: 'young_person', firstName: 'Jonas', age: 14, birthMonth: 6, gender: 'male' },
        ],
        nextHelpPlanInDays: 45,
        goals: [
          {
            title: 'Jonas findet einen Praktikumsplatz',
            description: 'Bewerbung schreiben, Vorstellungsgespräch üben, Praktikum bis zu den Sommerferien.',
          },
          {
            title: 'Weniger Streit zu Hause',
            description:
              'Vater und Jonas vereinbaren Regeln zu Ausgehzeiten und Handy und halten sie vier Wochen ein.',
          },
        ],
        notes: [
          {
            daysAgo: 3,
            kind: 'meeting',
            durationMinutes: 60,
            text: 'Treffen mit Jonas im Jugendtreff. Thema Ausbildungsplatzsuche, Praktikum in der Kfz-Werkstatt Meyer angefragt. Jonas hat den Lebenslauf selbst angefangen.',
            travelMinutes: 40,
            kilometres: 27,
            goals: [0],
            visit: { time: '16:00', place: 'Jugendtreff Wendeloh, Am Sportplatz 2, 29462 Wendeloh' },
            leadComment:
              'Gute Idee mit dem Praktikum. Bitte beim nächsten Termin klären, ob der Vater die Fahrten zur Werkstatt übernehmen kann.',
          },
        ],
        appointments: [
          {
            inDays: 2,
            time: '15:00',
            durationMinutes: 60,
            kind: 'meeting',
            place: 'Jugendtreff Wendeloh, Am Sportplatz 2, 29462 Wendeloh',
          },
        ],
      },
      {
        reference: 'N-027',
        familyName: 'Yıldız',
        clients: 'Ayşe Yıldız (Mutter), Emir (3), Elif (1)',
        address: 'Lindenweg 8, 29459 Kirchwalde',
        phone: '0151 22904417',
        helpType: 'SPFH § 31 SGB VIII',
        startedDaysAgo: 40,
        approvedHoursPerMonth: 12,
        district: 'Heidkamp',
        helpKind: 'sgb8_31',
        payer: 'Jugendamt Landkreis Nordheide, ASD Region Nord',
        payerContact: 'Herr Lindqvist, 05841 120-418',
        household: [
          { kind: 'guardian', name: 'Ayşe Yıldız', contact: '0151 22904417' },
          { kind: 'young_person', firstName: 'Emir', age: 3, birthMonth: 9, gender: 'male' },
          { kind: 'young_person', firstName: 'Elif', age: 1, birthMonth: 2, gender: 'female' },
        ],
        nextHelpPlanInDays: 70,
        goals: [
          {
            title: 'Sichere Versorgung von Elif und Emir',
            description: 'Regelmäßige U-Untersuchungen, Impfungen nachgeholt, Kinderarzt kennt die Familie.',
          },
          {
            title: 'Frau Yıldız nutzt Unterstützung im Alltag',
            description: 'Anbindung an Frühe Hilfen (Familienhebamme) und den Elterntreff.',
          },
        ],
        notes: [
          {
            daysAgo: 2,
            kind: 'home_visit',
            durationMinutes: 120,
            text: 'Hausbesuch. Elif hat Hämatome an beiden Oberarmen, Erklärung der Mutter nicht schlüssig. Gefährdungseinschätzung nach § 8a SGB VIII mit der Teamleitung erforderlich.',
            travelMinutes: 30,
            kilometres: 19,
            goals: [0],
            visit: { time: '10:00', place: 'bei Familie Yıldız, Lindenweg 8, 29459 Kirchwalde' },
            concern8a: true,
          },
        ],
        appointments: [
          {
            inDays: 0,
            time: '13:00',
            durationMinutes: 60,
            kind: 'home_visit',
            place: 'bei Familie Yıldız, Lindenweg 8, 29459 Kirchwalde',
          },
          {
            inDays: 3,
            time: '10:00',
            durationMinutes: 45,
            kind: 'meeting',
            place: 'Kinderarztpraxis Dr. Brandt, Marktplatz 5, 29459 Kirchwalde',
          },
        ],
      },
      {
        reference: 'N-031',
        familyName: 'Lehmann',
        clients: 'Kevin Lehmann (Vater), Nicole Lehmann (Mutter), Finn (10)',
        address: 'Hauptstraße 41, 29465 Schnega-Ost',
        phone: '0160 5583021',
        helpType: 'SPFH § 31 SGB VIII',
        startedDaysAgo: 14,
        approvedHoursPerMonth: 8,
        district: 'Am Bahnhof',
        helpKind: 'sgb8_31',
        payer: 'Jugendamt Landkreis Nordheide, ASD Region Nord',
        payerContact: 'Herr Lindqvist, 05841 120-418',
        household: [
          { kind: 'guardian', name: 'Kevin Lehmann', contact: '0160 5583021' },
          { kind: 'guardian', name: 'Nicole Lehmann', contact: '0160 5583021' },
          { kind: 'young_person', firstName: 'Finn', age: 10, birthMonth: 5, gender: 'male' },
        ],
        nextHelpPlanInDays: 150,
        goals: [
          {
            title: 'Finn besucht regelmäßig die Schule',
            description: 'Morgendlicher Ablauf steht; die Schule meldet Fehltage am selben Tag.',
          },
          {
            title: 'Entlastung von Frau Lehmann im Alltag',
            description: 'Aufgaben im Haushalt zwischen den Eltern aufgeteilt.',
          },
        ],
        notes: [
          {
            daysAgo: 8,
            kind: 'home_visit',
            durationMinutes: 75,
            text: '',
            sections: {
              occasion: 'Erstgespräch nach Hilfeplankonferenz',
              observations:
                'Beide Eltern offen und zugewandt, Finn zurückhaltend. Vater arbeitet im Schichtdienst.',
              talkedWith: 'Herr und Frau Lehmann, Finn',
              agreements: 'Wöchentlicher Hausbesuch, abwechselnd vormittags und nachmittags.',
              nextSteps: 'Wochenplan für die Morgen vor der Schule erstellen.',
            },
            travelMinutes: 45,
            kilometres: 32.5,
            goals: [0, 1],
            visit: { time: '15:00', place: 'bei Familie Lehmann, Hauptstraße 41, 29465 Schnega-Ost' },
          },
        ],
        appointments: [
          {
            inDays: -1,
            time: '14:00',
            durationMinutes: 90,
            kind: 'home_visit',
            place: 'bei Familie Lehmann, Hauptstraße 41, 29465 Schnega-Ost',
          },
          {
            inDays: 1,
            time: '11:00',
            durationMinutes: 90,
            kind: 'home_visit',
            place: 'bei Familie Lehmann, Hauptstraße 41, 29465 Schnega-Ost',
          },
        ],
      },
      {
        // Anna asks to close it: the lead's screen shows the request.
        reference: 'N-012',
        familyName: 'Nowak',
        clients: 'Irina Nowak (Mutter), Dominik (17)',
        address: 'Gartenstraße 6, 29462 Wendeloh',
        phone: '0172 6630914',
        helpType: 'Erziehungsbeistand § 30 SGB VIII',
        startedDaysAgo: 400,
        approvedHoursPerMonth: 4,
        district: 'Nordstadt',
        helpKind: 'sgb8_30',
        payer: 'Jugendamt Landkreis Nordheide, ASD Region Nord',
        payerContact: 'Frau Brandt, 05841 120-412',
        household: [
          { kind: 'guardian', name: 'Irina Nowak', contact: '0172 6630914' },
          { kind: 'young_person', firstName: 'Dominik', age: 17, birthMonth: 2, gender: 'male' },
        ],
        nextHelpPlanInDays: null,
        closure: {
          status: 'closure_requested',
          endedDaysAgo: 2,
          reason: 'goals_met',
          followUpHelp: 'Begleitung durch die Jugendberufsagentur Lüchow',
          closingNote:
            'Dominik hat den Lehrvertrag als Tischler unterschrieben; die Ziele des Hilfeplans sind erreicht. Abschlussgespräch mit Frau Nowak und Dominik geführt.',
        },
        goals: [
          {
            title: 'Dominik findet eine Lehrstelle',
            description: 'Bewerbungen geschrieben, Vorstellungsgespräche geübt.',
            status: 'achieved',
          },
          {
            title: 'Weniger Streit zu Hause',
            description: 'Absprachen zu Ausgehzeiten und Haushalt halten.',
            status: 'achieved',
          },
        ],
        notes: [
          {
            daysAgo: 6,
            kind: 'home_visit',
            durationMinutes: 60,
            text: 'Abschlussgespräch: Die Lehre beginnt im August, Frau Nowak und Dominik sehen keinen weiteren Bedarf. Abschluss mit Teamleitung besprechen.',
            travelMinutes: 30,
            kilometres: 18,
            goals: [0, 1],
            visit: { time: '16:00', place: 'bei Familie Nowak, Gartenstraße 6, 29462 Wendeloh' },
          },
        ],
        appointments: [],
      },
    ],
    ben: [
      {
        reference: 'N-009',
        familyName: 'Krüger',
        clients: 'Jana Krüger (Mutter), Paul (12), Lina (9), Ben (4)',
        address: 'Feldweg 2, 29471 Gartow-Heide',
        phone: '0176 3310928',
        helpType: 'SPFH § 31 SGB VIII',
        startedDaysAgo: 200,
        approvedHoursPerMonth: 10,
        district: 'Heidkamp',
        helpKind: 'sgb8_31',
        payer: 'Jugendamt Landkreis Nordheide, ASD Region Nord',
        payerContact: 'Frau Brandt, 05841 120-412',
        household: [
          { kind: 'guardian', name: 'Jana Krüger', contact: '0176 3310928' },
          { kind: 'young_person', firstName: 'Paul', age: 12, birthMonth: 1, gender: 'male' },
          { kind: 'young_person', firstName: 'Lina', age: 9, birthMonth: 7, gender: 'female' },
          { kind: 'young_person', firstName: 'Ben', age: 4, birthMonth: 10, gender: 'male' },
        ],
        nextHelpPlanInDays: -6,
        goals: [
          {
            title: 'Haushaltsgeld reicht bis zum Monatsende',
            description: 'Haushaltsplan wird geführt, keine neuen Rückstände bei Strom und Miete.',
          },
          {
            title: 'Paul schafft die Versetzung',
            description: 'Nachhilfe über Bildung und Teilhabe beantragt und regelmäßig besucht.',
            status: 'achieved',
          },
        ],
        notes: [
          {
            daysAgo: 4,
            kind: 'home_visit',
            durationMinutes: 90,
            text: '',
            sections: {
              occasion: 'Vereinbarter Hausbesuch',
              observations: 'Post und Rechnungen sortiert in einem Ordner, Kinder beim Mittagessen.',
              talkedWith: 'Frau Krüger',
              agreements: 'Haushaltsplan gemeinsam überarbeitet, Stromnachzahlung mit dem Jobcenter geklärt.',
              nextSteps: 'Termin bei der Schuldnerberatung vereinbaren.',
            },
            travelMinutes: 50,
            kilometres: 38,
            goals: [0],
            visit: { time: '10:30', place: 'bei Familie Krüger, Feldweg 2, 29471 Gartow-Heide' },
            reviewed: true,
          },
        ],
        appointments: [
          {
            inDays: 0,
            time: '10:30',
            durationMinutes: 90,
            kind: 'home_visit',
            place: 'bei Familie Krüger, Feldweg 2, 29471 Gartow-Heide',
          },
          {
            inDays: 3,
            time: '09:00',
            durationMinutes: 60,
            kind: 'meeting',
            place: 'Schuldnerberatung, Diakonisches Werk, Kirchstraße 7, 29439 Lüchow',
          },
        ],
      },
      {
        reference: 'N-018',
        familyName: 'Hartmann',
        clients: 'Marco Hartmann (Vater), Lukas (16)',
        address: 'Schulstraße 5, 29462 Wendeloh',
        phone: '05841 90312',
        helpType: 'Erziehungsbeistand § 30 SGB VIII',
        startedDaysAgo: 90,
        approvedHoursPerMonth: 4,
        district: 'Altstadt',
        helpKind: 'sgb8_30',
        payer: 'Jugendamt Landkreis Nordheide, ASD Region Nord',
        payerContact: 'Herr Lindqvist, 05841 120-418',
        household: [
          { kind: 'guardian', name: 'Marco Hartmann', contact: '05841 90312' },
          { kind: 'young_person', firstName: 'Lukas', age: 16, birthMonth: 4, gender: 'male' },
        ],
        nextHelpPlanInDays: 60,
        goals: [
          {
            title: 'Lukas schließt das Berufsvorbereitungsjahr ab',
            description: 'Regelmäßiger Besuch der BBS, Praktikum im zweiten Halbjahr.',
          },
        ],
        notes: [
          {
            daysAgo: 5,
            kind: 'phone',
            durationMinutes: 15,
            text: 'Lukas hat den Termin abgesagt, neuer Termin in der Berufsschule vereinbart.',
          },
        ],
        appointments: [
          {
            inDays: -2,
            time: '13:30',
            durationMinutes: 45,
            kind: 'meeting',
            place: 'BBS Lüchow, Raum 104, Am Wallgraben 1, 29439 Lüchow',
          },
          {
            inDays: 4,
            time: '14:00',
            durationMinutes: 60,
            kind: 'meeting',
            place: 'BBS Lüchow, Raum 104, Am Wallgraben 1, 29439 Lüchow',
          },
        ],
      },
      {
        reference: 'N-024',
        familyName: 'Schulz',
        clients: 'Melanie Schulz (Mutter), Noah (6)',
        address: 'Birkenallee 17, 29465 Schnega-Ost',
        phone: '0157 84420193',
        helpType: 'Soziale Gruppenarbeit § 29 SGB VIII',
        startedDaysAgo: 60,
        approvedHoursPerMonth: 5,
        district: 'Am Bahnhof',
        helpKind: 'sgb8_29',
        payer: 'Jugendamt Landkreis Nordheide, ASD Region Nord',
        payerContact: 'Frau Brandt, 05841 120-412',
        household: [
          { kind: 'guardian', name: 'Melanie Schulz', contact: '0157 84420193' },
          { kind: 'young_person', firstName: 'Noah', age: 6, birthMonth: 8, gender: 'male' },
        ],
        nextHelpPlanInDays: 21,
        goals: [
          {
            title: 'Noah findet Anschluss in der Gruppe',
            description: 'Noah nimmt an der wöchentlichen Gruppe teil und spielt mit anderen Kindern.',
          },
          {
            title: 'Frau Schulz kennt Angebote vor Ort',
            description: 'Besuch des Elterntreffs im Familienzentrum.',
          },
        ],
        notes: [],
        appointments: [
          {
            inDays: 0,
            time: '14:30',
            durationMinutes: 45,
            kind: 'home_visit',
            place: 'bei Familie Schulz, Birkenallee 17, 29465 Schnega-Ost',
          },
          {
            inDays: 1,
            time: '16:00',
            durationMinutes: 120,
            kind: 'meeting',
            place: 'Gruppenraum Familienzentrum, Kirchplatz 1, 29459 Kirchwalde',
          },
        ],
      },
      {
        // Closed by the lead after the family moved away.
        reference: 'N-003',
        familyName: 'Vogt',
        clients: 'Sabine Vogt (Mutter), Jan (11)',
        address: 'Ringstraße 20, 29459 Kirchwalde',
        phone: '0175 2209817',
        helpType: 'SPFH § 31 SGB VIII',
        startedDaysAgo: 540,
        approvedHoursPerMonth: 6,
        district: 'Nordstadt',
        helpKind: 'sgb8_31',
        payer: 'Jugendamt Landkreis Nordheide, ASD Region Nord',
        payerContact: 'Herr Lindqvist, 05841 120-418',
        household: [
          { kind: 'guardian', name: 'Sabine Vogt', contact: '0175 2209817' },
          { kind: 'young_person', firstName: 'Jan', age: 11, birthMonth: 11, gender: 'male' },
        ],
        nextHelpPlanInDays: null,
        closure: {
          status: 'closed',
          endedDaysAgo: 20,
          reason: 'responsibility_changed',
          followUpHelp: 'Übergabe an das Jugendamt der Stadt Celle (Umzug)',
          closingNote:
            'Familie ist nach Celle gezogen; Übergabegespräch mit dem neuen ASD hat stattgefunden.',
        },
        goals: [
          {
            title: 'Jan geht regelmäßig zur Schule',
            description: 'Fehltage im Halbjahr unter fünf.',
            status: 'achieved',
          },
        ],
        notes: [
          {
            daysAgo: 25,
            kind: 'meeting',
            durationMinutes: 45,
            text: 'Übergabegespräch mit dem ASD Celle und Frau Vogt; Unterlagen mit Einverständnis übergeben.',
            travelMinutes: 60,
            kilometres: 48,
          },
        ],
        appointments: [],
      },
    ],
  },
  preConsultation: {
    username: 'anna',
    daysAgo: 3,
    contact: 'Frau Novak, Nachbarin (anonym bleiben gewünscht)',
    concern: 'Sorge um zwei Kinder in der Nachbarschaft, die oft bis spät abends allein draußen sind.',
    advice: 'Gesprächsangebot über die Kita vorgeschlagen; Kontaktdaten des Familienzentrums weitergegeben.',
    outcome: 'referral',
    referralPartner: 'Familienzentrum Kirchwalde',
  },
};
