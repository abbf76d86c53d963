import { fail, ok } from '../../../src-shared';
import type { HandlerTable } from './handler';

/** The Appointments page, answered from the local replica. */
export const appointmentHandlers: Pick<HandlerTable, 'getAppointments'> = {
  getAppointments: ({ storeId, day }, { replica }) => {
    const found = replica().appointmentsOfDay(storeId, day);
    return found ? ok(found) : fail('not_found', `Store ${storeId} is not in the local cache.`);
  },
};
