import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { env, resetEnvCache } from '@/lib/env';

describe('SMS_GATEWAY_URL / SMS_GATEWAY_TOKEN', () => {
  const saved = { ...process.env };
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'suining-env-'));
    process.env.DATA_DIR = dir;
    delete process.env.SMS_GATEWAY_URL;
    delete process.env.SMS_GATEWAY_TOKEN;
    resetEnvCache();
  });
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are optional together (the outbox), and taken together', () => {
    expect(env().SMS_GATEWAY_URL).toBeUndefined();
    resetEnvCache();
    process.env.SMS_GATEWAY_URL = 'https://sms.example.gov.cn/send';
    process.env.SMS_GATEWAY_TOKEN = 'a-long-enough-token';
    expect(env()).toMatchObject({ SMS_GATEWAY_URL: 'https://sms.example.gov.cn/send', SMS_GATEWAY_TOKEN: 'a-long-enough-token' });
  });

  it('refuse one without the other, a short token, or a URL that is not http(s)', () => {
    for (const [url, token] of [
      ['https://sms.example.gov.cn/send', ''],
      ['', 'a-long-enough-token'],
      ['https://sms.example.gov.cn/send', 'short'],
      ['ftp://sms.example.gov.cn', 'a-long-enough-token'],
    ]) {
      process.env.SMS_GATEWAY_URL = url;
      process.env.SMS_GATEWAY_TOKEN = token;
      resetEnvCache();
      expect(() => env()).toThrow(/SMS_GATEWAY/);
    }
  });
});
