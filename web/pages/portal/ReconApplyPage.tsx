/**
 * 网上申请行政复议 (public, no login): 《中华人民共和国行政复议法》第二十二条第二款 — a written application through
 * the Internet channel. A five-step form whose checks mirror the server's (GB 11643 / GB 32100 check characters,
 * mobile numbers, dates, file types by their first bytes); the server decides. The result (receipt number and the
 * query code, shown once) can be printed.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Grid, Input, Radio, Space, Steps, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import { type CalendarAddResponse, PORTAL_ACCEPT, PORTAL_UPLOAD_LIMITS, type PortalApplicationInput, type PortalApplicationResult } from '../../../common/contracts';
import { isValidCreditCode, maskIdNumber, maskMobile, normalizeCreditCode } from '../../../common/validators';
import { api, isApiError } from '../../app/api';
import { announce } from '../../app/notify';
import { dateLongZh, todayBeijing } from '../../components/format';
import { DATE_INPUT_FORMATS, cleanIdNumberInput, cleanMobileInput, dateZh, idNumberProblem, mobileProblem, refusedFields, stepOfFields } from './portalText';
import { admitFiles, formatBytes, mayHaveArrived, rejectedFiles, submissionTokens, submitApplication } from './reconPortalApi';

type Result = z.infer<typeof PortalApplicationResult>;

interface Values {
  applicant: { kind: 'person' | 'organization'; name?: string; idNumber?: string; mobile?: string; creditCode?: string; legalRepresentative?: string; address?: string; postalCode?: string };
  respondent: { name?: string };
  act: { name?: string; docNo?: string; madeOn?: Dayjs | null; knownOn?: Dayjs | null; realEstate?: boolean; notInformed?: boolean; rightsKnownOn?: Dayjs | null };
  request?: string;
  reasons?: string;
  lateExplanation?: string;
  declaration?: boolean;
}

const STEPS = ['申请人', '被申请人与行政行为', '复议请求与事实理由', '材料上传', '确认提交'];
/** The fields each step validates before moving on. */
const STEP_FIELDS: (string | number)[][][] = [
  [['applicant', 'kind'], ['applicant', 'name'], ['applicant', 'idNumber'], ['applicant', 'mobile'], ['applicant', 'creditCode'], ['applicant', 'legalRepresentative'], ['applicant', 'address'], ['applicant', 'postalCode']],
  [['respondent', 'name'], ['act', 'name'], ['act', 'docNo'], ['act', 'madeOn'], ['act', 'knownOn'], ['act', 'rightsKnownOn'], ['lateExplanation']],
  [['request'], ['reasons']],
  [],
  [['declaration']],
];

/** today in Beijing (statutory dates are Beijing dates, as the server counts them), whatever the device's time zone */
const today = () => todayBeijing();
const ymd = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

function toInput(v: Values): PortalApplicationInput {
  const a = v.applicant;
  const applicant =
    a.kind === 'person'
      ? { kind: 'person' as const, name: a.name!.trim(), idNumber: cleanIdNumberInput(a.idNumber!), mobile: cleanMobileInput(a.mobile!), address: a.address!.trim(), ...(a.postalCode ? { postalCode: a.postalCode.trim() } : {}) }
      : { kind: 'organization' as const, name: a.name!.trim(), creditCode: normalizeCreditCode(a.creditCode!), legalRepresentative: a.legalRepresentative!.trim(), address: a.address!.trim(), ...(a.postalCode ? { postalCode: a.postalCode.trim() } : {}) };
  return {
    applicant,
    respondent: { name: v.respondent.name!.trim() },
    act: {
      name: v.act.name!.trim(),
      ...(v.act.docNo?.trim() ? { docNo: v.act.docNo.trim() } : {}),
      ...(v.act.madeOn ? { madeOn: ymd(v.act.madeOn)! } : {}),
      knownOn: ymd(v.act.knownOn)!,
      ...(v.act.realEstate ? { realEstate: true } : {}),
      ...(v.act.notInformed ? { notInformed: true, rightsKnownOn: ymd(v.act.rightsKnownOn)! } : {}),
    },
    request: v.request!.trim(),
    reasons: v.reasons!.trim(),
    ...(v.lateExplanation?.trim() ? { lateExplanation: v.lateExplanation.trim() } : {}),
    declaration: true,
  };
}

/** R1, Art. 20: 60 days from the day the applicant knew of the act, computed on the official calendar (public endpoint). */
function ApplicationPeriod({ start, onLate }: { start: string | undefined; onLate: (late: boolean) => void }) {
  const q = useQuery({
    queryKey: ['portal-application-period', start],
    enabled: !!start,
    queryFn: () => api<z.infer<typeof CalendarAddResponse>>('/calendar/add', { query: { from: start!, days: 60, unit: 'CAL' }, quietSession: true }),
    meta: { silent: true },
  });
  const late = !!q.data && today() > q.data.due;
  useEffect(() => onLate(late), [late]);
  return (
    <Alert
      type={late ? 'warning' : 'info'}
      showIcon
      role="note"
      style={{ marginBottom: 16 }}
      title="申请期限：自知道或者应当知道该行政行为之日起六十日内（《中华人民共和国行政复议法》第二十条第一款）"
      description={
        <>
          {q.data && start && (
            <p style={{ margin: '4px 0' }}>
              按您填写的日期 {dateZh(start)} 计算，申请期限届满日为 <strong>{dateLongZh(q.data.due)}</strong>
              {late ? '，已经超过。' : '。'}
            </p>
          )}
          {q.error && start && (
            <p style={{ margin: '4px 0' }} data-testid="recon-period-unpublished">
              {isApiError(q.error) && q.error.code === 'CALENDAR_YEAR_UNPUBLISHED'
                ? `按您填写的日期 ${dateZh(start)} 计算，申请期限约在 ${dateZh(dayjs(start).add(60, 'day').format('YYYY-MM-DD'))} 届满；该日所在年份的节假日安排尚未公布，如最后一日为法定休假日，以法定休假日后的第一日为届满日（《中华人民共和国民事诉讼法》第八十五条第三款），暂无法精确计算。`
                : '申请期限届满日暂时无法计算，请稍后再试或以行政复议机关的认定为准。'}
            </p>
          )}
          {late && <p style={{ margin: '4px 0' }}>因不可抗力或者其他正当理由耽误申请期限的，申请期限自障碍消除之日起继续计算（第二十条第二款）。请在下方说明理由，行政复议机关将在受理审查时核实。</p>}
          <p style={{ margin: '4px 0' }}>行政机关作出行政行为时未告知申请行政复议的权利、行政复议机关和申请期限的，自您知道之日起计算，但自知道行政行为内容之日起最长不超过一年（第二十条第三款）。此处计算仅供参考，以行政复议机关的认定为准。</p>
        </>
      }
    />
  );
}

function ResultView({ result }: { result: Result }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // On a phone the label goes above the value: the receipt number and query code stay on one line, easy to copy.
  const narrow = !Grid.useBreakpoint().sm;
  const navigate = useNavigate();
  useEffect(() => {
    headingRef.current?.focus();
    announce(`申请已提交。回执编号 ${result.receiptNo}，查询码 ${result.queryCode.split('').join(' ')}。请妥善保存查询码，仅显示一次。`, 'assertive');
  }, [result]);
  return (
    <Card data-testid="recon-apply-result">
      <style>{'@media print { .portal-header, .portal-footer, .skip-link, .no-print { display: none !important; } }'}</style>
      <h2 className="section-title" ref={headingRef} tabIndex={-1}>
        申请已提交
      </h2>
      <p>行政复议机关已通过互联网渠道收到您的行政复议申请，将在五个工作日内审查是否受理（《中华人民共和国行政复议法》第三十条、第八十八条第二款）；材料不齐全或者表述不清楚的，将在五个工作日内书面通知您补正（第三十一条）。</p>
      <Descriptions column={1} bordered size="middle" layout={narrow ? 'vertical' : 'horizontal'} styles={{ label: { width: '9em' } }}>
        <Descriptions.Item label="回执编号">
          <strong data-testid="recon-receipt-no" style={{ fontSize: '1.2em', letterSpacing: '0.05em' }}>
            {result.receiptNo}
          </strong>
        </Descriptions.Item>
        <Descriptions.Item label="查询码">
          <strong data-testid="recon-query-code" style={{ fontSize: '1.4em', letterSpacing: '0.2em', fontFamily: 'monospace' }}>
            {result.queryCode}
          </strong>
        </Descriptions.Item>
        <Descriptions.Item label="案件编号">{result.caseNo}</Descriptions.Item>
        <Descriptions.Item label="收到申请日期">{dateLongZh(result.receivedOn)}</Descriptions.Item>
        <Descriptions.Item label="已接收材料">
          {result.attachments.length ? (
            <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
              {result.attachments.map((a) => (
                <li key={a.sha256 + a.name}>
                  {a.name}（{formatBytes(a.size)}）
                </li>
              ))}
            </ul>
          ) : (
            '无'
          )}
        </Descriptions.Item>
      </Descriptions>
      <Alert type="warning" showIcon role="alert" style={{ margin: '16px 0' }} title="请妥善保存查询码，仅显示一次" description="查询办理进度、下载网上送达的文书都需要回执编号和查询码。本系统只保存查询码的加密摘要，丢失后无法找回，可拨打 12348 或到行政复议机关咨询。（为防止网络不畅时重复登记，本回执另加密暂存 24 小时，仅供本页面再次提交同一份申请时原样显示。）" />
      {result.late && (
        <Alert type="info" showIcon role="note" style={{ marginBottom: 16 }} title={`按您填写的日期计算，申请期限已于 ${dateZh(result.applicationDue)} 届满`} description="行政复议机关将在受理审查中核实是否存在不可抗力或者其他正当理由（《中华人民共和国行政复议法》第二十条第二款）。" />
      )}
      <Space wrap className="no-print">
        <Button type="primary" size="large" onClick={() => window.print()}>
          打印回执
        </Button>
        {/* a button, not a button inside a link (two tab stops, invalid nesting) */}
        <Button size="large" onClick={() => navigate(`/portal/reconsideration/progress?receiptNo=${encodeURIComponent(result.receiptNo)}`)}>
          查询办理进度
        </Button>
      </Space>
    </Card>
  );
}

export function ReconApplyPage() {
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [files, setFiles] = useState<File[]>([]);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const [late, setLate] = useState(false);
  const [confirmValues, setConfirmValues] = useState<Values | null>(null);
  /** field errors of a refused submission, set once their step is shown (fields of other steps are not mounted) */
  const [pendingFieldErrors, setPendingFieldErrors] = useState<{ name: string[]; message: string }[]>([]);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  /** one submission token per content sent: a retry of the same form is answered with the first receipt */
  const tokenFor = useRef(submissionTokens()).current;
  const kind = Form.useWatch(['applicant', 'kind'], form) ?? 'person';
  const notInformed = Form.useWatch(['act', 'notInformed'], form);
  const knownOn = Form.useWatch(['act', 'knownOn'], form) as Dayjs | null | undefined;
  const rightsKnownOn = Form.useWatch(['act', 'rightsKnownOn'], form) as Dayjs | null | undefined;

  const submit = useMutation({
    mutationFn: (v: Values) => {
      const input = toInput(v);
      return submitApplication({ ...input, submissionToken: tokenFor(input, files) }, files);
    },
    meta: { silent: true },
    onError: (e) => {
      if (isApiError(e)) {
        // The server refused a field: back to its step, the field marked with the reason.
        const fields = refusedFields(e.details, e.message);
        const target = stepOfFields(fields.map((f) => f.name), STEP_FIELDS);
        if (target !== null) {
          setPendingFieldErrors(fields);
          setStep(target);
        }
      }
      const names = isApiError(e) ? rejectedFiles(e.details) : [];
      announce(`提交未成功：${isApiError(e) ? e.message : '请稍后重试'}${names.length ? `。${names.map((n) => `${n.name}：${n.message}`).join('；')}` : ''}`, 'assertive');
    },
  });

  useEffect(() => {
    if (!pendingFieldErrors.length) return;
    form.setFields(pendingFieldErrors.map((f) => ({ name: f.name as never, errors: [f.message] })));
    setPendingFieldErrors([]);
  }, [pendingFieldErrors, step]);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [step]);

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[step] as never);
    } catch {
      announce('本步骤有需要修改的内容，请查看各输入框下方的提示', 'assertive');
      return;
    }
    if (step === 3) setConfirmValues(form.getFieldsValue(true) as Values);
    setStep((s) => Math.min(s + 1, STEPS.length - 1));
  };
  const back = () => setStep((s) => Math.max(s - 1, 0));

  /** Several files may be chosen at once: the whole choice is checked together, against the files already chosen. */
  const addFiles = async (batch: File[]) => {
    const { accepted, errors } = await admitFiles(files, batch);
    if (accepted.length) setFiles((fs) => [...fs, ...accepted]);
    setFileErrors(errors);
    const added = accepted.length ? `已添加 ${accepted.map((f) => f.name).join('、')}` : '';
    announce([added, ...errors].filter(Boolean).join('；'), errors.length ? 'assertive' : 'polite');
  };

  if (submit.data) return (
    <>
      <h1>网上申请行政复议</h1>
      <ResultView result={submit.data} />
    </>
  );

  const err = submit.error;
  const rejected = isApiError(err) ? rejectedFiles(err.details) : [];
  const periodStart = notInformed ? ymd(rightsKnownOn) : ymd(knownOn);
  const cv = confirmValues;

  return (
    <>
      <h1>网上申请行政复议</h1>
      <p className="muted" style={{ marginTop: 0 }}>
        依照《中华人民共和国行政复议法》第二十二条第二款，您可以通过本网站提交行政复议申请书。请如实填写，带 * 的为必填项。提交后会得到回执编号和查询码，用于查询办理进度。
      </p>
      {/* On a phone the five steps stacked would push the form below the fold; the card heading says 第 n 步（共 5 步）. */}
      <style>{'@media (max-width: 575px) { .recon-apply-steps { display: none !important; } }'}</style>
      <Steps className="recon-apply-steps" current={step} size="small" responsive items={STEPS.map((title) => ({ title }))} style={{ margin: '16px 0' }} aria-label="申请步骤" />
      <Card>
        <h2 className="section-title" ref={stepHeading} tabIndex={-1}>
          第 {step + 1} 步（共 {STEPS.length} 步）：{STEPS[step]}
        </h2>
        <Form<Values> form={form} name="recon-apply" layout="vertical" requiredMark initialValues={{ applicant: { kind: 'person' } }} scrollToFirstError={{ focus: true }} preserve>
          {step === 0 && (
            <>
              <Form.Item label="申请人类型" name={['applicant', 'kind']} rules={[{ required: true }]}>
                <Radio.Group
                  aria-label="申请人类型"
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { value: 'person', label: '公民（自然人）' },
                    { value: 'organization', label: '法人或者其他组织' },
                  ]}
                />
              </Form.Item>
              <Form.Item label={kind === 'person' ? '姓名' : '名称'} name={['applicant', 'name']} rules={[{ required: true, whitespace: true, message: kind === 'person' ? '请填写申请人姓名' : '请填写法人或者其他组织名称' }, { max: kind === 'person' ? 40 : 100 }]}>
                <Input size="large" autoComplete={kind === 'person' ? 'name' : 'organization'} />
              </Form.Item>
              {kind === 'person' ? (
                <>
                  <Form.Item
                    label="居民身份证号码"
                    name={['applicant', 'idNumber']}
                    extra="18 位，最后一位可能是 X；填写后即核对校验码，加密保存"
                    rules={[{ required: true, message: '请填写居民身份证号码' }, { validator: async (_, v?: string) => (!v || !idNumberProblem(v) ? undefined : Promise.reject(new Error(idNumberProblem(v)))) }]}
                  >
                    <Input size="large" maxLength={22} autoComplete="off" inputMode="text" spellCheck={false} />
                  </Form.Item>
                  <Form.Item label="手机号码" name={['applicant', 'mobile']} rules={[{ required: true, message: '请填写手机号码' }, { validator: async (_, v?: string) => (!v || !mobileProblem(v) ? undefined : Promise.reject(new Error(mobileProblem(v)))) }]}>
                    <Input size="large" maxLength={20} autoComplete="tel" inputMode="tel" />
                  </Form.Item>
                </>
              ) : (
                <>
                  <Form.Item
                    label="统一社会信用代码"
                    name={['applicant', 'creditCode']}
                    rules={[{ required: true, message: '请填写统一社会信用代码' }, { validator: async (_, v?: string) => (!v || isValidCreditCode(normalizeCreditCode(v)) ? undefined : Promise.reject(new Error('统一社会信用代码有误：应为 18 位数字和大写字母，最后一位校验码与前 17 位不符，请对照营业执照逐位核对'))) }]}
                  >
                    <Input size="large" maxLength={18} autoComplete="off" />
                  </Form.Item>
                  <Form.Item label="法定代表人或者主要负责人" name={['applicant', 'legalRepresentative']} rules={[{ required: true, whitespace: true, message: '请填写法定代表人或者主要负责人姓名' }, { max: 40 }]}>
                    <Input size="large" />
                  </Form.Item>
                </>
              )}
              <Form.Item label="住所（送达地址）" name={['applicant', 'address']} rules={[{ required: true, whitespace: true, message: '请填写住所（送达地址）' }, { max: 200 }]}>
                <Input size="large" autoComplete="street-address" />
              </Form.Item>
              <Form.Item label="邮政编码" name={['applicant', 'postalCode']} rules={[{ pattern: /^\d{6}$/, message: '邮政编码应为 6 位数字' }]}>
                <Input size="large" maxLength={6} inputMode="numeric" autoComplete="postal-code" style={{ maxWidth: 200 }} />
              </Form.Item>
            </>
          )}

          {step === 1 && (
            <>
              <Form.Item label="被申请人（作出行政行为的行政机关）" name={['respondent', 'name']} rules={[{ required: true, whitespace: true, message: '请填写被申请人名称' }, { max: 100 }]}>
                <Input size="large" placeholder="例如：北京市西城区某某局" />
              </Form.Item>
              <Form.Item label="申请行政复议的行政行为" name={['act', 'name']} rules={[{ required: true, whitespace: true, message: '请填写申请行政复议的行政行为' }, { max: 200 }]}>
                <Input size="large" placeholder="例如：行政处罚决定" />
              </Form.Item>
              <Form.Item label="文书编号（文号）" name={['act', 'docNo']} rules={[{ max: 100 }]} extra="行政决定书上的编号，如有请填写">
                <Input size="large" />
              </Form.Item>
              <Form.Item
                label="行政行为作出日期"
                name={['act', 'madeOn']}
                dependencies={[['act', 'knownOn']]}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_, v?: Dayjs | null) => {
                      const k = getFieldValue(['act', 'knownOn']) as Dayjs | null | undefined;
                      if (v && ymd(v)! > today()) throw new Error('日期不能晚于今天');
                      if (v && k && ymd(v)! > ymd(k)!) throw new Error('作出日期不能晚于知道该行政行为的日期');
                    },
                  }),
                ]}
              >
                <DatePicker size="large" format={DATE_INPUT_FORMATS} placeholder="年-月-日，如 2026-12-01" style={{ width: '100%', maxWidth: 260 }} />
              </Form.Item>
              <Form.Item
                label="知道或者应当知道该行政行为的日期"
                name={['act', 'knownOn']}
                extra="通常是收到行政决定书的日期；申请期限从这一天起计算"
                rules={[{ required: true, message: '请选择知道该行政行为的日期' }, { validator: async (_, v?: Dayjs | null) => { if (v && ymd(v)! > today()) throw new Error('日期不能晚于今天'); } }]}
              >
                <DatePicker size="large" format={DATE_INPUT_FORMATS} placeholder="年-月-日，如 2026-12-01" style={{ width: '100%', maxWidth: 260 }} />
              </Form.Item>
              <Form.Item name={['act', 'notInformed']} valuePropName="checked">
                <Checkbox>行政机关作出该行为时，没有告知我申请行政复议的权利、复议机关和申请期限</Checkbox>
              </Form.Item>
              {notInformed && (
                <Form.Item label="知道申请行政复议的权利、复议机关和申请期限的日期" name={['act', 'rightsKnownOn']} rules={[{ required: true, message: '请选择日期（第二十条第三款）' }]}>
                  <DatePicker size="large" format={DATE_INPUT_FORMATS} placeholder="年-月-日，如 2026-12-01" style={{ width: '100%', maxWidth: 260 }} />
                </Form.Item>
              )}
              <Form.Item name={['act', 'realEstate']} valuePropName="checked">
                <Checkbox>该行政行为涉及不动产（《中华人民共和国行政复议法》第二十一条）</Checkbox>
              </Form.Item>
              <ApplicationPeriod start={periodStart} onLate={setLate} />
              {late && (
                <Form.Item label="逾期的原因" name="lateExplanation" rules={[{ max: 2000 }]} extra="如因不可抗力或者其他正当理由耽误，请说明">
                  <Input.TextArea rows={3} />
                </Form.Item>
              )}
            </>
          )}

          {step === 2 && (
            <>
              <Form.Item label="行政复议请求" name="request" rules={[{ required: true, whitespace: true, message: '请填写行政复议请求' }, { max: 2000 }]} extra="例如：请求撤销被申请人作出的某某决定">
                <Input.TextArea rows={3} showCount maxLength={2000} />
              </Form.Item>
              <Form.Item label="申请行政复议的主要事实和理由" name="reasons" rules={[{ required: true, whitespace: true, message: '请填写申请行政复议的主要事实和理由' }, { max: 10000 }]}>
                <Input.TextArea rows={8} showCount maxLength={10000} />
              </Form.Item>
            </>
          )}

          {step === 3 && (
            <>
              <Alert
                type="info"
                showIcon
                role="note"
                style={{ marginBottom: 16 }}
                title="仅接受 PDF、JPG、PNG、DOCX、OFD 格式的文件，单个不超过 10 MB，最多 5 个，合计不超过 20 MB"
                description="可上传行政决定书、证据材料、身份证明等。系统按文件内容核验类型，扩展名与内容不符、可执行程序、网页或脚本文件将被拒收。没有材料也可以直接进入下一步。"
              />
              <Upload accept={PORTAL_ACCEPT} multiple showUploadList={false} beforeUpload={(f, batch) => {
                  if (f === batch[0]) void addFiles(batch as unknown as File[]);
                  return false;
                }}>
                <Button size="large" disabled={files.length >= PORTAL_UPLOAD_LIMITS.files}>
                  选择文件
                </Button>
              </Upload>
              {fileErrors.length > 0 && (
                <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title="以下文件未添加" description={<ul style={{ margin: 0, paddingLeft: '1.2em' }}>{fileErrors.map((e) => <li key={e}>{e}</li>)}</ul>} />
              )}
              <ul aria-label="已选择的材料" style={{ listStyle: 'none', padding: 0, marginTop: 12 }}>
                {files.map((f, i) => (
                  <li key={`${f.name}-${i}`} style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '6px 0', borderBottom: '1px solid #eee', flexWrap: 'wrap' }}>
                    <span style={{ flex: 1, minWidth: 160, wordBreak: 'break-all' }}>
                      {f.name}（{formatBytes(f.size)}）
                    </span>
                    <Button onClick={() => setFiles((fs) => fs.filter((_, j) => j !== i))} aria-label={`删除 ${f.name}`}>
                      删除
                    </Button>
                  </li>
                ))}
              </ul>
              <p className="muted">
                已选择 {files.length} 个文件，合计 {formatBytes(files.reduce((s, f) => s + f.size, 0))}
              </p>
            </>
          )}

          {step === 4 && cv && (
            <>
              <Descriptions column={1} bordered size="small" styles={{ label: { width: '9em' } }}>
                <Descriptions.Item label="申请人">{cv.applicant.name}</Descriptions.Item>
                {cv.applicant.kind === 'person' ? (
                  <>
                    <Descriptions.Item label="身份证号码">{maskIdNumber(cleanIdNumberInput(cv.applicant.idNumber ?? ''))}</Descriptions.Item>
                    <Descriptions.Item label="手机号码">{maskMobile(cleanMobileInput(cv.applicant.mobile ?? ''))}</Descriptions.Item>
                  </>
                ) : (
                  <>
                    <Descriptions.Item label="统一社会信用代码">{normalizeCreditCode(cv.applicant.creditCode ?? '')}</Descriptions.Item>
                    <Descriptions.Item label="法定代表人">{cv.applicant.legalRepresentative}</Descriptions.Item>
                  </>
                )}
                <Descriptions.Item label="住所">{cv.applicant.address}</Descriptions.Item>
                {cv.applicant.postalCode ? <Descriptions.Item label="邮政编码">{cv.applicant.postalCode}</Descriptions.Item> : null}
                <Descriptions.Item label="被申请人">{cv.respondent.name}</Descriptions.Item>
                <Descriptions.Item label="行政行为">
                  {cv.act.name}
                  {cv.act.docNo ? `（${cv.act.docNo}）` : ''}
                </Descriptions.Item>
                {cv.act.madeOn ? <Descriptions.Item label="行为作出日期">{dateZh(ymd(cv.act.madeOn)!)}</Descriptions.Item> : null}
                <Descriptions.Item label="知道该行为日期">{dateZh(ymd(cv.act.knownOn) ?? '')}</Descriptions.Item>
                {cv.act.notInformed ? <Descriptions.Item label="未告知复议权利">是；知道复议权利、复议机关和申请期限的日期：{dateZh(ymd(cv.act.rightsKnownOn) ?? '')}</Descriptions.Item> : null}
                {cv.act.realEstate ? <Descriptions.Item label="涉及不动产">是</Descriptions.Item> : null}
                {late && cv.lateExplanation?.trim() ? (
                  <Descriptions.Item label="逾期的原因">
                    <span style={{ whiteSpace: 'pre-wrap' }}>{cv.lateExplanation}</span>
                  </Descriptions.Item>
                ) : null}
                <Descriptions.Item label="行政复议请求">{cv.request}</Descriptions.Item>
                <Descriptions.Item label="事实和理由">
                  <span style={{ whiteSpace: 'pre-wrap' }}>{cv.reasons}</span>
                </Descriptions.Item>
                <Descriptions.Item label="材料">{files.length ? files.map((f) => f.name).join('、') : '无'}</Descriptions.Item>
                <Descriptions.Item label="申请日期">{dateLongZh(today())}（以行政复议机关收到之日为准）</Descriptions.Item>
              </Descriptions>
              <Form.Item name="declaration" valuePropName="checked" style={{ marginTop: 16 }} rules={[{ validator: async (_, v) => { if (!v) throw new Error('请确认所填内容真实'); } }]}>
                <Checkbox>本人确认以上内容真实、准确，并知悉提供虚假材料应承担的法律责任</Checkbox>
              </Form.Item>
            </>
          )}
        </Form>

        {err && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ margin: '12px 0' }}
            data-testid="recon-apply-error"
            title={isApiError(err) ? (rejected.length ? err.baseMessage : err.message) : '提交失败，请稍后重试'}
            description={
              rejected.length ? (
                <ul style={{ margin: 0, paddingLeft: '1.2em' }}>{rejected.map((r) => <li key={r.name + r.message}>{`${r.name}：${r.message}`}</li>)}</ul>
              ) : mayHaveArrived(err) ? (
                <span data-testid="recon-apply-retry-hint">您的申请可能已经送达。请不要修改内容，直接再次点击“确认提交”：同一份申请不会重复登记，已送达的将显示原回执编号和查询码。</span>
              ) : undefined
            }
          />
        )}

        <Space wrap style={{ marginTop: 8 }}>
          {step > 0 && (
            <Button size="large" onClick={back}>
              上一步
            </Button>
          )}
          {step < STEPS.length - 1 ? (
            <Button type="primary" size="large" onClick={() => void next()}>
              下一步
            </Button>
          ) : (
            <Button
              type="primary"
              size="large"
              loading={submit.isPending}
              onClick={async () => {
                try {
                  await form.validateFields([['declaration']]);
                } catch {
                  announce('请确认所填内容真实', 'assertive');
                  return;
                }
                submit.mutate(form.getFieldsValue(true) as Values);
              }}
            >
              确认提交
            </Button>
          )}
        </Space>
      </Card>
    </>
  );
}
