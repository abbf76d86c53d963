import type { ThreadItem } from '../../../src-shared/console-api/views';
import type { Channel, DeliveryStatus, Message } from '../../../src-shared/domain/conversation';
import { isMediaContentType } from '../../../src-shared/domain/media';
import { deliveryErrorText } from '../../../src-shared/domain/delivery-errors';
import type { TimelineEvent, TimelineKind } from '../../../src-shared/domain/timeline';
import { useDirectory } from '../../directory/directory-store';
import { formatThreadTime } from '../../lib/time';
import { CHANNEL_LABELS } from '../lead-badges/ChannelIcon';
import { MessageImage } from './MessageImage';
import { ScheduledMessageActions } from './ScheduledMessageActions';

interface Props {
  item: ThreadItem;
  leadName: string;
  channelOf(conversationId: string): Channel | null;
}

/** A message (customer left in grey, agent right in blue) or a timeline event in the middle. */
export function ThreadItemView({ item, leadName, channelOf }: Props) {
  return (
    <li
      className={`thread-item thread-${item.kind === 'message' ? item.message.direction : 'event'}`}
      data-testid="thread-item"
      data-kind={item.kind}
      data-at={item.at}
      data-id={item.kind === 'message' ? item.message.id : item.event.id}
    >
      {item.kind === 'message' ? (
        <MessageBubble
          message={item.message}
          leadName={leadName}
          channel={channelOf(item.message.conversationId)}
        />
      ) : (
        <EventLine event={item.event} />
      )}
    </li>
  );
}

function MessageBubble(props: { message: Message; leadName: string; channel: Channel | null }) {
  const { message, leadName, channel } = props;
  const author = useDirectory((s) =>
    message.authorUserId ? (s.usersById.get(message.authorUserId)?.name ?? 'Agent') : 'Automated',
  );
  const inbound = message.direction === 'in';
  const meta = inbound
    ? [leadName, channel ? CHANNEL_LABELS[channel] : null, formatThreadTime(message.createdAt)]
    : [author, formatThreadTime(message.createdAt)];
  return (
    <>
      <div className="bubble" data-testid="message-body">
        {message.body}
        {message.media.map((m) =>
          isMediaContentType(m.contentType) ? (
            <MessageImage key={m.url} media={m} />
          ) : (
            <span key={m.url} className="bubble-media">
              Attachment: {m.name || m.contentType}
            </span>
          ),
        )}
      </div>
      <div className="bubble-meta">
        {meta.filter(Boolean).join(' · ')}
        {!inbound && <Delivery message={message} />}
      </div>
      {message.status === 'scheduled' && <ScheduledMessageActions message={message} />}
    </>
  );
}

const DELIVERY_LABELS: Record<DeliveryStatus, string> = {
  scheduled: 'Scheduled',
  queued: 'Queued',
  sent: 'Sent',
  delivered: 'Delivered',
  undelivered: 'Undelivered',
  failed: 'Failed',
  received: 'Received',
};

function Delivery({ message }: { message: Message }) {
  const bad = message.status === 'failed' || message.status === 'undelivered';
  let text = DELIVERY_LABELS[message.status];
  if (message.status === 'scheduled' && message.scheduledAt !== null) {
    text = `Scheduled for ${formatThreadTime(message.scheduledAt)}`;
  }
  if (bad && message.errorCode) text += `: ${deliveryErrorText(message.errorCode)}`;
  return (
    <span className={`delivery delivery-${message.status}`} data-testid="delivery-status">
      {' · '}
      {text}
    </span>
  );
}

const EVENT_GLYPHS: Record<TimelineKind, string> = {
  note: '✎',
  appointment: '◷',
  crm_send: '⇪',
  call: '☎',
  status_change: '●',
  assignment: '→',
  escalation: '⚑',
  opt_out: '⊘',
  opt_in: '✓',
  funnel: '⋯',
};

function EventLine({ event }: { event: TimelineEvent }) {
  const actor = useDirectory((s) =>
    event.actorUserId ? (s.usersById.get(event.actorUserId)?.name ?? null) : null,
  );
  return (
    <div className={`event event-${event.kind}`}>
      <span className="event-glyph" aria-hidden>
        {EVENT_GLYPHS[event.kind]}
      </span>
      <span className="event-text">{event.text}</span>
      <span className="event-meta">
        {[actor, formatThreadTime(event.createdAt)].filter(Boolean).join(' · ')}
      </span>
    </div>
  );
}
