export * from './presence';
export * from './settings';
export * from './offer-alert';
export * from './machine';
export * from './lead-activity';
