// "Neu laden" when the server says this app version is too old. A plain reload is
// not enough with a service worker: it would serve the same old precache. So ask
// the registration for the new version, let it take over (which reloads), and
// only fall back to a plain reload when no new version turns up.
import { updateStore } from './update-store';

const WAIT_FOR_NEW_VERSION_MS = 8_000;

export async function reloadToUpdate(): Promise<void> {
  if (!updateStore.getSnapshot()) {
    const registration = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
    await registration?.update().catch(() => {});
    await updateStore.whenOffered(WAIT_FOR_NEW_VERSION_MS);
  }
  if (updateStore.getSnapshot()) await updateStore.apply();
  else window.location.reload();
}
