import type { PublicStaffPage } from '@/db/queries/public-staff';
import { NumberedPager } from '@/components/list-kit/pager';
import { ObjectionBadge, StaffPhoto, StaffQualifications } from './staff-details';

/** 服务人员 on the estate page: approved current staff, manager and supervisors first (SPEC §3.3, §3.11). */
export function StaffSection({ projectId, staff }: { projectId: string; staff: PublicStaffPage }) {
  return (
    <section aria-labelledby="staff-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="staff-heading" className="text-lg font-semibold">
          服务人员
        </h2>
        <p className="text-sm text-slate-600">经区县住建部门审核的在岗人员，共 {staff.total} 人</p>
      </div>
      <p className="mt-1 text-sm text-slate-600">只公开项目负责人和客服、工程、安保主管的联系电话。</p>
      {staff.items.length === 0 ? (
        <p className="mt-3 text-slate-700">暂无经审核的在岗服务人员信息。</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200">
          {staff.items.map((p) => (
            <li key={p.id} className="flex gap-4 py-3">
              <StaffPhoto projectId={projectId} person={p} size="thumb" />
              <div className="min-w-0 space-y-1">
                <h3 className="flex flex-wrap items-center gap-2 font-medium">
                  <a href={`/projects/${projectId}/staff/${p.id}`} className="text-brand-700 underline">
                    {p.name}
                  </a>
                  <span className="text-slate-700">{p.post}</span>
                  {p.objectionOpen && <ObjectionBadge />}
                </h3>
                <p className="text-sm text-slate-700">
                  {p.gender} · {p.age} 岁
                  {p.phone && (
                    <>
                      {' '}
                      · 联系电话 <a href={`tel:${p.phone}`} className="text-brand-700 underline">{p.phone}</a>
                    </>
                  )}
                </p>
                <StaffQualifications person={p} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <NumberedPager path={`/projects/${projectId}`} filters={{}} page={staff.page} pages={staff.pageCount} />
    </section>
  );
}
