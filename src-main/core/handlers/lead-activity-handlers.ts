import { ok } from '../../../src-shared';
import type { HandlerTable } from './handler';

/** Which lead is open here, typing in it, a manager's take-over (issue 4 "Lead lock"). */
export const leadActivityHandlers: Pick<
  HandlerTable,
  'openedLead' | 'typing' | 'takeOverLead' | 'getLeadActivity'
> = {
  openedLead: ({ leadId }, { desk }) => {
    desk.leadActivity.opened(leadId);
    return ok(null);
  },

  typing: ({ leadId, typing }, { desk }) => {
    desk.leadActivity.typed(leadId, typing);
    return ok(null);
  },

  takeOverLead: ({ leadId }, { desk }) => desk.leadActivity.takeOver(leadId),

  getLeadActivity: (_args, { desk }) => ok(desk.leadActivity.list()),
};
