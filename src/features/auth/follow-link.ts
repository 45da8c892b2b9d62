// Links between the signed-out screens: plain <a href> (no router before the
// login), followed in the page unless the person asks for a new tab or window.
import type { MouseEvent } from 'react';

export function followWith(go: () => void) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    go();
  };
}
