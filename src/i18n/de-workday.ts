// German texts of the worker's day: visits, note templates and drafts, billable time, help-plan goals.
// Loaded with the other screens' texts (de-pages.ts spreads them in); only new
// top-level groups live here, so no group is split across files by accident.
export const deWorkday = {};
