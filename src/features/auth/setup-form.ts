// The set-up form's fields: the protocol's SetupRequest without its transport
// flag, so the form refuses exactly what the server would (a password shorter
// than 12 characters, a username with spaces).
import { SetupRequest } from '../../shared/protocol';

export const SetupForm = SetupRequest.omit({ refresh: true });

export function emptySetupForm() {
  return { setupCode: '', organisationName: '', teamName: '', displayName: '', username: '', password: '' };
}
