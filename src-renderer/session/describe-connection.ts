import type { ConnectionReason, ConnectionState } from '../../src-shared/console-api/views';

/** The indicator's colour: `local` is a console with data but no cloud (the local demo). */
export type ConnectionTone = 'online' | 'connecting' | 'offline' | 'local';

export interface ConnectionWords {
  tone: ConnectionTone;
  label: string;
  /** "Network", "Server"...; null while nothing is wrong. */
  reason: string | null;
  /** The sentence behind the label, for the tooltip and the details. */
  detail: string;
  /** "3 changes waiting to send"; null when nothing waits. */
  pending: string | null;
  /** "Syncing 1,200 of 4,000 changes"; null when caught up. */
  progress: string | null;
}

export const REASON_LABELS: Record<ConnectionReason, string> = {
  network: 'Network',
  server: 'Server',
  credentials: 'Sign-in',
  version: 'App version',
};

/** Said when the core gives no sentence of its own. */
const REASON_FALLBACKS: Record<ConnectionReason, string> = {
  network: 'This PC cannot reach the cloud. Your changes wait here and go out when it is back.',
  server: 'The cloud is having trouble answering. Showroom keeps retrying.',
  credentials: 'The cloud no longer accepts your sign-in. Sign in again.',
  version: 'This version of Showroom and the cloud do not match. Update Showroom.',
};

export function pendingChangesText(count: number): string | null {
  if (count <= 0) return null;
  return `${count.toLocaleString()} ${count === 1 ? 'change' : 'changes'} waiting to send`;
}

export function syncProgressText(progress: ConnectionState['syncProgress']): string | null {
  if (!progress) return null;
  const { received, total } = progress;
  return `Syncing ${received.toLocaleString()} of ${total.toLocaleString()} changes`;
}

/** The connection in words; null (the core could not say) reads as local data only. */
export function describeConnection(connection: ConnectionState | null): ConnectionWords {
  const reason = connection?.reason ?? null;
  const said = connection?.message ?? (reason ? REASON_FALLBACKS[reason] : null);
  const base = {
    reason: reason ? REASON_LABELS[reason] : null,
    pending: pendingChangesText(connection?.pendingMutations ?? 0),
    progress: syncProgressText(connection?.syncProgress ?? null),
  };
  const where = connection?.cloudUrl ? ` to ${connection.cloudUrl}` : '';
  // Offline for no reason and from no cloud: data on this PC that never had a cloud (a demo).
  const local =
    connection === null ||
    (connection.state === 'offline' && reason === null && connection.cloudUrl === null);
  switch (local ? 'signed_out' : (connection?.state ?? 'signed_out')) {
    case 'online':
      return { ...base, tone: 'online', label: 'Online', detail: said ?? `Connected${where}.` };
    case 'connecting':
      return {
        ...base,
        tone: 'connecting',
        label: 'Connecting…',
        detail: said ?? `Connecting${where}…`,
      };
    case 'offline':
      return { ...base, tone: 'offline', label: 'Offline', detail: said ?? 'Not connected.' };
    case 'signed_out':
      return {
        ...base,
        tone: 'local',
        label: 'Local data',
        detail: said ?? 'This console shows data kept on this PC; it is not connected to a cloud.',
      };
  }
}
