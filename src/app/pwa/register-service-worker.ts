// Registers the service worker once, outside React. registerType is 'prompt': a
// new version never takes over by itself, so code is never swapped under a worker
// mid-note; the UpdatePrompt asks first. Loaded after the first render.
import { registerSW } from 'virtual:pwa-register';
import { updateStore } from './update-store';

const HOURLY = 60 * 60 * 1000;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const updateSW = registerSW({
    onNeedRefresh: () => updateStore.offer(() => updateSW(true)),
    onRegisteredSW(_url, registration) {
      // An installed app that stays open would otherwise only look for updates on navigation.
      if (registration) setInterval(() => void registration.update().catch(() => {}), HOURLY);
    },
  });
}
