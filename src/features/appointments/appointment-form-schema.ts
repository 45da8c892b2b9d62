import type { z } from 'zod';
import { AppointmentFields } from '../../shared/records';

/** What the form edits; the status changes only through "Absagen" / "Wieder einplanen". */
export const AppointmentFormFields = AppointmentFields.omit({ status: true });
export type AppointmentFormInput = z.input<typeof AppointmentFormFields>;
export type AppointmentFormOutput = z.output<typeof AppointmentFormFields>;
