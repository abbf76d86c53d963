import { refreshConsole } from '../app/refresh-console';
import { useReplicaHealth } from './replica-health-store';

/** Shown while the local cache cannot be trusted; the way out is to drop it and resync. */
export function ReplicaHealthBanner() {
  const health = useReplicaHealth((s) => s.health);
  const resetting = useReplicaHealth((s) => s.resetting);
  if (health.state === 'ok') return null;

  const reset = async () => {
    if (await useReplicaHealth.getState().reset()) await refreshConsole();
  };
  return (
    <div
      className="banner banner-danger"
      role="alert"
      data-testid="replica-banner"
      data-state={health.state}
    >
      <div className="banner-text">{health.message}</div>
      <button
        type="button"
        data-testid="replica-reset"
        disabled={resetting}
        onClick={() => void reset()}
      >
        {resetting ? 'Resetting…' : 'Reset local cache and resync'}
      </button>
    </div>
  );
}
