import type { BadgeVerification } from '@/db/queries/badges';

/**
 * What an owner at the door sees after scanning a staff badge (SPEC §3.11): whether it verifies now, and while it
 * does the photo, name, post, estate and company — nothing more. A badge that no longer verifies says so and
 * shows nothing about the person.
 */
export function BadgeResult({ badge }: { badge: BadgeVerification }) {
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">工作牌核验结果</h1>
      <section aria-labelledby="badge-status" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        {badge.valid ? (
          <div role="status" className="rounded border-l-8 border-green-700 bg-green-50 p-3">
            <h2 id="badge-status" className="text-2xl font-bold text-green-800">
              有效
            </h2>
            <p>此人是在本平台登记、审核通过的在岗物业从业人员。请核对照片与本人是否一致。</p>
          </div>
        ) : (
          <div role="status" className="rounded border-l-8 border-red-700 bg-red-50 p-3">
            <h2 id="badge-status" className="text-2xl font-bold text-red-800">
              已失效
            </h2>
            <p>这张工作牌已经失效：持牌人已离职、调离或调岗，或工作牌已补发。它不能证明持牌人是在岗的物业从业人员。</p>
          </div>
        )}
        {badge.valid && (
          <div className="mt-4 flex flex-col gap-4 sm:flex-row">
            {badge.hasPhoto ? (
              // eslint-disable-next-line @next/next/no-img-element -- a photo served with its own cache rules
              <img src={`/verify/${badge.code}/photo`} alt={`${badge.name}的照片`} width={180} height={240} className="h-60 w-45 shrink-0 rounded border border-slate-300 object-cover" />
            ) : (
              <p className="flex h-60 w-45 shrink-0 items-center justify-center rounded border border-dashed border-slate-400 text-sm text-slate-600">无照片</p>
            )}
            <dl className="grid content-start gap-x-4 gap-y-1 sm:grid-cols-[7rem_1fr]">
              <dt className="text-slate-600">姓名</dt>
              <dd className="text-lg font-semibold">{badge.name}</dd>
              {badge.registryNo && (
                <>
                  <dt className="text-slate-600">执业登记号</dt>
                  <dd className="font-mono">{badge.registryNo}</dd>
                </>
              )}
              <dt className="text-slate-600">岗位</dt>
              <dd>{badge.post}</dd>
              <dt className="text-slate-600">服务小区</dt>
              <dd>{badge.projectName}</dd>
              <dt className="text-slate-600">物业服务企业</dt>
              <dd>{badge.companyName}</dd>
            </dl>
          </div>
        )}
        <p className="mt-4 text-sm text-slate-700">
          工作牌编号 <span className="font-mono">{badge.code}</span>
        </p>
      </section>
      <p>
        <a href="/verify" className="text-brand-700 underline">
          核验其他文书
        </a>
      </p>
    </div>
  );
}
