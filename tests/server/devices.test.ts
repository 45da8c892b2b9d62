// Device status: a device reports its outbox, a lead sees the team's devices.
import { describe, expect, it } from 'vitest';
import {
  createDeviceStatusService,
  SEEN_WRITE_INTERVAL_MS,
} from '../../src/server/services/device-status-service';
import { type LoginResponse, TeamDevicesResponse } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { type Harness, harnessForBlock } from './helpers/harness';

describe.each(databaseTargets())('device status ($name)', (target) => {
  let h: Harness;
  let anna: LoginResponse;
  let lea: LoginResponse;
  let tom: LoginResponse;

  harnessForBlock(target, ['anna', 'lea', 'tom'], (opened, sessions) => {
    h = opened;
    [anna, lea, tom] = sessions;
  });

  const report = (session: LoginResponse, payload: unknown, device: string | null = 'phone-anna') =>
    h.request({
      method: 'POST',
      url: '/api/devices/status',
      headers: {
        authorization: `Bearer ${session.token}`,
        ...(device === null ? {} : { 'x-feldakte-device': device }),
      },
      payload: payload as Record<string, unknown>,
    });

  const teamDevices = (session: LoginResponse) =>
    h.request({
      method: 'GET',
      url: '/api/team/devices',
      headers: { authorization: `Bearer ${session.token}` },
    });

  it('takes a report from a device and shows it to the lead of the team only', async () => {
    const oldest = '2026-03-02T08:15:00.000Z';
    expect((await report(anna, { pendingCount: 3, oldestPendingAt: oldest })).statusCode).toBe(204);
    expect((await report(tom, { pendingCount: 0, oldestPendingAt: null }, 'phone-tom')).statusCode).toBe(204);

    const response = await teamDevices(lea);
    expect(response.statusCode).toBe(200);
    const { devices } = TeamDevicesResponse.parse(response.json());
    expect(devices).toEqual([
      {
        deviceId: 'phone-anna',
        userId: anna.user.id,
        pendingCount: 3,
        oldestPendingAt: oldest,
        lastSeenAt: expect.any(String),
        reportedAt: expect.any(String),
      },
    ]);

    // A later report replaces the earlier one.
    await report(anna, { pendingCount: 0, oldestPendingAt: null });
    const { devices: after } = TeamDevicesResponse.parse((await teamDevices(lea)).json());
    expect(after).toEqual([
      expect.objectContaining({ deviceId: 'phone-anna', pendingCount: 0, oldestPendingAt: null }),
    ]);
  });

  it('refuses the team view to workers', async () => {
    const response = await teamDevices(anna);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await h.request({ method: 'GET', url: '/api/team/devices' })).statusCode).toBe(401);
  });

  it('refuses a report without a device id or with a bad body', async () => {
    const withoutDevice = await report(anna, { pendingCount: 1, oldestPendingAt: null }, null);
    expect(withoutDevice.statusCode).toBe(400);
    expect(withoutDevice.json()).toMatchObject({ error: { code: 'invalid', field: 'x-feldakte-device' } });
    for (const payload of [
      { pendingCount: -1, oldestPendingAt: null },
      { pendingCount: 1 },
      { pendingCount: 1, oldestPendingAt: 'gestern' },
      { pendingCount: 1, oldestPendingAt: null, extra: true },
    ]) {
      const response = await report(anna, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('notes when a device was last heard from on any authenticated request, at most once a minute', async () => {
    const lastSeen = async () =>
      (
        await h.db.query<{ at: string }>(
          "SELECT last_seen_at::text AS at FROM devices WHERE device_id = 'tablet-lea' AND user_id = $1",
          [lea.user.id],
        )
      )[0]?.at;
    await h.request({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${lea.token}`, 'x-feldakte-device': 'tablet-lea' },
    });
    const first = await lastSeen();
    expect(first).toBeDefined();

    let now = 1_000_000;
    const devices = createDeviceStatusService(h.db, () => now);
    await devices.seen(lea.user.id, 'tablet-lea');
    now += SEEN_WRITE_INTERVAL_MS - 1;
    await h.db.query(
      "UPDATE devices SET last_seen_at = '2026-01-01T00:00:00Z' WHERE device_id = 'tablet-lea'",
    );
    await devices.seen(lea.user.id, 'tablet-lea');
    expect(await lastSeen()).toMatch(/^2026-01-01/);
    now += 1;
    await devices.seen(lea.user.id, 'tablet-lea');
    expect(await lastSeen()).not.toMatch(/^2026-01-01/);
  });
});
