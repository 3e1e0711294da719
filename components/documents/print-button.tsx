/** Above a printable document, on screen only: how to print it and a way back (no script needed). */
export function PrintButton({ back }: { back: string }) {
  return (
    <p className="no-print flex flex-wrap items-center gap-x-4 gap-y-2 print:hidden">
      <span className="text-slate-700">请使用浏览器的“打印”（Ctrl+P），纸张选择 A4。</span>
      <a href={back} className="text-brand-800 underline">
        返回
      </a>
    </p>
  );
}
