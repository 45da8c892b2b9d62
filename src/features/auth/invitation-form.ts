// "Mit Einladungscode anmelden": the protocol's RedeemCodeRequest and the new
// password once more, which must match (said under "Passwort wiederholen").
import { RedeemCodeRequest } from '../../shared/protocol';
import { withRepeatedPassword } from '../../ui/forms/repeated-password';

export const InvitationForm = withRepeatedPassword(RedeemCodeRequest.omit({ refresh: true }), 'password');

export function emptyInvitationForm() {
  return { username: '', code: '', password: '', repeat: '' };
}
