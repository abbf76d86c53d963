import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { Appointment } from '../../../../src-shared/domain/appointment';
import { leadDisplayName, type Lead } from '../../../../src-shared/domain/lead';
import type { Store } from '../../../../src-shared/domain/tenant';
import { sendChange } from '../../../changes/send-change';
import { AppointmentForm, type AppointmentDraft } from './AppointmentForm';
import { AppointmentRow } from './AppointmentRow';
import { vehicleSummary } from '../extended/vehicle-summary';

const STATUS_WHAT = { showed: 'showed', no_show: 'a no-show', cancelled: 'cancelled' } as const;

/** Set Appointment, and the lead's appointments, newest first. */
export function AppointmentsSection(props: {
  lead: Lead;
  appointments: Appointment[];
  store: Store | undefined;
}) {
  const { lead, store } = props;
  const [form, setForm] = useState<{ editing: Appointment | null } | null>(null);
  const name = leadDisplayName(lead);
  const shown = [...props.appointments].sort((a, b) => b.startsAt - a.startsAt);

  const save = async (draft: AppointmentDraft): Promise<boolean> => {
    const editing = form?.editing ?? null;
    const sent = editing
      ? await sendChange(
          'rescheduleAppointment',
          { appointmentId: editing.id, ...draft },
          `reschedule ${name}'s appointment`,
        )
      : await sendChange(
          'setAppointment',
          { leadId: lead.id, appointmentId: uuidv7(), ...draft },
          `set an appointment for ${name}`,
        );
    return sent !== null;
  };

  return (
    <section
      className="details-section"
      aria-labelledby="details-appointments-title"
      data-testid="details-appointments"
    >
      <div className="details-section-head">
        <h3 id="details-appointments-title">Appointments</h3>
        {!form && store && (
          <button
            type="button"
            className="button-small"
            data-testid="appointment-set"
            onClick={() => setForm({ editing: null })}
          >
            Set appointment
          </button>
        )}
      </div>
      {form && store && (
        <AppointmentForm
          store={store}
          editing={form.editing}
          defaultVehicle={lead.vehicle ? vehicleSummary(lead.vehicle) : ''}
          onSave={save}
          onCancel={() => setForm(null)}
        />
      )}
      {shown.length > 0 && (
        <ul className="details-list">
          {shown.map((appointment) => (
            <AppointmentRow
              key={appointment.id}
              appointment={appointment}
              timeZone={store?.timeZone}
              onReschedule={() => setForm({ editing: appointment })}
              onStatus={(status) =>
                void sendChange(
                  'setAppointmentStatus',
                  { appointmentId: appointment.id, status },
                  `mark ${name}'s appointment ${STATUS_WHAT[status]}`,
                )
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}
