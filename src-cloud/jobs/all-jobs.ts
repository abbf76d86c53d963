import { planActionExpectedReports } from '../action-expected/plan-reports';
import { actionExpectedReport } from '../action-expected/report-job';
import type { JobKind, JobPlanner } from './job-kind';

/** Every kind of job a cloud process runs; add a kind here and its planner, if it recurs. */
export const JOB_KINDS: readonly JobKind[] = [actionExpectedReport];

export const JOB_PLANNERS: readonly JobPlanner[] = [planActionExpectedReports];
