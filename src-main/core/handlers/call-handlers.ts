import { fail, ok, type ApiResult } from '../../../src-shared';
import { CloudError } from '../../sync/cloud-error';
import type { HandlerTable } from './handler';

const NO_CLOUD =
  'Calls go through your dealership’s cloud, and this PC is not connected to one. Sign in to call.';

/**
 * Click-to-call and the calling settings (issue 5 item 7): the cloud places the call and keeps
 * the settings; the core holds the session, so the page never talks to the cloud itself.
 */
export const callHandlers: Pick<HandlerTable, 'callLead' | 'saveCallingSettings'> = {
  callLead: async ({ leadId, phone }, { sync }) => {
    const cloud = sync.cloud();
    if (!cloud) return fail('not_signed_in', NO_CLOUD);
    return answering(() => cloud.callLead(leadId, phone));
  },

  saveCallingSettings: async (settings, { sync }) => {
    const cloud = sync.cloud();
    if (!cloud) return fail('not_signed_in', NO_CLOUD);
    return answering(() => cloud.saveCallingSettings(settings));
  },
};

/** The cloud's refusal, in its own words ("Set your outbound phone in Settings..."). */
async function answering<T>(work: () => Promise<T>): Promise<ApiResult<T>> {
  try {
    return ok(await work());
  } catch (error) {
    if (!(error instanceof CloudError)) throw error;
    if (error.problem === 'credentials') return fail('not_signed_in', error.message);
    if (error.problem !== 'refused') return fail('internal', error.message);
    if (error.code === 'not_found') return fail('not_found', error.message);
    if (error.code === 'invalid_request') return fail('invalid_arguments', error.message);
    return fail('forbidden', error.message);
  }
}
