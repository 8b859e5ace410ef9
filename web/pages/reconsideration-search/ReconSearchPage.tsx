/** 相似案例检索: free-text search over past applications and decisions, or the cases like one case; bulk actions on the hits. */
import { useQuery } from '@tanstack/react-query';
import { Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ReconSearchHit, ReconSearchResult } from '../../../common/contracts';
import { get } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { BulkActionBar, DecisionTag, Highlight, caseLink } from './components';

export function ReconSearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const caseId = params.get('case');
  const [text, setText] = useState(q);
  const [selected, setSelected] = useState<string[]>([]);
  const result = useQuery({
    queryKey: ['recon-search', q, caseId],
    enabled: !!q.trim() || !!caseId,
    queryFn: () => (caseId ? get<ReconSearchResult>(`/reconsideration/cases/${caseId}/similar`, { limit: 50 }) : get<ReconSearchResult>('/reconsideration/search', { q, limit: 50 })),
  });
  const hits = result.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="相似案例检索"
        description="检索本人数据权限内的行政复议申请和决定：按被申请人、行政行为、复议请求、事实理由和决定说理中的词语（中文分词）匹配，按相关度（BM25）排序。命中的词语以高亮显示。不检索申请人姓名等个人信息。"
      />
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          <label htmlFor="recon-search-q">检索内容</label>
          <Input.Search
            id="recon-search-q"
            allowClear
            enterButton="检索"
            maxLength={500}
            value={text}
            placeholder="例如：政府信息公开 逾期答复；强制拆除 未催告"
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => {
              setSelected([]);
              setParams(v.trim() ? { q: v.trim() } : {});
            }}
          />
          {caseId && (
            <Typography.Text>
              正在显示与 <Link to={caseLink(caseId)}>该案</Link> 相似的案件。
            </Typography.Text>
          )}
          {result.data && (
            <Typography.Text type="secondary">
              检索词：{result.data.terms.length ? result.data.terms.map((t) => <Tag key={t}>{t}</Tag>) : '（没有可检索的词语，请换用更具体的说法）'}
            </Typography.Text>
          )}
          <ErrorAlert error={result.error} />
          <Table<ReconSearchHit>
            rowKey="caseId"
            size="small"
            loading={result.isFetching}
            dataSource={hits}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
            locale={{ emptyText: q || caseId ? '没有找到匹配的案件' : '请输入检索内容' }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '案号', dataIndex: 'caseNo', render: (v: string, h) => <Link to={caseLink(h.caseId)}>{v}</Link> },
              { title: '收到日期', dataIndex: 'receivedOn' },
              { title: '被申请人', dataIndex: 'respondentName', render: (v: string, h) => <Highlight text={v} terms={h.matchedTerms} /> },
              { title: '行政行为', dataIndex: 'actName', render: (v: string, h) => <Highlight text={v} terms={h.matchedTerms} /> },
              { title: '状态', dataIndex: 'statusLabel', render: (v: string) => <Tag>{v}</Tag> },
              { title: '决定', dataIndex: 'decisionType', render: (_v, h) => <DecisionTag type={h.decisionType} /> },
              { title: '命中词', dataIndex: 'matchedTerms', render: (ts: string[]) => ts.map((t) => <Tag key={t} color="blue">{t}</Tag>) },
              { title: '相关度', dataIndex: 'score', render: (v: number) => v.toFixed(2) },
            ]}
          />
          {selected.length > 0 && <BulkActionBar caseIds={selected} onDone={() => void result.refetch()} />}
        </Space>
      </Card>
    </>
  );
}
