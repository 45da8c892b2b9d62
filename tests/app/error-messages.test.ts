import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { deShell } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { germanMessages, type MessageKey } from '../../src/shared/messages';
import { HttpError, ProtocolError } from '../../src/sync/api-client';
import { failureState } from '../../src/sync/sync-failure';
import { sayError, sayMessage, sayRefusal } from '../../src/ui/forms/say-message';

const i18n = i18next.createInstance();
const keys = Object.keys(germanMessages) as MessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

beforeAll(async () => {
  await i18n.init({
    resources: { de: { translation: deShell }, en: { translation: en } },
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});

describe('the UI says the shared messages', () => {
  it('in German from the shared catalogue, written once', () => {
    expect(deShell.errors).toBe(germanMessages);
  });

  it('in English for every key, with the same parameters as the German text', () => {
    for (const key of keys) {
      expect(en.errors[key], key).toMatch(/\S/);
      expect(placeholders(en.errors[key]), key).toEqual(placeholders(germanMessages[key]));
    }
  });

  it('in the chosen language, parameters filled in', async () => {
    const t = i18n.getFixedT('en');
    expect(sayMessage(t, { key: 'tooLong', params: { max: 40 } })).toBe('must be at most 40 characters long');
    expect(sayMessage(i18n.getFixedT('de'), { key: 'tooLong', params: { max: 40 } })).toBe(
      'darf höchstens 40 Zeichen lang sein',
    );
  });

  it('says a rejection by its key, the field before a message said of a field', () => {
    const t = i18n.getFixedT('en');
    const rejection = {
      message: 'reference: darf höchstens 40 Zeichen lang sein',
      field: 'reference',
      messageKey: 'tooLong',
      params: { max: 40 },
    };
    expect(sayRefusal(t, rejection)).toBe('reference: must be at most 40 characters long');
    expect(sayRefusal(t, { message: 'x', field: 'reviewedAt', messageKey: 'onlyLeadReviews' })).toBe(
      'Only the team lead can mark notes as reviewed',
    );
  });

  it('shows the German message of a rejection stored without a key, or with one it does not know', () => {
    const t = i18n.getFixedT('en');
    expect(sayRefusal(t, { message: 'kein Zugriff', field: null })).toBe('kein Zugriff');
    expect(sayRefusal(t, { message: 'neu', field: null, messageKey: 'fromTheFuture' })).toBe('neu');
  });

  it('says the last sync failure by its key, and a failure without one by its text', () => {
    const t = i18n.getFixedT('en');
    const unexpected = failureState(
      new ProtocolError({ key: 'unexpectedNoContent', params: { path: '/api/events' } }),
    );
    expect(unexpected.lastError && sayRefusal(t, unexpected.lastError)).toBe(
      'Unexpected answer from /api/events: no content',
    );
    const plain = failureState(new Error('Datenbank geschlossen'));
    expect(plain.lastError && sayRefusal(t, plain.lastError)).toBe('Datenbank geschlossen');
  });

  it('says a thrown error by its key, and any other error by its text', () => {
    const t = i18n.getFixedT('en');
    const refused = Object.assign(new Error('Nur die Teamleitung …'), {
      messageKey: 'partnerDirectoryLeadOnly',
    });
    expect(sayError(t, refused)).toBe('Only the team lead can change the partner directory');
    expect(sayError(t, new Error('plain'))).toBe('plain');
    const error = {
      code: 'invalid',
      message: 'cursor: ist zu groß',
      field: 'cursor',
      messageKey: 'tooLarge',
    } as const;
    expect(sayError(t, new HttpError(400, { error }))).toBe('cursor: is too large');
  });
});
