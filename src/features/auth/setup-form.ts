// The set-up form's fields: the protocol's SetupRequest without its transport
// flag, so the form refuses exactly what the server would (a password shorter
// than 12 characters, a username with spaces).
import { passwordNotUsername, SetupFields } from '../../shared/protocol';

export const SetupForm = SetupFields.omit({ refresh: true }).superRefine(passwordNotUsername);

export function emptySetupForm() {
  return { setupCode: '', organisationName: '', teamName: '', displayName: '', username: '', password: '' };
}
