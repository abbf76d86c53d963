import { describe, expect, test } from 'vitest';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../../../src-shared/domain/conversation';
import { deliveryErrorText } from '../../../src-shared/domain/delivery-errors';
import { deliveryStatusOf, mayMoveTo } from '../../../src-cloud/twilio/delivery-status';

describe('delivery status of a sent text', () => {
  test("Twilio's statuses in Showroom's words", () => {
    expect(['accepted', 'queued', 'sending', 'scheduled'].map(deliveryStatusOf)).toEqual([
      'queued',
      'queued',
      'queued',
      'queued',
    ]);
    expect(deliveryStatusOf('sent')).toBe('sent');
    expect(deliveryStatusOf('read')).toBe('delivered');
    expect(deliveryStatusOf('canceled')).toBe('failed');
    expect(deliveryStatusOf('received')).toBeNull();
  });

  test('a final status never changes; sent never goes back to queued', () => {
    const finals: DeliveryStatus[] = ['delivered', 'undelivered', 'failed'];
    for (const final of finals) {
      for (const next of DELIVERY_STATUSES)
        expect(mayMoveTo(final, next), `${final}->${next}`).toBe(false);
    }
    expect(mayMoveTo('sent', 'queued')).toBe(false);
    expect(mayMoveTo('sent', 'sent')).toBe(false);
    expect(mayMoveTo('queued', 'sent')).toBe(true);
    expect(mayMoveTo('queued', 'delivered')).toBe(true);
    expect(mayMoveTo('sent', 'undelivered')).toBe(true);
    expect(mayMoveTo('queued', 'failed')).toBe(true);
  });

  test("a failure's code is worded for the agent, naming the store when it is the store's", () => {
    expect(deliveryErrorText('21610')).toMatch(/replied STOP.*\(Twilio error 21610\)/);
    expect(deliveryErrorText('no_texting_number', 'Acme North')).toBe(
      'Acme North has no texting number: an admin sets it in Contact settings',
    );
    expect(deliveryErrorText('opted_out')).toMatch(/opted out/);
    expect(deliveryErrorText('99999')).toBe('Twilio error 99999');
  });
});
