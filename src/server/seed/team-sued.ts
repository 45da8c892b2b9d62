// Demo team "Team Süd": Tom Yilmaz (Fachkraft).
import type { DemoTeam } from './demo-data';

export const teamSued: DemoTeam = {
  name: 'Team Süd',
  districts: ['Südviertel', 'Lindenhof', 'Mühlenfeld', 'Am Anger'],
  emergencyContact:
    'ASD Region Süd, werktags 8-16 Uhr: 05841 120-500; sonst Kinder- und Jugendnotdienst: 05841 120-999',
  users: [{ username: 'tom', displayName: 'Tom Yilmaz', role: 'worker' }],
  casesOf: {
    tom: [
      {
        reference: 'S-007',
        familyName: 'Neumann',
        clients: 'Katrin Neumann (Mutter), Sophie (7), Max (2)',
        address: 'Kastanienweg 4, 29493 Bergen-Süd',
        phone: '0171 6620458',
        helpType: 'SPFH § 31 SGB VIII',
        startedDaysAgo: 150,
        approvedHoursPerMonth: 9,
        district: 'Südviertel',
        helpKind: 'sgb8_31',
        payer: 'Jugendamt Landkreis Nordheide, ASD Region Süd',
        payerContact: 'Herr Okafor, 05841 120-517',
        household: [
          { kind: 'guardian', name: 'Katrin Neumann', contact: '0171 6620458' },
          { kind: 'young_person', firstName: 'Sophie', age: 7, birthMonth: 12, gender: 'female' },
          { kind: 'young_person', firstName: 'Max', age: 2, birthMonth: 6, gender: 'male' },
        ],
        nextHelpPlanInDays: 12,
        goals: [
          {
            title: 'Kita-Platz für Max',
            description: 'Antrag gestellt, Eingewöhnung begleitet.',
          },
          {
            title: 'Sophie hat eine feste Freizeitaktivität',
            description: 'Schwimmgruppe einmal pro Woche.',
            status: 'achieved',
          },
        ],
        notes: [
          {
            daysAgo: 2,
            kind: 'home_visit',
            durationMinutes: 90,
            text: 'Hausbesuch. Frau Neumann hat den Antrag auf Kita-Platz für Max gestellt. Sophie erzählt begeistert von der Schwimmgruppe.',
            travelMinutes: 35,
            kilometres: 26,
            goals: [0, 1],
          },
        ],
        appointments: [
          {
            inDays: 0,
            time: '14:30',
            durationMinutes: 90,
            kind: 'home_visit',
            place: 'bei Familie Neumann, Kastanienweg 4, 29493 Bergen-Süd',
          },
        ],
      },
      {
        reference: 'S-012',
        familyName: 'Petrović',
        clients: 'Dragan Petrović (Vater), Ana (11)',
        address: 'Mühlenstraße 22, 29496 Waddeweitz-Süd',
        phone: '0162 7781340',
        helpType: 'Erziehungsbeistand § 30 SGB VIII',
        startedDaysAgo: 45,
        approvedHoursPerMonth: 4,
        district: 'Mühlenfeld',
        helpKind: 'sgb8_30',
        payer: 'Jugendamt Landkreis Nordheide, ASD Region Süd',
        payerContact: 'Herr Okafor, 05841 120-517',
        household: [
          { kind: 'guardian', name: 'Dragan Petrović', contact: '0162 7781340' },
          { kind: 'young_person', firstName: 'Ana', age: 11, birthMonth: 3, gender: 'female' },
        ],
        nextHelpPlanInDays: 35,
        goals: [
          {
            title: 'Ana fühlt sich in der Klasse wohl',
            description: 'Regelmäßige Gespräche mit der Klassenlehrerin, Ana nennt eine Freundin.',
          },
        ],
        notes: [],
        appointments: [
          {
            inDays: 2,
            time: '09:00',
            durationMinutes: 60,
            kind: 'meeting',
            place: 'Grundschule Waddeweitz, Schulstraße 1, 29496 Waddeweitz-Süd',
          },
        ],
      },
      {
        reference: 'S-015',
        familyName: 'Fischer',
        clients: 'Stefanie Fischer (Mutter), Tim (15), Lara (13)',
        address: 'Am Anger 9, 29493 Bergen-Süd',
        phone: '05845 31877',
        helpType: 'SPFH § 31 SGB VIII',
        startedDaysAgo: 20,
        approvedHoursPerMonth: 8,
        district: 'Am Anger',
        helpKind: 'sgb8_31',
        payer: 'Jugendamt Landkreis Nordheide, ASD Region Süd',
        payerContact: 'Frau Sommer, 05841 120-521',
        household: [
          { kind: 'guardian', name: 'Stefanie Fischer', contact: '05845 31877' },
          { kind: 'young_person', firstName: 'Tim', age: 15, birthMonth: 2, gender: 'male' },
          { kind: 'young_person', firstName: 'Lara', age: 13, birthMonth: 9, gender: 'female' },
        ],
        nextHelpPlanInDays: 90,
        goals: [
          {
            title: 'Tim geht wieder zur Schule',
            description: 'Stufenplan mit der Schule: erst zwei Stunden, dann ganze Tage.',
          },
          {
            title: 'Regeln zur Mediennutzung',
            description: 'Familie vereinbart Handyzeiten und hält sie ein.',
          },
        ],
        notes: [
          {
            daysAgo: 7,
            kind: 'home_visit',
            durationMinutes: 60,
            text: 'Erstgespräch. Konflikte um Mediennutzung und Schulweigerung von Tim. Hilfeplanziele vorbesprochen.',
            travelMinutes: 40,
            kilometres: 29.5,
            goals: [0, 1],
          },
        ],
        appointments: [
          {
            inDays: 3,
            time: '17:00',
            durationMinutes: 90,
            kind: 'home_visit',
            place: 'bei Familie Fischer, Am Anger 9, 29493 Bergen-Süd',
          },
        ],
      },
    ],
  },
  preConsultation: {
    username: 'tom',
    daysAgo: 1,
    contact: 'Herr Albers, Vater von drei Kindern',
    concern: 'Nach der Trennung kommt der Vater mit Haushalt und Kinderbetreuung nicht zurecht.',
    advice:
      'Hinweis auf Beratungsstelle für Eltern nach Trennung, Unterstützung beim Antrag auf Hilfe zur Erziehung angeboten.',
    outcome: 'help_recommended',
  },
};
