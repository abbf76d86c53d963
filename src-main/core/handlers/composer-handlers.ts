import { fail, ok } from '../../../src-shared';
import { CloudError } from '../../sync/cloud-error';
import type { HandlerTable } from './handler';

/** What the composer asks beyond the thread: saved replies, and room for an attachment. */
export const composerHandlers: Pick<
  HandlerTable,
  'getSavedReplies' | 'getFunnels' | 'uploadMedia'
> = {
  getSavedReplies: ({ storeId }, { replica }) => ok(replica().savedReplies(storeId)),
  getFunnels: ({ storeId }, { replica }) => ok(replica().funnels(storeId)),

  uploadMedia: async (upload, { sync }) => {
    const cloud = sync.cloud();
    if (!cloud) {
      // The local demo has no cloud to keep the file; a signed-out desk sees the sign-in screen.
      return fail(
        'forbidden',
        'Attachments are kept by your dealership’s cloud, and this PC is not connected to one.',
      );
    }
    try {
      return ok(await cloud.uploadMedia(upload));
    } catch (error) {
      if (!(error instanceof CloudError)) throw error;
      if (error.problem === 'credentials') return fail('not_signed_in', error.message);
      return fail(error.problem === 'refused' ? 'invalid_arguments' : 'internal', error.message);
    }
  },
};
