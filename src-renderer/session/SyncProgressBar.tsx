import type { ConnectionState } from '../../src-shared/console-api/views';
import { syncProgressText } from './describe-connection';

/**
 * How far a catch-up has come; without a total yet (a cloud still starting) it only shows that
 * something is happening.
 */
export function SyncProgressBar(props: {
  progress: ConnectionState['syncProgress'];
  label: string;
}) {
  const { progress, label } = props;
  const known = progress !== null && progress.total > 0;
  const percent = known ? Math.min(100, Math.round((progress.received / progress.total) * 100)) : 0;
  return (
    <div
      className={`sync-bar ${known ? '' : 'sync-bar-waiting'}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={known ? 0 : undefined}
      aria-valuemax={known ? 100 : undefined}
      aria-valuenow={known ? percent : undefined}
      aria-valuetext={syncProgressText(progress) ?? undefined}
      data-testid="sync-progress"
      data-received={progress?.received}
      data-total={progress?.total}
    >
      <div className="sync-bar-fill" style={known ? { width: `${percent}%` } : undefined} />
    </div>
  );
}
