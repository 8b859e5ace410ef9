/**
 * 申请材料 of a case for staff: the files uploaded with an online application (public portal), their size and SHA-256,
 * and the online application's own facts (receipt number, submission time, address — masked; the whole address only
 * for a user holding personal.viewFull, through an audited reveal). Files are only ever downloaded
 * as attachments (the server sends application/octet-stream with nosniff); nothing is opened or rendered in the page.
 * API: GET /reconsideration/cases/:id/attachments, GET /reconsideration/attachments/:attId (portal.routes.ts).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Empty, Space, Table } from 'antd';
import type { z } from 'zod';
import { PORTAL_ATTACHMENT_KINDS, type ReconAttachment, type ReconCaseAttachments } from '../../../common/contracts';
import { API_BASE, get, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../components/format';
import { RECON_BASE } from './shared';

type Attachments = z.infer<typeof ReconCaseAttachments>;
type Attachment = z.infer<typeof ReconAttachment>;

const KIND_LABELS: Record<string, string> = Object.fromEntries(Object.entries(PORTAL_ATTACHMENT_KINDS).map(([k, v]) => [k, v.label]));
const SOURCE_LABELS: Record<string, string> = { online: '网上申请上传' };

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const attachmentUrl = (id: string) => `${API_BASE}/reconsideration/attachments/${encodeURIComponent(id)}`;

export function CaseAttachments({ caseId, listed }: { caseId: string; listed: { name: string; pages?: number | undefined }[] }) {
  const q = useQuery({ queryKey: ['reconsideration', 'cases', 'attachments', caseId], queryFn: () => get<Attachments>(`${RECON_BASE}/${encodeURIComponent(caseId)}/attachments`) });
  const can = useCan();
  const reveal = useMutation({ mutationFn: () => post<{ address: string }>(`${RECON_BASE}/${encodeURIComponent(caseId)}/online-address/reveal`) });
  if (q.error) return <ErrorAlert error={q.error} title="无法加载申请材料" quiet />;
  const files = q.data?.attachments ?? [];
  const online = q.data?.online ?? null;
  // materials recorded at registration that are not among the uploaded files
  const paper = listed.filter((a) => !files.some((f) => f.name === a.name));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {online && (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          title="网上申请"
          items={[
            { key: 'receipt', label: '回执编号', children: <span className="mono">{online.receiptNo}</span> },
            { key: 'at', label: '提交时间', children: formatInstant(online.submittedAt) },
            {
              key: 'address',
              label: '住所（通讯地址）',
              children: reveal.data ? (
                reveal.data.address
              ) : (
                <Space size={8} wrap>
                  <span>{online.address}</span>
                  {can('personal.viewFull') && (
                    <Button size="small" type="link" loading={reveal.isPending} onClick={() => reveal.mutate()} title="查看完整地址将记入审计日志">
                      查看完整地址（留痕）
                    </Button>
                  )}
                  <ErrorAlert error={reveal.error} title="无法查看完整地址" quiet />
                </Space>
              ),
            },
            ...(online.postalCode ? [{ key: 'postal', label: '邮政编码', children: online.postalCode }] : []),
            ...(online.legalRepresentative ? [{ key: 'rep', label: '法定代表人或者主要负责人', children: online.legalRepresentative }] : []),
          ]}
        />
      )}
      <Table<Attachment>
        rowKey="id"
        size="small"
        loading={q.isPending}
        pagination={false}
        dataSource={files}
        aria-label="上传的材料"
        locale={{ emptyText: <Empty description="没有通过网上申请上传的材料" /> }}
        columns={[
          { title: '文件名', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', width: 120, render: (v: string) => KIND_LABELS[v] ?? v },
          { title: '大小', dataIndex: 'size', width: 100, render: (v: number) => formatSize(v) },
          { title: '来源', dataIndex: 'source', width: 130, render: (v: string) => SOURCE_LABELS[v] ?? v },
          { title: '上传时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatInstant(v) },
          { title: 'SHA-256', dataIndex: 'sha256', width: 150, render: (v: string) => <span className="mono" title={v}>{v.slice(0, 12)}…</span> },
          {
            title: '操作',
            key: 'download',
            width: 90,
            render: (_v, a) => (
              <Button size="small" icon={<DownloadOutlined />} href={attachmentUrl(a.id)} download aria-label={`下载${a.name}`}>
                下载
              </Button>
            ),
          },
        ]}
        scroll={{ x: 'max-content' }}
      />
      <p className="muted" style={{ margin: 0 }}>
        材料仅以附件方式下载，不在浏览器中打开；上传时已按文件内容核验类型和大小（PDF、JPG、PNG、DOCX、OFD）。
        {paper.length > 0 && `登记时记录的其他材料（纸质或者电子介质）：${paper.map((a) => `${a.name}${a.pages ? `（${a.pages}页）` : ''}`).join('、')}。`}
      </p>
    </Space>
  );
}
