import { reportTyping } from '../lead-lock/report-typing';
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { LeadDetail } from '../../../src-shared/console-api/views';
import type { Channel } from '../../../src-shared/domain/conversation';
import { leadDisplayName } from '../../../src-shared/domain/lead';
import {
  hasSmartFields,
  nextBookedAppointment,
  renderSmartFields,
} from '../../../src-shared/smart-fields';
import { MUTATIONS } from '../../../src-shared/sync/mutations';
import { useDirectory } from '../../directory/directory-store';
import { useNow } from '../../lib/use-now';
import { AttachButtons } from './AttachButtons';
import { ChannelChoice } from './ChannelChoice';
import { channelOptions } from './channels';
import { ComposerPreview } from './ComposerPreview';
import { composerDisabledReason, type ComposerMode } from './disabled-reason';
import { draftOf, useDrafts } from './draft-store';
import { EmojiPicker } from './EmojiPicker';
import { QuietHoursNotice } from './QuietHoursNotice';
import { quietHoursWarning } from './quiet-hours-warning';
import { insertAt } from './insert-text';
import { SavedRepliesPicker } from './SavedRepliesPicker';
import { ScheduleButton } from './ScheduleButton';
import { addNote, sendReply } from './send-reply';
import { SmartFieldMenu } from './SmartFieldMenu';
import { StoreLinkButtons } from './StoreLinkButtons';

/** The most a message body may be (the sendMessage mutation's limit). */
const MAX_BODY = MUTATIONS.sendMessage.args.shape.body.maxLength ?? 1600;

export interface ComposerProps {
  detail: LeadDetail;
  /** Set when the lead is read-only here (another agent holds it): the composer says why. */
  readOnlyReason?: string | null;
}

/** The reply box under the thread (seed 003's "Message Send Box"); one per opened lead. */
export function Composer(props: ComposerProps) {
  return <LeadComposer key={props.detail.lead.id} {...props} />;
}

function LeadComposer({ detail, readOnlyReason = null }: ComposerProps) {
  const { lead, conversations, appointments } = detail;
  const store = useDirectory((s) => s.storesById.get(lead.storeId) ?? null);
  const me = useDirectory((s) => s.directory?.me ?? null);
  const draft = useDrafts((s) => draftOf(s.drafts, lead.id));
  const updateDraft = useDrafts((s) => s.update);
  const [mode, setMode] = useState<ComposerMode>('message');
  const [picked, setPicked] = useState<Channel | null>(null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** Where the caret goes after an insert; a new object each time, so the same spot refocuses. */
  const [caret, setCaret] = useState<{ at: number } | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const reasonId = useId();
  // An appointment that has started stops being "your appointment" for the smart fields.
  const now = useNow();
  const name = leadDisplayName(lead);

  const options = useMemo(
    () => channelOptions(lead, conversations, store),
    [lead, conversations, store],
  );
  const channel = options.find((o) => o.channel === picked) ?? options[0] ?? null;
  const context = store &&
    me && {
      lead,
      store,
      agent: me,
      appointment: nextBookedAppointment(appointments, now),
    };
  const rendered = context && mode === 'message' ? renderSmartFields(draft.text, context) : null;
  const disabledReason =
    composerDisabledReason({ mode, lead, channel, readOnlyReason }) ??
    (context ? null : 'Loading your details and the store’s…');
  const tooLong = rendered !== null && rendered.text.length > MAX_BODY;
  const empty = draft.text.trim() === '' && (mode === 'note' || draft.media.length === 0);
  const canSend =
    !disabledReason && !sending && !empty && !tooLong && (rendered?.problems.length ?? 0) === 0;
  // A live text outside the customer's hours is allowed, but warned (issue 5 item 5).
  const quietHours =
    mode === 'message' && channel?.channel === 'sms' && !disabledReason && store
      ? quietHoursWarning(now, lead, store)
      : null;

  /** Puts text at the caret (or over the selection) and gives the box its focus back. */
  const insert = (text: string) => {
    const el = input.current;
    const current = draftOf(useDrafts.getState().drafts, lead.id).text;
    const at = el ? { start: el.selectionStart, end: el.selectionEnd } : null;
    const next = insertAt(current, at ?? { start: current.length, end: current.length }, text);
    updateDraft(lead.id, { text: next.text });
    setCaret({ at: next.caret });
  };

  // After an insert commits, the box takes the focus back with the caret after the inserted
  // text. A layout effect, not a later frame: a frame's delay let a select-all-and-delete typed
  // in between lose its selection, and the old text stayed.
  useLayoutEffect(() => {
    if (!caret) return;
    input.current?.focus();
    input.current?.setSelectionRange(caret.at, caret.at);
  }, [caret]);

  /** Sends now, or at `scheduledAt` (the clock); true when the core took it. */
  const send = async (scheduledAt: number | null = null): Promise<boolean> => {
    if (!canSend || !channel) return false;
    const typed = draft.text;
    reportTyping(lead.id, false);
    setSending(true);
    setProblem(null);
    try {
      const to = { leadId: lead.id, name };
      const done =
        mode === 'note'
          ? await addNote(to, typed.trim())
          : await sendReply(to, {
              channel: channel.channel,
              body: rendered?.text ?? typed,
              media: draft.media,
              scheduledAt,
            });
      // Cleared only if nothing was typed meanwhile; a refusal keeps the text to fix and resend.
      if (done && draftOf(useDrafts.getState().drafts, lead.id).text === typed) {
        useDrafts.getState().clear(lead.id);
      }
      return done;
    } finally {
      setSending(false);
      input.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends; Shift+Enter is a new line; Enter that ends an IME composition is not a send.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    void send();
  };

  const toolsOff = disabledReason !== null;
  const messageToolsOff = toolsOff || mode === 'note';
  return (
    <section
      className={`composer composer-${mode}`}
      data-testid="composer"
      data-mode={mode}
      data-disabled={disabledReason !== null}
      aria-label={mode === 'note' ? `Internal note on ${name}` : `Reply to ${name}`}
    >
      <div className="composer-head">
        {mode === 'note' ? (
          <span className="composer-channel" data-testid="composer-channel" data-channel="note">
            <strong>Internal note</strong>: your team sees it; the customer never does
          </span>
        ) : (
          <ChannelChoice
            options={options}
            value={channel}
            disabled={readOnlyReason !== null}
            onChange={setPicked}
          />
        )}
        <button
          type="button"
          className="composer-note-toggle"
          data-testid="composer-note-toggle"
          aria-pressed={mode === 'note'}
          disabled={readOnlyReason !== null}
          onClick={() => {
            setMode((m) => (m === 'note' ? 'message' : 'note'));
            input.current?.focus();
          }}
        >
          ✎ Note
        </button>
      </div>
      <textarea
        ref={input}
        id="composer-input"
        className="composer-input"
        data-testid="composer-input"
        aria-label={mode === 'note' ? 'Internal note' : `Message to ${name}`}
        aria-describedby={disabledReason ? reasonId : undefined}
        placeholder={
          mode === 'note'
            ? 'Write a note for your team (the customer never sees it)'
            : 'Type a reply: Enter sends, Shift+Enter starts a new line'
        }
        rows={3}
        maxLength={5000}
        disabled={disabledReason !== null}
        value={draft.text}
        onChange={(event) => {
          updateDraft(lead.id, { text: event.target.value });
          reportTyping(lead.id, event.target.value !== '');
        }}
        onKeyDown={onKeyDown}
      />
      {disabledReason && (
        <p
          id={reasonId}
          className="composer-disabled-reason"
          data-testid="composer-disabled-reason"
        >
          {disabledReason}
        </p>
      )}
      {rendered && hasSmartFields(draft.text) && <ComposerPreview rendered={rendered} />}
      {tooLong && (
        <p className="composer-warning" role="alert" data-testid="composer-too-long">
          The message is {rendered?.text.length} characters; the most is {MAX_BODY}.
        </p>
      )}
      {quietHours && (
        <QuietHoursNotice
          warning={quietHours}
          canSend={canSend}
          onSendLater={(at) => void send(at)}
        />
      )}
      {problem && (
        <p className="composer-warning" role="alert" data-testid="composer-attach-error">
          {problem}
        </p>
      )}
      {mode === 'message' && draft.media.length > 0 && (
        <ul className="composer-attachments" data-testid="composer-attachments">
          {draft.media.map((media) => (
            <li key={media.url}>
              {media.name}
              <button
                type="button"
                aria-label={`Remove ${media.name}`}
                onClick={() =>
                  updateDraft(lead.id, { media: draft.media.filter((m) => m.url !== media.url) })
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="composer-tools" role="toolbar" aria-label="Reply tools">
        <EmojiPicker disabled={toolsOff} onPick={insert} />
        <AttachButtons
          disabled={messageToolsOff}
          onProblem={setProblem}
          onAttached={(media) =>
            updateDraft(lead.id, {
              media: [...draftOf(useDrafts.getState().drafts, lead.id).media, media],
            })
          }
        />
        <SavedRepliesPicker storeId={lead.storeId} disabled={toolsOff} onPick={insert} />
        {store && (
          <StoreLinkButtons
            store={store}
            disabled={messageToolsOff}
            reasonId={disabledReason ? reasonId : undefined}
            onPick={insert}
          />
        )}
        <SmartFieldMenu disabled={messageToolsOff} onPick={insert} />
        <ScheduleButton
          disabled={messageToolsOff || !canSend}
          timeZone={store?.timeZone ?? null}
          onSchedule={(at) => send(at)}
        />
        <button
          type="button"
          className="composer-send"
          data-testid="composer-send"
          disabled={!canSend}
          onClick={() => void send()}
        >
          {mode === 'note' ? 'Add note' : 'Send'}
        </button>
      </div>
    </section>
  );
}
