import type { MutationName } from '../../../src-shared';
import { rescheduleAppointment, setAppointment, setAppointmentStatus } from './appointments';
import { escalate, sendToCrm } from './crm';
import type { Effect } from './effect';
import { markDone, markResponded, setLeadStatus, updateLead } from './leads';
import { sendMessage } from './messages';
import { assignFunnel } from './funnels';
import { addNote } from './notes';
import { optIn, optOut } from './opt-out';
import { cancelScheduledMessage, rescheduleMessage } from './scheduled-messages';
import { updateStoreSettings } from './store-settings';

export { LocalRefusal, type EffectContext, type Rows } from './effect';

/**
 * Every mutation's optimistic effect on the replica. The type makes a new mutation without one
 * a compile error. saveFilters writes no synced rows: the replica keeps the filters itself.
 */
export const EFFECTS: { [N in MutationName]: Effect<N> } = {
  updateLead,
  setLeadStatus,
  addNote,
  setAppointment,
  rescheduleAppointment,
  setAppointmentStatus,
  markResponded,
  markDone,
  sendMessage,
  assignFunnel,
  rescheduleMessage,
  cancelScheduledMessage,
  optOut,
  optIn,
  saveFilters: () => [],
  updateStoreSettings,
  sendToCrm,
  escalate,
};
