/**
 * Reports (issue 13, item 6), pure: the МОЦ annual report's table of seed 000 from the records of
 * a municipality, and the regional analytical report of seed 003 as an ordered list of section
 * builders over typed figures.
 */
export * from "./moc-annual";
export * from "./moc-annual.model";
export * from "./regional";
export * from "./ru-text";
