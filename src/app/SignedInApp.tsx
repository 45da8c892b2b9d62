import { BrowserRouter } from 'react-router';
import { AppRoutes } from './router';
import { addScreenTexts } from './screen-texts';

addScreenTexts();

/** Everything behind the login: its own chunk, so the login screen loads without it. */
export function SignedInApp() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
