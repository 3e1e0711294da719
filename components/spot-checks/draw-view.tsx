import { ListTable, type Column } from '@/components/list-kit/table';
import type { DrawInputs, DrawResult } from '@/lib/domain/spot-check';

export interface DrawnRow {
  rank: number;
  id: string;
  name: string;
  districtName: string | null;
  companyName: string | null;
  weight: number;
  reasons: string[];
  inspectors: string[];
}

/** The drawn items with their names, weights and inspectors, from the inputs snapshot (names as at the draw). */
export function drawnRows(inputs: DrawInputs, result: DrawResult): DrawnRow[] {
  const c = new Map(inputs.candidates.map((x) => [x.id, x]));
  const p = new Map(inputs.inspectors.map((x) => [x.id, x]));
  return result.items.map((it) => {
    const x = c.get(it.candidateId);
    return {
      rank: it.rank,
      id: it.candidateId,
      name: x?.name ?? it.candidateId,
      districtName: x?.districtName ?? null,
      companyName: x?.companyName ?? null,
      weight: x?.weight ?? 0,
      reasons: x?.reasons ?? [],
      inspectors: it.inspectorIds.map((id) => {
        const i = p.get(id);
        return i ? `${i.name}（${i.unit}）` : id;
      }),
    };
  });
}

export function weightText(r: Pick<DrawnRow, 'weight' | 'reasons'>): string {
  return r.reasons.length ? `${r.weight}（${r.reasons.join('；')}）` : `${r.weight}`;
}

/** The table of a draw's result (cards on a phone). `extra` adds a column (status, or the re-run's 一致/不一致). */
export function DrawTable({ rows, caption, extra }: { rows: DrawnRow[]; caption: string; extra?: Column<DrawnRow> }) {
  const columns: Column<DrawnRow>[] = [
    { label: '序号', cell: (r) => r.rank, className: 'whitespace-nowrap' },
    { label: '对象', rowHeader: true, cell: (r) => (r.companyName ? `${r.name}（${r.companyName}）` : r.name) },
    { label: '区县', cell: (r) => r.districtName ?? '—' },
    { label: '权重', cell: weightText },
    { label: '检查人员', cell: (r) => r.inspectors.join('、') || '—' },
    ...(extra ? [extra] : []),
  ];
  return <ListTable caption={caption} columns={columns} rows={rows} rowKey={(r) => r.id} />;
}

/** The algorithm in words, precise enough to re-implement (docs/decisions/034). */
export function AlgorithmText() {
  return (
    <ol className="list-decimal space-y-2 pl-6 text-slate-800">
      <li>
        权重（规则版本 1）：每个对象从 1 开始，符合下列情形的依次相乘——信用等级D级 ×3、C级 ×2，在黑榜上 ×3，重点监管 ×3（DW 14（三）1）；红榜或守信激励 ×0.5（DW 14（一）3：日常监督检查时不作重点监管），绿色通道 ×0.5、信用等级A级 ×0.5（CQ：对诚信企业优化检查频次）。权重和理由随输入一起公布。
      </li>
      <li>
        对每个候选对象计算 h = HMAC-SHA256（密钥为种子的 UTF-8 字节，消息为 “estate:对象编号” 或 “company:对象编号”）；取 h 的前 6 个字节作为大端无符号整数 n，u = (n + 0.5) / 2<sup>48</sup>；排序键为 u<sup>1/权重</sup>（等价于 ln(u)/权重）。排序键最大的若干个对象入选，按排序键从大到小排列，相等时按编号升序（Efraimidis–Spirakis 加权不放回抽样）。
      </li>
      <li>
        按入选顺序逐个为对象选派检查人员：名册中尚未被选派到该对象、已分配对象数少于“每人上限”、且（勾选回避时）不属于该对象所在区县的人员（市级人员不回避），各自计算 v = 同样方法由 HMAC-SHA256（种子，“inspector:对象编号:人员编号”）得到的数；v 最大的若干名入选，相等时按编号升序。
      </li>
      <li>输入的排列顺序不影响结果。用同一个种子和同一份输入，任何人、任何程序都会得到相同的对象和检查人员。</li>
    </ol>
  );
}
