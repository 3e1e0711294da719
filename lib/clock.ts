/**
 * The platform's notion of "today" (China local date). Rules take dates as arguments; this is the one place
 * that reads the wall clock, and APP_TODAY pins it for demos and end-to-end tests.
 */
import { env } from './env';
import { toDateString } from './domain/working-days';

export function now(): Date {
  return new Date();
}

export function today(): string {
  return env().APP_TODAY ?? toDateString(now());
}
