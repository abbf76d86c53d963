export * from './domain';
export * from './folders';
export * from './phone/phone';
export * from './console-api';
export * from './sync/changes';
export * from './sync/mutations';
export * from './sync/protocol';
export * from './presence';
