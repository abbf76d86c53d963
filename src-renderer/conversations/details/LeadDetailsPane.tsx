import { useEffect } from 'react';
import '../../styles/details.css';
import '../../styles/crm-actions.css';
import type { LeadDetail } from '../../../src-shared/console-api/views';
import { leadDisplayName } from '../../../src-shared/domain/lead';
import { useDirectory } from '../../directory/directory-store';
import { MarkRespondedButton } from '../lead-status/MarkRespondedButton';
import { useThread } from '../thread/thread-store';
import { AppointmentsSection } from './appointments/AppointmentsSection';
import { AssigneeField } from './AssigneeField';
import { ClientDetails } from './ClientDetails';
import { ContactFields } from './contact/ContactFields';
import { EscalateAction } from './crm/EscalateAction';
import { SendToCrmAction } from './crm/SendToCrmAction';
import { WrapUpSection } from './crm/WrapUpSection';
import { useDetails } from './details-store';
import { ExtendedInfo } from './extended/ExtendedInfo';
import { FunnelSection } from './FunnelSection';
import { LabelsField } from './LabelsField';
import { LanguageField } from './LanguageField';
import { LeadMenu } from './LeadMenu';
import { OptControls } from './OptControls';
import { TranslationPanel } from './TranslationPanel';

/** The right sidebar (seed 003): the opened lead's details, actions and store. */
export function LeadDetailsPane() {
  const detail = useThread((s) => s.detail);
  const extras = useDetails((s) => (detail && s.leadId === detail.lead.id ? s.extras : null));
  const load = useDetails((s) => s.load);

  // The thread store re-reads the lead after every replica change; the extras follow it.
  useEffect(() => {
    if (detail) void load(detail.lead.id);
  }, [detail, load]);

  if (!detail) {
    return (
      <aside
        className="lead-details lead-details-empty"
        aria-label="Lead details"
        data-testid="lead-details"
      >
        <p>The details of the lead you open show here.</p>
      </aside>
    );
  }
  // Keyed by lead: a half-typed edit never carries over to the next lead.
  return <LeadDetails key={detail.lead.id} detail={detail} extras={extras} />;
}

function LeadDetails({
  detail,
  extras,
}: {
  detail: LeadDetail;
  extras: ReturnType<typeof useDetails.getState>['extras'];
}) {
  const { lead } = detail;
  const store = useDirectory((s) => s.storesById.get(lead.storeId));
  const name = leadDisplayName(lead);
  return (
    <aside
      className="lead-details"
      aria-label={`Details of ${name}`}
      data-testid="lead-details"
      data-lead-id={lead.id}
    >
      <div className="details-top">
        <span className="details-store" data-testid="details-store">
          {store?.name ?? ''}
        </span>
        <LeadMenu lead={lead} />
      </div>
      <section className="details-section" aria-label="Lead info">
        <ContactFields lead={lead} />
        <LanguageField lead={lead} detected={extras?.detectedLanguage ?? null} />
        <TranslationPanel key={lead.language} lead={lead} />
        <LabelsField lead={lead} />
        <AssigneeField lead={lead} />
      </section>
      <section className="details-section" aria-labelledby="details-actions-title">
        <h3 id="details-actions-title">Actions</h3>
        <OptControls lead={lead} />
        {lead.awaitingSince !== null && (
          <div className="details-buttons">
            <MarkRespondedButton lead={{ id: lead.id, name }} testId="details-mark-responded" />
          </div>
        )}
        {store && (
          <div className="details-buttons">
            <SendToCrmAction lead={{ id: lead.id, name }} store={store} />
            <EscalateAction lead={{ id: lead.id, name }} store={store} />
          </div>
        )}
      </section>
      {store && (
        // A new status or CRM display option starts the form again from what is saved.
        <WrapUpSection
          key={`${lead.status}:${store.crm.displayOption}`}
          lead={lead}
          store={store}
        />
      )}
      <AppointmentsSection lead={lead} appointments={detail.appointments} store={store} />
      <FunnelSection detail={detail} />
      <ExtendedInfo lead={lead} notes={extras?.notes ?? null} />
      {store && <ClientDetails store={store} />}
    </aside>
  );
}
