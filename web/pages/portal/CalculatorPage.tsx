/**
 * 期限计算器 (public, no login): start date + N working or calendar days → due date, with the numbered
 * explanation and citations from GET /api/v1/calendar/add. Phone-first layout.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import { CalendarAddQuery, type CalendarAddResponse } from '../../../common/contracts';
import { api, isApiError, type ApiError } from '../../app/api';
import { announce } from '../../app/notify';
import { StepsList } from '../../components/StepsList';
import { dateLongZh, weekdayZh } from '../../components/format';
import { DATE_INPUT_FORMATS, calcFailureHint, dateZh, parseDaysInput, zhSteps } from './portalText';

type Result = z.infer<typeof CalendarAddResponse>;
type Unit = 'WD' | 'CAL';

interface Values {
  from: Dayjs | null;
  /** as typed: checked by the rules below, converted by parseDaysInput */
  days: string | null;
  unit: Unit;
}

interface Params {
  from: string;
  days: number;
  unit: Unit;
}

const UNIT_LABELS: Record<Unit, string> = { WD: '工作日', CAL: '自然日' };

const FLAG_TEXT: Record<string, string> = {
  CALENDAR_YEAR_UNPUBLISHED: '计算涉及尚未公布节假日安排的年份，结果为暂定。',
  PAUSED: '期限处于中止状态。',
};

/** The Chinese explanation of a failed computation. */
function describeFailure(e: unknown, p: Params | null): { title: string; description?: string; hint?: string } {
  if (!isApiError(e)) return { title: '计算失败，请稍后重试' };
  const err = e as ApiError;
  if (err.code === 'CALENDAR_YEAR_UNPUBLISHED') {
    const year = (err.details as { year?: unknown } | undefined)?.year;
    const y = typeof year === 'number' ? ` ${year} 年` : '相关年份';
    const hint = p ? calcFailureHint(p) : null;
    return {
      title: `${y.trim()}节假日安排尚未公布，暂无法计算`,
      description: `本次计算的期间涉及${y}，而国务院办公厅尚未公布${y}的节假日安排（通常在上一年年底公布）。在安排公布前，无法确定哪些日子是工作日、届满日是否需要顺延；为避免给出错误的期限，系统不按周一至周五推定。请在该年度安排公布后再计算，或向承办机关咨询。`,
      ...(hint ? { hint } : {}),
    };
  }
  if (err.code === 'VALIDATION_FAILED' || err.code === 'CALENDAR_DATE_INVALID' || err.code === 'BAD_REQUEST') {
    const issues = err.issues.map((i) => i.message).join('；');
    return { title: '输入有误，请检查后重新计算', description: issues || err.baseMessage };
  }
  if (err.code === 'RATE_LIMITED') return { title: err.baseMessage, description: '请稍等一分钟后再计算。' };
  return { title: err.message };
}

function ResultCard({ params, result }: { params: Params; result: Result }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
    headingRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [result]);
  return (
    <Card className="calc-result" data-testid="calc-result">
      <h2 className="section-title" ref={headingRef} tabIndex={-1}>
        计算结果
      </h2>
      <p className="muted" style={{ margin: '8px 0 0' }}>
        期限届满日
      </p>
      <p className="due-big" data-testid="calc-due">
        {dateLongZh(result.due).replace(/（.*）$/, '')}
        <span className="due-weekday">（{weekdayZh(result.due)}）</span>
      </p>
      <p className="due-sub">
        自 {dateZh(params.from)}（起算日，不计入）起 {params.days} 个{UNIT_LABELS[params.unit]}
      </p>
      {result.flags.map((f) => (
        <Alert key={f} type="warning" showIcon role="note" title={FLAG_TEXT[f] ?? f} style={{ marginBottom: 12 }} />
      ))}
      <h3 className="section-title" style={{ margin: '16px 0 8px', fontSize: '1.05em' }}>
        计算说明
      </h3>
      <StepsList steps={zhSteps(result.steps)} />
      <p className="muted" style={{ marginBottom: 0 }}>
        本结果仅供参考。具体期限以法律文书载明的内容和有关机关的认定为准。
      </p>
    </Card>
  );
}

function parseParams(sp: URLSearchParams): Params | null {
  const res = CalendarAddQuery.safeParse({ from: sp.get('from') ?? '', days: sp.get('days') ?? '', unit: sp.get('unit') ?? '' });
  if (!res.success || !dayjs(res.data.from, 'YYYY-MM-DD', true).isValid()) return null;
  return res.data;
}

export function CalculatorPage() {
  const [form] = Form.useForm<Values>();
  const [searchParams, setSearchParams] = useSearchParams();
  const lastParams = useRef<Params | null>(null);

  const calc = useMutation({
    mutationFn: (p: Params) => {
      lastParams.current = p;
      return api<Result>('/calendar/add', { query: { from: p.from, days: p.days, unit: p.unit }, quietSession: true });
    },
    meta: { silent: true },
    onSuccess: (r) => announce(`计算结果：期限届满日为 ${dateLongZh(r.due)}`, 'polite'),
    onError: (e) => {
      const f = describeFailure(e, lastParams.current);
      announce(`${f.title}。${f.hint ?? ''}${f.description ?? ''}`, 'assertive');
    },
  });

  // A shared link (?from=&days=&unit=) fills the form and computes at once (once, even under StrictMode).
  const autoRan = useRef(false);
  useEffect(() => {
    if (autoRan.current) return;
    autoRan.current = true;
    const p = parseParams(searchParams);
    if (!p) return;
    form.setFieldsValue({ from: dayjs(p.from), days: String(p.days), unit: p.unit });
    calc.mutate(p);
  }, []);

  const onFinish = (v: Values) => {
    const p: Params = { from: v.from!.format('YYYY-MM-DD'), days: parseDaysInput(v.days)!, unit: v.unit };
    setSearchParams({ from: p.from, days: String(p.days), unit: p.unit }, { replace: true });
    calc.mutate(p);
  };

  const failure = calc.error ? describeFailure(calc.error, lastParams.current) : null;

  return (
    <>
      <h1>期限计算器</h1>
      <p className="muted" style={{ marginTop: 0, marginBottom: 20 }}>
        按国务院办公厅公布的节假日安排计算法定期限的届满日。起算日当天不计入；工作日不含周末和法定节假日，调休上班日计入。
      </p>
      <div className="calc-grid">
        <Card>
          <Form<Values> form={form} name="calc" layout="vertical" initialValues={{ unit: 'WD', days: null, from: null }} onFinish={onFinish} requiredMark scrollToFirstError={{ focus: true }}>
            <Form.Item label="起算日" name="from" rules={[{ required: true, message: '请选择或输入起算日，例如 2026-12-01' }]} extra="例如收到申请、送达文书的日期；当天不计入期限。可直接输入，如 2026-12-01 或 20261201">
              <DatePicker format={DATE_INPUT_FORMATS} placeholder="年-月-日，如 2026-12-01" style={{ width: '100%' }} size="large" />
            </Form.Item>
            <Form.Item
              label="天数"
              name="days"
              rules={[
                { required: true, whitespace: true, message: '请输入天数' },
                {
                  validator: async (_, v: unknown) => {
                    if (v === null || v === undefined || String(v).trim() === '') return;
                    const n = parseDaysInput(v);
                    if (n === null) throw new Error('天数只能填写整数，例如 5');
                    if (n > 3650) throw new Error('天数应在 0 到 3650 之间');
                  },
                },
              ]}
            >
              <Input inputMode="numeric" autoComplete="off" maxLength={12} style={{ width: '100%' }} size="large" placeholder="例如 5" />
            </Form.Item>
            <Form.Item label="单位" name="unit" rules={[{ required: true, message: '请选择单位' }]}>
              <Radio.Group
                aria-label="单位"
                size="large"
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: 'WD', label: '工作日' },
                  { value: 'CAL', label: '自然日' },
                ]}
              />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" size="large" loading={calc.isPending}>
                计算
              </Button>
              <Button
                size="large"
                onClick={() => {
                  form.resetFields();
                  calc.reset();
                  setSearchParams({}, { replace: true });
                }}
              >
                清空
              </Button>
            </Space>
          </Form>
        </Card>
        <div>
          {failure && (
            <Alert
              type="error"
              showIcon
              title={failure.title}
              description={
                failure.hint ? (
                  <>
                    <p style={{ margin: '0 0 8px' }} data-testid="calc-tentative">
                      <strong>{failure.hint}</strong>
                    </p>
                    <p style={{ margin: 0 }}>{failure.description}</p>
                  </>
                ) : (
                  failure.description
                )
              }
              data-testid="calc-error"
            />
          )}
          {calc.data && lastParams.current && !calc.isPending && <ResultCard params={lastParams.current} result={calc.data} />}
          {!calc.data && !failure && (
            <Card>
              <h2 className="section-title">使用说明</h2>
              <ol className="steps-list" style={{ marginTop: 8, marginBottom: 0 }}>
                <li>选择起算日（如收到材料或文书送达之日）。</li>
                <li>输入法律规定的天数，并选择按工作日还是自然日计算。</li>
                <li>点击“计算”，查看届满日和逐步计算说明。</li>
              </ol>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
