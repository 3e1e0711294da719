import { getDb } from '@/db';
import { companyCreditSummary, findCompanyByUscc } from '@/db/queries/public-lists';
import { companyUnderObjection } from '@/db/queries/record-flags';
import { listPublicCriticisms } from '@/db/queries/supervision';
import { today } from '@/lib/clock';
import { isIsoDate } from '@/lib/public-lists/dates';
import { entryJson, errorResponse, jsonResponse } from '../../_lib/respond';

/**
 * `/api/v1/companies/[uscc]?on=YYYY-MM-DD`: a company's public credit profile and its tender eligibility on a
 * day (ZJ 6, "应查必查"). `on` defaults to today; a malformed date is a 400, an unknown code a 404.
 */
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ uscc: string }> }) {
  const { uscc } = await params;
  const raw = new URL(request.url).searchParams.get('on');
  const t = today();
  if (raw !== null && raw !== '' && !isIsoDate(raw)) return errorResponse(400, '日期格式应为 YYYY-MM-DD，且为有效日期', { on: ['日期格式应为 YYYY-MM-DD，且为有效日期'] });
  const on = raw || t;
  const db = getDb();
  const c = await findCompanyByUscc(db, uscc);
  if (!c) return errorResponse(404, '没有这个统一社会信用代码的已备案物业服务企业');
  const [s, underObjection, criticisms] = await Promise.all([companyCreditSummary(db, c.id, on, t), companyUnderObjection(db, c.id), listPublicCriticisms(db, c.id, t)]);
  return jsonResponse({
    on,
    company: {
      uscc: c.uscc,
      name: c.name,
      address: c.address,
      legalRepresentative: c.legalRepresentative,
      registeredCapital: c.registeredCapital,
      district: c.districtCode && c.districtName ? { code: c.districtCode, name: c.districtName } : null,
      filingStatus: c.filingStatus,
      approvedAt: c.approvedAt ? new Date(c.approvedAt).toISOString() : null,
      profile: `/companies/${c.uscc}`,
    },
    grade: s.evaluationOn?.grade ?? null,
    score: s.evaluationOn?.score ?? null,
    evaluationYear: s.evaluationOn?.year ?? null,
    vetoed: s.evaluationOn?.vetoed ?? false,
    currentScore: { on: s.today, score: s.outlook.score, steps: s.outlook.steps.map((x) => ({ on: x.on, score: x.score })) },
    listStatus: s.listStatus,
    listEntries: s.listEntries.map((e) => ({ ...entryJson(e), endedOn: e.endedOn, endReason: e.endReason, activeOn: e.activeOn, events: e.events })),
    eligibleForTender: s.eligibility.eligible,
    reasons: s.eligibility.reasons,
    /** SPEC §3.8: one of the company's credit records has an objection open (异议处理中). */
    underObjection,
    /** SN 24: 通报批评 for not rectifying by the deadline, while public (today's, whatever `on` says; decision 033). */
    criticisms: criticisms.map((x) => ({ on: x.criticizedOn, publicUntil: x.criticismUntil, district: x.districtName, text: x.text, verify: x.code ? `/verify/${x.code}` : null })),
  });
}
