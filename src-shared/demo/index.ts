export { DEFAULT_BATCH_LEADS, generateDemo, MAX_DEMO_LEADS, type DemoOptions } from './generate';
export { DEMO_FIXTURE_LEAD } from './leads/fixture';
export { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './catalog/users';
export { DEMO_TENANT, DEMO_STORES, type DemoStore } from './catalog/stores';
export { DEMO_LABELS } from './catalog/lists';
export { messagePreview, PREVIEW_MAX } from '../domain/message-preview';
