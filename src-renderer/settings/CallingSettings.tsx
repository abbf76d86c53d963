import { useId } from 'react';
import { extensionToSendDigits } from '../../src-shared/calls/extension';
import { formatPhone, toE164 } from '../../src-shared/phone/phone';
import type { User } from '../../src-shared/domain/user';
import { useDirectory } from '../directory/directory-store';
import { saveCalling } from './calling-settings-store';
import type { Parsed } from './parse-setting';
import { SettingError } from './SettingError';
import { SettingText } from './SettingText';
import { useSettingDraft } from './use-setting-draft';

/** Any way a phone is written; '' clears it. The cloud stores and checks it again. */
export function parseOutboundPhone(text: string): Parsed<string | null> {
  const typed = text.trim();
  if (typed === '') return { ok: true, value: null };
  return toE164(typed)
    ? { ok: true, value: typed }
    : { ok: false, message: `"${typed}" is not a phone number.` };
}

export function parseExtension(text: string): Parsed<string> {
  const typed = text.trim();
  const digits = extensionToSendDigits(typed);
  if (!digits.ok) return { ok: false, message: `${digits.problem.replace(/^t/, 'T')}.` };
  return { ok: true, value: typed };
}

/**
 * Settings > Calls, for the signed-in user (seed 004 "Custom Outbound Calls Phone"): the phone
 * click-to-call rings first, its extension, and forwarding of lead calls to it. Kept by the
 * cloud, so they follow the agent to any PC.
 */
export function CallingSettings() {
  const me = useDirectory((s) => s.directory?.me ?? null);
  if (!me) return null;
  return (
    <fieldset className="settings-group" data-testid="settings-calls">
      <legend>Calls</legend>
      <SettingText
        field="phone"
        saved={me.phone ? formatPhone(me.phone) : ''}
        parse={parseOutboundPhone}
        save={(phone) => saveCalling({ phone })}
        before="My outbound phone"
        size={18}
        inputMode="text"
        hint="Call on a lead rings this phone first, then connects you to the customer."
        testId="settings-calls-phone"
      />
      <SettingText
        field="extension"
        saved={me.extension}
        parse={parseExtension}
        save={(extension) => saveCalling({ extension })}
        before="Extension"
        size={14}
        hint="Dialled after your phone answers. A comma waits 1 second: ,1,,,234# waits 1 s, presses 1, waits 3 s, presses 234#."
        testId="settings-calls-extension"
      />
      <ForwardLeadCalls me={me} />
    </fieldset>
  );
}

const asIs = (value: boolean) => ({ ok: true as const, value });

function ForwardLeadCalls({ me }: { me: User }) {
  const draft = useSettingDraft(me.preferences.forwardLeadCalls, asIs, (value) =>
    saveCalling({ forwardLeadCalls: value as boolean }),
  );
  const id = useId();
  return (
    <div className="setting setting-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={draft.shown}
        aria-invalid={draft.error ? true : undefined}
        aria-describedby={`${id}-hint${draft.error ? ` ${id}-error` : ''}`}
        data-testid="settings-calls-forward"
        onChange={(event) => draft.change(event.target.checked)}
      />
      <label htmlFor={id}>Forward lead calls to my cell</label>
      <p className="setting-hint" id={`${id}-hint`}>
        A customer who calls the store about a lead of yours rings your outbound phone.
      </p>
      <SettingError id={`${id}-error`} field="forwardLeadCalls" error={draft.error} />
    </div>
  );
}
