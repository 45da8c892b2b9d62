// A failed run keeps its message as a code with the German text, so the sync page
// says it in the UI's language; a message without a key keeps its text.
import { describe, expect, it } from 'vitest';
import { HttpError, NetworkError, ProtocolError } from '../../src/sync/api-client';
import { failureState } from '../../src/sync/sync-failure';

describe('failureState', () => {
  it("keeps the server's refusal with its key, params and field", () => {
    const refused = new HttpError(400, {
      error: {
        code: 'invalid',
        message: 'cursor: ist zu groß',
        field: 'cursor',
        messageKey: 'tooLarge',
        params: {},
      },
    });
    expect(failureState(refused)).toEqual({
      phase: 'error',
      lastError: { message: 'cursor: ist zu groß', field: 'cursor', messageKey: 'tooLarge', params: {} },
    });
  });

  it("keeps the device's own coded failures, and the app version the server asks for", () => {
    expect(failureState(new ProtocolError({ key: 'cursorStuck', params: {} })).lastError).toEqual({
      message: 'Der Server meldet weitere Änderungen, aber der Cursor rückt nicht vor',
      field: null,
      messageKey: 'cursorStuck',
      params: {},
    });
    const outdated = new HttpError(426, {
      error: {
        code: 'upgrade_required',
        message: 'Diese App-Version ist veraltet (Protokoll 2 erforderlich). Bitte neu laden.',
        field: 'x-feldakte-protocol',
        messageKey: 'appOutdated',
        params: { version: 2 },
      },
    });
    expect(failureState(outdated)).toMatchObject({
      phase: 'upgrade_required',
      lastError: { messageKey: 'appOutdated', params: { version: 2 } },
    });
  });

  it('keeps the text of a failure without a key', () => {
    const old = new HttpError(403, { error: { code: 'forbidden', message: 'kein Zugriff', field: null } });
    expect(failureState(old).lastError).toEqual({ message: 'kein Zugriff', field: null });
    expect(failureState(new Error('Datenbank geschlossen')).lastError).toEqual({
      message: 'Datenbank geschlossen',
      field: null,
    });
  });

  it('shows no connection as offline, without an error', () => {
    expect(failureState(new NetworkError({ key: 'serverUnreachable', params: {} }))).toEqual({
      phase: 'offline',
    });
  });
});
