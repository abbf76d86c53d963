import { describe, expect, it } from 'vitest';
import {
  parseEmail,
  parseName,
  parsePhoneEdit,
} from '../../../src-renderer/conversations/details/contact/parse-contact';
import {
  parseAmount,
  parseVehicle,
  vehicleFields,
} from '../../../src-renderer/conversations/details/extended/parse-extended';
import { parseAppointmentWhen } from '../../../src-renderer/conversations/details/appointments/appointment-input';

const phones = [{ number: '+19701234567', type: 'mobile' as const }];

describe('what the details pane makes of typed text, before anything is sent', () => {
  it('a phone in any format becomes E.164; a wrong one is named; empty removes it', () => {
    expect(parsePhoneEdit('(303) 555-0199', phones, null)).toEqual({
      ok: true,
      value: [...phones, { number: '+13035550199', type: 'mobile' }],
    });
    expect(parsePhoneEdit('303.555.0199', phones, 0)).toEqual({
      ok: true,
      value: [{ number: '+13035550199', type: 'mobile' }],
    });
    const wrong = parsePhoneEdit('12345', phones, null);
    expect(wrong).toEqual({
      ok: false,
      error: expect.stringMatching(/^“12345” is not a phone number/),
    });
    expect(parsePhoneEdit('970-123-4567', phones, null)).toEqual({
      ok: false,
      error: '(970) 123-4567 is already on this lead',
    });
    expect(parsePhoneEdit('  ', phones, 0)).toEqual({ ok: true, value: [] });
    expect(parsePhoneEdit('', phones, null).ok).toBe(false);
  });

  it('an email is checked as the cloud checks it; empty clears it', () => {
    expect(parseEmail(' dana@example.com ')).toEqual({ ok: true, value: 'dana@example.com' });
    expect(parseEmail('')).toEqual({ ok: true, value: null });
    for (const wrong of ['dana@', 'dana example.com', '@example.com', 'dana@example']) {
      expect(parseEmail(wrong)).toEqual({
        ok: false,
        error: `“${wrong}” is not an email address, like name@example.com`,
      });
    }
  });

  it('a name splits into first and last; empty is Unknown again', () => {
    expect(parseName('  Dana   Whitfield Reyes ')).toEqual({
      ok: true,
      value: { firstName: 'Dana', lastName: 'Whitfield Reyes' },
    });
    expect(parseName('')).toEqual({ ok: true, value: { firstName: null, lastName: null } });
    expect(parseName('x'.repeat(101)).ok).toBe(false);
  });

  it('a vehicle: a model year or nothing; all empty clears it', () => {
    const fields = {
      ...vehicleFields(null),
      year: '2021',
      make: 'Toyota',
      model: 'Tacoma',
      vin: 'abc',
    };
    expect(parseVehicle(fields)).toEqual({
      ok: true,
      value: { year: 2021, make: 'Toyota', model: 'Tacoma', trim: '', vin: 'ABC', stock: '' },
    });
    expect(parseVehicle({ ...fields, year: '21' })).toEqual({
      ok: false,
      error: '“21” is not a model year, like 2021',
    });
    expect(parseVehicle(vehicleFields(null))).toEqual({ ok: true, value: null });
    expect(parseAmount('down payment', '$5,000')).toEqual({ ok: true, value: 5000 });
    expect(parseAmount('down payment', '-3').ok).toBe(false);
  });

  it('an appointment time is read on the store clock and checked by the cloud’s rule', () => {
    const store = {
      timeZone: 'America/Denver',
      businessHours: { mon: { open: '09:00', close: '18:00' } },
    };
    const now = Date.UTC(2030, 0, 1);
    expect(parseAppointmentWhen('2030-01-14T10:00', store, now)).toEqual({
      ok: true,
      value: Date.UTC(2030, 0, 14, 17, 0),
    });
    expect(parseAppointmentWhen('2030-01-13T10:00', store, now)).toEqual({
      ok: false,
      error: 'The store is closed on Sundays',
    });
    expect(parseAppointmentWhen('', store, now).ok).toBe(false);
  });
});
