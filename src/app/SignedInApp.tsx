import { BrowserRouter } from 'react-router';
import { AppRoutes } from './router';
import { addScreenTexts } from './screen-texts';

addScreenTexts();

/**
 * Everything behind the login: its own chunk, so the login screen loads without it.
 *
 * Navigations render at once rather than as transitions: every live-query result
 * is an urgent update that interrupts a transition, and after a save some twenty
 * queries answer one after another, so "Speichern" → case page waited for all of
 * them. A screen whose
 * chunk is not loaded yet shows "Lädt …" for that moment instead of the old screen.
 */
export function SignedInApp() {
  return (
    <BrowserRouter useTransitions={false}>
      <AppRoutes />
    </BrowserRouter>
  );
}
