import { describe, expect, it } from 'vitest';
import { text } from '../../src/shared/fields';
import { germanMessage, germanMessageOf, germanMessages, MessageError } from '../../src/shared/messages';
import { mutationDataSchema } from '../../src/shared/protocol';
import { NoteFields } from '../../src/shared/records';
import { describeZodError } from '../../src/shared/validation';

describe('shared messages', () => {
  it('fill in their parameters, and leave a missing one visible', () => {
    expect(germanMessage('tooLong', { max: 200 })).toBe('darf höchstens 200 Zeichen lang sein');
    expect(germanMessage('tooLong')).toBe('darf höchstens {{max}} Zeichen lang sein');
  });

  it('put the field before a message said of a field, not before a sentence', () => {
    expect(germanMessageOf({ key: 'empty', params: {} }, 'title')).toBe('title: darf nicht leer sein');
    expect(germanMessageOf({ key: 'onlyLeadReviews', params: {} }, 'reviewedAt')).toBe(
      'Nur die Teamleitung kann Notizen als geprüft markieren',
    );
  });

  it('name every parameter the same way in every text ({{name}})', () => {
    for (const value of Object.values(germanMessages)) {
      expect(value.replace(/\{\{\w+\}\}/g, '')).not.toMatch(/[{}]/);
    }
  });

  it('travel in errors as key and parameters, with the German text as message', () => {
    const error = new MessageError('recordNotOnDevice', { entity: 'note', id: '7' });
    expect(error).toMatchObject({
      messageKey: 'recordNotOnDevice',
      params: { entity: 'note', id: '7' },
      message: 'note 7 ist auf diesem Gerät nicht vorhanden',
    });
  });
});

describe('a zod problem', () => {
  it('is a key with the maximum from the schema, and the same German text as before', () => {
    const parsed = text(300).safeParse('x'.repeat(301));
    const problem = describeZodError(parsed.error as never, ['title']);
    expect(problem).toEqual({
      field: 'title',
      message: 'title: darf höchstens 300 Zeichen lang sein',
      key: 'tooLong',
      params: { max: 300 },
    });
  });

  it('names minutes, goals and refinements by their own keys', () => {
    const minutes = NoteFields.shape.durationMinutes.safeParse(1441);
    expect(describeZodError(minutes.error as never)).toMatchObject({
      key: 'tooManyMinutes',
      params: { max: 1440 },
      message: 'darf höchstens 1440 Minuten sein',
    });
    const note = mutationDataSchema('note', 'create').safeParse({});
    expect(describeZodError(note.error as never).key).toBe('notUuid');
  });

  it('is an unknown field, or keeps zod’s own wording where no key replaces it', () => {
    const extra = mutationDataSchema('goal', 'update').safeParse({ colour: 'rot' });
    expect(describeZodError(extra.error as never)).toMatchObject({
      field: 'colour',
      key: 'unknownField',
      message: 'colour: ist kein bekanntes Feld',
    });
    const kind = NoteFields.shape.kind.safeParse('brief');
    const problem = describeZodError(kind.error as never, ['kind']);
    expect(problem.key).toBe('invalidValue');
    expect(problem.message).toBe(`kind: ${kind.error?.issues[0]?.message}`);
  });
});
