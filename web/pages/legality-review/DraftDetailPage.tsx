/**
 * 送审稿详情: materials checklist, the review clock (with its statutory basis; UNVERIFIED periods marked configurable),
 * the draft text with the engine's findings highlighted next to the articles they cite, a named accept/reject on each
 * finding, the review opinion (.docx), collective decision, publication, filing, public comment and the timeline.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Modal, Radio, Row, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { Fragment, type ReactNode, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  LR_COMMENT_DECISION_LABELS,
  LR_DRAFT_KIND_LABELS,
  LR_DRAFT_STATUS_LABELS,
  LR_ENTERPRISE_SIZE_LABELS,
  LR_MATERIAL_LABELS,
  LR_OPINION_CONCLUSION_LABELS,
  LR_OWNERSHIP_LABELS,
  type LrDraftDetail,
  articleBody,
  citeBasis,
} from '../../../common/contracts';
import { FINDING_TYPE_LABELS } from '../../../common/contracts/legality-review-engine';
import { API_BASE, get, post, put, upload } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageSpin } from '../../components/PageSpin';
import { StatusTag } from '../../components/StatusTag';
import { StepsList } from '../../components/StepsList';
import { applyServerErrors } from '../../components/forms';
import { formatInstant, todayBeijing } from '../../components/format';
import { API, DRAFT_STATUS_TONE } from './labels';

type Detail = LrDraftDetail;
type FindingRow = Detail['findings'][number];
const typeLabel = (t: string) => (FINDING_TYPE_LABELS as Record<string, string>)[t] ?? t;

/** One small form in a modal posting to a sub-resource of the draft; the dialog is named after the action. */
function ActionModal({ title, onClose, submit, initial, okText, children }: { title: string; onClose: () => void; submit: (v: Record<string, unknown>) => Promise<Detail>; initial?: Record<string, unknown>; okText: string; children: ReactNode }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: submit,
    onSuccess: (d) => {
      qc.setQueryData(['legality', 'draft', d.id], d);
      void qc.invalidateQueries({ queryKey: ['legality', 'list'] });
      notifySuccess('已保存');
      onClose();
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) notifyError(e);
    },
  });
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okText={okText} confirmLoading={m.isPending} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v: Record<string, unknown>) => m.mutate(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')))}>
        {children}
      </Form>
    </Modal>
  );
}

/** The draft text with each finding's span highlighted and numbered (overlapping spans: the first one wins). */
function HighlightedText({ text, findings }: { text: string; findings: FindingRow[] }) {
  const spans = findings.map((f, i) => ({ ...f, n: i + 1 })).sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const f of spans) {
    if (f.start < at || f.end <= f.start) continue;
    if (f.start > at) out.push(<Fragment key={`t${at}`}>{text.slice(at, f.start)}</Fragment>);
    const tone = f.decision === 'accepted' ? '#ffccc7' : f.decision === 'rejected' ? '#f0f0f0' : '#fff1b8';
    out.push(
      <mark key={`f${f.n}`} className="lr-finding" aria-label={`审查发现 ${f.n}`} title={`审查发现 ${f.n}：${f.types.map(typeLabel).join('、')}`} style={{ background: tone, padding: '0 2px' }}>
        {text.slice(f.start, f.end)}
        <sup>[{f.n}]</sup>
      </mark>,
    );
    at = f.end;
  }
  if (at < text.length) out.push(<Fragment key="tail">{text.slice(at)}</Fragment>);
  return (
    <div className="lr-draft-text" aria-label="送审稿正文" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, maxHeight: 560, overflow: 'auto', border: '1px solid #d9d9d9', padding: 12, borderRadius: 6 }}>
      {out}
    </div>
  );
}

type ModalKind = 'return' | 'accept' | 'opinion' | 'collective' | 'publish' | 'file' | 'withdraw' | 'commentPeriod' | 'comment' | 'invite' | 'postEvaluate' | 'abolish' | 'expire' | 'adoption' | 'text' | 'material';

/** One provision of a finding, cited in Chinese with its text: the basis (blue), or a related provision (grey). */
function Provision({ p, missing = '', reference = false }: { p: { instrument: string; article: string; text: string | null }; missing?: string; reference?: boolean }) {
  return (
    <blockquote style={{ margin: '4px 0', paddingLeft: 8, borderLeft: `3px solid ${reference ? '#d9d9d9' : '#91caff'}` }}>
      <strong>{citeBasis(p.instrument, p.article)}</strong>
      {p.text ? `：${articleBody(p.text)}` : missing}
    </blockquote>
  );
}

export function DraftDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const qc = useQueryClient();
  const today = todayBeijing();
  const q = useQuery({ queryKey: ['legality', 'draft', id], queryFn: () => get<Detail>(`${API}/drafts/${id}`) });
  const cps = useQuery({ queryKey: ['legality', 'contactPoints'], queryFn: () => get<{ data: { id: string; name: string; industry: string; active: boolean }[] }>(`${API}/contact-points`), enabled: can('legalityReview.comment.manage') });
  const [modal, setModal] = useState<ModalKind | null>(null);
  const [decide, setDecide] = useState<{ finding: FindingRow; n: number; decision: 'accepted' | 'rejected' } | null>(null);
  const [commentDecide, setCommentDecide] = useState<Detail['comments'][number] | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const setData = (d: Detail) => {
    qc.setQueryData(['legality', 'draft', d.id], d);
    void qc.invalidateQueries({ queryKey: ['legality', 'list'] });
  };
  const analyze = useMutation({ mutationFn: () => post<Detail>(`${API}/drafts/${id}/analyze`, {}), onSuccess: (d) => { setData(d); notifySuccess(`审查完成：发现 ${d.findings.length} 处`); }, onError: notifyError });
  const docx = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f);
      return upload<Detail>(`${API}/drafts/${id}/docx`, form);
    },
    onSuccess: (d) => { setData(d); notifySuccess('已读取送审稿正文'); },
    onError: notifyError,
  });
  if (q.isLoading) return <PageSpin />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const base = `${API}/drafts/${d.id}`;
  const allowed = new Set(d.allowedActions);
  const close = () => setModal(null);
  const reviewing = allowed.has('decideFinding');
  const actionButtons: [ModalKind | 'analyze', string, string][] = [
    ['accept', 'accept', '受理审查'],
    ['return', 'returnForMaterials', '退回补充材料'],
    ['opinion', 'issueOpinion', '出具审查意见书'],
    ['collective', 'recordCollective', '登记集体讨论决定'],
    ['publish', 'publish', '统一编号并公布'],
    ['file', 'file', '报送备案'],
    ['commentPeriod', 'openComment', '公开征求意见'],
    ['postEvaluate', 'postEvaluate', '后评估'],
    ['expire', 'expire', '有效期届满失效'],
    ['abolish', 'abolish', '废止'],
    ['withdraw', 'withdraw', '撤回送审'],
  ];
  const materialsByKind = new Map<string, Detail['materials']>();
  for (const m of d.materials) materialsByKind.set(m.kind, [...(materialsByKind.get(m.kind) ?? []), m]);
  const pendingFindings = d.findings.filter((f) => !f.decision).length;

  return (
    <>
      <PageHeader
        title={`${d.regNo} ${d.title}`}
        description={
          <Space wrap>
            <StatusTag tone={DRAFT_STATUS_TONE[d.status]}>{LR_DRAFT_STATUS_LABELS[d.status]}</StatusTag>
            <Tag>{LR_DRAFT_KIND_LABELS[d.kind]}</Tag>
            <Link to="/legality-review/drafts">返回台账</Link>
          </Space>
        }
      />
      <Space wrap role="toolbar" aria-label="办理操作" style={{ marginBottom: 16 }}>
        {actionButtons.filter(([, a]) => allowed.has(a)).map(([k, , label]) => (
          <Button key={k} onClick={() => setModal(k as ModalKind)}>{label}</Button>
        ))}
      </Space>

      <Card title="基本信息" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="登记号">{d.regNo}</Descriptions.Item>
          <Descriptions.Item label="类别">{LR_DRAFT_KIND_LABELS[d.kind]}</Descriptions.Item>
          <Descriptions.Item label="起草单位">{d.draftingUnit}（联系人：{d.contactName}）</Descriptions.Item>
          <Descriptions.Item label="送审日期">{d.submittedOn}</Descriptions.Item>
          <Descriptions.Item label="涉及市场主体">{d.touchesMarket ? '是' : '否'}</Descriptions.Item>
          <Descriptions.Item label="审查人员">{d.reviewerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="统一编号">{d.docNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="施行及有效期">{d.validFrom ? `${d.validFrom} 起${d.validUntil ? `，至 ${d.validUntil}` : ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="备案">{d.filedOn ? `${d.filedOn}（${d.filingNo}）` : '—'}</Descriptions.Item>
          {d.returnItems && <Descriptions.Item label="退回补充事项">{d.returnItems}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card title="送审材料" style={{ marginBottom: 16 }} extra={allowed.has('addMaterial') && <Button onClick={() => setModal('material')}>提交材料</Button>}>
        {d.missing.length > 0 ? (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`材料不齐全，缺少：${d.missing.map((m) => m.label).join('、')}`} description={<ul style={{ margin: 0 }}>{d.missing.map((m) => <li key={m.kind}>{m.label}：{m.why}</li>)}</ul>} />
        ) : (
          <Alert type="success" showIcon style={{ marginBottom: 12 }} message="送审材料齐全" />
        )}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.materials}
          columns={[
            { title: '材料', dataIndex: 'kind', width: 200, render: (v: keyof typeof LR_MATERIAL_LABELS) => LR_MATERIAL_LABELS[v] },
            { title: '内容', key: 'c', render: (_: unknown, m: Detail['materials'][number]) => (m.form === 'file' ? <a href={`${API_BASE}${base}/materials/${m.id}`} download>{m.fileName}（{Math.ceil((m.size ?? 0) / 1024)} KB）</a> : <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{m.text}</Typography.Paragraph>) },
            { title: '提交时间', dataIndex: 'createdAt', width: 180, render: (v: string) => formatInstant(v).slice(0, 16) },
          ]}
        />
      </Card>

      <Card title="审查时限" style={{ marginBottom: 16 }}>
        {d.clocks.length === 0 && <p className="muted">{d.kind === 'majorContract' ? '重大合同没有法定审查时限。' : '受理审查后开始计算。'}</p>}
        {d.clocks.map((c) => (
          <div key={`${c.ruleId}-${c.startDate}`} style={{ marginBottom: 12 }}>
            <Space wrap>
              <strong>{c.title}</strong>
              <span>{c.dueDate ? `${c.dueDate}` : '—'}</span>
              <StatusTag tone={c.status === 'open' ? (c.dueDate && c.dueDate < today ? 'red' : 'blue') : 'green'}>{c.status === 'open' ? (c.dueDate && c.dueDate < today ? '已届满' : '计算中') : c.status === 'met' ? '已办结' : '已撤销'}</StatusTag>
              {c.configurable && <StatusTag tone="orange">可配置{c.unverified ? '（依据未核实）' : ''}</StatusTag>}
            </Space>
            <div className="muted">依据：{c.citation}。{c.note}</div>
            <StepsList steps={c.steps} label={`${c.title}计算说明`} />
          </div>
        ))}
      </Card>

      <Card
        title="送审稿正文与审查发现"
        style={{ marginBottom: 16 }}
        extra={
          <Space wrap>
            {allowed.has('setText') && (
              <>
                <input ref={fileRef} type="file" accept=".docx" aria-label="选择送审稿 .docx 文件" style={{ display: 'none' }} onChange={(e) => { const f = e.target.files?.[0]; if (f) docx.mutate(f); e.target.value = ''; }} />
                <Button icon={<UploadOutlined />} loading={docx.isPending} onClick={() => fileRef.current?.click()}>上传 .docx</Button>
                <Button onClick={() => setModal('text')}>编辑正文</Button>
              </>
            )}
            {allowed.has('analyze') && <Button type="primary" loading={analyze.isPending} onClick={() => analyze.mutate()}>智能辅助审查</Button>}
          </Space>
        }
      >
        {d.analyzedAt && (
          <Alert style={{ marginBottom: 12 }} type={d.findings.length ? 'warning' : 'success'} showIcon message={d.findings.length ? `审查发现 ${d.findings.length} 处，尚待决定 ${pendingFindings} 处。每项发现须由审查人员采纳或不采纳并说明理由。` : '未发现问题。'} />
        )}
        <Row gutter={16}>
          <Col xs={24} lg={13}>{d.text ? <HighlightedText text={d.text} findings={d.findings} /> : <p className="muted">尚未录入送审稿正文。</p>}</Col>
          <Col xs={24} lg={11}>
            <div aria-label="审查发现" role="list">
              {d.findings.map((f, i) => (
                <Card key={f.id} role="listitem" size="small" style={{ marginBottom: 8 }} title={`审查发现 ${i + 1}：${f.types.map(typeLabel).join('、')}`} extra={f.decision ? <StatusTag tone={f.decision === 'accepted' ? 'red' : 'grey'}>{f.decision === 'accepted' ? '已采纳' : '不采纳'}</StatusTag> : <StatusTag tone="orange">待决定</StatusTag>}>
                  <p style={{ margin: '0 0 4px' }}>“{f.excerpt}”</p>
                  <p style={{ margin: '0 0 4px' }}>{f.explanation}</p>
                  <div aria-label={`审查发现 ${i + 1} 引用的条文`}>
                    {f.basis.map((b) => (
                      <Provision key={`${b.instrument}${b.article}`} p={b} missing="（法规库中尚无该条文本）" />
                    ))}
                  </div>
                  {f.related.length > 0 && (
                    <details style={{ margin: '4px 0' }}>
                      <summary className="muted">相关条文 {f.related.length} 条（法规库按文字相似检索，仅供参考，不作为审查依据，不写入审查意见书）</summary>
                      {f.related.map((b) => (
                        <Provision key={`${b.instrument}${b.article}`} p={b} reference />
                      ))}
                    </details>
                  )}
                  {f.decision ? (
                    <p className="muted" style={{ margin: 0 }}>{f.decidedBy}：{f.decisionReason}</p>
                  ) : (
                    reviewing && (
                      <Space>
                        <Button size="small" danger onClick={() => setDecide({ finding: f, n: i + 1, decision: 'accepted' })}>采纳</Button>
                        <Button size="small" onClick={() => setDecide({ finding: f, n: i + 1, decision: 'rejected' })}>不采纳</Button>
                      </Space>
                    )
                  )}
                </Card>
              ))}
            </div>
          </Col>
        </Row>
      </Card>

      <Card title="审查意见书" style={{ marginBottom: 16 }}>
        {d.opinion ? (
          <Space direction="vertical">
            <span>{d.opinion.no} {LR_OPINION_CONCLUSION_LABELS[d.opinion.conclusion]}（{d.opinion.issuedOn}）</span>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.opinion.text}</Typography.Paragraph>
            <Button icon={<DownloadOutlined />} href={`${API_BASE}${base}/opinion.docx`}>下载审查意见书（.docx）</Button>
          </Space>
        ) : (
          <p className="muted">尚未出具。</p>
        )}
        {d.collective && <p>集体讨论：{d.collective.meeting}，{d.collective.decidedOn}，{{ approved: '通过', approvedWithChanges: '修改后通过', rejected: '未通过' }[d.collective.result] ?? d.collective.result}{d.collective.note ? `（${d.collective.note}）` : ''}</p>}
        {d.postEvaluations.map((e) => <p key={e.evaluatedOn + e.evaluator}>后评估（{e.evaluatedOn}，{e.evaluator}）：{e.report}</p>)}
      </Card>

      <Card
        title="公开征求意见与企业联系点"
        style={{ marginBottom: 16 }}
        extra={
          <Space>
            {allowed.has('invite') && <Button onClick={() => setModal('invite')}>邀请企业联系点</Button>}
            {allowed.has('recordComment') && <Button onClick={() => setModal('comment')}>登记意见</Button>}
            {allowed.has('publishAdoption') && d.comments.length > 0 && <Button onClick={() => setModal('adoption')}>公布采纳情况说明</Button>}
          </Space>
        }
      >
        {d.commentPeriod ? (
          <p>
            征求意见期：{d.commentPeriod.from} 至 {d.commentPeriod.until}（最短应至 {d.commentPeriod.minimumUntil}，依据 {d.commentPeriod.citation}）
            {d.commentPeriod.shortenedReason && `；缩短理由：${d.commentPeriod.shortenedReason}`} {d.commentPeriod.open && <StatusTag tone="green">征求意见中</StatusTag>}{' '}
            {d.commentPeriod.open && <Link to={`/portal/legality-review/drafts/${d.id}`}>公众意见页</Link>}
          </p>
        ) : (
          <p className="muted">尚未公开征求意见。</p>
        )}
        {d.invited.length > 0 && <p>已邀请企业联系点：{d.invited.map((p) => `${p.name}（${p.industry}，${LR_ENTERPRISE_SIZE_LABELS[p.size]}，${LR_OWNERSHIP_LABELS[p.ownership]}）`).join('；')}</p>}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.comments}
          columns={[
            { title: '条款', dataIndex: 'anchor', width: 90 },
            { title: '意见', dataIndex: 'content' },
            { title: '提出人', key: 'who', width: 180, render: (_: unknown, c: Detail['comments'][number]) => c.contactPointName ?? c.organization ?? c.commenterName ?? (c.source === 'public' ? '公众' : '—') },
            { title: '采纳情况', key: 'dec', width: 220, render: (_: unknown, c: Detail['comments'][number]) => (c.decision ? `${LR_COMMENT_DECISION_LABELS[c.decision]}：${c.decisionReason ?? ''}` : allowed.has('decideComment') ? <Button size="small" onClick={() => setCommentDecide(c)}>作出决定</Button> : '待决定') },
          ]}
        />
        {d.adoptionStatement && (
          <Alert style={{ marginTop: 12 }} type="info" message={`意见采纳情况说明（${d.adoptionStatement.publishedOn} 公布）`} description={<div style={{ whiteSpace: 'pre-wrap' }}>{d.adoptionStatement.text}</div>} />
        )}
      </Card>

      <Card title="办理记录">
        <Timeline items={d.events.map((e) => ({ children: `${formatInstant(e.at).slice(0, 16)} ${e.label}（${e.actorName}）${e.note ? `：${e.note}` : ''}` }))} />
      </Card>

      {decide && (
        <ActionModal title={`${decide.decision === 'accepted' ? '采纳' : '不采纳'}审查发现 ${decide.n}`} okText={decide.decision === 'accepted' ? '采纳' : '不采纳'} onClose={() => setDecide(null)} submit={(v) => post(`${base}/findings/${decide.finding.id}/decision`, { decision: decide.decision, ...v })}>
          <p>“{decide.finding.excerpt}”</p>
          <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, message: '请说明理由' }]}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
        </ActionModal>
      )}
      {commentDecide && (
        <ActionModal title="意见采纳决定" okText="保存" onClose={() => setCommentDecide(null)} submit={(v) => post(`${base}/comments/${commentDecide.id}/decision`, v)}>
          <p>{commentDecide.anchor}：{commentDecide.content}</p>
          <Form.Item label="决定" name="decision" rules={[{ required: true, message: '请选择' }]}><Radio.Group options={Object.entries(LR_COMMENT_DECISION_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, message: '请说明理由' }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        </ActionModal>
      )}
      {modal === 'accept' && (
        <ActionModal title="受理审查" okText="受理审查" onClose={close} initial={{ acceptedOn: today }} submit={(v) => post(`${base}/accept`, v)}>
          <Form.Item label="受理日期" name="acceptedOn" rules={[{ required: true, message: '请选择日期' }]} extra={d.kind === 'majorDecision' ? '审查时间一般不少于7个工作日，自送请审查之日起算（《重大行政决策程序暂行条例》第二十六条第二款）' : d.kind === 'majorContract' ? '重大合同无法定审查时限' : `审查时限 ${d.reviewPeriodWd ?? 15} 个工作日，自收到完整送审材料之日起算（可在5至15个工作日内配置；国办发〔2018〕115号，原文未核实）`}>
            <Input type="date" max={today} />
          </Form.Item>
        </ActionModal>
      )}
      {modal === 'return' && (
        <ActionModal title="退回补充材料" okText="退回" onClose={close} initial={{ items: d.missing.map((m) => m.label).join('、') }} submit={(v) => post(`${base}/return`, v)}>
          <Form.Item label="需补充的材料" name="items" rules={[{ required: true, whitespace: true, message: '请填写' }]} extra="《重大行政决策程序暂行条例》第二十六条第一款"><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        </ActionModal>
      )}
      {modal === 'opinion' && (
        <ActionModal title="出具审查意见书" okText="出具" onClose={close} initial={{ issuedOn: today, conclusion: d.findings.some((f) => f.decision === 'accepted') ? 'approveWithChanges' : 'approve' }} submit={(v) => post(`${base}/opinion`, v)}>
          {pendingFindings > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`尚有 ${pendingFindings} 项审查发现未决定`} />}
          <Form.Item label="审查结论" name="conclusion" rules={[{ required: true }]}><Select options={Object.entries(LR_OPINION_CONCLUSION_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item label="审查意见" name="opinion" rules={[{ required: true, whitespace: true, message: '请填写审查意见' }]} extra="已采纳的审查发现及其依据自动列入意见书"><Input.TextArea rows={5} maxLength={10000} /></Form.Item>
          <Form.Item label="出具日期" name="issuedOn" rules={[{ required: true }]}><Input type="date" max={today} /></Form.Item>
        </ActionModal>
      )}
      {modal === 'collective' && (
        <ActionModal title="登记集体讨论决定" okText="保存" onClose={close} initial={{ decidedOn: today, result: 'approved', meeting: '区政府常务会议' }} submit={(v) => post(`${base}/collective`, v)}>
          <Form.Item label="会议" name="meeting" rules={[{ required: true, whitespace: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item label="日期" name="decidedOn" rules={[{ required: true }]}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="结果" name="result" rules={[{ required: true }]}><Select options={[{ value: 'approved', label: '通过' }, { value: 'approvedWithChanges', label: '修改后通过' }, { value: 'rejected', label: '未通过' }]} /></Form.Item>
          <Form.Item label="说明" name="note"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </ActionModal>
      )}
      {modal === 'publish' && (
        <ActionModal title="统一编号并公布" okText="公布" onClose={close} initial={{ publishedOn: today, validFrom: today }} submit={(v) => post(`${base}/publish`, v)}>
          <Form.Item label="公布日期" name="publishedOn" rules={[{ required: true }]} extra={d.kind === 'normativeDocument' ? '公布之日起30日内报送备案（北京市行政规范性文件备案规定；条文序号未核实）' : undefined}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="施行日期" name="validFrom" rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item label="有效期至" name="validUntil" extra="规范性文件应载明有效期，一般不超过5年（地方通行做法，可配置，未核实）；届满前约6个月提醒评估"><Input type="date" /></Form.Item>
        </ActionModal>
      )}
      {modal === 'file' && (
        <ActionModal title="报送备案" okText="保存" onClose={close} initial={{ filedOn: today }} submit={(v) => post(`${base}/filing`, v)}>
          <Form.Item label="报送日期" name="filedOn" rules={[{ required: true }]}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="备案号" name="filingNo" rules={[{ required: true, whitespace: true }]}><Input maxLength={60} /></Form.Item>
        </ActionModal>
      )}
      {(modal === 'withdraw' || modal === 'abolish' || modal === 'expire') && (
        <ActionModal title={{ withdraw: '撤回送审', abolish: '废止', expire: '有效期届满失效' }[modal]} okText="确定" onClose={close} initial={{ on: today }} submit={(v) => post(`${base}/${modal}`, modal === 'withdraw' ? { reason: v.reason } : v)}>
          {modal !== 'withdraw' && <Form.Item label="日期" name="on" rules={[{ required: true }]}><Input type="date" /></Form.Item>}
          <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </ActionModal>
      )}
      {modal === 'postEvaluate' && (
        <ActionModal title="后评估" okText="保存" onClose={close} initial={{ evaluatedOn: today, conclusion: 'continue' }} submit={(v) => post(`${base}/post-evaluations`, v)}>
          <Form.Item label="评估日期" name="evaluatedOn" rules={[{ required: true }]}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="评估主体" name="evaluator" rules={[{ required: true, whitespace: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item label="结论" name="conclusion" rules={[{ required: true }]}><Select options={[{ value: 'continue', label: '继续施行' }, { value: 'amend', label: '修改' }, { value: 'abolish', label: '废止' }]} /></Form.Item>
          <Form.Item label="评估报告" name="report" rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={4} maxLength={10000} /></Form.Item>
        </ActionModal>
      )}
      {modal === 'commentPeriod' && (
        <ActionModal title="公开征求意见" okText="发布" onClose={close} initial={{ from: today }} submit={(v) => post(`${base}/comment-period`, v)}>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={d.kind === 'majorDecision' ? '公开征求意见的期限一般不少于30日；因情况紧急等原因缩短期限的，应当予以说明（《重大行政决策程序暂行条例》第十五条）' : d.touchesMarket ? '与市场主体生产经营活动密切相关的，公开征求意见期限一般不少于30日（《优化营商环境条例》第六十二条）' : '不涉及市场主体的规范性文件，征求意见期限由本单位确定'} />
          <Row gutter={12}>
            <Col span={12}><Form.Item label="开始日期" name="from" rules={[{ required: true }]}><Input type="date" /></Form.Item></Col>
            <Col span={12}><Form.Item label="截止日期" name="until" rules={[{ required: true }]}><Input type="date" /></Form.Item></Col>
          </Row>
          <Form.Item label="缩短期限的理由（不足30日时必填）" name="shortenedReason"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </ActionModal>
      )}
      {modal === 'comment' && (
        <ActionModal title="登记意见" okText="保存" onClose={close} submit={(v) => post(`${base}/comments`, v)}>
          <Form.Item label="条款" name="anchor" rules={[{ required: true, whitespace: true }]} extra="如：第三条"><Input maxLength={40} /></Form.Item>
          <Form.Item label="意见" name="content" rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item label="企业联系点" name="contactPointId"><Select allowClear options={d.invited.map((p) => ({ value: p.id, label: p.name }))} /></Form.Item>
          <Form.Item label="提出单位" name="organization"><Input maxLength={100} /></Form.Item>
        </ActionModal>
      )}
      {modal === 'invite' && (
        <ActionModal title="邀请企业联系点" okText="邀请" onClose={close} submit={(v) => post(`${base}/invitations`, v)}>
          <Form.Item label="企业联系点" name="contactPointIds" rules={[{ required: true, message: '请选择' }]}><Select mode="multiple" options={(cps.data?.data ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: `${p.name}（${p.industry}）` }))} /></Form.Item>
        </ActionModal>
      )}
      {modal === 'adoption' && (
        <ActionModal title="公布意见采纳情况说明" okText="公布" onClose={close} initial={{ publishedOn: today }} submit={(v) => post(`${base}/adoption-statement`, v)}>
          <Form.Item label="公布日期" name="publishedOn" rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item label="总体说明" name="summary"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        </ActionModal>
      )}
      {modal === 'text' && (
        <ActionModal title="编辑送审稿正文" okText="保存" onClose={close} initial={{ text: d.text }} submit={(v) => put(`${base}/text`, v)}>
          <Form.Item label="正文" name="text" rules={[{ required: true, whitespace: true }]} extra="修改正文后须重新进行智能辅助审查"><Input.TextArea rows={14} maxLength={200000} /></Form.Item>
        </ActionModal>
      )}
      {modal === 'material' && <MaterialModal base={base} onClose={close} onDone={setData} />}
    </>
  );
}

/** A material as text, or as a file (type and size checked by the server). */
function MaterialModal({ base, onClose, onDone }: { base: string; onClose: () => void; onDone: (d: Detail) => void }) {
  const [form] = Form.useForm();
  const [file, setFile] = useState<File | null>(null);
  const m = useMutation({
    mutationFn: async (v: { kind: string; text?: string }) => {
      if (file) {
        const fd = new FormData();
        fd.append('kind', v.kind);
        fd.append('file', file);
        return upload<Detail>(`${base}/materials`, fd);
      }
      return post<Detail>(`${base}/materials/text`, v);
    },
    onSuccess: (d) => {
      onDone(d);
      notifySuccess('已提交');
      onClose();
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) notifyError(e);
    },
  });
  return (
    <Modal open title="提交送审材料" onCancel={onClose} onOk={() => form.submit()} okText="提交" confirmLoading={m.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v: { kind: string; text?: string }) => m.mutate(v)}>
        <Form.Item label="材料" name="kind" rules={[{ required: true, message: '请选择材料' }]}><Select options={Object.entries(LR_MATERIAL_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
        <Form.Item label="文件（PDF、DOCX、DOC、OFD、JPG、PNG、TXT，不超过 10 MB）">
          <input type="file" aria-label="材料文件" accept=".pdf,.docx,.doc,.ofd,.jpg,.jpeg,.png,.txt" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Form.Item>
        <Form.Item label="或以文字提交" name="text" rules={[{ validator: async (_, v) => { if (!file && !(typeof v === 'string' && v.trim())) throw new Error('请选择文件或填写文字'); } }]}><Input.TextArea rows={4} maxLength={20000} /></Form.Item>
      </Form>
    </Modal>
  );
}
