import type { ReactNode } from 'react';
import type { Channel } from '../../../src-shared/domain/conversation';

export const CHANNEL_LABELS: Record<Channel, string> = {
  sms: 'SMS',
  chat: 'Web chat',
  email: 'Email',
  messenger: 'Messenger',
  voice: 'Phone',
};

/** 16px line icons, drawn inline so the renderer needs no icon font or network. */
const PATHS: Record<Channel, ReactNode> = {
  sms: (
    <path d="M3 4h10a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H7l-3 2.5V12H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z" />
  ),
  messenger: (
    <>
      <path d="M8 2c3.3 0 6 2.4 6 5.5S11.3 13 8 13c-.6 0-1.2-.1-1.8-.2L3.5 14v-2.6C2.6 10.4 2 9 2 7.5 2 4.4 4.7 2 8 2z" />
      <path d="M5 8.5l2-2 1.5 1.5 2.5-2" />
    </>
  ),
  email: (
    <>
      <rect x="2" y="3.5" width="12" height="9" rx="1" />
      <path d="M2.5 4.5L8 9l5.5-4.5" />
    </>
  ),
  chat: (
    <>
      <path d="M2 3h8a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1H5l-2 1.8V9H2a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z" />
      <path d="M12 6h2a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1h-1v1.8L11 12H8a1 1 0 0 1-1-1v-.5" />
    </>
  ),
  voice: (
    <path d="M4.5 2l2 3-1.2 1.2a8 8 0 0 0 4.5 4.5L11 9.5l3 2-1 2.3c-.2.4-.6.6-1 .6C6.5 14.2 1.8 9.5 1.6 4c0-.4.2-.8.6-1z" />
  ),
};

export function ChannelIcon({ channel }: { channel: Channel | null }) {
  const label = channel ? CHANNEL_LABELS[channel] : 'No messages yet';
  return (
    <span
      className={`channel-icon channel-${channel ?? 'none'}`}
      data-testid="channel-icon"
      data-channel={channel ?? 'none'}
      title={label}
      aria-label={label}
      role="img"
    >
      {channel && (
        <svg
          viewBox="0 0 16 16"
          width="16"
          height="16"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinejoin="round"
          strokeLinecap="round"
        >
          {PATHS[channel]}
        </svg>
      )}
    </span>
  );
}
