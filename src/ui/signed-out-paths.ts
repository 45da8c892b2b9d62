// The addresses of the screens before the login (set-up, invitation code), apart
// from paths.ts, which pulls in the router: the login's chunk stays without it.
// paths.ts takes them over, so each address is still written once.
export const signedOutRoutes = {
  start: '/',
  setup: '/einrichtung',
  invitation: '/einladung',
} as const;
