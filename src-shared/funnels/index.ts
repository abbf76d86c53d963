export * from './plan-funnel';
