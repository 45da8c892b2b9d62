// Runs the PouchDB first sync once on bench-sized data: `npx tsx tests/bench/pouch/try.ts`.
import { launchBrowser } from '../../e2e/support/browser.ts';
import { measurePouchFirstSync } from './index.ts';

function text(bytes: number, seed: number): string {
  const words = ['Gespräch', 'Termin', 'Wohnung', 'Jobcenter', 'Antrag', 'Familie', 'Schule', 'Hilfeplan'];
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += `${words[(seed + i * 7) % words.length]} `;
  return out.slice(0, bytes);
}

function benchDocs(): Array<Record<string, unknown>> {
  const docs: Array<Record<string, unknown>> = [];
  const at = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString();
  for (let i = 0; i < 500; i++) {
    docs.push({
      id: `case-${i}`,
      type: 'case',
      name: `Fall ${i}`,
      worker: `worker-${i % 12}`,
      createdAt: at(i),
    });
  }
  for (let i = 0; i < 10_000; i++) {
    docs.push({
      id: `note-${i}`,
      type: 'note',
      caseId: `case-${i % 500}`,
      body: text(1_000, i),
      createdAt: at(i),
    });
  }
  for (let i = 0; i < 1_000; i++) {
    docs.push({
      id: `appt-${i}`,
      type: 'appointment',
      caseId: `case-${i % 500}`,
      startsAt: at(i),
      place: 'Büro',
    });
  }
  for (let i = 0; i < 200; i++) {
    docs.push({ id: `pre-${i}`, type: 'preConsultation', summary: text(200, i), createdAt: at(i) });
  }
  return docs;
}

const browser = await launchBrowser();
try {
  const result = await measurePouchFirstSync({ browser, docs: benchDocs() });
  console.log(`PouchDB first sync: ${Math.round(result.ms)} ms for ${result.docs} documents`);
  console.log(`setup: ${result.setup}`);
  for (const trial of result.trials) {
    console.log(
      `  ${trial.adapter.padEnd(9)} batch_size ${String(trial.batchSize).padStart(4)}: ${Math.round(trial.ms)} ms`,
    );
  }
} finally {
  await browser.close();
}
