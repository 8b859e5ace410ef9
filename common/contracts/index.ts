export * from './shared';
export * from './auth';
export * from './identity';
export * from './audit';
export * from './calendar';
export * from './deadlines';
export * from './people';
export * from './reconsideration';
