import type { Department } from '../../common/contracts';
import { DEPARTMENT_KIND_LABELS } from '../../common/contracts';

export interface DepartmentNode {
  key: string;
  value: string;
  title: string;
  department: Department;
  children: DepartmentNode[];
}

/** Builds the department tree from the flat list (roots: no parent, or a parent outside the caller's scope). */
export function buildDepartmentTree(list: Department[], label: (d: Department) => string = (d) => d.name): DepartmentNode[] {
  const byId = new Map(list.map((d) => [d.id, d]));
  const nodes = new Map<string, DepartmentNode>(list.map((d) => [d.id, { key: d.id, value: d.id, title: label(d), department: d, children: [] }]));
  const roots: DepartmentNode[] = [];
  for (const d of list) {
    const node = nodes.get(d.id)!;
    if (d.parentId && byId.has(d.parentId)) nodes.get(d.parentId)!.children.push(node);
    else roots.push(node);
  }
  const sort = (arr: DepartmentNode[]) => {
    arr.sort((a, b) => a.department.sort - b.department.sort || a.department.code.localeCompare(b.department.code));
    arr.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Ids of a department and everything below it. */
export function descendantIds(list: Department[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of list) if (d.parentId && out.has(d.parentId) && !out.has(d.id)) {
      out.add(d.id);
      grew = true;
    }
  }
  return out;
}

export const kindLabel = (k: Department['kind']) => DEPARTMENT_KIND_LABELS[k];
