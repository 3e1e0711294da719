import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { env, resetEnvCache } from '@/lib/env';
import { emailSender, outboxEmailSender } from '@/lib/messaging/email';

describe('SMTP_URL / MAIL_FROM / JOBS_IN_SERVER', () => {
  const saved = { ...process.env };
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'suining-env-'));
    process.env.DATA_DIR = dir;
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
    delete process.env.JOBS_IN_SERVER;
    resetEnvCache();
  });
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
    rmSync(dir, { recursive: true, force: true });
  });

  it('default: no SMTP (the outbox sender) and the daily jobs run in the server', () => {
    expect(env()).toMatchObject({ JOBS_IN_SERVER: '1' });
    expect(env().SMTP_URL).toBeUndefined();
    expect(emailSender(env())).toBe(outboxEmailSender);
  });

  it('SMTP together with MAIL_FROM selects the SMTP sender', () => {
    process.env.SMTP_URL = 'smtps://user:pass@mail.example.gov.cn:465';
    process.env.MAIL_FROM = '平台 <noreply@example.gov.cn>';
    expect(emailSender(env()).kind).toBe('smtp');
  });

  it('refuses one without the other, a URL that is not smtp(s), and a JOBS_IN_SERVER other than 0 or 1', () => {
    for (const [url, from, jobs] of [
      ['smtp://mail.example.gov.cn', '', ''],
      ['', 'noreply@example.gov.cn', ''],
      ['https://mail.example.gov.cn', 'noreply@example.gov.cn', ''],
      ['', '', 'yes'],
    ]) {
      process.env.SMTP_URL = url;
      process.env.MAIL_FROM = from;
      process.env.JOBS_IN_SERVER = jobs;
      resetEnvCache();
      expect(() => env()).toThrow(/Invalid environment/);
    }
  });

  it('JOBS_IN_SERVER=0 turns the in-server timer off', () => {
    process.env.JOBS_IN_SERVER = '0';
    expect(env().JOBS_IN_SERVER).toBe('0');
  });
});
