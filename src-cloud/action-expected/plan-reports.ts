import { Store } from '../../src-shared/domain/tenant';
import { planJob } from '../jobs/job-table';
import type { CloudServices } from '../services';
import { reportDays, reportRunAt } from './report-time';

export const ACTION_EXPECTED = 'action-expected';

export interface ReportPayload {
  tenantId: string;
  storeId: string;
  day: string;
}

/** One report per store and store day, whichever process plans it: the key says so. */
export const reportKey = (storeId: string, day: string) => `${ACTION_EXPECTED}:${storeId}:${day}`;

/**
 * Plans today's and tomorrow's report of every store that has action-expected addresses, at
 * its report hour on its own clocks. A store without addresses gets no job (and a job planned
 * before its addresses were cleared sends nothing). A store row this cloud cannot read is
 * logged and skipped; the others are planned.
 */
export async function planActionExpectedReports(
  services: CloudServices,
  now: number,
): Promise<void> {
  const stores = await services.db.query<{ tenant_id: string; id: string; row: unknown }>(
    'SELECT tenant_id, id, row FROM stores WHERE NOT deleted',
  );
  for (const found of stores) {
    const store = Store.safeParse(found.row);
    if (!store.success) {
      services.log.error({ storeId: found.id }, 'action-expected report: unreadable store row');
      continue;
    }
    const { timeZone, contacts } = store.data;
    if (contacts.actionExpectedEmails.length === 0) continue;
    try {
      for (const day of reportDays(now, timeZone)) {
        const payload: ReportPayload = { tenantId: found.tenant_id, storeId: found.id, day };
        await planJob(
          services.db,
          {
            key: reportKey(found.id, day),
            kind: ACTION_EXPECTED,
            tenantId: found.tenant_id,
            payload,
            runAt: reportRunAt(day, contacts.actionExpectedHour, timeZone),
          },
          now,
        );
      }
    } catch (error) {
      services.log.error(
        { storeId: found.id, err: error instanceof Error ? error.message : String(error) },
        'action-expected report not planned',
      );
    }
  }
}
