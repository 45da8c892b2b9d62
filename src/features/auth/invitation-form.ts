// "Mit Einladungscode anmelden": the protocol's RedeemCodeRequest and the new
// password once more, which must match (said under "Passwort wiederholen").
import { passwordNotUsername, RedeemCodeFields } from '../../shared/protocol';
import { withRepeatedPassword } from '../../ui/forms/repeated-password';

export const InvitationForm = withRepeatedPassword(
  RedeemCodeFields.omit({ refresh: true }),
  'password',
).superRefine(passwordNotUsername);

export function emptyInvitationForm() {
  return { username: '', code: '', password: '', repeat: '' };
}
