import { describe, expect, it } from 'vitest';
import {
  BirthMonthInput,
  CaseFormFields,
  type CaseFormInput,
  caseFormInput,
  closureFormFields,
  emptyCaseForm,
  GermanHours,
  hoursAsTyped,
  newGuardian,
  newYoungPerson,
} from '../../../src/features/cases/case-form-schema';
import { CaseFields } from '../../../src/shared/records';
import { messageOfIssue } from '../../../src/shared/validation';
import { changedFields } from '../../../src/ui/forms/changed-fields';

const WORKER = '11111111-1111-4111-8111-111111111111';

function form(overrides: Partial<CaseFormInput> = {}): CaseFormInput {
  return {
    ...caseFormInput(
      CaseFields.parse({
        reference: 'EF-2026-014',
        familyName: 'Familie Yılmaz',
        clients: '',
        address: 'Lindenweg 3',
        phone: '',
        helpType: '',
        status: 'open',
        startDate: '2026-11-02',
        assignedTo: WORKER,
        sourcePreConsultationId: null,
      }),
    ),
    ...overrides,
  };
}

/** The message keys of the failed fields, by path. */
function problems(result: { error?: { issues: Parameters<typeof messageOfIssue>[0][] } }) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), messageOfIssue(issue).key]),
  );
}

describe('case form', () => {
  it('reads approved hours with a German decimal comma, and says what is wrong otherwise', () => {
    expect(GermanHours.parse('12,5')).toBe(12.5);
    expect(GermanHours.parse(' 7,25 ')).toBe(7.25);
    expect(GermanHours.parse('12.5')).toBe(12.5);
    expect(GermanHours.parse('')).toBe(0);
    expect(problems(GermanHours.safeParse('12,3'))).toEqual({ '': 'notQuarterHours' });
    expect(problems(GermanHours.safeParse('zwölf'))).toEqual({ '': 'notNumber' });
    expect(problems(GermanHours.safeParse('1.000,5'))).toEqual({ '': 'notNumber' });
    expect(problems(GermanHours.safeParse('800'))).toEqual({ '': 'tooManyHours' });
    expect(hoursAsTyped(12.5)).toBe('12,5');
    expect(hoursAsTyped(0)).toBe('');
  });

  it('turns the typed form into case fields: hours, an empty date as none, the household with its ids', () => {
    const lena = { ...newYoungPerson(), firstName: 'Lena', birthMonth: '2014-03', gender: 'female' as const };
    const mother = { ...newGuardian(), name: 'Ayşe Yılmaz', contact: '0151 2345678' };
    const parsed = CaseFormFields.parse(
      form({ approvedHoursPerMonth: '12,5', nextHelpPlanDate: '', household: [lena, mother] }),
    );

    expect(parsed.approvedHoursPerMonth).toBe(12.5);
    expect(parsed.nextHelpPlanDate).toBeNull();
    expect(parsed.household).toEqual([
      { id: lena.id, kind: 'young_person', firstName: 'Lena', birthMonth: '2014-03', gender: 'female' },
      { id: mother.id, kind: 'guardian', name: 'Ayşe Yılmaz', contact: '0151 2345678' },
    ]);
  });

  it('starts a new case empty, and says what is missing before anything is saved', () => {
    const result = CaseFormFields.safeParse(emptyCaseForm('2026-11-18', ''));
    expect(problems(result)).toEqual({ reference: 'empty', familyName: 'empty', assignedTo: 'empty' });
    const filled = CaseFormFields.parse({
      ...emptyCaseForm('2026-11-18', WORKER),
      reference: 'EF-1',
      familyName: 'Berger',
    });
    expect(filled).toMatchObject({ approvedHoursPerMonth: 0, nextHelpPlanDate: null, household: [] });
  });

  it('gives every new household person an id of their own', () => {
    const ids = [newYoungPerson(), newYoungPerson(), newGuardian()].map((member) => member.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads a birth month as a month input gives it or as typed in German, and refuses anything else', () => {
    expect(BirthMonthInput.parse('2014-03')).toBe('2014-03');
    expect(BirthMonthInput.parse('03/2014')).toBe('2014-03');
    expect(BirthMonthInput.parse('3.2014')).toBe('2014-03');
    expect(BirthMonthInput.parse('')).toBeNull();
    expect(problems(BirthMonthInput.safeParse('13/2014'))).toEqual({ '': 'notBirthMonth' });
    expect(problems(BirthMonthInput.safeParse('März 2014'))).toEqual({ '': 'notBirthMonth' });
  });

  it('says which field is missing: the family name, a young person’s first name, the responsible worker', () => {
    const result = CaseFormFields.safeParse(
      form({ familyName: '  ', assignedTo: '', household: [{ ...newYoungPerson(), firstName: '' }] }),
    );
    expect(problems(result)).toEqual({
      familyName: 'empty',
      assignedTo: 'empty',
      'household.0.firstName': 'empty',
    });
  });

  it('keeps a stored case unchanged through the form: nothing goes into the update', () => {
    const initial = form({
      approvedHoursPerMonth: '4,5',
      nextHelpPlanDate: '2026-12-01',
      household: [{ ...newGuardian(), name: 'Herr Berger' }],
    });
    const stored = CaseFormFields.parse(initial);
    // A record from the server may list the keys of a household person in another order.
    const fromServer = {
      ...stored,
      household: stored.household.map((member) => Object.fromEntries(Object.entries(member).reverse())),
    } as typeof stored;
    const record = {
      ...fromServer,
      helpType: '',
      status: 'open' as const,
      sourcePreConsultationId: null,
    };
    const again = CaseFormFields.parse(caseFormInput(CaseFields.parse(record)));
    expect(changedFields(fromServer, again)).toEqual({});
    expect(changedFields(fromServer, { ...again, address: 'Am Markt 1' })).toEqual({ address: 'Am Markt 1' });
  });
});

describe('closure form', () => {
  const closure = closureFormFields('2026-01-15');

  it('needs an end and a reason', () => {
    expect(
      problems(closure.safeParse({ endDate: '', closingReason: '', followUpHelp: '', closingNote: '' })),
    ).toEqual({ endDate: 'empty', closingReason: 'empty' });
    expect(
      closure.parse({
        endDate: '2026-11-30',
        closingReason: 'goals_met',
        followUpHelp: '',
        closingNote: 'Ziele erreicht.',
      }),
    ).toEqual({
      endDate: '2026-11-30',
      closingReason: 'goals_met',
      followUpHelp: '',
      closingNote: 'Ziele erreicht.',
    });
  });

  it('refuses an end before the case began, said on the end', () => {
    expect(
      problems(
        closure.safeParse({
          endDate: '2026-01-14',
          closingReason: 'other',
          followUpHelp: '',
          closingNote: '',
        }),
      ),
    ).toEqual({ endDate: 'caseEndsBeforeStart' });
  });
});
