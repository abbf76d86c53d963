export * from './folders';
export * from './filters';
export * from './queue';
export * from './search';
