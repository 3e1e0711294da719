import type { Metadata } from 'next';
import { ObjectionForm } from './objection-form';

export const metadata: Metadata = {
  title: '从业人员信息异议',
  description: '物业服务从业人员认为平台登记的本人信息有误时，可在此提出异议，并凭查询码查看处理进度。',
};

export default function NewObjectionPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">从业人员信息异议</h1>
      <div className="space-y-2 rounded-lg bg-white p-4 text-slate-800 shadow-sm">
        <p>认为平台登记的本人信息有误的物业服务从业人员，可以在此提出异议。所在企业或区县住建部门核实后，会更正信息或说明维持原信息的理由。</p>
        <p>提交后您会得到一个查询码，凭查询码可以随时查看处理进度。同一时间只能有一件异议在处理中。</p>
      </div>
      <div className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <ObjectionForm />
      </div>
    </div>
  );
}
