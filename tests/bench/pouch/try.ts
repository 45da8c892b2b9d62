// Sweeps PouchDB's first sync over its adapters and batch sizes on bench-sized data, to check the
// configuration the bench gives it is still its fastest: `npx tsx tests/bench/pouch/try.ts`.
import { type BrowserAdapter, measurePouchFirstSync } from './index.ts';

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

const docs = benchDocs();
for (const adapter of ['idb', 'indexeddb'] as BrowserAdapter[]) {
  for (const batchSize of [100, 500, 1_000]) {
    const result = await measurePouchFirstSync({ docs, adapter, batchSize, warmUps: 1, runs: 3 });
    const runs = result.trials.map((trial) => Math.round(trial.ms)).join(' / ');
    console.log(
      `${adapter.padEnd(9)} batch_size ${String(batchSize).padStart(4)}: median ${Math.round(result.ms)} ms (${runs})`,
    );
  }
}
