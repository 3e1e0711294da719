import Link from 'next/link';
import { getDb } from '@/db';
import type { Actor } from '@/lib/auth/policy';
import { unreadInboxCount } from '@/lib/services/inbox';

/** The header's link to /inbox with the account's unread count: shown in every signed-in area. */
export async function InboxLink({ actor }: { actor: Actor }) {
  const unread = await unreadInboxCount(getDb(), actor);
  return (
    <Link href="/inbox" className="inline-flex min-h-11 items-center gap-1 rounded px-2 underline-offset-2 hover:underline">
      待办消息
      {unread > 0 ? (
        <span className="rounded-full bg-amber-400 px-2 text-xs font-bold text-slate-900">
          {unread > 99 ? '99+' : unread}
          <span className="sr-only"> 条未读</span>
        </span>
      ) : (
        <span className="sr-only">（无未读）</span>
      )}
    </Link>
  );
}
