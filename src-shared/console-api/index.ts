export * from './contract';
export * from './result';
export * from './views';
export * from './media-views';
export * from './validate';
export * from './client';
export * from './call-views';
