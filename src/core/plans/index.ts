/**
 * Planning: deadlines read as people write them, the plan model (school programmes, municipal and
 * regional road maps) with its review workflow and execution, plan quality checks, the measure
 * library with the school programme builder, and the seeds' templates. Pure: plain JSON in and out.
 */
export * from "./deadline";
export * from "./iso-date";
export * from "./measure.schema";
export * from "./measures.data";
export * from "./plan.schema";
export * from "./plan-execution";
export * from "./plan-period";
export * from "./plan-quality";
export * from "./plan-text";
export * from "./plan-workflow";
export * from "./programme-builder";
export * from "./template.schema";
export * from "./templates.data";
