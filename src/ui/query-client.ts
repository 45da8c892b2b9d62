// The app's one react-query client. Only login talks to the network through
// react-query (reads are Dexie live queries), so instead of a provider at the root
// the mutations name this client directly: react-query then loads with the login
// screens only, not with every first screen.
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: { mutations: { networkMode: 'always', retry: false } },
});
