/**
 * 文书 of a 行政复议 case: create a draft of a kind (filled from the case by the server), edit its paragraphs, issue it
 * (numbered, e.g. 西政复〔2026〕12号), record service (送达: method and date), void (作废: a draft or an unserved
 * issued document, with a reason; the number is not reused) and download the .docx (GB/T 9704 layout).
 */
import { DownloadOutlined, FileAddOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Table, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  RECON_DOCUMENT_KIND_LABELS,
  RECON_DOCUMENT_STATUS_LABELS,
  RECON_SERVICE_METHOD_LABELS,
  type ReconCaseDetail,
  type ReconDocumentDetail,
  type ReconDocumentKind,
  type ReconDocumentSummary,
  type ReconServiceMethod,
} from '../../../common/contracts';
import { API_BASE, get, post, put } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { StatusTag } from '../../components/StatusTag';
import { applyServerErrors } from '../../components/forms';
import { formatInstant, todayBeijing } from '../../components/format';
import { RECON_BASE, reconKeys } from './shared';

const DOC_BASE = '/reconsideration/documents';
/** text still to be filled in by the handler (the server refuses to issue a document containing it) */
const PLACEHOLDER = /【[^】]*】/;
const docxUrl = (docId: string) => `${API_BASE}${DOC_BASE}/${encodeURIComponent(docId)}/docx`;

/** Starts the browser download of a document's .docx (same-origin cookie; GET needs no CSRF token). */
function downloadDocx(docId: string) {
  const a = document.createElement('a');
  a.href = docxUrl(docId);
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** 打印收件回执: a 收件回执 for the applicant (documents API kind `receipt`), issued and downloaded as .docx. */
export function ReceiptButton({ caseId }: { caseId: string }) {
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: async () => {
      const doc = await post<ReconDocumentDetail>(`${RECON_BASE}/${encodeURIComponent(caseId)}/documents`, { kind: 'receipt' });
      const ready = doc.issueBlockedReason === null ? await post<ReconDocumentDetail>(`${DOC_BASE}/${encodeURIComponent(doc.id)}/issue`) : doc;
      return ready;
    },
    onSuccess: (doc) => {
      void qc.invalidateQueries({ queryKey: reconKeys.documents(caseId) });
      downloadDocx(doc.id);
      notifySuccess('已生成收件回执，正在下载 .docx 文件，请打印后交申请人');
    },
  });
  return (
    <Space orientation="vertical">
      <Button icon={<PrinterOutlined />} onClick={() => run.mutate()} loading={run.isPending}>
        打印收件回执
      </Button>
      <ErrorAlert error={run.error} title="无法生成收件回执" />
    </Space>
  );
}

function EditDrawer({ docId, caseId, onClose }: { docId: string | null; caseId: string; onClose: () => void }) {
  const qc = useQueryClient();
  const [form] = Form.useForm<{ title: string; paragraphs: string[] }>();
  const [, setTick] = useState(0);
  const q = useQuery({ queryKey: reconKeys.document(docId ?? ''), queryFn: () => get<ReconDocumentDetail>(`${DOC_BASE}/${encodeURIComponent(docId!)}`), enabled: !!docId });
  useEffect(() => {
    if (q.data) {
      form.setFieldsValue({ title: q.data.title, paragraphs: q.data.paragraphs });
      setTick((t) => t + 1);
    }
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: { title: string; paragraphs: string[] }) => put<ReconDocumentDetail>(`${DOC_BASE}/${encodeURIComponent(docId!)}`, { title: v.title, paragraphs: v.paragraphs.map((p) => p ?? '') }),
    onSuccess: (d) => {
      qc.setQueryData(reconKeys.document(d.id), d);
      void qc.invalidateQueries({ queryKey: reconKeys.documents(caseId) });
      notifySuccess('文书已保存');
      onClose();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  const editable = q.data?.editable ?? false;
  return (
    <Drawer
      open={!!docId}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={q.data ? `${editable ? '编辑' : '查看'}：${q.data.title}` : '文书'}
      extra={
        editable && (
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>
            保存
          </Button>
        )
      }
    >
      {q.isPending && <PageSpin />}
      <ErrorAlert error={q.error} title="无法加载文书" quiet />
      {q.data && (
        <Form form={form} name="recon-doc" layout="vertical" onFinish={(v) => save.mutate(v)} disabled={!editable} onValuesChange={() => setTick((t) => t + 1)}>
          {q.data.docNo && <p className="mono">文号：{q.data.docNo}</p>}
          {editable && q.data.issueBlockedReason && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`暂不能印发：${q.data.issueBlockedReason}`} />}
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写文书标题' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.List name="paragraphs">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Form.Item
                    key={f.key}
                    label={`第 ${i + 1} 段`}
                    required={false}
                    {...(PLACEHOLDER.test(String(form.getFieldValue(['paragraphs', f.name]) ?? '')) ? { validateStatus: 'warning' as const, help: '请填写【】中的待填写内容' } : {})}
                  >
                    <Space.Compact style={{ width: '100%' }} block>
                      <Form.Item name={f.name} noStyle>
                        <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={5000} aria-label={`第 ${i + 1} 段`} />
                      </Form.Item>
                      {editable && (
                        <Button onClick={() => remove(f.name)} aria-label={`删除第 ${i + 1} 段`} style={{ height: 'auto' }}>
                          删除
                        </Button>
                      )}
                    </Space.Compact>
                  </Form.Item>
                ))}
                {editable && (
                  <Button type="dashed" onClick={() => add('')} block>
                    增加段落
                  </Button>
                )}
              </>
            )}
          </Form.List>
          <ErrorAlert error={save.error} title="保存失败" />
        </Form>
      )}
    </Drawer>
  );
}

function ServiceModal({ doc, caseId, onClose }: { doc: ReconDocumentSummary; caseId: string; onClose: () => void }) {
  const qc = useQueryClient();
  const [form] = Form.useForm<{ method: ReconServiceMethod; servedOn: Dayjs; recipient: string; note?: string }>();
  const run = useMutation({
    mutationFn: (v: { method: ReconServiceMethod; servedOn: Dayjs; recipient: string; note?: string }) =>
      post(`${DOC_BASE}/${encodeURIComponent(doc.id)}/services`, { method: v.method, servedOn: v.servedOn.format('YYYY-MM-DD'), recipient: v.recipient, ...(v.note?.trim() ? { note: v.note.trim() } : {}) }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: reconKeys.documents(caseId) });
      notifySuccess('已记录送达');
      onClose();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal open title={`记录送达：${doc.title}`} okText="记录送达" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ loading: run.isPending }} destroyOnHidden>
      <Form form={form} name="recon-service" layout="vertical" initialValues={{ method: 'direct', servedOn: dayjs(todayBeijing()) }} onFinish={(v) => run.mutate(v)}>
        <Form.Item name="method" label="送达方式" rules={[{ required: true, message: '请选择送达方式' }]}>
          <Select options={Object.entries(RECON_SERVICE_METHOD_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="servedOn" label="送达日期" rules={[{ required: true, message: '请选择送达日期' }]}>
          <DatePicker format="YYYY-MM-DD" placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="recipient" label="受送达人" rules={[{ required: true, whitespace: true, message: '请填写受送达人' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <ErrorAlert error={run.error} title="记录送达失败" />
      </Form>
    </Modal>
  );
}

/** 作废: a draft, or an issued document not yet served (the server refuses a served one); the reason is kept. */
function VoidModal({ doc, caseId, onClose }: { doc: ReconDocumentSummary; caseId: string; onClose: () => void }) {
  const qc = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const run = useMutation({
    mutationFn: (v: { reason: string }) => post<ReconDocumentDetail>(`${DOC_BASE}/${encodeURIComponent(doc.id)}/void`, { reason: v.reason }),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: reconKeys.documents(caseId) });
      void qc.invalidateQueries({ queryKey: reconKeys.document(d.id) });
      notifySuccess(`已作废：${d.title}${d.docNo ? `（${d.docNo}，文号不再使用）` : ''}`);
      onClose();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal open title={`作废文书：${doc.title}${doc.docNo ? `（${doc.docNo}）` : ''}`} okText="作废" okButtonProps={{ danger: true, loading: run.isPending }} cancelText="取消" onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={doc.status === 'issued' ? '作废后该文号不再使用，文书保留并标注“已作废”。已送达的文书不能作废。' : '作废草稿后不能再编辑或印发。'} />
      <Form form={form} name="recon-void" layout="vertical" onFinish={(v) => run.mutate(v)}>
        <Form.Item name="reason" label="作废理由" rules={[{ required: true, whitespace: true, message: '请填写作废理由' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <ErrorAlert error={run.error} title="无法作废" />
      </Form>
    </Modal>
  );
}

export function CaseDocuments({ caseData }: { caseData: ReconCaseDetail }) {
  const can = useCan();
  const qc = useQueryClient();
  const caseId = caseData.id;
  const canHandle = can(['reconsideration.case.read', 'reconsideration.case.handle']);
  const [kind, setKind] = useState<ReconDocumentKind | undefined>();
  const [editing, setEditing] = useState<string | null>(null);
  const [serving, setServing] = useState<ReconDocumentSummary | null>(null);
  const [voiding, setVoiding] = useState<ReconDocumentSummary | null>(null);
  const list = useQuery({ queryKey: reconKeys.documents(caseId), queryFn: () => get<{ data: ReconDocumentSummary[] }>(`${RECON_BASE}/${encodeURIComponent(caseId)}/documents`).then((r) => r.data) });
  const create = useMutation({
    mutationFn: (k: ReconDocumentKind) => post<ReconDocumentDetail>(`${RECON_BASE}/${encodeURIComponent(caseId)}/documents`, { kind: k }),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: reconKeys.documents(caseId) });
      notifySuccess(`已生成草稿：${d.title}`);
      setKind(undefined);
      setEditing(d.id);
    },
  });
  const issue = useMutation({
    mutationFn: (docId: string) => post<ReconDocumentDetail>(`${DOC_BASE}/${encodeURIComponent(docId)}/issue`),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: reconKeys.documents(caseId) });
      void qc.invalidateQueries({ queryKey: reconKeys.document(d.id) });
      notifySuccess(`已印发：${d.title}${d.docNo ? `（${d.docNo}）` : ''}`);
    },
  });

  const columns: TableColumnsType<ReconDocumentSummary> = [
    { title: '文书', dataIndex: 'title' },
    { title: '文号', dataIndex: 'docNo', render: (v: string | null, d) => (v ? <span className="mono">{v}</span> : <span className="muted">{d.status === 'void' ? '—' : '印发时编号'}</span>) },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_v, d) => (
        <>
          <StatusTag tone={d.status === 'issued' ? 'green' : d.status === 'draft' ? 'blue' : 'grey'}>{RECON_DOCUMENT_STATUS_LABELS[d.status]}</StatusTag>
          {d.status === 'void' && d.voidReason && <div className="muted">理由：{d.voidReason}</div>}
        </>
      ),
    },
    { title: '印发时间', dataIndex: 'issuedAt', render: (v: string | null) => (v ? formatInstant(v) : '—'), responsive: ['lg'] },
    {
      title: '送达',
      dataIndex: 'services',
      render: (_v, d) =>
        d.services.length ? (
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {d.services.map((s) => (
              <li key={s.id}>
                {s.servedOn} {s.methodLabel} {s.recipient}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">未送达</span>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_v, d) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setEditing(d.id)} aria-label={`${d.status === 'draft' && canHandle ? '编辑' : '查看'}${d.title}`}>
            {d.status === 'draft' && canHandle ? '编辑' : '查看'}
          </Button>
          {d.status === 'draft' && canHandle && (
            <Popconfirm title={`印发《${d.title}》？`} description="印发后编号，不能再修改。" okText="印发" cancelText="取消" onConfirm={() => issue.mutate(d.id)}>
              <Button size="small" type="primary" loading={issue.isPending && issue.variables === d.id} aria-label={`印发${d.title}`}>
                印发
              </Button>
            </Popconfirm>
          )}
          {d.status === 'issued' && canHandle && (
            <Button size="small" onClick={() => setServing(d)} aria-label={`记录送达${d.title}`}>
              记录送达
            </Button>
          )}
          {canHandle && (d.status === 'draft' || (d.status === 'issued' && d.services.length === 0)) && (
            <Button size="small" danger onClick={() => setVoiding(d)} aria-label={`作废${d.title}`}>
              作废
            </Button>
          )}
          <Button size="small" icon={<DownloadOutlined />} href={docxUrl(d.id)} download aria-label={`下载${d.title}`}>
            下载 .docx
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {canHandle && (
        <Space wrap>
          <Select<ReconDocumentKind>
            aria-label="文书种类"
            placeholder="选择文书种类"
            style={{ width: 260 }}
            value={kind}
            onChange={setKind}
            options={Object.entries(RECON_DOCUMENT_KIND_LABELS).map(([value, label]) => ({ value: value as ReconDocumentKind, label }))}
          />
          <Button icon={<FileAddOutlined />} disabled={!kind} loading={create.isPending} onClick={() => kind && create.mutate(kind)}>
            生成草稿
          </Button>
        </Space>
      )}
      <ErrorAlert error={create.error ?? issue.error} title={create.error ? '无法生成文书' : '无法印发'} />
      <ErrorAlert error={list.error} title="无法加载文书" quiet />
      <Table<ReconDocumentSummary> rowKey="id" size="small" pagination={false} columns={columns} dataSource={list.data ?? []} loading={list.isFetching} locale={{ emptyText: '暂无文书' }} scroll={{ x: 'max-content' }} />
      <EditDrawer docId={editing} caseId={caseId} onClose={() => setEditing(null)} />
      {serving && <ServiceModal doc={serving} caseId={caseId} onClose={() => setServing(null)} />}
      {voiding && <VoidModal doc={voiding} caseId={caseId} onClose={() => setVoiding(null)} />}
    </Space>
  );
}
