export * from "./rules";
export * from "./table2";
export * from "./template.schema";
export * from "./template-003.data";
export * from "./workflow";
