// Where the signed-out screens are (login, set-up, invitation): the address bar
// and the browser's back button, without the router, which stays out of the
// login's chunk. The signed-in app's router reads the same address afterwards.
import { useCallback, useEffect, useState } from 'react';

export function useSignedOutLocation() {
  const [pathname, setPathname] = useState(() => window.location.pathname);

  useEffect(() => {
    const follow = () => setPathname(window.location.pathname);
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);

  const go = useCallback((to: string, options: { replace?: boolean } = {}) => {
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setPathname(to);
  }, []);

  return { pathname, go };
}
