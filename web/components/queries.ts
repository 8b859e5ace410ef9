/** Shared server-state hooks (TanStack Query) for reference data used on several pages. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Department, PermissionCatalogue, Role } from '../../common/contracts';
import { get } from '../app/api';

export const keys = {
  departments: ['departments'] as const,
  roles: ['roles'] as const,
  permissions: ['permissions'] as const,
  users: ['users'] as const,
  deadlines: ['deadlines'] as const,
  calendarYears: ['calendar', 'years'] as const,
  calendarJournal: ['calendar', 'journal'] as const,
};

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: keys.departments,
    queryFn: () => get<{ data: Department[] }>('/departments').then((r) => r.data),
    enabled,
    staleTime: 60_000,
  });
}

export function useRoles(enabled = true) {
  return useQuery({ queryKey: keys.roles, queryFn: () => get<{ data: Role[] }>('/roles').then((r) => r.data), enabled, staleTime: 60_000 });
}

export type PermissionEntry = z.infer<typeof PermissionCatalogue>['data'][number];
export function usePermissionCatalogue(enabled = true) {
  return useQuery({
    queryKey: keys.permissions,
    queryFn: () => get<{ data: PermissionEntry[] }>('/permissions').then((r) => r.data),
    enabled,
    staleTime: Infinity,
  });
}
