// German texts of network partners (Netzwerkpartner) and the outcomes of Fall im Feld.
// Loaded with the other screens' texts (de-pages.ts spreads them in); only new
// top-level groups live here, so no group is split across files by accident.
export const dePartners = {};
