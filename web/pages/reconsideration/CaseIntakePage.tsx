/**
 * 登记申请: staff register a 行政复议 application received on site, by mail, through the internet channel or orally
 * (《中华人民共和国行政复议法》第二十二条). The server computes the application period (Art. 20, counted to the postmark for
 * mail), the acceptance-review deadline (Art. 30) and the related / duplicate cases; the created case opens with them.
 */
import { SearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Radio, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import { RECON_CHANNEL_LABELS, type Person, type ReconCaseCreateBody, type ReconCaseDetail, type ReconChannel } from '../../../common/contracts';
import { post } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { applyServerErrors } from '../../components/forms';
import { todayBeijing } from '../../components/format';
import { RECON_BASE, restDayWarning } from './shared';

type Body = z.input<typeof ReconCaseCreateBody>;

interface Values {
  channel: ReconChannel;
  receivedOn: Dayjs;
  postmarkOn?: Dayjs;
  oralRecord?: string;
  oralConfirmed?: boolean;
  applicantKind: 'person' | 'organization';
  personMode: 'new' | 'existing';
  name?: string;
  idNumber?: string;
  mobile?: string;
  orgName?: string;
  creditCode?: string;
  legalRepresentative?: string;
  respondentName: string;
  actName: string;
  actDocNo?: string;
  actMadeOn?: Dayjs;
  actKnownOn: Dayjs;
  realEstate?: boolean;
  notInformed?: boolean;
  rightsKnownOn?: Dayjs;
  request: string;
  reasons?: string;
  lateExplanation?: string;
  attachments?: string;
  /** Art. 32: lodged with the penalising agency, which forwards it */
  viaAgencyOn?: boolean;
  agencyName?: string;
  agencyReceivedOn?: Dayjs;
  agencyPenalty?: 'onTheSpot' | 'electronicMonitoring';
}

const d = (v: Dayjs | undefined | null) => (v ? v.format('YYYY-MM-DD') : undefined);
const notFuture = { validator: async (_r: unknown, v: Dayjs | undefined) => (v && v.format('YYYY-MM-DD') > todayBeijing() ? Promise.reject(new Error('日期不能晚于今天')) : undefined) };
const DATE = { format: 'YYYY-MM-DD', placeholder: 'YYYY-MM-DD', style: { width: 180 } } as const;

/** Find an applicant already in the people register by 身份证号 or mobile (exact, blind index; results masked). */
function PersonPicker({ value, onChange }: { value?: string; onChange?: (id: string | undefined) => void }) {
  const [idNumber, setIdNumber] = useState('');
  const search = useMutation({ mutationFn: () => post<{ data: Person[]; total: number }>('/people/search', /^\d{11}$/.test(idNumber.trim()) ? { mobile: idNumber.trim() } : { idNumber: idNumber.trim() }) });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space.Compact style={{ maxWidth: 420, width: '100%' }}>
        <Input aria-label="身份证号或手机号（精确检索）" placeholder="身份证号或手机号（精确检索）" value={idNumber} onChange={(e) => setIdNumber(e.target.value)} onPressEnter={(e) => (e.preventDefault(), idNumber.trim() && search.mutate())} />
        <Button icon={<SearchOutlined />} onClick={() => search.mutate()} disabled={!idNumber.trim()} loading={search.isPending}>
          检索
        </Button>
      </Space.Compact>
      <ErrorAlert error={search.error} title="检索失败" />
      {search.data && (
        <Table<Person>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={search.data.data}
          locale={{ emptyText: '未找到该当事人，请改为“新登记当事人”' }}
          rowSelection={{ type: 'radio', selectedRowKeys: value ? [value] : [], onChange: (keys) => onChange?.(keys[0] as string | undefined) }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '身份证号（脱敏）', dataIndex: 'idNumber', render: (v: string) => <span className="mono">{v}</span> },
            { title: '手机号（脱敏）', dataIndex: 'mobile', render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
    </Space>
  );
}

export function CaseIntakePage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const channel = Form.useWatch('channel', form) ?? 'onsite';
  const applicantKind = Form.useWatch('applicantKind', form) ?? 'person';
  const personMode = Form.useWatch('personMode', form) ?? 'new';
  const notInformed = Form.useWatch('notInformed', form);
  const viaAgency = Form.useWatch('viaAgencyOn', form);
  const [personId, setPersonId] = useState<string | undefined>();

  const create = useMutation({
    mutationFn: (b: Body) => post<ReconCaseDetail>(RECON_BASE, b),
    onSuccess: (c) => {
      notifySuccess(`已登记，案号 ${c.caseNo}`);
      navigate(`${RECON_BASE}/${encodeURIComponent(c.id)}`, { state: { created: true } });
    },
    onError: (e) => applyServerErrors(form, e, { name: 'name', knownOn: 'actKnownOn', madeOn: 'actMadeOn', docNo: 'actDocNo', 'viaAgency.receivedOn': 'agencyReceivedOn' }),
  });

  const submit = (v: Values) => {
    const applicant: Body['applicant'] =
      v.applicantKind === 'organization'
        ? { kind: 'organization', name: v.orgName ?? '', creditCode: (v.creditCode ?? '').toUpperCase(), ...(v.legalRepresentative ? { legalRepresentative: v.legalRepresentative } : {}) }
        : v.personMode === 'existing'
          ? { kind: 'person', personId }
          : { kind: 'person', name: v.name, idNumber: v.idNumber?.toUpperCase(), mobile: v.mobile || null };
    const body: Body = {
      channel: v.channel,
      receivedOn: d(v.receivedOn)!,
      ...(v.channel === 'mail' ? { postmarkOn: d(v.postmarkOn) } : {}),
      ...(v.channel === 'oral' ? { oralRecord: v.oralRecord, oralConfirmed: !!v.oralConfirmed } : {}),
      applicant,
      respondent: { name: v.respondentName },
      act: {
        name: v.actName,
        ...(v.actDocNo ? { docNo: v.actDocNo } : {}),
        ...(v.actMadeOn ? { madeOn: d(v.actMadeOn) } : {}),
        knownOn: d(v.actKnownOn)!,
        realEstate: !!v.realEstate,
        notInformed: !!v.notInformed,
        ...(v.notInformed ? { rightsKnownOn: d(v.rightsKnownOn) } : {}),
      },
      ...(v.viaAgencyOn ? { viaAgency: { name: v.agencyName ?? '', receivedOn: d(v.agencyReceivedOn)!, penalty: v.agencyPenalty ?? 'onTheSpot' } } : {}),
      request: v.request,
      reasons: v.reasons ?? '',
      ...(v.lateExplanation ? { lateExplanation: v.lateExplanation } : {}),
      attachments: (v.attachments ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((name) => ({ name })),
    };
    create.mutate(body);
  };

  return (
    <>
      <PageHeader title="登记申请" description="登记当面提交、邮寄、互联网渠道或口头提出的行政复议申请（《中华人民共和国行政复议法》第二十二条）。登记后系统计算受理审查期限，并提示关联或重复申请。" />
      <Form<Values>
        form={form}
        name="recon-intake"
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{ channel: 'onsite', receivedOn: dayjs(todayBeijing()), applicantKind: 'person', personMode: 'new' }}
        style={{ maxWidth: 960 }}
      >
        <Card title={<h2 className="section-title">收件</h2>} size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="channel" label="申请方式" rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={Object.entries(RECON_CHANNEL_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Space wrap size="large" align="start">
            {/* handed in, signed for or recorded by the office: a rest day is warned of (an online application may arrive any day) */}
            <Form.Item
              name="receivedOn"
              label={channel === 'mail' ? '收到日期（签收邮件之日）' : '收到申请日期'}
              dependencies={['channel']}
              rules={[{ required: true, message: '请选择收到申请的日期' }, notFuture, ...(channel === 'online' ? [] : [restDayWarning('收到申请日期')])]}
            >
              <DatePicker {...DATE} />
            </Form.Item>
            {channel === 'mail' && (
              <Form.Item name="postmarkOn" label="邮戳日期" rules={[{ required: true, message: '邮寄申请请填写邮戳日期' }, notFuture]}>
                <DatePicker {...DATE} />
              </Form.Item>
            )}
          </Space>
          {channel === 'mail' && (
            <Alert
              type="info"
              showIcon
              title="邮寄申请：申请期限算至邮戳日期"
              description="申请人在六十日申请期限（《中华人民共和国行政复议法》第二十条）内交邮的，不算过期：期间以邮戳日期为准（《中华人民共和国行政复议法》第八十八条、《中华人民共和国民事诉讼法》第八十五条第四款）。受理审查期限（第三十条，五个工作日）自复议机构收到申请之日起计算。"
            />
          )}
          {channel === 'oral' && (
            <>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title="口头申请：当场记录"
                description="书面申请有困难的，可以口头申请；行政复议机关应当当场记录申请人的基本情况、行政复议请求、申请行政复议的主要事实、理由和时间（《中华人民共和国行政复议法》第二十二条第一款、第三款）。记录应交申请人核对确认。"
              />
              <Form.Item name="oralRecord" label="口头申请笔录" rules={[{ required: true, whitespace: true, message: '请记录口头申请的内容' }]}>
                <Input.TextArea rows={5} maxLength={5000} showCount />
              </Form.Item>
              <Form.Item name="oralConfirmed" valuePropName="checked" rules={[{ validator: async (_r, v) => (v ? undefined : Promise.reject(new Error('笔录须经申请人核对确认'))) }]}>
                <Checkbox>申请人已核对笔录并确认无误</Checkbox>
              </Form.Item>
            </>
          )}
          <Form.Item name="viaAgencyOn" valuePropName="checked" style={{ marginBottom: viaAgency ? 8 : 0 }}>
            <Checkbox>经作出行政处罚决定的行政机关转送（当场作出或者依据电子技术监控设备记录的违法事实作出的行政处罚，《中华人民共和国行政复议法》第三十二条）</Checkbox>
          </Form.Item>
          {viaAgency && (
            <>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title="经行政机关转送：申请期限算至该机关收到之日"
                description="申请人对当场作出或者依据电子技术监控设备记录的违法事实作出的行政处罚决定不服的，可以通过作出行政处罚决定的行政机关提交行政复议申请；该行政机关应当自收到行政复议申请之日起五个工作日内转送行政复议机关（第三十二条）。登记后案件详情显示转送期限及其计算说明。"
              />
              <Space wrap size="large" align="start">
                <Form.Item name="agencyName" label="转送申请的行政机关" rules={[{ required: true, whitespace: true, message: '请填写转送申请的行政机关' }]}>
                  <Input style={{ width: 320 }} maxLength={100} />
                </Form.Item>
                <Form.Item name="agencyReceivedOn" label="该机关收到申请日期" rules={[{ required: true, message: '请选择该机关收到申请的日期' }, notFuture]}>
                  <DatePicker {...DATE} />
                </Form.Item>
                <Form.Item name="agencyPenalty" label="行政处罚的作出方式" rules={[{ required: true, message: '请选择行政处罚的作出方式' }]}>
                  <Radio.Group
                    options={[
                      { value: 'onTheSpot', label: '当场作出' },
                      { value: 'electronicMonitoring', label: '依据电子技术监控设备记录' },
                    ]}
                  />
                </Form.Item>
              </Space>
            </>
          )}
        </Card>

        <Card title={<h2 className="section-title">申请人</h2>} size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="applicantKind" label="申请人类型">
            <Radio.Group
              options={[
                { value: 'person', label: '公民' },
                { value: 'organization', label: '法人或者其他组织' },
              ]}
            />
          </Form.Item>
          {applicantKind === 'person' ? (
            <>
              <Form.Item name="personMode" label="当事人">
                <Radio.Group
                  options={[
                    { value: 'new', label: '新登记当事人' },
                    { value: 'existing', label: '选择已登记的当事人' },
                  ]}
                />
              </Form.Item>
              {personMode === 'existing' ? (
                <Form.Item label="检索当事人" required validateStatus={create.isError && !personId ? 'error' : undefined} help={!personId ? '检索后在结果中选择一人' : undefined}>
                  <PersonPicker value={personId} onChange={setPersonId} />
                </Form.Item>
              ) : (
                <Space wrap size="large" align="start">
                  <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入申请人姓名' }]}>
                    <Input maxLength={40} style={{ width: 180 }} autoComplete="off" />
                  </Form.Item>
                  <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, message: '请输入身份证号码' }, { pattern: /^\d{17}[\dXx]$/, message: '身份证号码应为 18 位' }]}>
                    <Input maxLength={18} style={{ width: 220 }} autoComplete="off" className="mono" />
                  </Form.Item>
                  <Form.Item name="mobile" label="手机号" rules={[{ pattern: /^1\d{10}$/, message: '手机号应为 11 位数字' }]}>
                    <Input maxLength={11} style={{ width: 160 }} autoComplete="off" />
                  </Form.Item>
                </Space>
              )}
              <p className="muted" style={{ margin: 0 }}>
                身份证号、手机号加密保存，页面上仅显示脱敏号码。
              </p>
            </>
          ) : (
            <Space wrap size="large" align="start">
              <Form.Item name="orgName" label="名称" rules={[{ required: true, whitespace: true, message: '请输入法人或其他组织名称' }]}>
                <Input maxLength={100} style={{ width: 280 }} />
              </Form.Item>
              <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ required: true, message: '请输入统一社会信用代码' }, { len: 18, message: '统一社会信用代码应为 18 位' }]}>
                <Input maxLength={18} style={{ width: 220 }} className="mono" />
              </Form.Item>
              <Form.Item name="legalRepresentative" label="法定代表人或主要负责人">
                <Input maxLength={40} style={{ width: 180 }} />
              </Form.Item>
            </Space>
          )}
        </Card>

        <Card title={<h2 className="section-title">被申请人与行政行为</h2>} size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="respondentName" label="被申请人" rules={[{ required: true, whitespace: true, message: '请输入被申请人名称' }]}>
            <Input maxLength={100} style={{ maxWidth: 420 }} placeholder="例如：北京市西城区市场监督管理局" />
          </Form.Item>
          <Space wrap size="large" align="start">
            <Form.Item name="actName" label="被申请复议的行政行为" rules={[{ required: true, whitespace: true, message: '请输入被申请复议的行政行为' }]}>
              <Input maxLength={200} style={{ width: 360 }} placeholder="例如：行政处罚决定" />
            </Form.Item>
            <Form.Item name="actDocNo" label="文书编号">
              <Input maxLength={100} style={{ width: 220 }} placeholder="例如：西市监罚〔2026〕12号" />
            </Form.Item>
          </Space>
          <Space wrap size="large" align="start">
            <Form.Item name="actMadeOn" label="行政行为作出日期" rules={[notFuture]}>
              <DatePicker {...DATE} />
            </Form.Item>
            <Form.Item
              name="actKnownOn"
              label="知道或者应当知道该行政行为之日"
              tooltip="六十日申请期限自此日起算（第二十条第一款）"
              rules={[{ required: true, message: '请选择申请人知道该行政行为之日' }, notFuture]}
            >
              <DatePicker {...DATE} />
            </Form.Item>
          </Space>
          <Form.Item name="realEstate" valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox>因不动产提出（最长保护期限二十年，第二十一条）</Checkbox>
          </Form.Item>
          <Form.Item name="notInformed" valuePropName="checked" style={{ marginBottom: notInformed ? 12 : 0 }}>
            <Checkbox>行政机关未告知申请行政复议的权利、复议机关和申请期限（第二十条第三款）</Checkbox>
          </Form.Item>
          {notInformed && (
            <Form.Item name="rightsKnownOn" label="知道申请权利、复议机关和申请期限之日" rules={[{ required: true, message: '请填写申请人知道申请权利、复议机关和申请期限之日（第二十条第三款）' }, notFuture]}>
              <DatePicker {...DATE} />
            </Form.Item>
          )}
        </Card>

        <Card title={<h2 className="section-title">复议请求与理由</h2>} size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="request" label="行政复议请求" rules={[{ required: true, whitespace: true, message: '请输入行政复议请求' }]}>
            <Input.TextArea rows={2} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="reasons" label="事实与理由">
            <Input.TextArea rows={4} maxLength={10000} />
          </Form.Item>
          <Form.Item name="lateExplanation" label="超过申请期限的理由（如有）" tooltip="因不可抗力或者其他正当理由耽误法定申请期限的，申请期限自障碍消除之日起继续计算（第二十条第二款）">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="attachments" label="收到的材料（每行一项）">
            <Input.TextArea rows={3} placeholder={'行政复议申请书\n身份证复印件\n行政处罚决定书复印件'} />
          </Form.Item>
        </Card>

        <ErrorAlert error={create.error} title="登记失败" testId="intake-error" />
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending} disabled={applicantKind === 'person' && personMode === 'existing' && !personId}>
            登记
          </Button>
          <Button onClick={() => navigate(RECON_BASE)}>取消</Button>
        </Space>
      </Form>
    </>
  );
}
