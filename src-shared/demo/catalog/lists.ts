import type { Funnel, Label, SavedReply } from '../../domain';
import { catalogId } from '../ids';
import { DEMO_STORES, DEMO_TENANT } from './stores';

const tenantId = DEMO_TENANT.id;

const LABELS: [string, string][] = [
  ['Voucher', '#2e7d32'],
  ['Bad Credit', '#c62828'],
  ['Trade-In', '#1565c0'],
  ['Spanish', '#f9a825'],
  ['VIP', '#6a1b9a'],
  ['First-Time Buyer', '#00838f'],
  ['Cash Buyer', '#558b2f'],
  ['Co-Signer', '#ad1457'],
  ['Lease Return', '#4e342e'],
  ['Military', '#37474f'],
];
export const DEMO_LABELS: readonly Label[] = LABELS.map(([name, color], i) => ({
  id: catalogId('label', i + 1),
  tenantId,
  name,
  color,
}));

export function demoLabel(name: string): Label {
  const label = DEMO_LABELS.find((l) => l.name === name);
  if (!label) throw new Error(`no demo label ${name}`);
  return label;
}

const TENANT_REPLIES: [string, string][] = [
  [
    'Still available',
    'Yes, it is still available! When would be a good time for you to come see it?',
  ],
  [
    'Trade-in appraisal',
    'We would love to look at your trade. Our appraiser can give you a firm number in about 20 minutes when you stop by. Bring the title or your payoff info if you have it.',
  ],
  [
    'Credit, any situation',
    'We work with over 20 lenders and help customers in every credit situation, including first-time buyers. Would you like the link to our secure credit application?',
  ],
  [
    'Confirm appointment',
    'You are all set! Ask for me at the front desk when you arrive. See you then!',
  ],
  [
    'Checking in',
    'Just checking in: are you still shopping, or is there anything I can answer for you?',
  ],
  [
    'Saludo en español',
    '¡Hola! Gracias por escribirnos. Con gusto le atendemos en español. ¿En qué vehículo está interesado?',
  ],
];

export const DEMO_SAVED_REPLIES: readonly SavedReply[] = [
  ...TENANT_REPLIES.map(([title, body], i) => ({
    id: catalogId('savedReply', i + 1),
    tenantId,
    storeId: null,
    title,
    body,
  })),
  ...DEMO_STORES.flatMap((store, i) => [
    {
      id: catalogId('savedReply', 100 + i * 2),
      tenantId,
      storeId: store.row.id,
      title: 'Directions',
      body: `We are at ${store.row.address.street}, ${store.row.address.city}. Directions: ${store.row.links.directions}`,
    },
    {
      id: catalogId('savedReply', 101 + i * 2),
      tenantId,
      storeId: store.row.id,
      title: 'Voucher',
      body: `Here is your $500 voucher, just show it on your phone at the desk: ${store.row.links.voucher}`,
    },
  ]),
];

export const DEMO_FUNNELS: readonly Funnel[] = [
  {
    id: catalogId('funnel', 1),
    tenantId,
    storeId: null,
    name: 'New internet lead',
    steps: [
      {
        delayMinutes: 0,
        body: 'Hi {lead.firstName}, {agent.firstName} at {store.name} here. Thanks for your interest! Is now a good time to text about the vehicle?',
      },
      {
        delayMinutes: 24 * 60,
        body: 'Just following up. Would you like to set up a test drive this week?',
      },
      {
        delayMinutes: 3 * 24 * 60,
        body: 'Still shopping? I can send photos or a price breakdown anytime.',
      },
      {
        delayMinutes: 7 * 24 * 60,
        body: 'Last check-in from me. Reply anytime and I will help you out.',
      },
    ],
  },
  {
    id: catalogId('funnel', 2),
    tenantId,
    storeId: null,
    name: 'Unsold showroom visit',
    steps: [
      { delayMinutes: 120, body: 'Thanks for stopping by today! Any questions I can answer?' },
      {
        delayMinutes: 2 * 24 * 60,
        body: 'I spoke with my manager about the numbers. Can I give you a call?',
      },
    ],
  },
];
