// Per-field merge through the real push path: what is merged, what becomes a
// conflict (with every candidate), how a conflict is resolved, and that every
// device holding the record pulls the conflict and its resolution.
import { describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { caseData, createMutation, noteData, resolveMutation, updateMutation } from './helpers/fixtures';
import { type Harness, harnessForBlock } from './helpers/harness';
import { onlyConflict, recordOf } from './helpers/results';

describe.each(databaseTargets())('conflicts ($name)', (target) => {
  let h: Harness;
  let anna: LoginResponse;
  let ben: LoginResponse;
  let lea: LoginResponse;

  harnessForBlock(target, ['anna', 'ben', 'lea'], (opened, sessions) => {
    h = opened;
    [anna, ben, lea] = sessions;
  });

  /** A fresh case of anna's at version 1, created from her phone. */
  async function annasCase(): Promise<string> {
    const create = createMutation('case', caseData(anna.user.id));
    await h.push(anna.token, [create], 'anna-phone');
    return create.recordId;
  }

  it('merges edits of different fields made offline on two devices', async () => {
    const caseId = await annasCase();
    await h.push(anna.token, [updateMutation('case', caseId, { phone: '0170 1' })], 'anna-phone');
    const { results } = await h.push(
      lea.token,
      [updateMutation('case', caseId, { address: 'Neuer Weg 2' })],
      'lea-tab',
    );
    expect(recordOf(results[0])).toMatchObject({
      phone: '0170 1',
      address: 'Neuer Weg 2',
      version: 3,
      conflicts: [],
    });
  });

  it('keeps both values of the same field, with who, when and which device, and shows it to every device', async () => {
    const caseId = await annasCase();
    const { cursor } = await h.pullAll(anna.token);
    const first = updateMutation('case', caseId, { phone: '0170 1' });
    const second = updateMutation('case', caseId, { phone: '0170 2' });
    await h.push(anna.token, [first], 'anna-phone');
    const { results } = await h.push(lea.token, [second], 'lea-tab');

    expect(results[0]?.status).toBe('applied');
    const record = recordOf(results[0]);
    expect(record).toMatchObject({ phone: '0170 1', version: 3 });
    expect(onlyConflict(results[0])).toEqual({
      id: expect.any(String),
      field: 'phone',
      createdAt: expect.any(String),
      candidates: [
        { value: '0170 1', by: anna.user.id, deviceId: 'anna-phone', at: first.clientTime },
        { value: '0170 2', by: lea.user.id, deviceId: 'lea-tab', at: second.clientTime },
      ],
    });
    const pulled = (await h.pullAll(anna.token, cursor)).changes.filter((c) => c.record.id === caseId);
    expect(pulled.at(-1)?.record).toEqual(record);
  });

  it('never conflicts a device with its own earlier edits, nor equal values', async () => {
    const caseId = await annasCase();
    const edits = [
      updateMutation('case', caseId, { phone: '1' }, 0),
      updateMutation('case', caseId, { phone: '2' }, 1),
      updateMutation('case', caseId, { phone: '3', address: 'A' }, 1),
    ];
    const { results } = await h.push(anna.token, edits, 'anna-phone');
    expect(recordOf(results[2])).toMatchObject({ phone: '3', address: 'A', version: 4, conflicts: [] });
    const same = await h.push(lea.token, [updateMutation('case', caseId, { phone: '3' }, 1)], 'lea-tab');
    expect(recordOf(same.results[0])).toMatchObject({ version: 4, conflicts: [] });
  });

  it('ends the same way whichever of two equal edits arrives first', async () => {
    for (const firstDevice of ['anna-phone', 'anna-tablet']) {
      const caseId = await annasCase();
      const pushClients = (clients: string, device: string) =>
        h.push(anna.token, [updateMutation('case', caseId, { clients }, 1)], device);
      const secondDevice = firstDevice === 'anna-phone' ? 'anna-tablet' : 'anna-phone';
      await pushClients('Mutter, Kind', firstDevice);
      await pushClients('Mutter, Kind', secondDevice);
      // The phone changes its mind without having seen that the tablet set the same too.
      const { results } = await pushClients('Vater', 'anna-phone');
      expect(recordOf(results[0]).clients, firstDevice).toBe('Mutter, Kind');
      expect(
        onlyConflict(results[0]).candidates.map((c) => [c.deviceId, c.value]),
        firstDevice,
      ).toEqual([
        ['anna-tablet', 'Mutter, Kind'],
        ['anna-phone', 'Vater'],
      ]);
    }
  });

  it('keeps the record on a candidate when the device holding its value moves on after a settled conflict', async () => {
    // Found by the fault test: the record kept a value that neither device held anymore.
    const caseId = await annasCase();
    const pushPhone = (phone: string, device: string) =>
      h.push(anna.token, [updateMutation('case', caseId, { phone }, 1)], device);
    await pushPhone('1', 'anna-phone');
    await pushPhone('2', 'anna-tablet'); // conflict 1 | 2
    await pushPhone('2', 'anna-phone'); // settled on 2, set by the phone, held by both
    await pushPhone('3', 'anna-phone'); // conflict: the tablet still holds 2
    const { results } = await pushPhone('4', 'anna-tablet');
    expect(onlyConflict(results[0]).candidates.map((c) => [c.deviceId, c.value])).toEqual([
      ['anna-tablet', '4'],
      ['anna-phone', '3'],
    ]);
    expect(recordOf(results[0]).phone).toBe('4');
  });

  it('collects three devices in one conflict with three candidates', async () => {
    const caseId = await annasCase();
    await h.push(anna.token, [updateMutation('case', caseId, { helpType: 'SPFH' })], 'anna-phone');
    await h.push(
      anna.token,
      [updateMutation('case', caseId, { helpType: 'Erziehungsbeistand' })],
      'anna-tablet',
    );
    const { results } = await h.push(
      lea.token,
      [updateMutation('case', caseId, { helpType: 'SGA' })],
      'lea-tab',
    );
    const conflict = onlyConflict(results[0]);
    expect(conflict.field).toBe('helpType');
    expect(conflict.candidates.map((c) => [c.deviceId, c.value])).toEqual([
      ['anna-phone', 'SPFH'],
      ['anna-tablet', 'Erziehungsbeistand'],
      ['lea-tab', 'SGA'],
    ]);
    expect(recordOf(results[0]).helpType).toBe('SPFH');
  });

  it('resolves a conflict with a chosen or merged value, once', async () => {
    const caseId = await annasCase();
    await h.push(anna.token, [updateMutation('case', caseId, { clients: 'Mutter' })], 'anna-phone');
    const { results } = await h.push(
      lea.token,
      [updateMutation('case', caseId, { clients: 'Vater' })],
      'lea-tab',
    );
    const conflict = onlyConflict(results[0]);
    const { cursor } = await h.pullAll(lea.token);

    const invalid = await h.push(anna.token, [resolveMutation('case', caseId, conflict.id, 42, 3)]);
    expect(invalid.results[0]).toMatchObject({
      status: 'rejected',
      code: 'invalid',
      httpStatus: 400,
      field: 'value',
    });
    const outsider = await h.push(ben.token, [resolveMutation('case', caseId, conflict.id, 'x', 3)]);
    expect(outsider.results[0]).toMatchObject({ status: 'rejected', code: 'not_found' });

    const resolve = resolveMutation('case', caseId, conflict.id, 'Mutter und Vater', 3);
    const resolved = await h.push(anna.token, [resolve], 'anna-phone');
    expect(recordOf(resolved.results[0])).toMatchObject({
      clients: 'Mutter und Vater',
      version: 4,
      conflicts: [],
    });

    const again = await h.push(lea.token, [resolveMutation('case', caseId, conflict.id, 'Vater', 3)]);
    expect(again.results[0]).toMatchObject({
      status: 'rejected',
      code: 'conflict',
      httpStatus: 409,
      field: 'conflictId',
    });
    expect(again.results[0]?.status === 'rejected' && again.results[0].message).toMatch(/bereits gelöst/);
    const unknown = await h.push(lea.token, [resolveMutation('case', caseId, caseId, 'Vater', 3)]);
    expect(unknown.results[0]).toMatchObject({ code: 'conflict', field: 'conflictId' });

    const pulled = (await h.pullAll(lea.token, cursor)).changes.filter((c) => c.record.id === caseId);
    expect(pulled.at(-1)?.record).toMatchObject({ clients: 'Mutter und Vater', conflicts: [] });
  });

  it('lets the author or the lead resolve a note conflict, nobody else', async () => {
    const caseId = await annasCase();
    const note = createMutation('note', noteData(caseId));
    await h.push(anna.token, [note], 'anna-phone');
    await h.push(anna.token, [updateMutation('note', note.recordId, { text: 'Vom Handy' })], 'anna-phone');
    const { results } = await h.push(
      anna.token,
      [updateMutation('note', note.recordId, { text: 'Vom Tablet' })],
      'anna-tablet',
    );
    const conflict = onlyConflict(results[0]);
    expect(conflict.candidates.map((c) => c.value)).toEqual(['Vom Handy', 'Vom Tablet']);

    const byColleague = await h.push(ben.token, [
      resolveMutation('note', note.recordId, conflict.id, 'x', 3),
    ]);
    expect(byColleague.results[0]).toMatchObject({ status: 'rejected', code: 'not_found' });
    const byLead = await h.push(lea.token, [
      resolveMutation('note', note.recordId, conflict.id, 'Vom Tablet', 3),
    ]);
    expect(recordOf(byLead.results[0])).toMatchObject({ text: 'Vom Tablet', conflicts: [], version: 4 });
  });
});
