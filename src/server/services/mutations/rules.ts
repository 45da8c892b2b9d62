// The rules of every mutable entity, by entity name.
import type { MutableEntity } from '../../../shared/records';
import { appointmentRules } from './appointment-rules';
import { caseRules } from './case-rules';
import { commentRules } from './comment-rules';
import type { EntityRules } from './common';
import { goalRules } from './goal-rules';
import { noteRules } from './note-rules';
import { partnerRules } from './partner-rules';
import { preConsultationRules } from './pre-consultation-rules';
import { substitutionRules } from './substitution-rules';

export const rulesOf: { [E in MutableEntity]: EntityRules<E> } = {
  case: caseRules,
  note: noteRules,
  appointment: appointmentRules,
  preConsultation: preConsultationRules,
  substitution: substitutionRules,
  goal: goalRules,
  comment: commentRules,
  partner: partnerRules,
};
