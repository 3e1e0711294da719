export * from './enums';
export * from './regions';
export * from './companies';
export * from './practitioners';
export * from './records';
export * from './system';
export * from './spot-checks';
