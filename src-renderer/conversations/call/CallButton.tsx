import { useId, useState } from 'react';
import type { Lead } from '../../../src-shared/domain/lead';
import { formatPhone } from '../../../src-shared/phone/phone';
import { placeCall, type CallNotice } from './place-call';

/**
 * Click-to-call (seed 004 "Calling Steps"): the cloud rings the agent's own phone, which then
 * connects the lead. A lead with several phones gets a choice of which. Dead leads are refused
 * by the cloud; the button says so first. Keyed by lead where it is used, so that another lead
 * starts without the last one's notice.
 */
export function CallButton({
  lead,
}: {
  lead: Pick<Lead, 'id' | 'phones' | 'status' | 'optedOut'>;
}) {
  const [picked, setPicked] = useState(lead.phones[0]?.number);
  const [calling, setCalling] = useState(false);
  const [notice, setNotice] = useState<CallNotice | null>(null);
  const noticeId = useId();
  const pickId = useId();

  if (lead.phones.length === 0) return null;
  // The phone picked may have been edited away since; then the lead's first.
  const phone = lead.phones.some((p) => p.number === picked) ? picked : lead.phones[0]?.number;
  const dead = lead.optedOut || lead.status === 'dead';
  return (
    <span className="call-action">
      {lead.phones.length > 1 && (
        <>
          <label className="visually-hidden" htmlFor={pickId}>
            Phone to call
          </label>
          <select
            id={pickId}
            className="call-phone"
            data-testid="call-phone"
            value={phone}
            onChange={(event) => setPicked(event.target.value)}
          >
            {lead.phones.map((p) => (
              <option key={p.number} value={p.number}>
                {formatPhone(p.number)} ({p.type})
              </option>
            ))}
          </select>
        </>
      )}
      <button
        type="button"
        className="button-small"
        data-testid="call-lead"
        disabled={calling || dead}
        title={dead ? 'Opted out (Dead): nobody can call this lead' : 'Rings your phone first'}
        aria-describedby={notice ? noticeId : undefined}
        onClick={() => {
          setCalling(true);
          setNotice(null);
          void placeCall(lead.id, phone)
            .then(setNotice)
            .finally(() => setCalling(false));
        }}
      >
        {calling ? 'Calling…' : 'Call'}
      </button>
      <span
        id={noticeId}
        className={notice?.kind === 'refused' ? 'call-notice call-refused' : 'call-notice'}
        role={notice?.kind === 'refused' ? 'alert' : 'status'}
        data-testid="call-notice"
        data-kind={notice?.kind}
      >
        {notice?.text ?? ''}
      </span>
    </span>
  );
}
