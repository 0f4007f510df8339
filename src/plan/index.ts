export { type IcsFile, icsFiles } from './ics.js';
export { type PlanInput, type PlanResult, servicePlan } from './plan.js';
export { type PlanFormat, planJson, renderPlan } from './render.js';
export { type Plan, type PlanItem, type PlanItemKind, UNASSIGNED } from './types.js';
export { DEFAULT_HORIZON, planWindow } from './window.js';
