import type { z } from 'zod';
import { CaseFields, PreConsultationFields } from '../../shared/records';

export const PreConsultationFormFields = PreConsultationFields.omit({ convertedCaseId: true });
export type PreConsultationFormInput = z.input<typeof PreConsultationFormFields>;

/**
 * What converting asks for: everything of a case that is known already, with
 * Stadtteil and Hilfeart (approved hours only from a lead). helpType, the free
 * text of older cases, stays empty.
 */
export const ConvertFormFields = CaseFields.pick({
  reference: true,
  familyName: true,
  clients: true,
  address: true,
  phone: true,
  helpType: true,
  district: true,
  helpKind: true,
  approvedHoursPerMonth: true,
});
export type ConvertFormInput = z.input<typeof ConvertFormFields>;
export type ConvertFormValues = z.infer<typeof ConvertFormFields>;
