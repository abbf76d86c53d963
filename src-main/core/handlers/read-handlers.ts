import { fail, ok } from '../../../src-shared';
import type { HandlerTable } from './handler';

/** The views the renderer draws, answered from the local replica. */
export const readHandlers: Pick<
  HandlerTable,
  'getDirectory' | 'getFolderCounts' | 'getQueuePage' | 'getLead' | 'getThread'
> = {
  getDirectory: (_args, { replica }) => {
    const directory = replica().directory();
    return directory ? ok(directory) : fail('not_signed_in', 'Nobody is signed in on this PC yet.');
  },

  getFolderCounts: ({ filters }, { replica }) => ok(replica().folderCounts(filters)),

  getQueuePage: (query, { replica }) => ok(replica().queuePage(query)),

  getLead: ({ leadId }, { replica }) => {
    const detail = replica().lead(leadId);
    return detail ? ok(detail) : fail('not_found', `Lead ${leadId} is not in the local cache.`);
  },

  getThread: ({ leadId, before, limit }, { replica }) =>
    ok(replica().thread(leadId, before, limit)),
};
