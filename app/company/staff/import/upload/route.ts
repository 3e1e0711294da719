import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { handleRosterUpload } from '@/lib/http/roster-upload';

/**
 * The roster upload. A route handler rather than a server action because a roster with photos exceeds the
 * server actions' body limit. Who is asking is settled before the body is read (lib/http/roster-upload.ts).
 */
export async function POST(request: Request) {
  return handleRosterUpload(getDb(), await getActor(), request, {
    onAccepted: () => {
      revalidatePath('/company');
      revalidatePath('/bureau');
    },
  });
}
