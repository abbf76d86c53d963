import { z } from 'zod';
import { Id } from '../../src-shared/domain/common';
import { StoreDay } from '../../src-shared/domain/store-day';
import { Store } from '../../src-shared/domain/tenant';
import type { JobKind } from '../jobs/job-kind';
import { awaitingLeads } from './awaiting-leads';
import { ACTION_EXPECTED } from './plan-reports';
import { actionExpectedEmail } from './report-email';

const Payload = z.object({ tenantId: Id, storeId: Id, day: StoreDay });

/**
 * Sends one store's nightly report (DESIGN §9, issue 6 item 6): one email to all of the
 * store's action-expected addresses, read when it runs (a list cleared since planning sends
 * nothing). A failed send throws, and the runner tries again later; the report is "sent" only
 * once the SMTP server took it.
 */
export const actionExpectedReport: JobKind = {
  kind: ACTION_EXPECTED,
  async run(services, job) {
    const { tenantId, storeId, day } = Payload.parse(job.payload);
    const [found] = await services.db.query<{ row: unknown }>(
      'SELECT row FROM stores WHERE tenant_id = $1 AND id = $2 AND NOT deleted',
      [tenantId, storeId],
    );
    if (!found) return; // the store is gone: nothing to report
    const store = Store.parse(found.row);
    const to = store.contacts.actionExpectedEmails;
    if (to.length === 0) return;
    const { rows, total } = await awaitingLeads(services.db, tenantId, storeId);
    const email = actionExpectedEmail({ store, day, rows, total, now: services.now() });
    // Addresses passed the contact settings' email check: none holds a comma or a line break.
    await services.mailer.send({ to: to.join(', '), ...email });
  },
};
