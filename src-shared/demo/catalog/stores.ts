import type { Campaign, Store, Tenant } from '../../domain';
import { DEFAULT_DISPOSITIONS, storeContacts } from '../../domain/store-contacts';
import { DEFAULT_QUIET_HOURS } from '../../domain/quiet-hours-settings';
import type { DemoZone } from '../clock';
import { catalogId } from '../ids';

export const DEMO_TENANT: Tenant = { id: catalogId('tenant', 1), name: 'Summit Auto Group' };

/** What the generator needs to know about a store beyond its row. */
export interface DemoStore {
  row: Store;
  zone: DemoZone;
  /** Where its customers' phone numbers come from. */
  areaCodes: readonly string[];
  /** The make it sells new; used cars come in every make. */
  brand: string;
  /** Short prefix of its stock numbers. */
  stockPrefix: string;
  city: string;
  campaigns: Campaign[];
}

interface StoreSpec {
  slug: string;
  name: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  zone: DemoZone;
  areaCodes: string[];
  brand: string;
  stockPrefix: string;
  sundayOpen: boolean;
  campaigns: string[];
  campaignNotes: string;
  offerTimeoutSeconds: number;
}

const SPECS: StoreSpec[] = [
  {
    slug: 'denver',
    name: 'Summit Toyota of Denver',
    street: '8800 W Colfax Ave',
    city: 'Lakewood',
    state: 'CO',
    zip: '80215',
    zone: { name: 'America/Denver', standardOffsetMinutes: -420, observesDst: true },
    areaCodes: ['303', '720', '970'],
    brand: 'Toyota',
    stockPrefix: 'DT',
    sundayOpen: false,
    campaigns: ['Internet Leads', 'Facebook Marketplace', 'Truck Month', 'Service to Sales'],
    campaignNotes:
      'TRUCK MONTH: $1,000 off every used pickup through the 31st. Never quote a trade value by text; invite them in for a free appraisal.',
    offerTimeoutSeconds: 60,
  },
  {
    slug: 'scottsdale',
    name: 'Summit Honda Scottsdale',
    street: '7700 E McDowell Rd',
    city: 'Scottsdale',
    state: 'AZ',
    zip: '85257',
    zone: { name: 'America/Phoenix', standardOffsetMinutes: -420, observesDst: false },
    areaCodes: ['480', '602', '623'],
    brand: 'Honda',
    stockPrefix: 'SH',
    sundayOpen: true,
    campaigns: ['Internet Leads', 'Cars.com', 'Snowbird Specials'],
    campaignNotes:
      'Arizona does not change clocks. Service loaners are for service customers only.',
    offerTimeoutSeconds: 45,
  },
  {
    slug: 'van-nuys',
    name: 'Summit Hyundai of Van Nuys',
    street: '5430 Van Nuys Blvd',
    city: 'Van Nuys',
    state: 'CA',
    zip: '91401',
    zone: { name: 'America/Los_Angeles', standardOffsetMinutes: -480, observesDst: true },
    areaCodes: ['818', '213', '323', '310'],
    brand: 'Hyundai',
    stockPrefix: 'VH',
    sundayOpen: true,
    campaigns: ['Internet Leads', 'AutoTrader', 'Spanish Radio', 'Credit Rebuild'],
    campaignNotes:
      'Bilingual staff on every shift: offer Spanish. Credit Rebuild leads go to the finance desk first.',
    offerTimeoutSeconds: 90,
  },
  {
    slug: 'chicago',
    name: 'Summit Ford of Chicago',
    street: '2600 N Elston Ave',
    city: 'Chicago',
    state: 'IL',
    zip: '60647',
    zone: { name: 'America/Chicago', standardOffsetMinutes: -360, observesDst: true },
    areaCodes: ['312', '773', '630', '847'],
    brand: 'Ford',
    stockPrefix: 'CF',
    sundayOpen: false,
    campaigns: ['Internet Leads', 'Facebook Marketplace', 'Trade-In Drive'],
    campaignNotes: 'Closed Sundays (Illinois law). F-150 demo units are not for sale.',
    offerTimeoutSeconds: 60,
  },
  {
    slug: 'queens',
    name: 'Summit Nissan of Queens',
    street: '87-10 Northern Blvd',
    city: 'Jackson Heights',
    state: 'NY',
    zip: '11372',
    zone: { name: 'America/New_York', standardOffsetMinutes: -300, observesDst: true },
    areaCodes: ['718', '347', '917', '646', '516'],
    brand: 'Nissan',
    stockPrefix: 'QN',
    sundayOpen: true,
    campaigns: ['Internet Leads', 'Cars.com', 'Conquest Mailer'],
    campaignNotes: 'Street parking only on Saturdays: tell customers to use the lot on 88th St.',
    offerTimeoutSeconds: 30,
  },
  {
    slug: 'honolulu',
    name: 'Summit Kia Honolulu',
    street: '740 Kapiolani Blvd',
    city: 'Honolulu',
    state: 'HI',
    zip: '96813',
    zone: { name: 'Pacific/Honolulu', standardOffsetMinutes: -600, observesDst: false },
    areaCodes: ['808'],
    brand: 'Kia',
    stockPrefix: 'HK',
    sundayOpen: true,
    campaigns: ['Internet Leads', 'Military Appreciation'],
    campaignNotes:
      'Military Appreciation: $500 off with a valid military ID. Island delivery is free.',
    offerTimeoutSeconds: 120,
  },
];

/** The store numbers sit in 555-01xx, the range the North American plan keeps for fiction. */
function storeNumber(areaCode: string, index: number, line: number): string {
  return `+1${areaCode}55501${String(index * 3 + line).padStart(2, '0')}`;
}

function storeRow(spec: StoreSpec, index: number): Store {
  const areaCode = spec.areaCodes[0] ?? '303';
  const weekday = { open: '09:00', close: '20:00' };
  const site = `https://summitautogroup.example/${spec.slug}`;
  return {
    id: catalogId('store', index + 1),
    tenantId: DEMO_TENANT.id,
    name: spec.name,
    address: { street: spec.street, city: spec.city, state: spec.state, zip: spec.zip },
    timeZone: spec.zone.name,
    businessHours: {
      mon: weekday,
      tue: weekday,
      wed: weekday,
      thu: weekday,
      fri: weekday,
      sat: { open: '09:00', close: '19:00' },
      ...(spec.sundayOpen ? { sun: { open: '11:00', close: '17:00' } } : {}),
    },
    mainPhone: storeNumber(areaCode, index, 0),
    textingNumber: storeNumber(areaCode, index, 1),
    leadCallsNumber: storeNumber(areaCode, index, 2),
    links: {
      directions: `${site}/directions`,
      voucher: `${site}/voucher`,
      creditApp: `${site}/credit-app`,
    },
    campaignNotes: spec.campaignNotes,
    offerTimeoutSeconds: spec.offerTimeoutSeconds,
    // The sales manager's cell (555-019x, above the store lines) and the sales desk's inboxes.
    contacts: storeContacts({
      smsNotificationNumber: `+1${areaCode}55501${90 + index}`,
      salesLeadEmails: [`sales.${spec.slug}@demo.test`, `bdc.${spec.slug}@demo.test`],
      transcriptEmails: [`sales.${spec.slug}@demo.test`],
      actionExpectedEmails: [`manager.${spec.slug}@demo.test`],
      defaultEmail: `sales.${spec.slug}@demo.test`,
      onResponseEmails: [`manager.${spec.slug}@demo.test`],
    }),
    crm: {
      adfWord: spec.slug,
      adfWordPosition: 'after',
      xmlLeadAddress: `crm.${spec.slug}@demo.test`,
      displayOption: 'none',
      selectionList: [],
    },
    dispositions: [...DEFAULT_DISPOSITIONS],
    quietHours: DEFAULT_QUIET_HOURS,
  };
}

let campaignCount = 0;
export const DEMO_STORES: readonly DemoStore[] = SPECS.map((spec, index) => {
  const row = storeRow(spec, index);
  return {
    row,
    zone: spec.zone,
    areaCodes: spec.areaCodes,
    brand: spec.brand,
    stockPrefix: spec.stockPrefix,
    city: spec.city,
    campaigns: spec.campaigns.map((name) => ({
      id: catalogId('campaign', ++campaignCount),
      storeId: row.id,
      name,
    })),
  };
});

export function demoStore(index: number): DemoStore {
  const store = DEMO_STORES[index];
  if (!store) throw new Error(`no demo store #${index}`);
  return store;
}
