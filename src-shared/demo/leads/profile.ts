import type { Lead, LeadPhone, User } from '../../domain';
import { agentsOfStore } from '../catalog/users';
import { DEMO_LABELS } from '../catalog/lists';
import { DEMO_STORES, type DemoStore } from '../catalog/stores';
import {
  emailPart,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  SPANISH_FIRST_NAMES,
  SPANISH_LAST_NAMES,
} from '../content/names';
import { customerPhone, secondCustomerPhone } from '../content/phones';
import { tradeInVehicle, vehicleOfInterest, type VehicleOffer } from '../content/vehicles';
import { weights, type Rng } from '../random';
import { drawPlan, type LeadPlan } from './plan';

/** Who the customer is and what they want: everything on the lead row except its activity. */
export interface LeadProfile {
  index: number;
  store: DemoStore;
  agent: User | null;
  plan: LeadPlan;
  firstName: string | null;
  lastName: string | null;
  phones: LeadPhone[];
  email: string | null;
  offer: VehicleOffer;
  trade: { vehicle: NonNullable<Lead['vehicle']>; miles: number } | null;
  financial: Lead['financial'];
  labelIds: string[];
  campaignId: string | null;
  collaboratorIds: string[];
  disposition: string | null;
}

const STORE_WEIGHTS = weights({ '0': 22, '1': 18, '2': 18, '3': 16, '4': 16, '5': 10 });
const CREDIT = weights({ excellent: 20, good: 35, fair: 25, poor: 15, unknown: 5 });
/** Share of each store's customers who write in Spanish, in store order. */
const SPANISH_SHARE = [0.08, 0.12, 0.25, 0.08, 0.12, 0.01];
const UNKNOWN_NAME_STATUSES = new Set(['new', 'warm', 'cold', 'dead']);
const labelId = new Map(DEMO_LABELS.map((l) => [l.name, l.id]));

export interface ProfileContext {
  year: number;
  phoneOffset: number;
  managerId: string;
}

function pickLabels(rng: Rng, p: LeadProfile, storeIndex: number): string[] {
  const names: string[] = [];
  if (p.plan.spanish) names.push('Spanish');
  if (p.trade) names.push('Trade-In');
  if (p.financial?.creditRating === 'poor') names.push('Bad Credit');
  if (rng.chance(0.08)) names.push('Voucher');
  if (rng.chance(0.03)) names.push('VIP');
  if (rng.chance(0.06)) names.push('First-Time Buyer');
  if (rng.chance(0.04)) names.push('Cash Buyer');
  if (rng.chance(0.03)) names.push('Co-Signer');
  if (rng.chance(0.04)) names.push('Lease Return');
  if (rng.chance(storeIndex === 5 ? 0.2 : 0.03)) names.push('Military');
  return names.map((n) => labelId.get(n) ?? n);
}

function dispositionFor(rng: Rng, plan: LeadPlan): string | null {
  if (plan.status === 'sold') return 'Sold';
  if (plan.status === 'dead')
    return rng.pick(['Not Interested', 'Bought Elsewhere', 'Wrong Number']);
  if (plan.appointment === 'booked') return 'Appointment Set';
  if (plan.status === 'cold' && rng.chance(0.3)) return 'No Response';
  return null;
}

export function drawProfile(rng: Rng, index: number, ctx: ProfileContext): LeadProfile {
  const storeIndex = Number(rng.weighted(STORE_WEIGHTS));
  const store = DEMO_STORES[storeIndex] ?? (DEMO_STORES[0] as DemoStore);
  const plan = drawPlan(rng, SPANISH_SHARE[storeIndex] ?? 0);
  const { source, channels } = plan;
  // Texters who never gave a name; not the ones who came in, bought or talk on.
  const unknown =
    (source === 'Text' || source === 'Phone') &&
    UNKNOWN_NAME_STATUSES.has(plan.status) &&
    rng.chance(0.2);
  const firstName = unknown ? null : rng.pick(plan.spanish ? SPANISH_FIRST_NAMES : FIRST_NAMES);
  const lastName = unknown ? null : rng.pick(plan.spanish ? SPANISH_LAST_NAMES : LAST_NAMES);

  const needsPhone = channels.includes('sms') || channels.includes('voice');
  const phoneless = { Chat: 0.3, Email: 0.4, Facebook: 0.5 } as Record<string, number>;
  const areaCode = rng.pick(store.areaCodes);
  const phones: LeadPhone[] = [];
  if (needsPhone || !rng.chance(phoneless[source] ?? 0)) {
    phones.push({ number: customerPhone(areaCode, index, ctx.phoneOffset), type: 'mobile' });
    if (rng.chance(0.08)) {
      const type = rng.chance(0.5) ? 'home' : 'work';
      phones.push({ number: secondCustomerPhone(areaCode, index, ctx.phoneOffset), type });
    }
  }
  const wantsEmail = firstName && lastName && (channels.includes('email') || rng.chance(0.5));
  const email = wantsEmail
    ? `${emailPart(firstName)}${rng.chance(0.5) ? '.' : ''}${emailPart(lastName)}${rng.chance(0.4) ? rng.int(1, 99) : ''}@${rng.pick(EMAIL_DOMAINS)}`
    : null;

  const agents = agentsOfStore(store.row.id);
  const unassigned = plan.status === 'new' && rng.chance(0.5);
  const offer = vehicleOfInterest(rng, store.brand, store.stockPrefix, ctx.year);
  const trade = rng.chance(0.4) ? tradeInVehicle(rng, ctx.year) : null;
  const financial: Lead['financial'] = rng.chance(0.45)
    ? {
        creditRating: rng.weighted(CREDIT),
        downPayment: rng.chance(0.7) ? rng.int(1, 16) * 500 : null,
        monthlyBudget: rng.chance(0.7) ? rng.int(10, 36) * 25 : null,
      }
    : null;
  const profile: LeadProfile = {
    index,
    store,
    agent: unassigned ? null : rng.pick(agents),
    plan,
    firstName,
    lastName,
    phones,
    email,
    offer,
    trade,
    financial,
    labelIds: [],
    campaignId: rng.chance(0.85) ? rng.pick(store.campaigns).id : null,
    collaboratorIds: rng.chance(0.1) ? [ctx.managerId] : [],
    disposition: dispositionFor(rng, plan),
  };
  profile.labelIds = pickLabels(rng, profile, storeIndex);
  return profile;
}
