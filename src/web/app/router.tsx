import { Center, Loader } from "@mantine/core";
import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Route, Routes, useLocation, useSearchParams } from "react-router";
import type { Permission } from "../../shared/roles";
import { MessagePage } from "../components/message-page";
import { LoginPage } from "../pages/login/login-page";
import { homePath } from "./navigation";
import { can, hasSignedOut, MeProvider, useMe, useSessionQuery } from "./session";
import { Shell } from "./shell";
import { WorkRegionProvider } from "./work-region";

function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => {
    const module = await load();
    return { default: module[name] };
  });
}

const OverviewPage = lazyPage(() => import("../pages/overview/overview-page"), "OverviewPage");
const MunicipalitiesPage = lazyPage(
  () => import("../pages/municipalities/municipalities-page"),
  "MunicipalitiesPage",
);
const MunicipalityPage = lazyPage(
  () => import("../pages/municipalities/municipality-page"),
  "MunicipalityPage",
);
const SchoolsPage = lazyPage(() => import("../pages/schools/schools-page"), "SchoolsPage");
const SchoolPage = lazyPage(() => import("../pages/schools/school-page"), "SchoolPage");
const UsersPage = lazyPage(() => import("../pages/users/users-page"), "UsersPage");
const AuditPage = lazyPage(() => import("../pages/audit/audit-page"), "AuditPage");
const ContextPage = lazyPage(() => import("../pages/analytics/context-page"), "ContextPage");
const ClustersPage = lazyPage(() => import("../pages/analytics/clusters-page"), "ClustersPage");
const IdentificationPage = lazyPage(
  () => import("../pages/identification/identification-page"),
  "IdentificationPage",
);
const IndicatorsPage = lazyPage(() => import("../pages/indicators/indicators-page"), "IndicatorsPage");
const DataPage = lazyPage(() => import("../pages/data/data-page"), "DataPage");
const SchoolFormPage = lazyPage(() => import("../pages/forms/school-form-page"), "SchoolFormPage");
const ImportPage = lazyPage(() => import("../pages/import/import-page"), "ImportPage");
const AddressedPage = lazyPage(() => import("../pages/addressed/addressed-page"), "AddressedPage");
const DecisionsPage = lazyPage(() => import("../pages/decisions/decisions-page"), "DecisionsPage");
const ProgrammeFunnelPage = lazyPage(
  () => import("../pages/programme/programme-page"),
  "ProgrammeFunnelPage",
);
const CauseRegistryPage = lazyPage(() => import("../pages/causes/registry-page"), "RegistryPage");
const MeasuresPage = lazyPage(() => import("../pages/causes/measures-page"), "MeasuresPage");
const WorkbookPage = lazyPage(() => import("../pages/causes/workbook-page"), "WorkbookPage");
const PlansPage = lazyPage(() => import("../pages/plans/plans-page"), "PlansPage");
const PlanPage = lazyPage(() => import("../pages/plans/plan-page"), "PlanPage");
const MatchingPage = lazyPage(() => import("../pages/mentoring/matching-page"), "MatchingPage");
const MyMenteesPage = lazyPage(() => import("../pages/mentoring/my-mentees-page"), "MyMenteesPage");
const PairPage = lazyPage(() => import("../pages/mentoring/pair-page"), "PairPage");
const ProgrammePage = lazyPage(() => import("../pages/plans/programme-page"), "ProgrammePage");
const SchoolTeachersPage = lazyPage(
  () => import("../pages/teachers/school-teachers-page"),
  "SchoolTeachersPage",
);
const TeacherPage = lazyPage(() => import("../pages/teachers/teacher-page"), "TeacherPage");
const LogPage = lazyPage(() => import("../pages/support/log-page"), "LogPage");
const RequestsPage = lazyPage(() => import("../pages/support/requests-page"), "RequestsPage");
const RequestPage = lazyPage(() => import("../pages/support/request-page"), "RequestPage");
const SchoolPartnersPage = lazyPage(
  () => import("../pages/partners/school-partners-page"),
  "SchoolPartnersPage",
);
const ReportsPage = lazyPage(() => import("../pages/reports/reports-page"), "ReportsPage");
const PartnersOverviewPage = lazyPage(
  () => import("../pages/partners/partners-overview-page"),
  "PartnersOverviewPage",
);
const MaterialsPage = lazyPage(() => import("../pages/materials/materials-page"), "MaterialsPage");
const QualityPage = lazyPage(() => import("../pages/quality/quality-page"), "QualityPage");
const MocReportPage = lazyPage(() => import("../pages/quality/moc-report-page"), "MocReportPage");
const CoursesPage = lazyPage(() => import("../pages/courses/courses-page"), "CoursesPage");
const CoursePage = lazyPage(() => import("../pages/courses/course-page"), "CoursePage");
const EventsPage = lazyPage(() => import("../pages/events/events-page"), "EventsPage");
const MonitoringPage = lazyPage(() => import("../pages/monitoring/monitoring-page"), "MonitoringPage");
const MonitoringReportPage = lazyPage(() => import("../pages/monitoring/report-page"), "ReportPage");
const Table2Page = lazyPage(() => import("../pages/monitoring/table2-page"), "Table2Page");
const MonitoringTemplatePage = lazyPage(() => import("../pages/monitoring/template-page"), "TemplatePage");
const NotFoundPage = lazyPage(() => import("../pages/errors/not-found-page"), "NotFoundPage");

/** A centred spinner while the session or a page's code loads. */
export function PageLoader() {
  return (
    <Center h="60vh">
      <Loader />
    </Center>
  );
}

/** Renders the page only when the user holds the permission; otherwise a «нет доступа» message. */
function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  const { t } = useTranslation();
  if (!can(me, permission))
    return <MessagePage title={t("errors.forbiddenTitle")} text={t("errors.forbiddenText")} />;
  return children;
}

/** After signing in: back to the page the user asked for, or to their home page. */
function AfterSignIn() {
  const me = useMe();
  const [params] = useSearchParams();
  const next = params.get("next");
  const target = next?.startsWith("/") && !next.startsWith("//") ? next : homePath(me);
  return <Navigate to={target} replace />;
}

function ToSignIn() {
  const { pathname, search } = useLocation();
  const next = pathname === "/" || hasSignedOut() ? "" : `?next=${encodeURIComponent(pathname + search)}`;
  return <Navigate to={`/login${next}`} replace />;
}

function HomeRedirect() {
  return <Navigate to={homePath(useMe())} replace />;
}

function SignedInRoutes() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/" element={<HomeRedirect />} />
        <Route path="/login" element={<AfterSignIn />} />
        <Route
          path="/overview"
          element={
            <Guard permission="region.read">
              <OverviewPage />
            </Guard>
          }
        />
        <Route
          path="/municipalities"
          element={
            <Guard permission="municipality.read">
              <MunicipalitiesPage />
            </Guard>
          }
        />
        <Route
          path="/municipalities/:id"
          element={
            <Guard permission="municipality.read">
              <MunicipalityPage />
            </Guard>
          }
        />
        <Route
          path="/schools"
          element={
            <Guard permission="school.read">
              <SchoolsPage />
            </Guard>
          }
        />
        <Route
          path="/schools/:id"
          element={
            <Guard permission="school.read">
              <SchoolPage />
            </Guard>
          }
        />
        <Route
          path="/users"
          element={
            <Guard permission="user.manage">
              <UsersPage />
            </Guard>
          }
        />
        <Route
          path="/audit"
          element={
            <Guard permission="audit.read">
              <AuditPage />
            </Guard>
          }
        />
        <Route
          path="/analytics/context"
          element={
            <Guard permission="municipality.read">
              <ContextPage />
            </Guard>
          }
        />
        <Route
          path="/analytics/clusters"
          element={
            <Guard permission="municipality.read">
              <ClustersPage />
            </Guard>
          }
        />
        <Route
          path="/indicators"
          element={
            <Guard permission="school.read">
              <IndicatorsPage />
            </Guard>
          }
        />
        <Route
          path="/data"
          element={
            <Guard permission="school.read">
              <DataPage />
            </Guard>
          }
        />
        <Route
          path="/schools/:id/forms/:year"
          element={
            <Guard permission="school.read">
              <SchoolFormPage />
            </Guard>
          }
        />
        <Route
          path="/identification"
          element={
            <Guard permission="school.read">
              <IdentificationPage />
            </Guard>
          }
        />
        <Route
          path="/import"
          element={
            <Guard permission="data.import">
              <ImportPage />
            </Guard>
          }
        />
        <Route
          path="/decisions"
          element={
            <Guard permission="school.read">
              <DecisionsPage />
            </Guard>
          }
        />
        <Route
          path="/programme"
          element={
            <Guard permission="school.read">
              <ProgrammeFunnelPage />
            </Guard>
          }
        />
        <Route
          path="/support/addressed"
          element={
            <Guard permission="municipality.read">
              <AddressedPage />
            </Guard>
          }
        />
        <Route
          path="/causes/registry"
          element={
            <Guard permission="municipality.read">
              <CauseRegistryPage />
            </Guard>
          }
        />
        <Route
          path="/causes/measures"
          element={
            <Guard permission="school.read">
              <MeasuresPage />
            </Guard>
          }
        />
        <Route
          path="/causes/workbook"
          element={
            <Guard permission="school.read">
              <WorkbookPage />
            </Guard>
          }
        />
        <Route
          path="/plans"
          element={
            <Guard permission="school.read">
              <PlansPage />
            </Guard>
          }
        />
        <Route
          path="/plans/new/programme"
          element={
            <Guard permission="plan.write">
              <ProgrammePage />
            </Guard>
          }
        />
        <Route
          path="/plans/:id"
          element={
            <Guard permission="school.read">
              <PlanPage />
            </Guard>
          }
        />
        <Route
          path="/schools/:id/teachers"
          element={
            <Guard permission="school.read">
              <SchoolTeachersPage />
            </Guard>
          }
        />
        <Route
          path="/teachers/:id"
          element={
            <Guard permission="school.read">
              <TeacherPage />
            </Guard>
          }
        />
        <Route
          path="/mentoring"
          element={
            <Guard permission="mentoring.manage">
              <MatchingPage />
            </Guard>
          }
        />
        <Route
          path="/mentoring/my"
          element={
            <Guard permission="mentoring.meet">
              <MyMenteesPage />
            </Guard>
          }
        />
        <Route path="/mentoring/pairs/:id" element={<PairPage />} />
        <Route
          path="/support/log"
          element={
            <Guard permission="school.read">
              <LogPage />
            </Guard>
          }
        />
        <Route
          path="/support/requests"
          element={
            <Guard permission="school.read">
              <RequestsPage />
            </Guard>
          }
        />
        <Route
          path="/support/requests/:id"
          element={
            <Guard permission="school.read">
              <RequestPage />
            </Guard>
          }
        />
        <Route
          path="/schools/:id/partners"
          element={
            <Guard permission="school.read">
              <SchoolPartnersPage />
            </Guard>
          }
        />
        <Route
          path="/monitoring"
          element={
            <Guard permission="school.read">
              <MonitoringPage />
            </Guard>
          }
        />
        <Route
          path="/monitoring/table2"
          element={
            <Guard permission="municipality.read">
              <Table2Page />
            </Guard>
          }
        />
        <Route
          path="/monitoring/template"
          element={
            <Guard permission="school.read">
              <MonitoringTemplatePage />
            </Guard>
          }
        />
        <Route
          path="/schools/:id/monitoring/:year/:stage"
          element={
            <Guard permission="school.read">
              <MonitoringReportPage />
            </Guard>
          }
        />
        <Route
          path="/reports"
          element={
            <Guard permission="municipality.read">
              <ReportsPage />
            </Guard>
          }
        />
        <Route
          path="/partners"
          element={
            <Guard permission="municipality.read">
              <PartnersOverviewPage />
            </Guard>
          }
        />
        <Route
          path="/materials"
          element={
            <Guard permission="school.read">
              <MaterialsPage />
            </Guard>
          }
        />
        <Route
          path="/quality"
          element={
            <Guard permission="municipality.read">
              <QualityPage />
            </Guard>
          }
        />
        <Route
          path="/quality/reports/:id"
          element={
            <Guard permission="municipality.read">
              <MocReportPage />
            </Guard>
          }
        />
        <Route
          path="/courses"
          element={
            <Guard permission="school.read">
              <CoursesPage />
            </Guard>
          }
        />
        <Route
          path="/courses/:id"
          element={
            <Guard permission="school.read">
              <CoursePage />
            </Guard>
          }
        />
        <Route
          path="/events"
          element={
            <Guard permission="school.read">
              <EventsPage />
            </Guard>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

/** The whole route map: the sign-in page for guests, the shell with the pages for a signed-in user. */
export function AppRouter() {
  const { t } = useTranslation();
  const session = useSessionQuery();
  if (session.isPending) return <PageLoader />;
  if (session.isError) {
    return (
      <MessagePage
        title={t("errors.serviceTitle")}
        text={session.error.message}
        onRetry={() => session.refetch()}
      />
    );
  }
  if (!session.data) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<ToSignIn />} />
      </Routes>
    );
  }
  return (
    <MeProvider me={session.data}>
      <WorkRegionProvider>
        <Shell>
          <SignedInRoutes />
        </Shell>
      </WorkRegionProvider>
    </MeProvider>
  );
}
