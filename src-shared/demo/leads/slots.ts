import type { Slots } from '../content/template';
import { nationalFormat } from '../content/phones';
import { describeVehicle } from '../content/vehicles';
import { agentsOfStore } from '../catalog/users';
import type { LeadProfile } from './profile';

/** 24990 -> "24,990" without Intl (a hundred thousand leads). */
export function withCommas(n: number): string {
  const digits = String(Math.round(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/** The words a lead's thread lines are filled with; day and time are set by the appointment. */
export function slotsFor(p: LeadProfile): Slots {
  const { offer, store } = p;
  const v = offer.vehicle;
  const agent = p.agent ?? agentsOfStore(store.row.id)[0];
  const agentFull = agent?.name ?? 'Summit Auto Group';
  const down = p.financial?.downPayment ?? 2000;
  const months = 72;
  const payment = Math.round(((offer.price - down) * 1.18) / months / 5) * 5;
  return {
    first: p.firstName ?? 'there',
    agent: agentFull.split(' ')[0] ?? agentFull,
    agentFull,
    store: store.row.name,
    city: store.city,
    address: `${store.row.address.street}, ${store.row.address.city}`,
    storePhone: nationalFormat(store.row.mainPhone ?? ''),
    vehicle: `${describeVehicle(v)} ${v.trim}`,
    model: v.model,
    make: v.make,
    year: String(v.year),
    color: offer.color,
    miles: withCommas(offer.miles),
    price: `$${withCommas(offer.price)}`,
    payment: `$${withCommas(Math.max(payment, 150))}`,
    down: `$${withCommas(down)}`,
    stock: v.stock,
    trade: p.trade ? describeVehicle(p.trade.vehicle) : 'my car',
    tradeMiles: withCommas(p.trade?.miles ?? 90000),
    day: 'Saturday',
    time: '10:00 AM',
    altTime: '11:00 AM',
    directions: store.row.links.directions ?? '',
    voucher: store.row.links.voucher ?? '',
    creditApp: store.row.links.creditApp ?? '',
  };
}
