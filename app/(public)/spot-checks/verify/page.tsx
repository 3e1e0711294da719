import type { Metadata } from 'next';
import { AlgorithmText } from '@/components/spot-checks/draw-view';
import { Breadcrumbs } from '../../_components/breadcrumbs';
import { PasteForm } from './paste-form';

export const metadata: Metadata = {
  title: '验证双随机抽取',
  description: '粘贴公布的种子和输入，重新运行双随机抽取，核对结果。',
  alternates: { canonical: '/spot-checks/verify' },
};

/** Anyone re-runs a draw from a seed and inputs they paste (throttled; bounded sizes). */
export default function VerifyDrawPage() {
  return (
    <div className="space-y-5">
      <Breadcrumbs trail={[{ href: '/spot-checks', label: '双随机抽查' }]} current="验证抽取" />
      <h1 className="text-2xl font-bold">验证双随机抽取</h1>
      <p className="text-slate-800">把公开页面上的种子和下载的输入粘贴到这里，系统按公开的方法重新抽取。也可以改动输入，看看结果怎样变化。</p>
      <PasteForm />
      <section aria-labelledby="how" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="how" className="text-xl font-semibold">
          抽取方法
        </h2>
        <AlgorithmText />
      </section>
    </div>
  );
}
