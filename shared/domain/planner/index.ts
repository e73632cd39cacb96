// The interview planner (issue 7): pure, deterministic, checked independently.
export * from './model.js';
export { addDays, datesBetween, easterSunday, frenchHolidays, holidaysBetween, isoWeekday, workingDays, workingHalfDays, halfDaySessions, sessionCapacity, type Holiday } from './calendar.js';
export { checkMove, checkPlan, checkSlot } from './check.js';
export { inputProblems, type InputProblems } from './context.js';
export { diffPlan, plan, replan } from './plan.js';
export { pastDayProblems, slotForMove, startTimes, type MoveTarget } from './moves.js';
export {
  buildPlannerInput,
  closedDaysOf,
  defaultPlannerSettings,
  describeSlot,
  formatHalfDayList,
  parseHalfDayList,
  plannerSettingsProblems,
  slotKey,
  toSlot,
  PLANNER_LIMITS,
  type HalfDayList,
} from './settings.js';
