/**
 * 案件详情: header (case number, status, procedure, handler), the statutory clock (each deadline with its basis and a
 * step-by-step explanation), the application period (Art. 20), related / duplicate cases, the timeline of events,
 * the workflow actions allowed now, and the documents (文书) tab.
 */
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Space, Table, Tabs, Timeline, type TableColumnsType } from 'antd';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { z } from 'zod';
import {
  RECON_CHANNEL_LABELS,
  RECON_DEADLINE_KIND_LABELS,
  RECON_DECISION_LABELS,
  RECON_STATUS_LABELS,
  type ReconCaseDetail,
  type ReconDeadline,
  type RelatedCaseSchema,
} from '../../../common/contracts';
import { get } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageSpin } from '../../components/PageSpin';
import { StatusTag } from '../../components/StatusTag';
import { StepsList } from '../../components/StepsList';
import { dateLongZh, formatInstant } from '../../components/format';
import { useState } from 'react';
import { useCan } from '../../app/auth';
import { AssignSuggestions, SimilarCasesPanel } from '../reconsideration-search/components';
import { ACTION_SPECS, type ActionResult, ActionResultAlert, CaseActionBar } from './CaseActions';
import { CaseAttachments } from './CaseAttachments';
import { CaseDocuments, ReceiptButton } from './CaseDocuments';
import { CaseStatusTag, PROCEDURE_LABELS, RECON_BASE, reconKeys, urgencyClass, urgencyOf, useNearLimit } from './shared';

type Related = z.infer<typeof RelatedCaseSchema>;

const DEADLINE_STATUS = { open: '进行中', met: '已完成', cancelled: '已取消' } as const;
const FLAG_LABELS: Record<string, string> = { PAUSED: '中止期间暂停计算', CALENDAR_YEAR_UNPUBLISHED: '暂定：涉及尚未公布节假日安排的年份', EXTENDED: '已延长' };
const REASON_LABELS = { sameApplicant: '同一申请人', sameRespondent: '同一被申请人', sameAct: '同一行政行为' } as const;
const EVENT_LABELS: Record<string, string> = { register: '登记申请', assign: '分配承办人' };
const HEARING_REASON_LABELS: Record<string, string> = { majorComplex: '重大、疑难、复杂（第五十条第一款）', necessary: '认为有必要（第五十条第二款）', applicantRequest: '申请人请求（第五十条第二款）' };

function daysLeftText(d: ReconDeadline): string {
  if (d.status !== 'open') return '—';
  if (d.flags.includes('PAUSED')) return '暂停计算';
  if (d.daysLeft === null) return '—';
  if (d.daysLeft < 0) return `已逾期 ${-d.daysLeft} 天`;
  if (d.daysLeft === 0) return '今日届满';
  return `剩余 ${d.daysLeft} 天`;
}

function Clock({ c }: { c: ReconCaseDetail }) {
  const near = useNearLimit();
  const rows = [...c.deadlines].sort((a, b) => (a.status === 'open' ? 0 : 1) - (b.status === 'open' ? 0 : 1) || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  const columns: TableColumnsType<ReconDeadline> = [
    { title: '期限', dataIndex: 'kind', render: (_v, d) => RECON_DEADLINE_KIND_LABELS[d.kind] ?? d.title },
    {
      title: '届满日',
      dataIndex: 'due',
      render: (_v, d) => {
        const u = d.status === 'open' && !d.flags.includes('PAUSED') ? urgencyOf(d.due, near.data) : 'none';
        return (
          <span className={urgencyClass(u)} style={{ whiteSpace: 'nowrap' }}>
            {d.due ? dateLongZh(d.due) : '未定'}
          </span>
        );
      },
    },
    {
      title: '剩余',
      key: 'left',
      render: (_v, d) => {
        const u = d.status === 'open' && !d.flags.includes('PAUSED') ? urgencyOf(d.due, near.data) : 'none';
        return (
          <span className={urgencyClass(u)} style={{ whiteSpace: 'nowrap' }}>
            {daysLeftText(d)}
          </span>
        );
      },
    },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_v, d) => (
        <Space size={4} wrap>
          <StatusTag tone={d.status === 'open' ? 'blue' : 'grey'}>{DEADLINE_STATUS[d.status]}</StatusTag>
          {(d.status === 'open' ? d.flags : []).map((f) => (
            <StatusTag key={f} tone="purple">
              {FLAG_LABELS[f] ?? f}
            </StatusTag>
          ))}
        </Space>
      ),
    },
    { title: '法律依据', dataIndex: 'basis' },
  ];
  return (
    <Table<ReconDeadline>
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={rows}
      rowClassName={(d) => (d.status === 'open' ? '' : 'recon-closed')}
      locale={{ emptyText: '暂无期限' }}
      expandable={{
        expandRowByClick: false,
        columnTitle: '说明',
        expandedRowRender: (d) => (
          <div style={{ maxWidth: 900 }}>
            <p style={{ marginTop: 0 }}>{d.explanation}</p>
            <StepsList steps={d.steps} label={`${RECON_DEADLINE_KIND_LABELS[d.kind]}的计算说明`} />
          </div>
        ),
      }}
    />
  );
}

function RelatedCases({ related }: { related: Related[] }) {
  if (!related.length) return <p className="muted">未发现同一申请人、同一被申请人或同一行政行为的其他申请。</p>;
  return (
    <Table<Related>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={related}
      columns={[
        {
          title: '案号',
          dataIndex: 'caseNo',
          render: (_v, r) =>
            r.inScope ? (
              <Link className="mono" to={`${RECON_BASE}/${encodeURIComponent(r.id)}`}>
                {r.caseNo}
              </Link>
            ) : (
              <span className="mono">{r.caseNo}</span>
            ),
        },
        {
          title: '关联情形',
          dataIndex: 'reasons',
          render: (_v, r) => (
            <Space size={4} wrap>
              {r.likelyDuplicate && (
                <StatusTag tone="red" icon={<ExclamationCircleOutlined />}>
                  疑似重复申请
                </StatusTag>
              )}
              {r.reasons.map((x) => (
                <StatusTag key={x} tone="orange">
                  {REASON_LABELS[x]}
                </StatusTag>
              ))}
            </Space>
          ),
        },
        { title: '状态', dataIndex: 'status', render: (v: Related['status']) => RECON_STATUS_LABELS[v] },
        { title: '渠道', dataIndex: 'channel', render: (v: Related['channel']) => RECON_CHANNEL_LABELS[v] },
        { title: '收到日期', dataIndex: 'receivedOn' },
        { title: '被申请人', dataIndex: 'respondentName' },
        { title: '行政行为', dataIndex: 'actName' },
        { title: '', key: 'scope', render: (_v, r) => (r.inScope ? null : <span className="muted">不在您的数据范围内</span>) },
      ]}
      scroll={{ x: 'max-content' }}
    />
  );
}

function eventText(e: ReconCaseDetail['timeline'][number]): string {
  const label = EVENT_LABELS[e.action] ?? ACTION_SPECS[e.action]?.label ?? e.action;
  const parts: string[] = [];
  const d = e.details;
  if (typeof d.procedure === 'string') parts.push(PROCEDURE_LABELS[d.procedure as keyof typeof PROCEDURE_LABELS] ?? d.procedure);
  if (typeof d.type === 'string' && d.type in RECON_DECISION_LABELS) parts.push(RECON_DECISION_LABELS[d.type as keyof typeof RECON_DECISION_LABELS]);
  if (e.action === 'assign' && typeof d.handlerName === 'string') parts.push(`${d.handlerName}${d.bulk ? '，按负荷批量分配' : ''}`);
  if (e.action === 'scheduleHearing' && typeof d.hearingOn === 'string') parts.push(`听证日 ${d.hearingOn}`);
  if (typeof d.reason === 'string') parts.push(HEARING_REASON_LABELS[d.reason] ?? d.reason);
  if (e.action === 'startNormReview' && typeof (d.document as { name?: unknown } | undefined)?.name === 'string') parts.push(`《${(d.document as { name: string }).name}》`);
  if (e.action === 'forwardNorm' && typeof d.recipient === 'string') parts.push(`转送${d.recipient}`);
  if (typeof d.channel === 'string' && d.channel in RECON_CHANNEL_LABELS) parts.push(RECON_CHANNEL_LABELS[d.channel as keyof typeof RECON_CHANNEL_LABELS]);
  return parts.length ? `${label}（${parts.join('；')}）` : label;
}

function CaseTimeline({ c }: { c: ReconCaseDetail }) {
  if (!c.timeline.length) return <Empty description="暂无办理记录" />;
  return (
    <Timeline
      items={c.timeline.map((e, i) => ({
        key: i,
        content: (
          <div>
            <strong>{eventText(e)}</strong>
            <div className="muted">
              {e.on ? `日期 ${e.on} · ` : ''}
              {e.fromStatus && e.fromStatus !== e.toStatus ? `${RECON_STATUS_LABELS[e.fromStatus as keyof typeof RECON_STATUS_LABELS] ?? e.fromStatus} → ` : ''}
              {RECON_STATUS_LABELS[e.toStatus as keyof typeof RECON_STATUS_LABELS] ?? e.toStatus} · {e.actorName ?? '系统'} · 记录于 {formatInstant(e.at)}
            </div>
          </div>
        ),
      }))}
    />
  );
}

function Facts({ c }: { c: ReconCaseDetail }) {
  const p = c.applicationPeriod;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'applicant', label: '申请人', children: `${c.applicantName}${c.applicantCreditCode ? `（统一社会信用代码 ${c.applicantCreditCode}）` : ''}` },
          { key: 'respondent', label: '被申请人', children: c.respondentName },
          { key: 'act', label: '行政行为', children: `${c.actName}${c.actDocNo ? `（${c.actDocNo}）` : ''}` },
          { key: 'known', label: '知道该行政行为之日', children: c.actKnownOn },
          { key: 'channel', label: '申请方式', children: RECON_CHANNEL_LABELS[c.channel] },
          { key: 'received', label: '收到日期', children: c.receivedOn },
          ...(c.postmarkOn ? [{ key: 'postmark', label: '邮戳日期', children: c.postmarkOn }] : []),
          ...(c.forwarding
            ? [
                {
                  key: 'forwarding',
                  label: '经作出行政处罚的机关转送（第三十二条）',
                  span: 2,
                  children: (
                    <span>
                      {c.forwarding.agency} 于 {c.forwarding.agencyReceivedOn} 收到，应于 {c.forwarding.due} 前转送
                      {c.forwarding.onTime ? '（按期转送）' : <StatusTag tone="red">逾期转送</StatusTag>}
                      <span className="muted">；{c.forwarding.explanation}（{c.forwarding.basis}）</span>
                    </span>
                  ),
                },
              ]
            : []),
          ...(c.oralRecord ? [{ key: 'oral', label: '口头申请笔录', span: 2, children: `${c.oralRecord}（${c.oralConfirmed ? '申请人已核对确认' : '申请人尚未确认'}）` }] : []),
          { key: 'request', label: '复议请求', span: 2, children: c.request },
          ...(c.reasons ? [{ key: 'reasons', label: '事实与理由', span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.reasons}</span> }] : []),
          ...(c.decisionType ? [{ key: 'decision', label: '复议决定', children: `${RECON_DECISION_LABELS[c.decisionType]}，${c.decidedOn ?? ''}` }] : []),
          ...(c.attachments.length ? [{ key: 'att', label: '收到的材料', span: 2, children: c.attachments.map((a) => a.name).join('、') }] : []),
        ]}
      />
      <Alert
        type={p.late ? 'warning' : 'info'}
        showIcon
        title={
          p.late
            ? `申请期限：已超过申请期限（届满日 ${p.due}，申请日 ${p.filedOn}${p.countedTo === 'postmark' ? '，以邮戳为准' : ''}）`
            : `申请期限：未超过（届满日 ${p.due}，申请日 ${p.filedOn}${p.countedTo === 'postmark' ? '，以邮戳为准' : ''}）`
        }
        description={
          <details>
            <summary>计算说明（{p.basis}）</summary>
            <StepsList steps={p.steps} label="申请期限计算说明" />
            {p.absoluteBar && (
              <p style={{ marginBottom: 0 }}>
                最长保护期限：{p.absoluteBar.due}（{p.absoluteBar.basis}）{p.absoluteBar.beyond ? '，已超过' : ''}
              </p>
            )}
            {c.lateExplanation && <p style={{ marginBottom: 0 }}>申请人说明的逾期理由：{c.lateExplanation}</p>}
          </details>
        }
      />
    </Space>
  );
}

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const q = useQuery({ queryKey: reconKeys.detail(id), queryFn: () => get<ReconCaseDetail>(`${RECON_BASE}/${encodeURIComponent(id)}`) });
  const can = useCan();
  const [result, setResult] = useState<ActionResult | null>(null);
  if (q.isPending) return <PageSpin />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} title="无法加载案件" quiet />;
  const c = q.data;
  const duplicates = c.related.filter((r) => r.likelyDuplicate);
  const acceptance = c.deadlines.find((d) => d.kind === 'acceptance' && d.status === 'open');
  const open = !['rejected', 'decided', 'mediated', 'terminated', 'abandoned'].includes(c.status);
  const canAssign = open && can(['reconsideration.case.read', 'reconsideration.case.assign']);

  return (
    <>
      <PageHeader
        title={c.caseNo}
        description={
          <Space size={[12, 4]} wrap>
            <CaseStatusTag status={c.status} label={c.statusLabel} />
            <span>程序：{c.procedure ? PROCEDURE_LABELS[c.procedure] : '未定（受理时确定）'}</span>
            <span>承办人：{c.handlerName ?? '未分配'}</span>
            <span>
              {c.applicantName} 诉 {c.respondentName}
            </span>
            {c.deemedAccepted && <StatusTag tone="orange">受理审查期限届满未作决定，依法视为受理（第三十条第三款）</StatusTag>}
          </Space>
        }
        extra={<Link to={RECON_BASE}>返回案件台账</Link>}
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {duplicates.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={`疑似重复申请：同一申请人就同一行政行为已有 ${duplicates.length} 件申请（${duplicates.map((r) => r.caseNo).join('、')}）`}
            description="已受理过同一申请人就同一行政行为提出的行政复议申请的，不予受理（《中华人民共和国行政复议法》第三十条第一款第七项）。请核对下方“关联案件”。"
          />
        )}
        {duplicates.length === 0 && c.related.length > 0 && (
          <Alert type="warning" showIcon title={`有 ${c.related.length} 件关联申请（同一申请人、被申请人或行政行为），请核对下方“关联案件”。`} />
        )}
        {created && c.status === 'registered' && (
          <Alert
            type="success"
            showIcon
            title={`已登记，案号 ${c.caseNo}${acceptance?.due ? `；受理审查期限届满日 ${dateLongZh(acceptance.due)}` : ''}`}
            description={
              <Space orientation="vertical" style={{ width: '100%' }}>
                {acceptance && <span>{acceptance.explanation}</span>}
                {/* handed over on the spot for on-site and oral applications (Art. 22); for mail and online ones the 文书 tab drafts a receipt worded for the channel */}
                {(c.channel === 'onsite' || c.channel === 'oral') && <ReceiptButton caseId={c.id} />}
              </Space>
            }
          />
        )}
        <Card size="small" title={<h2 className="section-title">办理</h2>}>
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            {result && <ActionResultAlert result={result} onClose={() => setResult(null)} />}
            {c.allowedActions.some((a) => ACTION_SPECS[a]) ? <CaseActionBar caseData={c} onDone={setResult} /> : <span className="muted">当前状态（{c.statusLabel}）下没有可办理的操作。</span>}
          </Space>
        </Card>
        {canAssign && !c.handlerId && <AssignSuggestions caseId={c.id} onAssigned={() => void q.refetch()} />}
        <Card size="small" title={<h2 className="section-title">法定期限</h2>}>
          <Clock c={c} />
          <p className="muted" style={{ marginBottom: 0 }}>
            点击行首的“+”查看逐步计算说明。红色为已逾期，橙色为 3 个工作日内届满；工作日按国务院办公厅公布的节假日安排计算。
          </p>
        </Card>
        <Tabs
          type="card"
          items={[
            { key: 'facts', label: '申请信息', children: <Facts c={c} /> },
            { key: 'timeline', label: `办理过程（${c.timeline.length}）`, children: <CaseTimeline c={c} /> },
            { key: 'related', label: `关联案件（${c.related.length}）`, children: <RelatedCases related={c.related} /> },
            { key: 'documents', label: '文书', children: <CaseDocuments caseData={c} /> },
            { key: 'attachments', label: '申请材料', children: <CaseAttachments caseId={c.id} listed={c.attachments} /> },
            { key: 'similar', label: '相似案例', children: <SimilarCasesPanel caseId={c.id} /> },
            ...(canAssign && c.handlerId ? [{ key: 'assign', label: '分配承办人', children: <AssignSuggestions caseId={c.id} onAssigned={() => void q.refetch()} /> }] : []),
          ]}
        />
      </Space>
    </>
  );
}
