import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateMetadata } from '@/app/layout';
import { env, resetEnvCache } from '@/lib/env';

describe('SITE_URL', () => {
  const saved = { ...process.env };
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'suining-env-'));
    process.env.DATA_DIR = dir;
    delete process.env.SITE_URL;
    delete process.env.PORT;
    resetEnvCache();
  });
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
    rmSync(dir, { recursive: true, force: true });
  });

  it('defaults to localhost on PORT, or 3000', () => {
    expect(env().siteUrl).toBe('http://localhost:3000');
    resetEnvCache();
    process.env.PORT = '3101';
    expect(env().siteUrl).toBe('http://localhost:3101');
  });

  it('takes the configured origin without a trailing slash', () => {
    process.env.SITE_URL = 'https://wyxy.example.gov.cn/';
    expect(env().siteUrl).toBe('https://wyxy.example.gov.cn');
  });

  it('refuses a value that is not an http(s) URL', () => {
    process.env.SITE_URL = 'ftp://example.com';
    expect(() => env()).toThrow(/SITE_URL/);
    resetEnvCache();
    process.env.SITE_URL = 'not a url';
    expect(() => env()).toThrow(/SITE_URL/);
  });

  it('is the metadataBase of every page, read when rendering: relative canonicals become absolute on that origin', () => {
    process.env.SITE_URL = 'https://wyxy.example.gov.cn';
    const base = String(generateMetadata().metadataBase);
    expect(base).toBe('https://wyxy.example.gov.cn/');
    // What Next.js does with a page's `alternates.canonical: '/companies'`.
    expect(new URL('/companies', base).href).toBe('https://wyxy.example.gov.cn/companies');
    resetEnvCache();
    process.env.SITE_URL = 'http://127.0.0.1:8080/';
    expect(String(generateMetadata().metadataBase)).toBe('http://127.0.0.1:8080/');
  });
});
