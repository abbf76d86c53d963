import { describe, expect, test } from 'vitest';
import { DEMO_STORES } from '../../../src-shared/demo';
import type { Appointment, Lead, Store, User } from '../../../src-shared/domain';
import {
  nextBookedAppointment,
  renderSmartFields,
  SMART_FIELDS,
  type SmartFieldContext,
} from '../../../src-shared/smart-fields';

const denver: Store = DEMO_STORES[0]!.row;
const SAT_3PM_DENVER = Date.UTC(2030, 0, 19, 22, 0); // 15:00 MST

const lead: Lead = {
  id: 'lead-1',
  tenantId: denver.tenantId,
  storeId: denver.id,
  campaignId: null,
  source: 'Text',
  firstName: 'Dana',
  lastName: 'Whitfield',
  phones: [{ number: '+19701234567', type: 'mobile' }],
  email: 'dana@example.com',
  language: 'en',
  status: 'hot',
  optedOut: false,
  assignedUserId: null,
  collaboratorIds: [],
  labelIds: [],
  vehicle: { year: 2021, make: 'Toyota', model: 'Tacoma', trim: 'TRD', vin: '', stock: '' },
  tradeIn: null,
  financial: null,
  disposition: null,
  notesExcerpt: null,
  awaitingSince: null,
  doneAt: null,
  lastMessageAt: null,
  lastMessagePreview: null,
  lastChannel: 'sms',
  createdAt: 0,
  updatedAt: 0,
};

const agent: User = {
  id: 'user-1',
  tenantId: denver.tenantId,
  name: 'Marcus Bell',
  email: 'marcus@example.com',
  role: 'agent',
  storeIds: [denver.id],
  photoUrl: null,
  phone: '+13035550100',
  extension: '',
  preferences: { forwardLeadCalls: false, copyMeOnEmails: true, playSounds: true },
};

const booked = (startsAt: number, status: Appointment['status'] = 'booked'): Appointment => ({
  id: `appt-${startsAt}-${status}`,
  tenantId: denver.tenantId,
  leadId: lead.id,
  storeId: denver.id,
  startsAt,
  status,
  createdByUserId: null,
  createdAt: 0,
  vehicle: null,
  note: null,
});

const context = (changes: Partial<SmartFieldContext> = {}): SmartFieldContext => ({
  lead,
  store: denver,
  agent,
  appointment: booked(SAT_3PM_DENVER),
  ...changes,
});

describe('smart fields', () => {
  test('fill in the lead, store, agent and appointment as the customer reads them', () => {
    const template =
      'Hi {lead.firstName}! {agent.firstName} at {store.name} here. See you {appointment.date} at {appointment.time}, {store.address}. Call me at {agent.phone}.';
    const rendered = renderSmartFields(template, context());
    expect(rendered.problems).toEqual([]);
    const { street, city, state, zip } = denver.address;
    expect(rendered.text).toBe(
      `Hi Dana! Marcus at ${denver.name} here. See you Saturday, January 19 at 3:00 PM MST, ${street}, ${city}, ${state} ${zip}. Call me at (303) 555-0100.`,
    );
  });

  test('every field of the menu has a value for a complete lead, store, agent and appointment', () => {
    const full = context({ lead: { ...lead, tradeIn: lead.vehicle } });
    for (const field of SMART_FIELDS) {
      const rendered = renderSmartFields(`{${field.key}}`, full);
      expect(rendered.problems, field.key).toEqual([]);
      expect(rendered.text, field.key).not.toBe('');
      expect(rendered.text, field.key).not.toContain('{');
    }
  });

  test('the lead fields read name, phone, email and vehicle', () => {
    const rendered = renderSmartFields(
      '{lead.fullName}|{lead.lastName}|{lead.phone}|{lead.email}|{lead.vehicle}',
      context(),
    );
    expect(rendered.text).toBe(
      'Dana Whitfield|Whitfield|(970) 123-4567|dana@example.com|2021 Toyota Tacoma TRD',
    );
  });

  test('the store links are the store’s own', () => {
    const rendered = renderSmartFields(
      '{store.directionsLink} {store.voucherLink} {store.creditAppLink}',
      context(),
    );
    const { directions, voucher, creditApp } = denver.links;
    expect(rendered.text).toBe(`${directions} ${voucher} ${creditApp}`);
  });

  test('an appointment is told in the store’s time zone, not the agent’s', () => {
    const newYork = DEMO_STORES.find((s) => s.row.timeZone === 'America/New_York')!.row;
    const there = renderSmartFields('{appointment.time}', context({ store: newYork }));
    expect(there.text).toBe('5:00 PM EST');
    expect(renderSmartFields('{appointment.time}', context()).text).toBe('3:00 PM MST');
  });

  test('a field without a value is reported by name and never sent as raw braces', () => {
    const rendered = renderSmartFields(
      'Hi {lead.firstName}, see you at {appointment.time} on {appointment.date}.',
      context({ appointment: null, lead: { ...lead, firstName: null } }),
    );
    expect(rendered.problems).toEqual([
      {
        field: 'lead.firstName',
        kind: 'empty',
        message: '{lead.firstName}: the lead has no first name',
      },
      {
        field: 'appointment.time',
        kind: 'empty',
        message: '{appointment.time}: no appointment is booked',
      },
      {
        field: 'appointment.date',
        kind: 'empty',
        message: '{appointment.date}: no appointment is booked',
      },
    ]);
    expect(rendered.text).toBe('Hi , see you at  on .');
  });

  test('an unknown field is reported once by name', () => {
    const rendered = renderSmartFields('{lead.nickname} and {lead.nickname}', context());
    expect(rendered.problems).toEqual([
      { field: 'lead.nickname', kind: 'unknown', message: '{lead.nickname} is not a smart field' },
    ]);
    expect(rendered.text).toBe(' and ');
  });

  test('a nameless lead is not called "Unknown"', () => {
    const nameless = { ...lead, firstName: null, lastName: null };
    const rendered = renderSmartFields('{lead.fullName}', context({ lead: nameless }));
    expect(rendered.problems.map((p) => p.field)).toEqual(['lead.fullName']);
  });

  test('braces that are not a field stay the agent’s own text', () => {
    const text = 'Prices {from $19,999} and {a b} and {} and {lead} stay as typed';
    expect(renderSmartFields(text, context())).toEqual({ text, problems: [] });
  });

  test('the appointment spoken of is the next booked one, not a past, cancelled or no-show one', () => {
    const now = Date.UTC(2030, 0, 10);
    const next = booked(now + 86_400_000);
    const later = booked(now + 3 * 86_400_000);
    expect(
      nextBookedAppointment(
        [
          later,
          booked(now - 1),
          booked(now + 1000, 'cancelled'),
          booked(now + 2000, 'no_show'),
          next,
        ],
        now,
      ),
    ).toBe(next);
    expect(nextBookedAppointment([booked(now - 1)], now)).toBeNull();
  });
});
