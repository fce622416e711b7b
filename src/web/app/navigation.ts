import type { Me } from "../../shared/api";
import type { Permission } from "../../shared/roles";
import type { TranslationKey } from "../i18n/keys";

/** One entry of the side navigation, shown when the user holds its permission. */
export type NavItem = {
  to: string;
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

/** The side navigation in display order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/overview", labelKey: "nav.overview", permission: "region.read" },
  {
    to: "/municipalities",
    labelKey: "nav.municipalities",
    permission: "municipality.read",
    personal: ownMunicipality,
  },
  { to: "/schools", labelKey: "nav.schools", permission: "school.read", personal: ownSchool },
  { to: "/users", labelKey: "nav.users", permission: "user.manage" },
  { to: "/identification", labelKey: "nav.identification", permission: "school.read" },
  { to: "/causes/registry", labelKey: "causes.navRegistry", permission: "municipality.read" },
  { to: "/causes/measures", labelKey: "causes.navMeasures", permission: "school.read" },
  { to: "/causes/workbook", labelKey: "causes.navWorkbook", permission: "causes.manage" },
  { to: "/analytics/context", labelKey: "nav.contextModel", permission: "municipality.read" },
  { to: "/analytics/clusters", labelKey: "nav.clusters", permission: "municipality.read" },
  { to: "/plans", labelKey: "plans.title", permission: "school.read" },
  { to: "/partners", labelKey: "partners.nav", permission: "municipality.read" },
  { to: "/materials", labelKey: "partners.navMaterials", permission: "school.read" },
  { to: "/data", labelKey: "nav.data", permission: "school.read" },
  { to: "/indicators", labelKey: "nav.indicators", permission: "school.read" },
  { to: "/import", labelKey: "nav.import", permission: "data.import" },
  { to: "/audit", labelKey: "nav.audit", permission: "audit.read" },
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
