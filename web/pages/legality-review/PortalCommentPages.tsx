/**
 * Public portal: drafts open for comment, and a draft read article by article with a comment box under each article
 * (one column, large touch targets: usable on a phone). No login; no personal data asked beyond an optional name.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, List, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { z } from 'zod';
import { LR_DRAFT_KIND_LABELS, type LrPublicDraftDetail, type LrPublicDraftSummary } from '../../../common/contracts';
import { errorText, get, isApiError, post } from '../../app/api';
import { announce } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { todayBeijing } from '../../components/format';
import { dateZh } from '../portal/portalText';

const P = '/portal/legality-review';

/** '2026年11月27日 至 2026年12月28日' and, while open, how many days are left (the last day included). */
function periodText(from: string, until: string): string {
  const today = todayBeijing();
  const left = Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000) + 1;
  const state = today < from ? '，尚未开始' : left >= 1 ? `，还剩 ${left} 天` : '，已结束';
  return `${dateZh(from)} 至 ${dateZh(until)}${state}`;
}

export function PortalDraftListPage() {
  const q = useQuery({ queryKey: ['portal', 'legality', 'list'], queryFn: () => get<{ data: z.infer<typeof LrPublicDraftSummary>[] }>(`${P}/drafts`), meta: { silent: true } });
  return (
    <>
      <PageHeader title="草案公开征求意见" description="对正在公开征求意见的规范性文件、重大行政决策草案逐条提出意见。涉及市场主体的文件征求意见期一般不少于30日（《优化营商环境条例》第六十二条）。" />
      <ErrorAlert error={q.error} />
      <List
        loading={q.isLoading}
        locale={{ emptyText: '目前没有正在征求意见的草案' }}
        dataSource={q.data?.data ?? []}
        renderItem={(d) => (
          <List.Item>
            <List.Item.Meta title={<Link to={`/portal/legality-review/drafts/${d.id}`}>{d.title}</Link>} description={`${LR_DRAFT_KIND_LABELS[d.kind]} · ${d.draftingUnit} · 征求意见期 ${periodText(d.from, d.until)}`} />
          </List.Item>
        )}
      />
    </>
  );
}

function ArticleComment({ draftId, anchor }: { draftId: string; anchor: string }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const [form] = Form.useForm();
  const m = useMutation({
    mutationFn: (v: { content: string; commenterName?: string; organization?: string }) => post<{ id: string }>(`${P}/drafts/${draftId}/comments`, { anchor, ...Object.fromEntries(Object.entries(v).filter(([, x]) => x)) }),
    meta: { silent: true },
    onSuccess: () => {
      setDone(true);
      setOpen(false);
      announce(`已提交对${anchor}的意见`);
    },
    onError: (e) => announce(`意见未提交：${errorText(e)}`, 'assertive'),
  });
  if (done) return <Alert type="success" showIcon title={`已提交对${anchor}的意见，感谢参与`} />;
  if (!open) return <Button block size="large" onClick={() => setOpen(true)} aria-label={`对${anchor}提出意见`}>对{anchor}提出意见</Button>;
  return (
    <Form form={form} name={`comment-${anchor}`} layout="vertical" onFinish={(v) => m.mutate(v)}>
      <Form.Item label={`对${anchor}的意见`} name="content" rules={[{ required: true, whitespace: true, message: '请填写意见' }]}><Input.TextArea rows={4} maxLength={2000} showCount /></Form.Item>
      <Form.Item label="姓名（可不填）" name="commenterName"><Input maxLength={60} /></Form.Item>
      <Form.Item label="单位（可不填）" name="organization"><Input maxLength={100} /></Form.Item>
      {m.error && <Alert type="error" showIcon role="alert" title={errorText(m.error)} style={{ marginBottom: 12 }} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button type="primary" htmlType="submit" size="large" block loading={m.isPending}>提交意见</Button>
        <Button size="large" block onClick={() => setOpen(false)}>取消</Button>
      </Space>
    </Form>
  );
}

export function PortalDraftCommentPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['portal', 'legality', id], queryFn: () => get<z.infer<typeof LrPublicDraftDetail>>(`${P}/drafts/${id}`), meta: { silent: true }, retry: (n, e) => !(isApiError(e) && e.status === 404) && n < 2 });
  const back = <Link to="/portal/legality-review">返回草案列表</Link>;
  if (q.isLoading) return <Spin size="large" style={{ display: 'block', margin: '48px auto' }} aria-label="正在加载草案" />;
  if (!q.data) {
    const gone = isApiError(q.error) && q.error.status === 404;
    return (
      <>
        <PageHeader title="草案征求意见" />
        {gone ? <Alert type="warning" showIcon title="未找到该草案" description="该草案不存在，或者已经不在公开征求意见范围内。请从草案列表中选择。" style={{ marginBottom: 16 }} /> : <ErrorAlert error={q.error} />}
        {back}
      </>
    );
  }
  const d = q.data;
  return (
    <>
      <p style={{ margin: '0 0 8px' }}>{back}</p>
      <PageHeader title={d.title} description={<>{LR_DRAFT_KIND_LABELS[d.kind]} · 起草单位：{d.draftingUnit} · 征求意见期 {periodText(d.from, d.until)}</>} />
      <Alert
        type="info"
        showIcon
        role="note"
        style={{ marginBottom: 12 }}
        title="怎样提出意见"
        description="点击每条下方的“提出意见”按钮，对该条写下意见后提交。姓名和单位可不填。起草单位将研究处理收到的意见，并反馈意见采纳情况（《优化营商环境条例》第六十二条第二款）。"
      />
      {d.adoptionStatement && <Alert type="info" style={{ marginBottom: 12 }} title="意见采纳情况说明" description={<div style={{ whiteSpace: 'pre-wrap' }}>{d.adoptionStatement}</div>} />}
      {d.articles.map((a) => (
        <Card key={a.anchor} size="small" style={{ marginBottom: 12 }} title={<Tag>{a.anchor}</Tag>}>
          <p style={{ whiteSpace: 'pre-wrap', fontSize: 16, lineHeight: 1.8 }}>{a.text}</p>
          <ArticleComment draftId={d.id} anchor={a.anchor} />
        </Card>
      ))}
    </>
  );
}
