import type { Store } from '../../../src-shared/domain/tenant';
import { formatPhone } from '../../../src-shared/phone/phone';

const DAYS = [
  ['mon', 'Mon'],
  ['tue', 'Tue'],
  ['wed', 'Wed'],
  ['thu', 'Thu'],
  ['fri', 'Fri'],
  ['sat', 'Sat'],
  ['sun', 'Sun'],
] as const;

/**
 * The store the lead is with: address, phone, hours on its own clock, its links, and the
 * campaign notes agents must not miss, in red. Links are shown as text: the page opens nothing.
 */
export function ClientDetails({ store }: { store: Store }) {
  const { address, links } = store;
  const linkRows = [
    ['Directions', links.directions],
    ['Voucher', links.voucher],
    ['Credit app', links.creditApp],
  ] as const;
  return (
    <section
      className="details-section"
      aria-labelledby="details-client-title"
      data-testid="details-client"
    >
      <h3 id="details-client-title">Client details</h3>
      {store.campaignNotes.trim() && (
        <p className="campaign-notes" data-testid="details-campaign-notes">
          {store.campaignNotes}
        </p>
      )}
      <p className="details-text">
        <strong>{store.name}</strong>
        <br />
        {address.street}
        <br />
        {[address.city, address.state].filter(Boolean).join(', ')} {address.zip}
      </p>
      {store.mainPhone && <p className="details-text">Main: {formatPhone(store.mainPhone)}</p>}
      <table className="details-hours" aria-label={`Hours (${store.timeZone})`}>
        <tbody>
          {DAYS.map(([key, day]) => {
            const hours = store.businessHours[key];
            return (
              <tr key={key}>
                <th scope="row">{day}</th>
                <td>{hours ? `${hours.open}–${hours.close}` : 'Closed'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="details-text details-muted">Time zone: {store.timeZone}</p>
      <dl className="details-links">
        {linkRows.map(([label, url]) =>
          url ? (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{url}</dd>
            </div>
          ) : null,
        )}
      </dl>
    </section>
  );
}
