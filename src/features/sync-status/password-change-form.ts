// "Passwort ändern": the protocol's ChangePasswordRequest and the new password
// once more, which must match.
import { ChangePasswordRequest } from '../../shared/protocol';
import { withRepeatedPassword } from '../../ui/forms/repeated-password';

export const PasswordChangeForm = withRepeatedPassword(ChangePasswordRequest, 'newPassword');

export function emptyPasswordChangeForm() {
  return { currentPassword: '', newPassword: '', repeat: '' };
}
