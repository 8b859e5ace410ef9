/**
 * The registered agencies' names by code, for tables that carry only the code. The register needs
 * `enforcement.register.read`; a caller without it (an agency liaison) gets the codes back unchanged rather than a
 * request that fails.
 */
import { useQuery } from '@tanstack/react-query';
import { get } from '../../app/api';
import { useCan } from '../../app/auth';

export type AgencyOption = { code: string; name: string };

export function useAgencyList(): AgencyOption[] {
  const can = useCan();
  const q = useQuery({ queryKey: ['enforcement', 'agencies'], queryFn: () => get<{ data: AgencyOption[] }>('/enforcement/agencies'), enabled: can('enforcement.register.read'), staleTime: 60_000 });
  return q.data?.data ?? [];
}

/** code → name (the code itself when the name is not known to this caller). */
export function useAgencyName(): (code: string) => string {
  const list = useAgencyList();
  const names = new Map(list.map((a) => [a.code, a.name]));
  return (code: string) => names.get(code) ?? code;
}
