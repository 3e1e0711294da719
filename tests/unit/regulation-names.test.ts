/**
 * The staff regulation is named by its official title everywhere (/work/shared/seeds: 遂宁市物业服务从业人员执业管理办法),
 * and the notices this platform prints name this platform.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { badRecordEmployerNotice } from '@/lib/domain/records';

const root = path.resolve(__dirname, '../..');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
const all = ['app', 'components', 'lib', 'db'].flatMap((d) => sources(path.join(root, d)));
const containing = (needle: string) => all.filter((f) => readFileSync(f, 'utf8').includes(needle)).map((f) => path.relative(root, f));

describe('names of the regulation and of the platform', () => {
  it('the staff regulation has one name, its official title', () => {
    expect(containing('从业人员信用管理办法')).toEqual([]);
    expect(containing('《遂宁市物业服务从业人员执业管理办法》').length).toBeGreaterThan(5);
  });

  it('the 告知书 and the employer’s notice name this platform, 遂宁市物业信用监管平台', () => {
    expect(readFileSync(path.join(root, 'components/records/record-notice.tsx'), 'utf8')).toContain('<p className="text-sm text-slate-700">遂宁市物业信用监管平台</p>');
    expect(containing('遂宁市物业管理信息平台')).toEqual([]);
    const { body } = badRecordEmployerNotice({
      name: '张三',
      type: '违反物业服务合同约定',
      description: '事实',
      occurredOn: '2026-10-01',
      issuer: '遂宁市船山区住房和城乡建设局',
      bureau: '遂宁市船山区住房和城乡建设局',
      recordedOn: '2026-10-08',
      noticeCode: 'ABCDEFGHJKMN',
    });
    expect(body).toContain('录入遂宁市物业信用监管平台');
  });
});
