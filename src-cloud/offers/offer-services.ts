import type { CloudServices } from '../services';

/** What making, accepting and missing offers needs of the cloud: no routes, no sockets. */
export type OfferServices = Pick<CloudServices, 'db' | 'mailer' | 'texter' | 'log' | 'now'>;
