import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { RatingBadge } from '@/components/ratings/rating-badge';
import { drawnRows, DrawTable, weightText } from '@/components/spot-checks/draw-view';
import { getDb } from '@/db';
import { getPublication, ratingsOfQuarter } from '@/db/queries/ratings';
import { activeRoster, drawExists, getDrawInScope, itemsOfDraw } from '@/db/queries/spot-checks';
import { inScopeOrNotFound, requireActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { quarterLabel } from '@/lib/domain/credit-rating';
import { draw, POPULATION_LABELS, sameResult } from '@/lib/domain/spot-check';
import { formatDate, formatDateTime } from '@/lib/format';
import { publishSpotCheckAction } from '../actions';
import { ResultForm } from './result-form';

export const metadata: Metadata = { title: '双随机抽查', robots: { index: false } };

type Params = Promise<{ id: string }>;

const ERRORS: Record<string, string> = { published: '该抽查已公布。', refused: '未能公布，请刷新后重试。' };

/** A draw: its seed, inputs and result; the city publishes it; the city or the district enters each item's result. */
export default async function SpotCheckPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/spot-checks');
  if (!can(actor, 'spotcheck.result')) notFound();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const sp = await searchParams;
  const db = getDb();
  const d = await inScopeOrNotFound(actor, await getDrawInScope(db, actor, id), { type: 'spot_check', id, exists: () => drawExists(db, id) });
  const q = { year: d.year, quarter: d.quarter };
  const [items, roster, publication] = await Promise.all([itemsOfDraw(db, actor, d.id), activeRoster(db), getPublication(db, q)]);
  const isEstate = d.population === 'estate';
  const ratings = isEstate ? new Map((await ratingsOfQuarter(db, q, items.map((i) => i.projectId!).filter(Boolean))).map((r) => [r.projectId, r])) : new Map();
  const rows = new Map(drawnRows(d.inputs, d.result).map((r) => [r.id, r]));
  const reruns = sameResult(draw(d.seed, d.inputs), d.result);
  const isCity = can(actor, 'spotcheck.run');
  const known = new Map([...d.inputs.inspectors, ...roster].map((p) => [p.id, p]));
  return (
    <div className="space-y-5">
      <p>
        <Link href="/bureau/spot-checks" className="text-brand-800 underline">
          返回抽查列表
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{d.title}</h1>
      {sp.drawn === '1' && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
          已抽取，种子已记录。抽取结果不能修改；检查完成后可公布。
        </p>
      )}
      {sp.published === '1' && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
          已公布：公众可在“双随机抽查”公开页面查看并重新抽取验证。
        </p>
      )}
      {typeof sp.error === 'string' && ERRORS[sp.error] && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-900">
          {ERRORS[sp.error]}
        </p>
      )}
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium">季度</dt>
        <dd>{quarterLabel(q)}</dd>
        <dt className="font-medium">抽查对象</dt>
        <dd>
          {POPULATION_LABELS[d.population]}
          {d.districtName ? `，${d.districtName}` : '，全市'}（共 {d.inputs.candidates.length} 个，抽取 {d.result.items.length} 个，每个 {d.inputs.perItem} 名检查人员）
        </dd>
        <dt className="font-medium">抽取</dt>
        <dd>
          {formatDateTime(d.drawnAt)}
          {d.drawnByName ? `，${d.drawnByName}` : ''}
        </dd>
        <dt className="font-medium">种子</dt>
        <dd className="break-all font-mono text-sm">
          {d.seed}（{d.seedSource === 'public' ? '公开种子' : '系统随机生成'}）
        </dd>
        <dt className="font-medium">重新抽取验证</dt>
        <dd>{reruns ? '一致' : '不一致'}</dd>
        <dt className="font-medium">公布</dt>
        <dd>{d.publishedAt ? `已公布（${formatDateTime(d.publishedAt)}）` : '未公布：暗访检查完成前不公开'}</dd>
      </dl>
      {isCity && !d.publishedAt && (
        <form action={publishSpotCheckAction} className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
          <h2 className="text-lg font-semibold">公布</h2>
          <p>公布后，抽查名称、种子、全部输入（候选对象及其权重和理由、检查人员名册）和抽取结果在公开页面显示，公众可以重新抽取验证；检查得分不公开（季度评定结果随季度发布）。公布不能撤回。</p>
          <input type="hidden" name="id" value={d.id} />
          <input type="hidden" name="version" value={d.version} />
          <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white">
            公布这次抽查
          </button>
        </form>
      )}
      {d.publishedAt && (
        <p>
          <Link href={`/spot-checks/${d.id}`} className="text-brand-800 underline">
            查看公开页面
          </Link>
        </p>
      )}
      <h2 className="text-xl font-semibold">抽取结果{actor.role === 'district' ? '（本辖区）' : ''}</h2>
      {actor.role === 'city' && <DrawTable rows={drawnRows(d.inputs, d.result)} caption="抽取结果" />}
      {publication && isEstate && <p className="rounded bg-amber-50 px-3 py-2 text-amber-900">{quarterLabel(q)}的评定结果已发布，不能再录入或修改得分。</p>}
      <ol className="space-y-4">
        {items.map((it) => {
          const r = rows.get((it.projectId ?? it.companyId)!);
          const rating = it.projectId ? ratings.get(it.projectId) : undefined;
          const drawn = new Set(it.inspectorIds);
          const choices = [...drawn, ...[...known.keys()].filter((k) => !drawn.has(k) && roster.some((p) => p.id === k))].map((pid) => {
            const p = known.get(pid);
            return { id: pid, name: p?.name ?? pid, unit: p?.unit ?? '', drawn: drawn.has(pid) };
          });
          return (
            <li key={it.id} id={`item-${it.id}`} className="rounded-lg bg-white p-4 shadow-sm">
              <h3 className="font-semibold">
                {it.rank}. {r?.name ?? '—'}
                {r?.companyName ? `（${r.companyName}）` : ''}
              </h3>
              <p className="text-sm text-slate-700">
                {r?.districtName ?? ''} · 权重 {r ? weightText(r) : '—'} · 检查人员：{r?.inspectors.join('、') || '—'}
              </p>
              {sp.saved === it.id && (
                <p role="status" className="mt-2 rounded bg-green-50 px-3 py-2 text-green-900">
                  检查结果已保存{rating ? `，已计入${quarterLabel(q)}的评定` : ''}。
                </p>
              )}
              {it.score != null ? (
                <p className="mt-2">
                  {formatDate(it.checkedOn)} 检查，得分 {Number(it.score).toFixed(2)}
                  {rating && (
                    <>
                      ，{quarterLabel(q)}评定：<RatingBadge rating={rating.rating} />
                    </>
                  )}
                </p>
              ) : (
                <p className="mt-2 text-slate-700">尚未录入检查结果。</p>
              )}
              {!(publication && isEstate) && (
                <ResultForm
                  item={{ id: it.id, version: it.version, checkedOn: it.checkedOn, checkedBy: it.checkedBy ?? [], score: it.score, findings: it.findings, name: r?.name ?? '' }}
                  inspectors={choices}
                  isEstate={isEstate}
                  quarterLabel={quarterLabel(q)}
                />
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
