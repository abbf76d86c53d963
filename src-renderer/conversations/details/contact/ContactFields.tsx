import { leadDisplayName, type Lead } from '../../../../src-shared/domain/lead';
import { formatPhone } from '../../../../src-shared/phone/phone';
import { updateLead } from '../update-lead';
import { InlineEdit } from './InlineEdit';
import { parseEmail, parseName, parsePhoneEdit } from './parse-contact';

/** Name, phones and email, each edited in place and checked before anything is sent. */
export function ContactFields({ lead }: { lead: Lead }) {
  const who = { id: lead.id, name: leadDisplayName(lead) };
  const fullName = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
  return (
    <div className="details-contact">
      <div className="details-name">
        <InlineEdit
          label="Name"
          display={fullName}
          placeholder="Unknown"
          initial={fullName}
          testId="details-name"
          inputTestId="details-name-input"
          parse={parseName}
          save={(name) => updateLead(who, name, 'the name')}
        />
      </div>
      <ul className="details-list" aria-label="Phones" data-testid="details-phones">
        {lead.phones.map((phone, index) => (
          <li key={phone.number} data-testid="details-phone" data-number={phone.number}>
            <span className="details-key">{phone.type}</span>
            <InlineEdit
              label={`Phone (${phone.type})`}
              display={formatPhone(phone.number)}
              placeholder="Add phone"
              initial={formatPhone(phone.number)}
              testId="details-phone-edit"
              inputTestId="details-phone-input"
              inputType="tel"
              parse={(text) => parsePhoneEdit(text, lead.phones, index)}
              save={(phones) => updateLead(who, { phones }, 'the phones')}
            />
          </li>
        ))}
        <li>
          <span className="details-key">phone</span>
          <InlineEdit
            label="New phone"
            display=""
            placeholder="Add phone"
            initial=""
            testId="details-phone-add"
            inputTestId="details-phone-input"
            inputType="tel"
            parse={(text) => parsePhoneEdit(text, lead.phones, null)}
            save={(phones) => updateLead(who, { phones }, 'the phones')}
          />
        </li>
      </ul>
      <div className="details-row">
        <span className="details-key">email</span>
        <InlineEdit
          label="Email"
          display={lead.email ?? ''}
          placeholder="Add email"
          initial={lead.email ?? ''}
          testId="details-email"
          inputTestId="details-email-input"
          inputType="email"
          parse={parseEmail}
          save={(email) => updateLead(who, { email }, 'the email')}
        />
      </div>
    </div>
  );
}
