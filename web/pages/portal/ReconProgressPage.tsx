/**
 * 办理进度查询 (public, no login): receipt number + query code → the status in plain words, the next statutory
 * deadline with its explanation and citation, and the documents served online (download as .docx).
 * The query code travels in a POST body, never in the address bar.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Grid, Input, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import { type PortalProgress, normalizePortalCode } from '../../../common/contracts';
import { api, errorText, isApiError } from '../../app/api';
import { announce } from '../../app/notify';
import { StepsList } from '../../components/StepsList';
import { dateLongZh } from '../../components/format';
import { dateZh, lockedUntilText, zhSteps } from './portalText';
import { downloadServedDocument } from './reconPortalApi';

type Progress = z.infer<typeof PortalProgress>;
interface Values {
  receiptNo: string;
  queryCode: string;
}

function ProgressView({ p, creds }: { p: Progress; creds: Values }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [p]);
  const d = p.nextDeadline;
  const narrow = !Grid.useBreakpoint().sm;
  return (
    <Card data-testid="recon-progress-result">
      <h2 className="section-title" ref={headingRef} tabIndex={-1}>
        办理状态：<span data-testid="recon-progress-status">{p.statusText}</span>
      </h2>
      <p>{p.statusExplanation}</p>
      <Descriptions column={1} bordered size="small" layout={narrow ? 'vertical' : 'horizontal'} styles={{ label: { width: '8em' } }}>
        <Descriptions.Item label="回执编号">{p.receiptNo}</Descriptions.Item>
        <Descriptions.Item label="案件编号">{p.caseNo}</Descriptions.Item>
        <Descriptions.Item label="收到申请日期">{dateLongZh(p.receivedOn)}</Descriptions.Item>
        <Descriptions.Item label="申请人">{p.applicantName}</Descriptions.Item>
        <Descriptions.Item label="被申请人">{p.respondentName}</Descriptions.Item>
        <Descriptions.Item label="行政行为">{p.actName}</Descriptions.Item>
      </Descriptions>

      <h3 className="section-title" style={{ margin: '20px 0 8px', fontSize: '1.05em' }}>
        下一个法定期限
      </h3>
      {d ? (
        <div data-testid="recon-progress-deadline">
          <p style={{ margin: '0 0 4px' }}>
            <strong>{d.title}</strong>：{d.due ? <>届满日 {dateLongZh(d.due)}</> : '暂停计算'}
          </p>
          <p className="muted" style={{ margin: '0 0 8px' }}>
            {d.note}。依据：{d.basis}
          </p>
          <StepsList steps={zhSteps(d.steps)} />
        </div>
      ) : (
        <p className="muted">当前没有正在计算的法定期限。</p>
      )}

      <h3 className="section-title" style={{ margin: '20px 0 8px', fontSize: '1.05em' }}>
        网上送达的文书
      </h3>
      {p.documents.length ? (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="网上送达的文书">
          {p.documents.map((doc) => (
            <li key={doc.id} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', padding: '6px 0', borderBottom: '1px solid #eee' }}>
              <span style={{ flex: 1, minWidth: 180 }}>
                {doc.title}
                {doc.docNo ? `（${doc.docNo}）` : ''}
                {doc.servedOn ? <span className="muted">，{dateZh(doc.servedOn)} 送达</span> : null}
              </span>
              <Button
                loading={busy === doc.id}
                aria-label={`下载 ${doc.title}`}
                onClick={async () => {
                  setBusy(doc.id);
                  setDownloadError(null);
                  try {
                    await downloadServedDocument(doc.id, creds.receiptNo, creds.queryCode, `${doc.title}.docx`);
                  } catch (e) {
                    const text = errorText(e);
                    setDownloadError(text);
                    announce(`下载失败：${text}`, 'assertive');
                  } finally {
                    setBusy(null);
                  }
                }}
              >
                下载 .docx
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">暂无网上送达的文书。</p>
      )}
      {downloadError && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={downloadError} />}
    </Card>
  );
}

export function ReconProgressPage() {
  const [form] = Form.useForm<Values>();
  const [searchParams] = useSearchParams();
  const creds = useRef<Values | null>(null);
  const query = useMutation({
    mutationFn: (v: Values) => {
      creds.current = v;
      return api<Progress>('/portal/reconsideration/progress', { method: 'POST', body: v, quietSession: true });
    },
    meta: { silent: true },
    onSuccess: (p) => announce(`办理状态：${p.statusText}`, 'polite'),
    onError: (e) => announce(`查询未成功：${errorText(e)}`, 'assertive'),
  });
  useEffect(() => {
    const r = searchParams.get('receiptNo');
    if (r) form.setFieldsValue({ receiptNo: r });
  }, []);

  const onFinish = (v: Values) => query.mutate({ receiptNo: normalizePortalCode(v.receiptNo), queryCode: normalizePortalCode(v.queryCode) });
  const e = query.error;

  return (
    <>
      <h1>行政复议办理进度查询</h1>
      <p className="muted" style={{ marginTop: 0 }}>
        输入网上申请时取得的回执编号和查询码，查看办理状态、下一个法定期限及其计算说明，并下载网上送达的法律文书。
      </p>
      <div className="calc-grid">
        <Card>
          <Form<Values> form={form} name="recon-progress" layout="vertical" requiredMark onFinish={onFinish} scrollToFirstError={{ focus: true }}>
            <Form.Item label="回执编号" name="receiptNo" rules={[{ required: true, whitespace: true, message: '请填写回执编号' }, { max: 40 }]} extra="以 WS 开头，例如 WS20260105ABC234">
              <Input size="large" autoComplete="off" autoCapitalize="characters" spellCheck={false} />
            </Form.Item>
            <Form.Item label="查询码" name="queryCode" rules={[{ required: true, whitespace: true, message: '请填写查询码' }, { max: 40 }]} extra="8 位字母和数字，不区分大小写">
              <Input.Password size="large" autoComplete="off" autoCapitalize="characters" spellCheck={false} />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" size="large" loading={query.isPending}>
                查询
              </Button>
            </Space>
          </Form>
          {e && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginTop: 16 }}
              data-testid="recon-progress-error"
              title={isApiError(e) ? e.message : '查询失败，请稍后重试'}
              description={
                isApiError(e) && e.code === 'PORTAL_QUERY_NOT_FOUND'
                  ? '请核对回执编号和查询码（查询码为申请成功时显示的 8 位字母和数字）。连续输错 5 次，该回执编号将暂停查询 30 分钟。查询码遗失的，请拨打 12348 咨询。'
                  : isApiError(e) && e.code === 'PORTAL_QUERY_LOCKED'
                    ? lockedUntilText(e.details) || undefined
                    : undefined
              }
            />
          )}
        </Card>
        <div>{query.data && creds.current && !query.isPending && <ProgressView p={query.data} creds={creds.current} />}</div>
      </div>
    </>
  );
}
