import { loadPublishedDraw } from '../load';

export const dynamic = 'force-dynamic';

/** A published draw's seed and inputs as JSON: everything needed to re-run it (unpublished: 404). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const d = await loadPublishedDraw((await params).id);
  if (!d) return Response.json({ error: 'not_found' }, { status: 404 });
  return new Response(JSON.stringify({ seed: d.seed, inputs: d.inputs, result: d.result }, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="spot-check-${d.id}.json"`,
      'access-control-allow-origin': '*',
    },
  });
}
