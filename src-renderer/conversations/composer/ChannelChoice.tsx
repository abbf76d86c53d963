import type { Channel } from '../../../src-shared/domain/conversation';
import { CHANNEL_LABELS } from '../lead-badges/ChannelIcon';
import type { ChannelOption } from './channels';

/** "Sending as SMS", or a choice when the lead has several channels. */
export function ChannelChoice(props: {
  options: readonly ChannelOption[];
  value: ChannelOption | null;
  disabled: boolean;
  onChange(channel: Channel): void;
}) {
  const { options, value, disabled, onChange } = props;
  if (!value) return null;
  if (options.length < 2) {
    return (
      <span
        className="composer-channel"
        data-testid="composer-channel"
        data-channel={value.channel}
      >
        Sending as <strong>{CHANNEL_LABELS[value.channel]}</strong>
      </span>
    );
  }
  return (
    <label className="composer-channel">
      Sending as{' '}
      <select
        data-testid="composer-channel"
        data-channel={value.channel}
        value={value.channel}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as Channel)}
      >
        {options.map((option) => (
          <option key={option.channel} value={option.channel}>
            {CHANNEL_LABELS[option.channel]}
          </option>
        ))}
      </select>
    </label>
  );
}
