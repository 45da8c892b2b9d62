import type { z } from 'zod';
import { CaseFields, PreConsultationFields } from '../../shared/records';

export const PreConsultationFormFields = PreConsultationFields.omit({ convertedCaseId: true });
export type PreConsultationFormInput = z.input<typeof PreConsultationFormFields>;

/** What converting asks for: everything of a case that is known already, approved hours included. */
export const ConvertFormFields = CaseFields.pick({
  reference: true,
  familyName: true,
  clients: true,
  address: true,
  phone: true,
  helpType: true,
  approvedHoursPerMonth: true,
});
export type ConvertFormInput = z.input<typeof ConvertFormFields>;
export type ConvertFormValues = z.infer<typeof ConvertFormFields>;
