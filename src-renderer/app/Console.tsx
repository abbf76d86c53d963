import { AgentsPanel } from '../agents/AgentsPanel';
import { AppointmentsPage } from '../appointments/AppointmentsPage';
import { ContactSettingsScreen } from '../contact-settings/ContactSettingsScreen';
import { ConversationsPage } from '../conversations/ConversationsPage';
import { KeyboardShortcuts } from '../keyboard/KeyboardShortcuts';
import { CallErrorList } from '../notices/CallErrorList';
import { NoticeList } from '../notices/NoticeList';
import { RejectedChangeList } from '../notices/RejectedChangeList';
import { ReplicaHealthBanner } from '../notices/ReplicaHealthBanner';
import { OfferAlertStack } from '../offers/OfferAlertStack';
import { consoleShowsOffers } from '../offers/where-offers-show';
import { SettingsScreen } from '../settings/SettingsScreen';
import { AppHeader } from './AppHeader';
import { useScreen } from './screen-store';
import { useConsoleStartup } from './use-console-startup';

/**
 * What a signed-in user works in: the top bar, the notices, and the open screen. The
 * conversations page stays mounted under Settings or the Agents panel, so coming back finds
 * the queue and the lead as they were.
 */
export function Console() {
  useConsoleStartup();
  const screen = useScreen((s) => s.screen);
  return (
    <>
      <AppHeader />
      <ReplicaHealthBanner />
      <NoticeList />
      <RejectedChangeList />
      <CallErrorList />
      <ConversationsPage hidden={screen !== 'conversations'} />
      {screen === 'settings' && <SettingsScreen closeLabel="Back to console" />}
      {screen === 'agents' && <AgentsPanel />}
      {screen === 'appointments' && <AppointmentsPage />}
      {screen === 'contact-settings' && <ContactSettingsScreen />}
      <KeyboardShortcuts />
      {consoleShowsOffers() && <OfferAlertStack />}
    </>
  );
}
