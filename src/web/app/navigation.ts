import type { Me } from "../../shared/api";
import type { Permission } from "../../shared/roles";
import type { TranslationKey } from "../i18n/keys";

/** The groups of the side navigation, in display order: each shown under its heading when it has an entry. */
export const NAV_SECTIONS = ["data", "analysis", "work", "support", "admin"] as const;
/** A group of the side navigation. */
export type NavSection = (typeof NAV_SECTIONS)[number];

/** One entry of the side navigation, shown when the user holds its permission. */
export type NavItem = {
  to: string;
  section: NavSection;
  labelKey: TranslationKey;
  permission: Permission;
  /**
   * For a user whose scope is one object (a МОЦ coordinator's municipality, a director's school): the link
   * to that object instead of a list of one («Мой муниципалитет», «Моя школа»). Null keeps the list.
   */
  personal?: (me: Me) => Pick<NavItem, "to" | "labelKey"> | null;
};

function ownMunicipality(me: Me): Pick<NavItem, "to" | "labelKey"> | null {
  if (me.role !== "moc_coordinator" || me.municipalityId === null) return null;
  return { to: `/municipalities/${me.municipalityId}`, labelKey: "nav.myMunicipality" };
}

function ownSchool(me: Me): Pick<NavItem, "to" | "labelKey"> | null {
  if (me.role !== "school_director" || me.schoolId === null) return null;
  return { to: `/schools/${me.schoolId}`, labelKey: "nav.mySchool" };
}

function ownMentees(me: Me): Pick<NavItem, "to" | "labelKey"> | null {
  return me.role === "mentor" ? { to: "/mentoring/my", labelKey: "mentoring.navMy" } : null;
}

/** The side navigation in display order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/overview", section: "data", labelKey: "nav.overview", permission: "region.read" },
  {
    to: "/municipalities",
    section: "data",
    labelKey: "nav.municipalities",
    permission: "municipality.read",
    personal: ownMunicipality,
  },
  {
    to: "/schools",
    section: "data",
    labelKey: "nav.schools",
    permission: "school.read",
    personal: ownSchool,
  },
  { to: "/data", section: "data", labelKey: "nav.data", permission: "school.read" },
  { to: "/indicators", section: "data", labelKey: "nav.indicators", permission: "school.read" },
  { to: "/import", section: "data", labelKey: "nav.import", permission: "data.import" },
  { to: "/identification", section: "analysis", labelKey: "nav.identification", permission: "school.read" },
  { to: "/reports", section: "analysis", labelKey: "reports.nav", permission: "municipality.read" },
  {
    to: "/analytics/context",
    section: "analysis",
    labelKey: "nav.contextModel",
    permission: "municipality.read",
  },
  {
    to: "/analytics/clusters",
    section: "analysis",
    labelKey: "nav.clusters",
    permission: "municipality.read",
  },
  {
    to: "/causes/registry",
    section: "work",
    labelKey: "causes.navRegistry",
    permission: "municipality.read",
  },
  { to: "/causes/measures", section: "work", labelKey: "causes.navMeasures", permission: "school.read" },
  { to: "/causes/workbook", section: "work", labelKey: "causes.navWorkbook", permission: "causes.manage" },
  { to: "/plans", section: "work", labelKey: "plans.title", permission: "school.read" },
  { to: "/monitoring", section: "work", labelKey: "monitoring.nav", permission: "data.enter" },
  {
    to: "/monitoring/table2",
    section: "analysis",
    labelKey: "monitoring.navTable2",
    permission: "municipality.read",
  },
  { to: "/programme", section: "work", labelKey: "decisions.navFunnel", permission: "school.read" },
  { to: "/decisions", section: "work", labelKey: "decisions.nav", permission: "school.read" },
  {
    to: "/support/addressed",
    section: "support",
    labelKey: "addressed.nav",
    permission: "municipality.read",
  },
  { to: "/support/log", section: "support", labelKey: "support.navLog", permission: "school.read" },
  { to: "/support/requests", section: "support", labelKey: "support.navRequests", permission: "school.read" },
  { to: "/mentoring", section: "support", labelKey: "mentoring.navMatching", permission: "mentoring.manage" },
  {
    to: "/mentoring/my",
    section: "support",
    labelKey: "mentoring.navMeetings",
    permission: "mentoring.meet",
    personal: ownMentees,
  },
  { to: "/courses", section: "support", labelKey: "events.navCourses", permission: "school.read" },
  { to: "/events", section: "support", labelKey: "events.navEvents", permission: "school.read" },
  { to: "/partners", section: "support", labelKey: "partners.nav", permission: "municipality.read" },
  { to: "/materials", section: "support", labelKey: "partners.navMaterials", permission: "school.read" },
  { to: "/quality", section: "analysis", labelKey: "quality.nav", permission: "municipality.read" },
  { to: "/users", section: "admin", labelKey: "nav.users", permission: "user.manage" },
  { to: "/audit", section: "admin", labelKey: "nav.audit", permission: "audit.read" },
];

/** The navigation items this user may open, with personal links where the scope is one object. */
export function visibleNavItems(me: Me): NavItem[] {
  return NAV_ITEMS.filter((item) => me.permissions.includes(item.permission)).map((item) => {
    const personal = item.personal?.(me);
    return personal ? { ...item, ...personal } : item;
  });
}

/**
 * Where a user lands after signing in: a school director on their school card, a МОЦ coordinator on
 * their municipality, region-wide roles on the overview, everybody else on the school list.
 */
export function homePath(me: Me): string {
  if (me.role === "school_director" && me.schoolId !== null) return `/schools/${me.schoolId}`;
  if (me.role === "moc_coordinator" && me.municipalityId !== null)
    return `/municipalities/${me.municipalityId}`;
  if (me.permissions.includes("region.read")) return "/overview";
  return "/schools";
}
