/** Picks a 行政复议 case by (part of) its case number, within the user's data scope. Value: the case id. */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { ReconCaseSummary } from '../../../common/contracts';
import { get } from '../../app/api';

export function ReconCaseSelect({ value, onChange, initialLabel, id }: { value?: string; onChange?: (v: string | undefined) => void; initialLabel?: string | null; id?: string }) {
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['reconsideration', 'case-pick', q],
    queryFn: () => get<{ data: ReconCaseSummary[]; total: number }>('/reconsideration/cases', { caseNo: q || undefined, pageSize: 20 }),
  });
  const options = (list.data?.data ?? []).map((c) => ({ value: c.id, label: `${c.caseNo} ${c.applicantName} 诉 ${c.respondentName}` }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      id={id}
      allowClear
      showSearch
      filterOption={false}
      value={value}
      onChange={(v) => onChange?.(v)}
      onSearch={setQ}
      loading={list.isFetching}
      options={options}
      placeholder="输入案号（如 〔2025〕12）搜索"
      notFoundContent={list.isFetching ? '正在查找…' : '未找到案件'}
    />
  );
}
