// Routes. Each screen is its own lazily loaded chunk, imported by file rather than
// through the feature's index so a list screen never drags in form code; the
// service worker precaches every chunk, so they open offline all the same.
import { type ComponentType, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { paths, routes } from '../ui/paths';
import { AppLayout } from './layout/AppLayout';
import { StartRoute } from './routes/StartRoute';
import { loadPageTexts } from './screen-texts';

/** A screen loaded on demand, together with the texts of the screens (fetched in parallel, once). */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), loadPageTexts()]);
    return { default: pick(module) };
  });
}

// The start page brings its texts along with the shell (de-screens.ts); it waits for nothing else.
const TodayPage = lazy(async () => ({
  default: (await import('./routes/TodayRoute')).TodayRoute,
}));
const AppointmentsPage = page(
  () => import('../features/appointments/AppointmentsPage'),
  (m) => m.AppointmentsPage,
);
const NewAppointmentPage = page(
  () => import('../features/appointments/NewAppointmentPage'),
  (m) => m.NewAppointmentPage,
);
const CaseListPage = page(
  () => import('../features/cases/CaseListPage'),
  (m) => m.CaseListPage,
);
const NewCasePage = page(
  () => import('../features/cases/NewCasePage'),
  (m) => m.NewCasePage,
);
const EditCaseRoute = page(
  () => import('./routes/EditCaseRoute'),
  (m) => m.EditCaseRoute,
);
const CloseCaseRoute = page(
  () => import('./routes/CloseCaseRoute'),
  (m) => m.CloseCaseRoute,
);
const PreConsultationsRoute = page(
  () => import('./routes/PreConsultationsRoute'),
  (m) => m.PreConsultationsRoute,
);
const NewPreConsultationPage = page(
  () => import('../features/pre-consultations/NewPreConsultationPage'),
  (m) => m.NewPreConsultationPage,
);
const SyncPage = page(
  () => import('../features/sync-status/SyncPage'),
  (m) => m.SyncPage,
);
const ConflictsPage = page(
  () => import('../features/conflicts/ConflictsPage'),
  (m) => m.ConflictsPage,
);
const CaseRoute = page(
  () => import('./routes/CaseRoute'),
  (m) => m.CaseRoute,
);
const NewNoteRoute = page(
  () => import('./routes/NewNoteRoute'),
  (m) => m.NewNoteRoute,
);
const EditNoteRoute = page(
  () => import('./routes/EditNoteRoute'),
  (m) => m.EditNoteRoute,
);
const EditAppointmentRoute = page(
  () => import('./routes/EditAppointmentRoute'),
  (m) => m.EditAppointmentRoute,
);
const VisitNoteRoute = page(
  () => import('./routes/VisitNoteRoute'),
  (m) => m.VisitNoteRoute,
);
const ReviewRoute = page(
  () => import('./routes/ReviewRoute'),
  (m) => m.ReviewRoute,
);
const CaseloadRoute = page(
  () => import('./routes/CaseloadRoute'),
  (m) => m.CaseloadRoute,
);
const MonthlyReportPage = page(
  () => import('../features/reports/MonthlyReportPage'),
  (m) => m.MonthlyReportPage,
);
const SearchPage = page(
  () => import('../features/search/SearchPage'),
  (m) => m.SearchPage,
);
const PartnersPage = page(
  () => import('../features/partners/PartnersPage'),
  (m) => m.PartnersPage,
);
const NewPartnerPage = page(
  () => import('../features/partners/NewPartnerPage'),
  (m) => m.NewPartnerPage,
);
const PartnerRoute = page(
  () => import('./routes/PartnerRoute'),
  (m) => m.PartnerRoute,
);
const EditPartnerRoute = page(
  () => import('./routes/EditPartnerRoute'),
  (m) => m.EditPartnerRoute,
);
const PeoplePage = page(
  () => import('../features/people/PeoplePage'),
  (m) => m.PeoplePage,
);
const NewPersonPage = page(
  () => import('../features/people/NewPersonPage'),
  (m) => m.NewPersonPage,
);
const PersonRoute = page(
  () => import('./routes/PersonRoute'),
  (m) => m.PersonRoute,
);
const TeamSettingsPage = page(
  () => import('../features/people/TeamSettingsPage'),
  (m) => m.TeamSettingsPage,
);
const NotFoundRoute = page(
  () => import('./routes/NotFoundRoute'),
  (m) => m.NotFoundRoute,
);

/** Declarative routes (no data router: nothing loads through loaders), which keeps ~16 KB gzip off the first screen. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<StartRoute today={<TodayPage />} />} />
        <Route path={routes.cases} element={<CaseListPage />} />
        <Route path={routes.newCase} element={<NewCasePage />} />
        <Route path={routes.case} element={<CaseRoute />}>
          <Route path={routes.editCase} element={<EditCaseRoute />} />
          <Route path={routes.closeCase} element={<CloseCaseRoute />} />
          <Route path={routes.newCaseNote} element={<NewNoteRoute />} />
          <Route path={routes.caseNote} element={<EditNoteRoute />} />
        </Route>
        <Route path={routes.appointments} element={<AppointmentsPage />} />
        <Route path={routes.newAppointment} element={<NewAppointmentPage />} />
        <Route path={routes.appointment} element={<EditAppointmentRoute />} />
        <Route path={routes.visitNote} element={<VisitNoteRoute />} />
        <Route path={routes.preConsultations} element={<PreConsultationsRoute />} />
        <Route path={routes.newPreConsultation} element={<NewPreConsultationPage />} />
        <Route path={routes.review} element={<ReviewRoute />} />
        <Route path={routes.reviewNote} element={<ReviewRoute />} />
        <Route path={routes.caseload} element={<CaseloadRoute />} />
        <Route path={routes.report} element={<MonthlyReportPage />} />
        <Route path={routes.search} element={<SearchPage />} />
        <Route path={routes.sync} element={<SyncPage />} />
        <Route path={routes.conflicts} element={<ConflictsPage />} />
        <Route path={routes.partners} element={<PartnersPage />} />
        <Route path={routes.newPartner} element={<NewPartnerPage />} />
        <Route path={routes.partner} element={<PartnerRoute />} />
        <Route path={routes.editPartner} element={<EditPartnerRoute />} />
        <Route path={routes.team} element={<PeoplePage />} />
        <Route path={routes.newPerson} element={<NewPersonPage />} />
        <Route path={routes.person} element={<PersonRoute />} />
        <Route path={routes.teamSettings} element={<TeamSettingsPage />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
      {/* Where the set-up and the invitation leave a person who is now signed in. */}
      <Route path={routes.setup} element={<Navigate to={paths.today} replace />} />
      <Route path={routes.invitation} element={<Navigate to={paths.today} replace />} />
    </Routes>
  );
}
