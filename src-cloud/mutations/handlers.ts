import type { MutationArgs, MutationName } from '../../src-shared/sync/mutations';
import { rescheduleAppointment, setAppointment, setAppointmentStatus } from './appointments';
import type { MutationContext } from './context';
import { saveFilters } from './filters';
import { assignFunnel } from './funnels';
import { markDone, markResponded, setLeadStatus, updateLead } from './leads';
import { sendMessage } from './messages';
import { addNote } from './notes';
import { escalate } from './escalate';
import { sendToCrm } from './send-to-crm';
import { optIn, optOut } from './opt-out';
import { cancelScheduledMessage, rescheduleMessage } from './scheduled-messages';
import { updateStoreSettings } from './store-settings';

type Handler<N extends MutationName> = (
  ctx: MutationContext,
  args: MutationArgs<N>,
) => Promise<void>;

/**
 * Every mutation of src-shared/sync/mutations.ts and the handler that applies it. The type makes
 * a new mutation without a handler a compile error. Handlers get arguments already checked
 * against the shared schema and a caller who has the mutation's minRole.
 */
export const HANDLERS: { [N in MutationName]: Handler<N> } = {
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
  saveFilters,
  updateStoreSettings,
  sendToCrm,
  escalate,
};
