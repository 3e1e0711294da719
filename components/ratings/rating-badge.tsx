/** An estate rating (DW 10) as a small coloured label; the word itself carries the meaning. */
import type { EstateRating } from '@/lib/domain/credit-rating';

const STYLE: Record<EstateRating, string> = {
  优秀: 'bg-emerald-100 text-emerald-900',
  良好: 'bg-sky-100 text-sky-900',
  差: 'bg-red-100 text-red-900',
};

export function RatingBadge({ rating }: { rating: EstateRating | null }) {
  if (!rating) return <span className="text-slate-600">未评定</span>;
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${STYLE[rating]}`}>{rating}</span>;
}
