import 'server-only';
import type { Db } from '@/db';
import { listScopeChoices } from '@/db/queries/role-accounts';
import type { ScopeChoices } from './scope-fields';

/** The districts, streets/communities (grouped by district) and estates the scope fields offer. */
export async function scopeChoices(db: Db): Promise<ScopeChoices> {
  const { regions, estates } = await listScopeChoices(db);
  const byId = new Map(regions.map((r) => [r.id, r]));
  const districts = regions.filter((r) => r.level === 'district').map((r) => ({ id: r.id, name: r.name }));
  const districtOf = (id: string | null): string | null => {
    const r = id ? byId.get(id) : undefined;
    if (!r) return null;
    return r.level === 'district' ? r.id : districtOf(r.parentId);
  };
  const places = districts.map((d) => ({
    district: d.name,
    options: [...regions]
      .sort((a, b) => a.id.localeCompare(b.id))
      .filter((r) => (r.level === 'street' || r.level === 'community') && districtOf(r.id) === d.id)
      .map((r) => ({ id: r.id, label: r.level === 'street' ? r.name : `${byId.get(r.parentId ?? '')?.name ?? ''} · ${r.name}` })),
  }));
  const estateGroups = districts.map((d) => ({ district: d.name, options: estates.filter((e) => e.districtId === d.id).map((e) => ({ id: e.id, label: e.name })) }));
  return { districts, places: places.filter((g) => g.options.length), estates: estateGroups.filter((g) => g.options.length) };
}
