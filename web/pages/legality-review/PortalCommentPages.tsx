/**
 * Public portal: drafts open for comment, and a draft read article by article with a comment box under each article
 * (one column, large touch targets: usable on a phone). No login; no personal data asked beyond an optional name.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, List, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { z } from 'zod';
import { LR_DRAFT_KIND_LABELS, type LrPublicDraftDetail, type LrPublicDraftSummary } from '../../../common/contracts';
import { errorText, get, post } from '../../app/api';
import { announce } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';

const P = '/portal/legality-review';

export function PortalDraftListPage() {
  const q = useQuery({ queryKey: ['portal', 'legality', 'list'], queryFn: () => get<{ data: z.infer<typeof LrPublicDraftSummary>[] }>(`${P}/drafts`) });
  return (
    <>
      <PageHeader title="草案公开征求意见" description="对正在公开征求意见的规范性文件、重大行政决策草案逐条提出意见。涉及市场主体的文件征求意见期一般不少于30日（《优化营商环境条例》第六十二条）。" />
      <ErrorAlert error={q.error} quiet />
      <List
        loading={q.isLoading}
        locale={{ emptyText: '目前没有正在征求意见的草案' }}
        dataSource={q.data?.data ?? []}
        renderItem={(d) => (
          <List.Item>
            <List.Item.Meta title={<Link to={`/portal/legality-review/drafts/${d.id}`}>{d.title}</Link>} description={`${LR_DRAFT_KIND_LABELS[d.kind]} · ${d.draftingUnit} · ${d.from} 至 ${d.until}`} />
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
    onSuccess: () => {
      setDone(true);
      setOpen(false);
      announce(`已提交对${anchor}的意见`);
    },
  });
  if (done) return <Alert type="success" showIcon message={`已提交对${anchor}的意见，感谢参与`} />;
  if (!open) return <Button block size="large" onClick={() => setOpen(true)} aria-label={`对${anchor}提出意见`}>对{anchor}提出意见</Button>;
  return (
    <Form form={form} name={`comment-${anchor}`} layout="vertical" onFinish={(v) => m.mutate(v)}>
      <Form.Item label={`对${anchor}的意见`} name="content" rules={[{ required: true, whitespace: true, message: '请填写意见' }]}><Input.TextArea rows={4} maxLength={2000} showCount /></Form.Item>
      <Form.Item label="姓名（可不填）" name="commenterName"><Input maxLength={60} /></Form.Item>
      <Form.Item label="单位（可不填）" name="organization"><Input maxLength={100} /></Form.Item>
      {m.error && <Alert type="error" showIcon role="alert" message={errorText(m.error)} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" size="large" block loading={m.isPending}>提交意见</Button>
    </Form>
  );
}

export function PortalDraftCommentPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['portal', 'legality', id], queryFn: () => get<z.infer<typeof LrPublicDraftDetail>>(`${P}/drafts/${id}`) });
  if (!q.data) return <ErrorAlert error={q.error} />;
  const d = q.data;
  return (
    <>
      <PageHeader title={d.title} description={<>{LR_DRAFT_KIND_LABELS[d.kind]} · 起草单位：{d.draftingUnit} · 征求意见期 {d.from} 至 {d.until}</>} />
      {d.adoptionStatement && <Alert type="info" style={{ marginBottom: 12 }} message="意见采纳情况说明" description={<div style={{ whiteSpace: 'pre-wrap' }}>{d.adoptionStatement}</div>} />}
      {d.articles.map((a) => (
        <Card key={a.anchor} size="small" style={{ marginBottom: 12 }} title={<Tag>{a.anchor}</Tag>}>
          <p style={{ whiteSpace: 'pre-wrap', fontSize: 16, lineHeight: 1.8 }}>{a.text}</p>
          <ArticleComment draftId={d.id} anchor={a.anchor} />
        </Card>
      ))}
    </>
  );
}
