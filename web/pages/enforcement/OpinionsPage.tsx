/** 执法监督意见书: the letters issued on serious 督办 cases, with the order each concerns and the .docx to download. */
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { OPINION_WHEN, type Opinion } from '../../../common/contracts/enforcement-supervision';
import { API_BASE, get } from '../../app/api';
import { useCan } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useAgencyList } from './agencies';

const HOW = '在符合条件且尚未办结的督办单详情页点“制发意见书”制发。';

export function OpinionsPage() {
  const can = useCan();
  const manage = can('enforcement.supervision.manage');
  const agencies = useAgencyList();
  const [agencyCode, setAgencyCode] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['enforcement', 'opinions', agencyCode, page], queryFn: () => get<{ data: Opinion[]; total: number }>('/enforcement/opinions', { agencyCode, page, pageSize: 20 }), placeholderData: keepPreviousData });
  const filtered = !!agencyCode;
  const none = !filtered && (q.data?.total ?? 0) === 0;
  const empty = filtered
    ? `没有发给“${agencies.find((a) => a.code === agencyCode)?.name ?? agencyCode}”的执法监督意见书`
    : can('enforcement.supervision.read')
      ? `暂无执法监督意见书。${OPINION_WHEN}${manage ? HOW : ''}`
      : `暂无发给本单位的执法监督意见书。${OPINION_WHEN}`;
  return (
    <>
      <PageHeader title="执法监督意见书" description="对情节严重的督办事项制发的执法监督意见书，及其所涉督办单。执法单位联络员只能看到发给本单位的意见书。" />
      {!none && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${OPINION_WHEN}${manage ? HOW : ''}`} />}
      {agencies.length > 0 && (
        <Space style={{ marginBottom: 12 }}>
          <span>执法主体</span>
          <Select aria-label="执法主体" placeholder="全部执法主体" allowClear showSearch optionFilterProp="label" style={{ width: 260 }} value={agencyCode} onChange={(v) => { setAgencyCode(v); setPage(1); }} options={agencies.map((a) => ({ value: a.code, label: a.name }))} />
        </Space>
      )}
      <ErrorAlert error={q.error} />
      <Table<Opinion>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 份` }}
        locale={{ emptyText: <div style={{ padding: '16px 0', maxWidth: 640, margin: '0 auto', color: '#434343' }} data-testid="opinions-empty">{empty}</div> }}
        expandable={{ expandedRowRender: (o) => <Descriptions size="small" column={1} items={[{ key: 'f', label: '经查', children: o.facts }, { key: 'o', label: '监督意见', children: o.opinion }]} />, expandRowByClick: false }}
        columns={[
          { title: '意见书编号', dataIndex: 'opinionNo', render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span> },
          { title: '执法主体', dataIndex: 'agencyName', render: (n: string | null, o) => n ?? o.agencyCode },
          { title: '所涉督办单', dataIndex: 'orderNo', render: (n: string, o) => <><Link to={`/enforcement/orders/${o.orderId}`} style={{ whiteSpace: 'nowrap' }}>{n}</Link><div style={{ color: '#595959' }}>{o.orderTitle}</div></> },
          { title: '制发日期', dataIndex: 'issuedOn', width: 110, render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span> },
          { title: '文书', width: 120, render: (_: unknown, o) => <Button size="small" icon={<DownloadOutlined />} href={`${API_BASE}/enforcement/opinions/${o.id}/document.docx`} aria-label={`下载执法监督意见书 ${o.opinionNo}（.docx）`}>下载 .docx</Button> },
        ]}
      />
    </>
  );
}
