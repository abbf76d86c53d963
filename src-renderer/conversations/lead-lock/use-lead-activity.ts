import { useEffect, useMemo } from 'react';
import type { LeadLock, LeadViewer } from '../../../src-shared/presence/lead-activity';
import { callCore } from '../../api/request';
import { consoleApi } from '../../api/console-api';
import { useDirectory } from '../../directory/directory-store';
import { lockedByAnother, othersIn } from './lead-activity-rules';
import { useLeadActivity } from './lead-activity-store';

/**
 * Keeps the lead activity store live while the console shows (the lead pane calls it once):
 * the list now, then every change; forgotten when the console closes (sign out, switch user).
 */
export function useLeadActivityFeed(): void {
  useEffect(() => {
    const stop = consoleApi().on('leadActivity', (change) =>
      useLeadActivity.getState().apply(change),
    );
    void useLeadActivity.getState().load();
    return () => {
      stop();
      useLeadActivity.setState(useLeadActivity.getInitialState(), true);
    };
  }, []);
}

/** Tells the core which lead is open here (it holds and renews the lock); none when closed. */
export function useReportOpenLead(leadId: string | null): void {
  useEffect(() => {
    void callCore('openedLead', { leadId });
  }, [leadId]);
  useEffect(() => () => void callCore('openedLead', { leadId: null }), []);
}

/** Someone else's lock on this lead, or null (free, or mine). */
export function useLockedByAnother(leadId: string | null): LeadLock | null {
  const me = useDirectory((s) => s.directory?.me.id);
  const activity = useLeadActivity((s) => (leadId ? s.byLead.get(leadId) : undefined));
  return lockedByAnother(activity, me);
}

/**
 * Why this desk may not write in the lead now ("Ana Ruiz is in this lead"), or null. The
 * composer (and anything else that changes the lead) takes it as its read-only reason.
 */
export function useLeadWriteBlock(leadId: string | null): string | null {
  const lock = useLockedByAnother(leadId);
  return lock ? `${lock.name || 'Another agent'} is in this lead` : null;
}

/** The others in the lead, live; stable while nothing about them changes. */
export function useOthersInLead(leadId: string): LeadViewer[] {
  const me = useDirectory((s) => s.directory?.me.id);
  const activity = useLeadActivity((s) => s.byLead.get(leadId));
  return useMemo(() => othersIn(activity, me), [activity, me]);
}
