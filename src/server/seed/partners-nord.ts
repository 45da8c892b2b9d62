// The network partners Team Nord works with in its rural district. Organisations,
// names and contacts are invented (phone numbers and .example addresses lead nowhere).
import type { PartnerFields } from '../../shared/records';

export const partnersNord: PartnerFields[] = [
  {
    name: 'Erziehungsberatungsstelle Lüchow',
    organisation: 'Evangelische Beratungsstelle für Eltern, Kinder und Jugendliche',
    services:
      'Erziehungs- und Familienberatung, Trennungs- und Scheidungsberatung, Begleiteter Umgang. Offene Sprechstunde dienstags 14–16 Uhr.',
    contact: 'Frau Reinecke, 05841 961230, beratung@eb-luechow.example',
    district: 'Lüchow und Umgebung',
  },
  {
    name: 'Schuldner- und Insolvenzberatung',
    organisation: 'Diakonisches Werk im Kirchenkreis Elbgeest',
    services:
      'Haushaltsplan, Verhandlung mit Gläubigern, Pfändungsschutzkonto, Begleitung ins Verbraucherinsolvenzverfahren. Termine nach Vereinbarung, Wartezeit ca. 3 Wochen.',
    contact: 'Herr Albrecht, 05841 961245, schuldnerberatung@dw-elbgeest.example',
    district: 'ganzer Landkreis',
  },
  {
    name: 'Koordinierungsstelle Frühe Hilfen',
    organisation: 'Landkreis, Fachdienst Jugend und Familie',
    services:
      'Familienhebammen und Familien-Gesundheits-Kinderkrankenpflege für Familien mit Kindern bis 3 Jahre, Willkommensbesuche, Elterncafé.',
    contact: 'Frau Oltmanns, 05841 120-452, fruehehilfen@landkreis-elbgeest.example',
    district: 'ganzer Landkreis',
  },
  {
    name: 'Fachstelle für Sucht und Suchtprävention',
    organisation: 'Suchtberatung Elbgeest e. V.',
    services:
      'Beratung bei Alkohol, Medikamenten, Cannabis und Glücksspiel, Angehörigengruppe, Vermittlung in Entgiftung und Reha. Außensprechstunde in Kirchwalde donnerstags.',
    contact: 'Herr Kowalski, 05841 4471, info@sucht-elbgeest.example',
    district: 'Lüchow, Außenstelle Kirchwalde',
  },
  {
    name: 'Jobcenter Lüchow',
    organisation: 'Jobcenter Landkreis Elbgeest',
    services:
      'Bürgergeld, Leistungen für Bildung und Teilhabe, Team U25 für junge Erwachsene, Übernahme von Nachzahlungen nach Einzelfallprüfung.',
    contact: 'Team U25: Frau Demir, 05841 9770-310; Eingangszone 05841 9770-0',
    district: 'ganzer Landkreis',
  },
  {
    name: 'Kinderschutzdienst Elbgeest',
    organisation: 'Kinderschutzbund Ortsverband Elbgeest e. V.',
    services:
      'Insoweit erfahrene Fachkraft nach § 8a SGB VIII, Fallberatung für Fachkräfte, Beratung für Kinder und Jugendliche bei Gewalt und Vernachlässigung.',
    contact: 'Frau Brinkmann, 05841 7723 (Mo–Fr 9–13 Uhr), ksd@kinderschutz-elbgeest.example',
    district: 'ganzer Landkreis',
  },
  {
    name: 'Familienzentrum Kirchwalde',
    organisation: 'Gemeinde Kirchwalde mit der Kita „Sonnenblume“',
    services:
      'Eltern-Kind-Gruppen, Sprechstunde der Erziehungsberatung, Hausaufgabenhilfe, offener Elterntreff mittwochs 9–11 Uhr.',
    contact: 'Frau Hinrichs, 05843 2210, familienzentrum@kirchwalde.example',
    district: 'Kirchwalde, Schnega-Ost',
  },
  {
    name: 'Migrationsberatung und Jugendmigrationsdienst',
    organisation: 'Caritasverband Elbgeest',
    services:
      'Beratung zu Aufenthalt, Sprachkursen und Anerkennung, Begleitung zu Behörden, Dolmetscherpool (Türkisch, Arabisch, Russisch, Ukrainisch).',
    contact: 'Herr Haddad, 05841 6630, migration@caritas-elbgeest.example',
    district: 'ganzer Landkreis',
  },
  {
    name: 'Beratungs- und Interventionsstelle bei häuslicher Gewalt',
    organisation: 'Frauenberatung Elbgeest e. V.',
    services:
      'Beratung nach Polizeieinsätzen bei häuslicher Gewalt, Schutzplanung, Vermittlung ins Frauenhaus, Beratung zum Gewaltschutzgesetz.',
    contact: 'Frau Lindner, 05841 5512, biss@frauenberatung-elbgeest.example',
    district: 'ganzer Landkreis',
  },
  {
    name: 'Sozialpädiatrische Sprechstunde',
    organisation: 'Kreiskrankenhaus Lüchow, Kinder- und Jugendmedizin',
    services:
      'Entwicklungsdiagnostik, Frühförderung auf Verordnung, Abklärung bei Verdacht auf Misshandlung (Kinderschutzgruppe).',
    contact: 'Sekretariat, 05841 13-2240',
    district: 'Lüchow',
  },
];
