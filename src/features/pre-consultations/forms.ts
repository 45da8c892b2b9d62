import type { z } from 'zod';
import { CaseFields, PreConsultationFields } from '../../shared/records';

export const PreConsultationFormFields = PreConsultationFields.omit({ convertedCaseId: true });
export type PreConsultationFormInput = z.input<typeof PreConsultationFormFields>;

export const ConvertFormFields = CaseFields.pick({ reference: true, familyName: true });
