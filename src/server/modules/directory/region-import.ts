/**
 * The `regions` import kind: one row per lowest place, columns from district down to building
 * (区/县, 街道/乡镇, 社区/村, 网格, 楼栋). planRegionRows checks every row and anchors it under the
 * top region (a county that is itself the top, or a district under the top city);
 * matchRegionRows says which rows add places and which find every place there already;
 * applyRegionRows adds the missing places (with their history) in the import's transaction. Names
 * are unique among siblings, so a second run of the same sheet changes nothing.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ImportError } from '../../../contracts/directory';
import type { DB, RegionKind } from '../../db/schema';
import type { Principal } from '../../platform/principal';
import type { SheetRow } from '../../platform/xlsx';
import { assertRegionInReach } from './directory.policy';

export const REGION_COLUMNS = [
  { header: '区/县', example: '江滨区', note: '顶级区域是县（区）时可不填；顶级区域是市时填区县名，没有的会新建' },
  { header: '街道/乡镇', required: true, example: '东城街道', note: '必填' },
  { header: '社区/村', example: '幸福社区', note: '名称以“村”结尾的记为村' },
  { header: '网格', example: '幸福社区第一网格', note: '' },
  { header: '楼栋', example: '幸福里3号楼', note: '' },
] as const;

const LEVELS: ReadonlyArray<{ column: string; kind: RegionKind }> = [
  { column: '区/县', kind: 'district' },
  { column: '街道/乡镇', kind: 'street' },
  { column: '社区/村', kind: 'community' },
  { column: '网格', kind: 'grid' },
  { column: '楼栋', kind: 'building' },
];

export interface RegionPlanned {
  row: number;
  key: string;
  /** The anchor (an existing region) and the names below it, top down. */
  values: { anchorId: string; steps: Array<{ kind: RegionKind; name: string; village: boolean }> };
  preview: Record<string, string>;
}

export interface RegionMatched extends RegionPlanned {
  action: 'create' | 'update' | 'unchanged';
  targetId: string | null;
}

interface Node {
  id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  path: string;
}

async function loadTree(db: Kysely<DB>) {
  const nodes = await db.selectFrom('region').select(['id', 'parent_id', 'kind', 'name', 'path']).execute();
  const byParentName = new Map<string, Node>(nodes.map((n) => [`${n.parent_id ?? ''}|${n.name}`, n]));
  return { nodes, child: (parentId: string | null, name: string) => byParentName.get(`${parentId ?? ''}|${name}`), add: (n: Node) => byParentName.set(`${n.parent_id ?? ''}|${n.name}`, n) };
}

/** Checks the rows; returns the planned rows and the errors (row, column, code, message). */
export async function planRegionRows(db: Kysely<DB>, principal: Principal, rows: SheetRow[]): Promise<{ planned: RegionPlanned[]; errors: ImportError[]; errorRows: number }> {
  const tree = await loadTree(db);
  const roots = tree.nodes.filter((n) => n.parent_id === null);
  const planned: RegionPlanned[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  let errorRows = 0;
  for (const row of rows) {
    const errs: ImportError[] = [];
    const add = (column: string | null, code: string, message: string) => errs.push({ row: row.row, column, code, message });
    const names = LEVELS.map((l) => (row.values[l.column] ?? '').trim());
    for (const [i, name] of names.entries()) if ([...name].length > 100) add(LEVELS[i]!.column, 'TOO_LONG', `“${LEVELS[i]!.column}”最多 100 个字`);
    if (!names[1]) add('街道/乡镇', 'REQUIRED', '“街道/乡镇”必填');
    // The filled columns run without a gap from the street down to the lowest place.
    const lowest = names.reduce((acc, n, i) => (n ? i : acc), 0);
    for (let i = 2; i < lowest; i++) if (!names[i]) add(LEVELS[i]!.column, 'REQUIRED', `填了“${LEVELS[lowest]!.column}”时，“${LEVELS[i]!.column}”必填`);
    let anchor: Node | undefined;
    let from = 1;
    if (errs.length === 0) {
      const district = names[0];
      const rootCounty = district ? roots.find((r) => r.name === district && r.kind === 'district') : undefined;
      const cities = roots.filter((r) => r.kind === 'city');
      if (rootCounty) anchor = rootCounty;
      else if (district && cities.length === 1) {
        anchor = cities[0];
        from = 0;
      } else if (!district && roots.length === 1) anchor = roots[0];
      else if (roots.length === 0) add(null, 'NO_TOP_REGION', '系统中还没有顶级区域：请先创建市或县（区）');
      else add('区/县', district ? 'NOT_FOUND' : 'REQUIRED', district ? `找不到顶级区域“${district}”` : '有多个顶级区域时，“区/县”必填');
    }
    if (anchor) {
      try {
        assertRegionInReach(principal, 'directory.region.write', anchor.path);
      } catch {
        add('区/县', 'OUT_OF_SCOPE', `${anchor.name}不在您的管理范围内`);
      }
    }
    if (errs.length > 0 || !anchor) {
      errorRows++;
      errors.push(...errs);
      continue;
    }
    const steps = LEVELS.slice(from, lowest + 1).map((l, i) => {
      const name = names[from + i]!;
      return { kind: l.kind, name, village: l.kind === 'community' && name.endsWith('村') };
    });
    const key = `${anchor.id}/${steps.map((s) => s.name).join('/')}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errorRows++;
      errors.push({ row: row.row, column: null, code: 'DUPLICATE_ROW', message: `与第 ${first} 行重复` });
      continue;
    }
    seen.set(key, row.row);
    planned.push({ row: row.row, key, values: { anchorId: anchor.id, steps }, preview: Object.fromEntries(LEVELS.map((l, i) => [l.column, names[i]!])) });
  }
  return { planned, errors, errorRows };
}

/**
 * A row adds places when any place on its way down is missing; otherwise it is unchanged. A place
 * found by name at a level it does not belong to (a community where the sheet says street) refuses the row.
 */
export async function matchRegionRows(db: Kysely<DB>, planned: RegionPlanned[]): Promise<{ matched: RegionMatched[]; refused: ImportError[] }> {
  const tree = await loadTree(db);
  const matched: RegionMatched[] = [];
  const refused: ImportError[] = [];
  for (const p of planned) {
    let parentId: string | null = p.values.anchorId;
    let node: Node | undefined;
    let clash: ImportError | null = null;
    for (const [i, s] of p.values.steps.entries()) {
      node = parentId ? tree.child(parentId, s.name) : undefined;
      if (node && node.kind !== s.kind) {
        const column = LEVELS.find((l) => l.kind === s.kind)?.column ?? null;
        clash = { row: p.row, column, code: 'REGION_KIND_MISMATCH', message: `“${s.name}”已在系统中，但不是${column ?? ''}一级（第 ${i + 1} 级）` };
        break;
      }
      parentId = node?.id ?? null;
    }
    if (clash) refused.push(clash);
    else matched.push({ ...p, action: node ? 'unchanged' : 'create', targetId: node?.id ?? null });
  }
  return { matched, refused };
}

/** Adds the missing places of the rows, top down, each with its history row. Returns how many places were added. */
export async function applyRegionRows(trx: Transaction<DB>, rows: RegionMatched[], userId: string, onProgress: (done: number) => void): Promise<number> {
  const tree = await loadTree(trx);
  let added = 0;
  let done = 0;
  for (const r of rows) {
    if (r.action !== 'create') continue;
    const anchor = tree.nodes.find((n) => n.id === r.values.anchorId);
    if (!anchor) continue;
    let parent: Node = anchor;
    for (const s of r.values.steps) {
      let node = tree.child(parent.id, s.name);
      if (!node) {
        const { id } = await trx.selectNoFrom(sql<string>`gen_random_uuid()`.as('id')).executeTakeFirstOrThrow();
        node = { id, parent_id: parent.id, kind: s.kind, name: s.name, path: `${parent.path}${id}/` };
        await trx.insertInto('region').values({ id, parent_id: parent.id, kind: s.kind, name: s.name, village: s.village, path: node.path }).execute();
        await trx
          .insertInto('region_history')
          .values({ region_id: id, action: 'create', after: JSON.stringify({ parentId: parent.id, kind: s.kind, name: s.name, village: s.village, via: 'import' }), actor_user_id: userId })
          .execute();
        tree.add(node);
        added++;
      }
      parent = node;
    }
    onProgress(++done);
  }
  return added;
}
