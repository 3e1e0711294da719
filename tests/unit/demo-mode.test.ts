import { describe, expect, it } from 'vitest';
import { demoDecision } from '@/db/seed/first-start';

const PG = 'postgres://u@127.0.0.1:5432/suining';

describe('demo mode (finding 10: no published demo accounts in production)', () => {
  it('`npm start` on the embedded database loads the demo city', () => {
    expect(demoDecision({ NODE_ENV: 'development' })).toEqual({ load: true, production: false, forced: false });
    expect(demoDecision({ NODE_ENV: 'test' })).toMatchObject({ load: true, forced: false });
  });

  it('NODE_ENV=production or a DATABASE_URL never loads it', () => {
    expect(demoDecision({ NODE_ENV: 'production' })).toEqual({ load: false, production: true, why: 'NODE_ENV=production' });
    expect(demoDecision({ NODE_ENV: 'development', DATABASE_URL: PG })).toEqual({
      load: false,
      production: true,
      why: 'DATABASE_URL is set',
    });
  });

  it('DEMO=1 forces it in production, marked as forced (password change at first sign-in)', () => {
    expect(demoDecision({ NODE_ENV: 'production', DEMO: '1' })).toEqual({ load: true, production: true, forced: true });
    expect(demoDecision({ NODE_ENV: 'development', DATABASE_URL: PG, DEMO: '1' })).toMatchObject({ load: true, forced: true });
    expect(demoDecision({ NODE_ENV: 'development', DEMO: '1' })).toMatchObject({ load: true, forced: false });
  });

  it('DEMO=0 never loads it, even in demo mode', () => {
    expect(demoDecision({ NODE_ENV: 'development', DEMO: '0' })).toMatchObject({ load: false });
  });
});
