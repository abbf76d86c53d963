import { useEffect, useId, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { LeadDetail } from '../../../src-shared/console-api/views';
import type { Funnel } from '../../../src-shared/domain/catalog';
import { leadDisplayName } from '../../../src-shared/domain/lead';
import { describeDelay, planFunnel } from '../../../src-shared/funnels';
import { nextBookedAppointment } from '../../../src-shared/smart-fields';
import { request } from '../../api/request';
import { sendChange } from '../../changes/send-change';
import { useDirectory } from '../../directory/directory-store';
import { useNow } from '../../lib/use-now';
import { canMessage } from '../thread/LeadHeader';

/**
 * Assign Funnel (seed 004): pick one of the store's funnels, read its steps as this customer
 * will get them (smart fields filled in), and schedule them all. A step whose fields cannot be
 * filled is named and nothing is scheduled.
 */
export function FunnelSection({ detail }: { detail: LeadDetail }) {
  const { lead, appointments } = detail;
  const store = useDirectory((s) => s.storesById.get(lead.storeId) ?? null);
  const me = useDirectory((s) => s.directory?.me ?? null);
  const [funnels, setFunnels] = useState<Funnel[] | null>(null);
  const [pickedId, setPickedId] = useState('');
  const [assigning, setAssigning] = useState(false);
  const now = useNow();
  const selectId = useId();
  const name = leadDisplayName(lead);

  useEffect(() => {
    let current = true;
    void request('getFunnels', { storeId: lead.storeId }, 'load the funnels').then((found) => {
      if (current) setFunnels(found ?? []);
    });
    return () => {
      current = false;
    };
  }, [lead.storeId]);

  if (funnels === null || funnels.length === 0) return null;
  const refusal = !canMessage(lead)
    ? `${name} opted out (Dead): no funnel can text them until a manager opts them back in.`
    : lead.phones.length === 0
      ? `${name} has no phone number to text.`
      : null;
  if (refusal) {
    return (
      <section className="details-section" aria-labelledby={`${selectId}-title`}>
        <h3 id={`${selectId}-title`}>Funnel</h3>
        <p className="funnel-refusal" data-testid="funnel-refusal">
          {refusal}
        </p>
      </section>
    );
  }
  const funnel = funnels.find((f) => f.id === pickedId) ?? null;
  const plan =
    funnel && store && me
      ? planFunnel(
          funnel,
          { lead, store, agent: me, appointment: nextBookedAppointment(appointments, now) },
          now,
        )
      : null;

  const assign = async () => {
    if (!funnel || !plan?.ok) return;
    setAssigning(true);
    const steps = plan.steps.map((step) => ({ messageId: uuidv7(), body: step.body }));
    const args = { leadId: lead.id, funnelId: funnel.id, steps };
    const sent = await sendChange('assignFunnel', args, `assign a funnel to ${name}`);
    setAssigning(false);
    if (sent) setPickedId('');
  };

  return (
    <section className="details-section" aria-labelledby={`${selectId}-title`}>
      <h3 id={`${selectId}-title`}>Funnel</h3>
      <label htmlFor={selectId}>Assign a funnel</label>
      <select
        id={selectId}
        data-testid="funnel-select"
        value={pickedId}
        onChange={(event) => setPickedId(event.target.value)}
      >
        <option value="">Choose a funnel…</option>
        {funnels.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
      {funnel && plan && (
        <>
          <ol className="funnel-steps" data-testid="funnel-steps">
            {funnel.steps.map((step, index) => (
              <li key={index}>
                <span className="funnel-delay">{describeDelay(step.delayMinutes)}</span>{' '}
                {plan.ok ? plan.steps[index]!.body : step.body}
              </li>
            ))}
          </ol>
          {!plan.ok && (
            <ul className="details-error" role="alert" data-testid="funnel-problems">
              {plan.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          <button
            type="button"
            data-testid="funnel-assign"
            disabled={!plan.ok || assigning}
            onClick={() => void assign()}
          >
            Assign funnel
          </button>
        </>
      )}
    </section>
  );
}
