// German texts of the team lead's screens: review filters and comments, § 8a alerts, caseload, monthly report.
// Loaded with the other screens' texts (de-pages.ts spreads them in); only new
// top-level groups live here, so no group is split across files by accident.
export const deLead = {};
