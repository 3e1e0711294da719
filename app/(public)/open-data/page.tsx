import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: '开放数据',
  description: '红黑榜、企业名录、小区与季度服务评价、企业信用档案与招投标资格的开放数据接口：JSON、CSV 与 Atom 订阅，供媒体、招标人和公众使用。',
  alternates: { canonical: '/open-data' },
};

/**
 * How to use the open data of SPEC §5. Rendered per request, not prerendered: its scripts must carry the nonce of
 * the request's Content-Security-Policy (decision 015).
 */
export const dynamic = 'force-dynamic';

const code = 'rounded bg-slate-100 px-1 py-0.5 font-mono text-sm';

function Endpoint({ path, children }: { path: string; children: React.ReactNode }) {
  return (
    <div className="border-t border-slate-200 pt-3">
      <h3 className="font-mono text-base font-semibold break-all">{path}</h3>
      <div className="mt-1 space-y-2 text-slate-800">{children}</div>
    </div>
  );
}

export default function OpenDataPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <h1 className="text-2xl font-bold">开放数据</h1>
      <p className="text-slate-800">
        红黑榜、已备案企业名录、小区及其季度服务评价、企业信用档案和招投标资格查询结果以开放格式提供，任何人无需注册即可使用（“应查必查”）。数据与
        <a href="/lists/red" className="text-brand-700 underline">
          红榜
        </a>
        、
        <a href="/lists/black" className="text-brand-700 underline">
          黑榜
        </a>
        页面一致，榜单变动后立即更新；榜单条目到预计移出日期当日自动不再显示。
      </p>

      <section aria-labelledby="lists-api" className="space-y-3 rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="lists-api" className="text-lg font-semibold">
          红黑榜
        </h2>
        <Endpoint path="GET /api/v1/lists/red · GET /api/v1/lists/black">
          <p>
            当前在榜条目（JSON）。加 <code className={code}>?format=csv</code> 得到 CSV（UTF-8，带 BOM，可直接用 Excel 打开）。
          </p>
          <p>
            参数：<code className={code}>district</code>（区县代码，如 510903 船山区）、<code className={code}>period</code>
            （季度 <code className={code}>2026Q3</code> 或年份 <code className={code}>2026</code>：该期间内任一天在榜）、
            <code className={code}>q</code>（企业名称或统一社会信用代码）、<code className={code}>page</code>（每页 20 条）。参数有误时返回 400
            和中文说明。
          </p>
          <p>
            每个条目包含：<code className={code}>company.uscc</code>、<code className={code}>company.name</code>、
            <code className={code}>reason</code>（列入原因）、<code className={code}>rule</code>（依据条款）、
            <code className={code}>since</code>（列入日期）、<code className={code}>until</code>（预计移出日期，当日起不在榜；整改期条目待复查结论）、
            <code className={code}>district</code>、<code className={code}>project</code>（涉及小区）、
            <code className={code}>rule.citation</code>（依据条款的规章全称）和 <code className={code}>underObjection</code>
            （true 表示所依据的记录有尚在处理的异议，即“异议处理中”）。
          </p>
          <p>红榜不含当日在黑榜的企业。</p>
        </Endpoint>
      </section>

      <section aria-labelledby="tables-api" className="space-y-3 rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="tables-api" className="text-lg font-semibold">
          企业、小区与季度评价
        </h2>
        <p className="text-slate-800">
          以下三个接口均返回 JSON；加 <code className={code}>?format=csv</code> 得到 CSV（表头即字段名，与 JSON 相同，嵌套字段写作{' '}
          <code className={code}>district.code</code> 这样的形式）。每页 100 条，用 <code className={code}>page</code> 翻页；JSON 的{' '}
          <code className={code}>meta</code> 给出总数 <code className={code}>total</code> 和总页数 <code className={code}>pageCount</code>，CSV 的总数在响应头{' '}
          <code className={code}>X-Total-Count</code>。每条记录都有不变的编号，并按编号排序，数据更新时翻页不会重复或遗漏未变动的记录。
          <code className={code}>district</code> 为区县代码（如 510903 船山区）。参数有误时返回 400 和中文说明。
        </p>
        <Endpoint path="GET /api/v1/companies">
          <p>
            已备案物业服务企业名录，按统一社会信用代码 <code className={code}>uscc</code> 排序：名称、注册地址、所在区县、法定代表人、注册资本（万元）、备案日期、在管小区数、
            最近一次已公布的年度信用评价 <code className={code}>grade</code>（年度、等级、得分、是否一票否决）和当日榜单状态{' '}
            <code className={code}>listStatus</code>（red / black / none）。
          </p>
        </Endpoint>
        <Endpoint path="GET /api/v1/estates">
          <p>
            全部小区，按小区编号 <code className={code}>id</code> 排序：名称、地址、区县、街道、类型、户数、提供服务的已备案企业{' '}
            <code className={code}>company</code>，以及最近一个已公布季度的服务评价 <code className={code}>latestRating</code>（优秀 / 良好 / 差）。
          </p>
        </Endpoint>
        <Endpoint path="GET /api/v1/ratings?period=2026Q3">
          <p>
            已公布的小区季度服务评价，最新季度在前：评价编号 <code className={code}>id</code>、季度、小区、区县、被评价企业和评价结果。
            <code className={code}>period</code> 可为季度（<code className={code}>2026Q3</code>）或年份（<code className={code}>2026</code>）。尚未公布的季度不提供。
          </p>
        </Endpoint>
      </section>

      <section aria-labelledby="feeds" className="space-y-3 rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="feeds" className="text-lg font-semibold">
          订阅（Atom）
        </h2>
        <p className="text-slate-800">
          用任何支持 Atom 的阅读器订阅，有新动态时即可看到。每个小区和企业页面的标题下方都有“订阅”链接。
        </p>
        <Endpoint path="GET /feeds/lists.xml">
          <p>红黑榜变动的 Atom 订阅：列入、移出、期满移出和变更，每条链接到企业信用档案。</p>
        </Endpoint>
        <Endpoint path="GET /feeds/projects/{小区编号}.xml">
          <p>
            一个小区的动态：物业服务企业进驻、项目负责人变更、服务人员到岗和离岗（只有姓名和岗位）、季度服务评价公布、涉及本小区的红黑榜变动，以及公示中的企业信用记录和本小区在岗人员的信用记录。
          </p>
        </Endpoint>
        <Endpoint path="GET /feeds/companies/{统一社会信用代码}.xml">
          <p>一家已备案企业的动态：备案通过、进驻小区、人员到岗和离岗、所管小区的季度评价、榜单变动和公示中的信用记录。</p>
        </Endpoint>
        <p className="text-slate-800">每个订阅给出最近 50 条动态；每条动态的编号（id）不会改变，阅读器不会重复显示。</p>
      </section>

      <section aria-labelledby="company-api" className="space-y-3 rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="company-api" className="text-lg font-semibold">
          企业信用档案与招投标资格
        </h2>
        <Endpoint path="GET /api/v1/companies/{统一社会信用代码}?on=YYYY-MM-DD">
          <p>
            企业公开基本信息、最近一次已公布的年度信用评价（<code className={code}>grade</code>、<code className={code}>score</code>、
            <code className={code}>evaluationYear</code>）、指定日期的榜单状态 <code className={code}>listStatus</code>（red / black / none）、
            全部榜单条目，以及 <code className={code}>eligibleForTender</code>：该日期信用等级为 A 级且不在黑榜，方可入围前期物业招标（诸暨实施意见第 6 条）。
            不符合时给出原因。不带 <code className={code}>on</code> 时按今日查询。
            榜单条目的 <code className={code}>underObjection</code> 为 true 时，表示该条目所依据的记录异议处理中。
          </p>
        </Endpoint>
      </section>

      <section aria-labelledby="stats-api" className="space-y-3 rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="stats-api" className="text-lg font-semibold">
          统计数据
        </h2>
        <Endpoint path="GET /api/v1/stats">
          <p>
            <a href="/stats" className="text-brand-700 underline">统计页</a>
            上每张图表的数据（JSON）：信用等级分布、各区县在榜条目、近 12 个月列入红黑榜条目数、各季度小区服务评价、投诉和异议的办理用时（中位数、第 90 百分位）、各区县从业人员登记覆盖率。加{' '}
            <code className={code}>?format=csv</code> 得到一张长表（<code className={code}>table,category,measure,value</code>）。
          </p>
        </Endpoint>
      </section>

      <section aria-labelledby="spot-checks" className="space-y-3 rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="spot-checks" className="text-lg font-semibold">
          双随机抽查
        </h2>
        <Endpoint path="GET /spot-checks/{编号}/inputs.json">
          <p>
            已公布的
            <a href="/spot-checks" className="text-brand-700 underline">
              双随机抽查
            </a>
            的种子、全部输入（候选对象及其权重和理由、检查人员名册）和抽取结果（JSON），可按公开的方法自行重新抽取验证。
          </p>
        </Endpoint>
      </section>

      <section aria-labelledby="terms" className="space-y-2 rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="terms" className="text-lg font-semibold">
          许可与使用说明
        </h2>
        <p className="text-slate-800">
          <strong>许可：</strong>本页列出的数据可自由使用、复制、转载和再加工，包括商业用途，无需申请；使用时须注明来源“遂宁市住房和城乡建设局 物业服务企业信用监管平台”，并不得歪曲原意。
        </p>
        <p className="text-slate-800">
          <strong>不提供的内容：</strong>从业人员的身份证号码、出生日期、民族、籍贯、政治面貌、学历、个人手机号码和照片；企业联系电话；季度检查的具体得分和尚未公布的评价结果；
          尚未审核或未予记录的信用信息，以及已过公示期的记录。订阅中的服务人员只有姓名和岗位。
        </p>
        <ul className="list-disc space-y-1 pl-5 text-slate-800">
          <li>接口允许跨域调用（CORS），适合招标平台、媒体和研究者直接接入。</li>
          <li>日期均为中国标准时间的日历日期（YYYY-MM-DD）。</li>
          <li>公开数据只含公示字段；从业人员个人信息不通过接口提供。</li>
          <li>
            对公示信息有异议的，可凭书面证据
            <a href="/objections" className="text-brand-700 underline">
              提出信息异议
            </a>
            。
          </li>
        </ul>
      </section>
    </div>
  );
}
