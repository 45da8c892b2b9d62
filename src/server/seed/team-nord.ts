// Demo team "Team Nord": Anna Keller, Ben Schröder (Fachkräfte), Lea Hoffmann (Leitung).
import type { DemoTeam } from './demo-data';

export const teamNord: DemoTeam = {
  name: 'Team Nord',
  users: [
    { username: 'anna', displayName: 'Anna Keller', role: 'worker' },
    { username: 'ben', displayName: 'Ben Schröder', role: 'worker' },
    { username: 'lea', displayName: 'Lea Hoffmann', role: 'lead' },
  ],
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
        notes: [
          {
            daysAgo: 6,
            kind: 'home_visit',
            durationMinutes: 90,
            text: 'Hausbesuch. Frau Berger wirkt erschöpft, Wohnung aufgeräumt. Tagesstruktur für Leon besprochen, Hausaufgabenzeit nach dem Mittagessen vereinbart.',
            reviewed: true,
          },
          {
            daysAgo: 1,
            kind: 'phone',
            durationMinutes: 20,
            text: 'Telefonat mit der Klassenlehrerin von Leon: Fehlzeiten haben abgenommen. Rückmeldung an Frau Berger beim nächsten Termin.',
          },
        ],
        appointments: [
          { inDays: 0, time: '09:30', durationMinutes: 90, kind: 'home_visit', place: 'bei Familie Berger' },
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
        notes: [
          {
            daysAgo: 3,
            kind: 'meeting',
            durationMinutes: 60,
            text: 'Treffen mit Jonas im Jugendtreff. Thema Ausbildungsplatzsuche, Praktikum in der Kfz-Werkstatt Meyer angefragt.',
          },
        ],
        appointments: [
          { inDays: 2, time: '15:00', durationMinutes: 60, kind: 'meeting', place: 'Jugendtreff Wendeloh' },
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
        notes: [
          {
            daysAgo: 2,
            kind: 'home_visit',
            durationMinutes: 120,
            text: 'Hausbesuch. Elif hat Hämatome an beiden Oberarmen, Erklärung der Mutter nicht schlüssig. Gefährdungseinschätzung nach § 8a SGB VIII mit der Teamleitung erforderlich.',
            concern8a: true,
          },
        ],
        appointments: [
          { inDays: 0, time: '13:00', durationMinutes: 60, kind: 'home_visit', place: 'bei Familie Yıldız' },
          {
            inDays: 3,
            time: '10:00',
            durationMinutes: 45,
            kind: 'meeting',
            place: 'Kinderarztpraxis Dr. Brandt',
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
        notes: [
          {
            daysAgo: 8,
            kind: 'home_visit',
            durationMinutes: 75,
            text: 'Erstgespräch mit beiden Eltern. Ziele: regelmäßiger Schulbesuch von Finn, Entlastung der Mutter im Alltag.',
          },
        ],
        appointments: [
          { inDays: 1, time: '11:00', durationMinutes: 90, kind: 'home_visit', place: 'bei Familie Lehmann' },
        ],
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
        notes: [
          {
            daysAgo: 4,
            kind: 'home_visit',
            durationMinutes: 90,
            text: 'Hausbesuch. Haushaltsplan gemeinsam überarbeitet, Stromnachzahlung mit dem Jobcenter geklärt.',
            reviewed: true,
          },
        ],
        appointments: [
          { inDays: 0, time: '10:30', durationMinutes: 90, kind: 'home_visit', place: 'bei Familie Krüger' },
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
        notes: [
          {
            daysAgo: 5,
            kind: 'phone',
            durationMinutes: 15,
            text: 'Lukas hat den Termin abgesagt, neuer Termin in der Berufsschule vereinbart.',
          },
        ],
        appointments: [
          { inDays: 4, time: '14:00', durationMinutes: 60, kind: 'meeting', place: 'BBS Lüchow, Raum 104' },
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
        notes: [],
        appointments: [
          {
            inDays: 1,
            time: '16:00',
            durationMinutes: 120,
            kind: 'meeting',
            place: 'Gruppenraum Familienzentrum',
          },
        ],
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
  },
};
