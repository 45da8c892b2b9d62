import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** A new screen starts at its top, as it would with full page loads. */
export function useScrollToTopOnNavigation(): void {
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    window.scrollTo(0, 0);
  }, [pathname]);
}
