import { describe, expect, it } from 'vitest';
import {
  NoteFormFields,
  type NoteFormValues,
  withDraftValues,
} from '../../../src/features/notes/note-form-schema';
import { changedFields } from '../../../src/ui/forms/changed-fields';

const start: NoteFormValues = {
  text: '',
  date: '2026-03-10',
  kind: 'home_visit',
  durationMinutes: 60,
  concern8a: false,
  template: 'home_visit',
  occasion: '',
  observations: '',
  talkedWith: '',
  agreements: '',
  nextSteps: '',
  travelMinutes: 0,
  kilometres: 0,
  goalIds: [],
};

describe('note form', () => {
  it('needs text or a filled section, and says so on the text field', () => {
    const empty = NoteFormFields.safeParse({ ...start, occasion: '   ' });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['text']);
    expect(NoteFormFields.safeParse({ ...start, nextSteps: 'Kinderarzt' }).success).toBe(true);
    expect(NoteFormFields.safeParse({ ...start, template: 'free', text: 'Telefonat' }).success).toBe(true);
  });

  it('refuses kilometres with more than one decimal and negative travel time', () => {
    const result = NoteFormFields.safeParse({ ...start, text: 'x', kilometres: 12.34, travelMinutes: -5 });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'kilometres',
      'travelMinutes',
    ]);
  });

  it("restores a draft's values over the start values, ignoring unknown fields and wrong types", () => {
    const restored = withDraftValues(start, {
      occasion: 'Anlass',
      kilometres: 18.5,
      goalIds: ['a'],
      durationMinutes: 'neunzig',
      caseId: 'fremd',
    });
    expect(restored).toEqual({ ...start, occasion: 'Anlass', kilometres: 18.5, goalIds: ['a'] });
  });

  it('sends only changed fields, comparing the goals by value', () => {
    const before = { ...start, goalIds: ['a', 'b'] };
    expect(changedFields(before, { ...before, goalIds: ['a', 'b'] })).toEqual({});
    expect(changedFields(before, { ...before, goalIds: ['a'], travelMinutes: 20 })).toEqual({
      goalIds: ['a'],
      travelMinutes: 20,
    });
  });
});
