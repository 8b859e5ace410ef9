/** 行政应诉案件详情: the defence period with its computation, hearings and the head's appearance, outcome and appeal. */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Form, Input, Modal, Row, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { APPEAL_BASIS, DEFENCE_BASIS, HEAD_APPEARANCE_BASIS, LITIGATION_APPEAL_RULES, LITIGATION_OUTCOME_LABELS, type LitigationDetail, type LitigationOutcome } from '../../../common/contracts';
import { get, post, put } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageSpin } from '../../components/PageSpin';
import { StatusTag } from '../../components/StatusTag';
import { applyServerErrors } from '../../components/forms';
import { todayBeijing } from '../../components/format';
import { APPEAL_BY_LABELS, LITIGATION_STATUS } from './labels';

type Hearing = LitigationDetail['hearings'][number];
const INTERPRETATION_2018 = '《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》';
/** First-instance results against which no appeal lies (the server refuses them with the same provisions). */
const NOT_APPEALABLE: Partial<Record<string, string>> = {
  mediated: `调解书经双方当事人签收后即具有法律效力，不能上诉（${INTERPRETATION_2018}第八十五条第三款）`,
  withdrawn: `准许撤诉的裁定不属于可以上诉的裁定（${INTERPRETATION_2018}第一百零一条第二款）`,
};
const APPEAL_PERIOD = '上诉期限：判决书送达之日起十五日内，裁定书送达之日起十日内（《中华人民共和国行政诉讼法》第八十五条）';
/** The appeal period's state on the deadline register, as a tag. */
function appealPeriodTag(p: NonNullable<LitigationDetail['appealPeriod']>, today: string) {
  if (p.status === 'met') return <StatusTag tone="green">已上诉</StatusTag>;
  if (p.status === 'cancelled') return <StatusTag tone="grey">已结束</StatusTag>;
  if (p.due && p.due < today) return <StatusTag tone="red">已届满，尚未登记上诉</StatusTag>;
  return <StatusTag tone="blue">期限进行中</StatusTag>;
}
const outcomeOptions = Object.entries(LITIGATION_OUTCOME_LABELS).map(([value, label]) => ({ value, label }));

/** One small form in a modal, posting to a sub-resource of the case. */
function ActionModal({ title, onClose, submit, initial, children }: { title: string; onClose: () => void; submit: (v: Record<string, unknown>) => Promise<LitigationDetail>; initial?: Record<string, unknown>; children: React.ReactNode }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: submit,
    onSuccess: (d) => {
      qc.setQueryData(['litigation', 'case', d.id], d);
      void qc.invalidateQueries({ queryKey: ['litigation'] });
      notifySuccess('已保存');
      onClose();
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) notifyError(e);
    },
  });
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={m.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v: Record<string, unknown>) => m.mutate(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')))}>
        {children}
      </Form>
    </Modal>
  );
}

export function LitigationDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const manage = can('litigation.case.manage');
  const today = todayBeijing();
  const q = useQuery({ queryKey: ['litigation', 'case', id], queryFn: () => get<LitigationDetail>(`/litigation/cases/${id}`) });
  const [modal, setModal] = useState<null | { kind: 'defence' | 'hearing' | 'outcome' | 'appeal'; hearing?: Hearing }>(null);
  if (q.isLoading) return <PageSpin />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const c = q.data;
  const base = `/litigation/cases/${c.id}`;
  const close = () => setModal(null);
  const st = LITIGATION_STATUS[c.status];
  return (
    <>
      <PageHeader title={`行政应诉 ${c.caseNo}`} description={<Space><StatusTag tone={st.tone}>{st.label}</StatusTag><Link to="/litigation">返回台账</Link></Space>} />
      <Card title="案件信息" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="受理法院">{c.court}</Descriptions.Item>
          <Descriptions.Item label="案号">{c.caseNo}</Descriptions.Item>
          <Descriptions.Item label="原告">{c.plaintiff}</Descriptions.Item>
          <Descriptions.Item label="被告">{c.defendant}</Descriptions.Item>
          <Descriptions.Item label="案由">{c.cause}</Descriptions.Item>
          <Descriptions.Item label="关联行政复议案件">{c.reconCaseNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="立案日期">{c.filedOn}</Descriptions.Item>
          <Descriptions.Item label="收到起诉状副本">{c.complaintReceivedOn}</Descriptions.Item>
          <Descriptions.Item label="承办人">{c.handlerName ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="答辩期限" style={{ marginBottom: 16 }} extra={manage && !c.defenceSubmittedOn && !c.outcome && <Button onClick={() => setModal({ kind: 'defence' })}>登记已提交答辩</Button>}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="届满日期">
            {c.defence.due} {c.defenceSubmittedOn ? <StatusTag tone={c.defence.onTime ? 'green' : 'red'}>{c.defence.onTime ? `已于 ${c.defenceSubmittedOn} 按期提交` : `${c.defenceSubmittedOn} 逾期提交`}</StatusTag> : c.defence.due < today && c.status === 'pending' ? <StatusTag tone="red">已届满，尚未登记提交</StatusTag> : null}
          </Descriptions.Item>
          <Descriptions.Item label="依据">{c.defence.basis}：被告应当在收到起诉状副本之日起十五日内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状。</Descriptions.Item>
          <Descriptions.Item label="计算过程">{c.defence.explanation}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="开庭与负责人出庭应诉" style={{ marginBottom: 16 }} extra={manage && c.status !== 'concluded' && <Button icon={<PlusOutlined />} onClick={() => setModal({ kind: 'hearing' })}>登记开庭</Button>}>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`${HEAD_APPEARANCE_BASIS}：被诉行政机关负责人应当出庭应诉；不能出庭的，应当委托行政机关相应的工作人员出庭。`} />
        <Table<Hearing>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.hearings}
          columns={[
            { title: '开庭日期', dataIndex: 'hearingOn', width: 170, render: (v: string) => (v >= today ? <Space size={4}><span style={{ whiteSpace: 'nowrap' }}>{v}</span><StatusTag tone="blue">待开庭</StatusTag></Space> : v) },
            // a hearing still to come has no appearance yet: recorded after the hearing
            { title: '负责人出庭', dataIndex: 'headAppeared', width: 110, render: (v: boolean, h: Hearing) => (v ? <StatusTag tone="green">已出庭</StatusTag> : h.hearingOn >= today ? '开庭后登记' : <StatusTag tone="orange">未出庭</StatusTag>) },
            { title: '出庭负责人', key: 'head', render: (_: unknown, h) => (h.headAppeared ? `${h.headName ?? ''}${h.headTitle ? `（${h.headTitle}）` : ''}` : '—') },
            { title: '出庭（受委托）人员', dataIndex: 'representatives', render: (v: string | null) => v ?? '—' },
            { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
            ...(manage ? [{ title: '操作', key: 'ops', width: 90, render: (_: unknown, h: Hearing) => <Button size="small" icon={<EditOutlined />} onClick={() => setModal({ kind: 'hearing', hearing: h })}>修改</Button> }] : []),
          ]}
        />
      </Card>
      <Card title="裁判结果与上诉" extra={manage && <Space>{!c.outcome && <Button onClick={() => setModal({ kind: 'outcome' })}>登记一审结果</Button>}{c.outcome && !c.appeal?.outcome && !(NOT_APPEALABLE[c.outcome] && !c.appeal) && <Button onClick={() => setModal({ kind: 'appeal' })}>{c.appeal ? '登记二审结果' : '登记上诉'}</Button>}</Space>}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="一审结果">{c.outcome ? `${LITIGATION_OUTCOME_LABELS[c.outcome]}（${c.outcomeOn}）${c.outcomeNote ? `：${c.outcomeNote}` : ''}` : '尚未审结'}</Descriptions.Item>
          <Descriptions.Item label="上诉">{c.appeal ? `${APPEAL_BY_LABELS[c.appeal.by]}，${c.appeal.filedOn}${c.appeal.caseNo ? `，${c.appeal.caseNo}` : ''}；${c.appeal.outcome ? `二审：${LITIGATION_OUTCOME_LABELS[c.appeal.outcome]}（${c.appeal.outcomeOn}）` : '二审中'}` : c.outcome && NOT_APPEALABLE[c.outcome] ? `不可上诉：${NOT_APPEALABLE[c.outcome]}` : c.appealPeriod?.status === 'open' ? `未登记上诉（上诉期限届满日 ${c.appealPeriod.due ?? '—'}，${APPEAL_BASIS}）` : c.appealPeriod?.status === 'cancelled' ? '上诉期限届满未登记上诉' : c.outcome ? `未登记上诉（${APPEAL_PERIOD}）` : '—'}</Descriptions.Item>
          <Descriptions.Item label="最终结果">{c.finalOutcome ? LITIGATION_OUTCOME_LABELS[c.finalOutcome] : '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {c.outcome && LITIGATION_APPEAL_RULES[c.outcome] && (
        <Card title="上诉期限" style={{ marginTop: 16 }}>
          {c.appealPeriod ? (
            <Descriptions column={1} size="small">
              <Descriptions.Item label={c.appealPeriod.ruleId === 'litigation.appealRuling' ? '裁定书送达日期' : '判决书送达日期'}>{c.appealPeriod.servedOn}</Descriptions.Item>
              <Descriptions.Item label="届满日期">
                <Space size={4} wrap>
                  <span>{c.appealPeriod.due ?? '—'}</span>
                  {appealPeriodTag(c.appealPeriod, today)}
                  {c.appealPeriod.closedNote && <span style={{ color: 'rgba(0,0,0,0.45)' }}>{c.appealPeriod.closedNote}</span>}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="依据">
                {c.appealPeriod.basis}：{c.appealPeriod.ruleId === 'litigation.appealRuling' ? '当事人不服人民法院第一审裁定的，有权在裁定书送达之日起十日内向上一级人民法院提起上诉' : '当事人不服人民法院第一审判决的，有权在判决书送达之日起十五日内向上一级人民法院提起上诉'}；逾期不提起上诉的，第一审{c.appealPeriod.ruleId === 'litigation.appealRuling' ? '裁定' : '判决'}发生法律效力。是否上诉由本机关决定，法律未规定内部决定期限（本地规定待核实）。
              </Descriptions.Item>
              <Descriptions.Item label="计算过程">{c.appealPeriod.explanation}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Alert type="info" showIcon message={`该一审结果登记时未记录送达日期（上诉期限列入期限台账之前登记），上诉期限未列入期限台账（${APPEAL_PERIOD}）`} />
          )}
        </Card>
      )}

      {modal?.kind === 'defence' && (
        <ActionModal title="登记已提交答辩状和证据" onClose={close} initial={{ submittedOn: today }} submit={(v) => post(`${base}/defence`, v)}>
          <Form.Item label="提交日期" name="submittedOn" rules={[{ required: true, message: '请选择提交日期' }]} extra={`期限届满日 ${c.defence.due}（${DEFENCE_BASIS}）`}>
            <Input type="date" max={today} />
          </Form.Item>
        </ActionModal>
      )}
      {modal?.kind === 'hearing' && (
        <ActionModal
          title={modal.hearing ? '修改开庭记录' : '登记开庭'}
          onClose={close}
          initial={modal.hearing ? { ...modal.hearing, headName: modal.hearing.headName ?? undefined, headTitle: modal.hearing.headTitle ?? undefined, representatives: modal.hearing.representatives ?? undefined, note: modal.hearing.note ?? undefined } : { headAppeared: false }}
          submit={(v) => (modal.hearing ? put(`${base}/hearings/${modal.hearing.id}`, { headAppeared: false, ...v }) : post(`${base}/hearings`, { headAppeared: false, ...v }))}
        >
          <Form.Item label="开庭日期" name="hearingOn" rules={[{ required: true, message: '请选择开庭日期' }]}><Input type="date" /></Form.Item>
          <Form.Item name="headAppeared" valuePropName="checked" extra={`${HEAD_APPEARANCE_BASIS}；开庭后登记`}><Checkbox>行政机关负责人出庭应诉</Checkbox></Form.Item>
          <Row gutter={12}>
            <Col span={12}><Form.Item label="出庭负责人姓名" name="headName"><Input maxLength={40} /></Form.Item></Col>
            <Col span={12}><Form.Item label="职务" name="headTitle"><Input maxLength={60} placeholder="如：副区长、副局长" /></Form.Item></Col>
          </Row>
          <Form.Item label="出庭（受委托）工作人员、代理人" name="representatives"><Input maxLength={200} /></Form.Item>
          <Form.Item label="备注" name="note"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </ActionModal>
      )}
      {modal?.kind === 'outcome' && (
        <ActionModal title="登记一审结果" onClose={close} initial={{ on: today }} submit={(v) => post(`${base}/outcome`, v)}>
          <Form.Item label="结果" name="outcome" rules={[{ required: true, message: '请选择结果' }]}><Select options={outcomeOptions} /></Form.Item>
          <Form.Item label="裁判（撤诉）日期" name="on" rules={[{ required: true, message: '请选择日期' }]}><Input type="date" max={today} /></Form.Item>
          <Form.Item noStyle shouldUpdate={(a: Record<string, unknown>, b: Record<string, unknown>) => a.outcome !== b.outcome}>
            {({ getFieldValue }) => {
              const rule = LITIGATION_APPEAL_RULES[getFieldValue('outcome') as LitigationOutcome];
              if (!rule) return null;
              const doc = rule === 'litigation.appealRuling' ? '裁定书' : '判决书';
              return (
                <Form.Item label={`${doc}送达日期`} name="servedOn" rules={[{ required: true, message: `请选择${doc}送达日期` }]} extra={`上诉期限自${doc}送达之日起${rule === 'litigation.appealRuling' ? '十' : '十五'}日（${APPEAL_BASIS}），列入期限台账`}>
                  <Input type="date" max={today} />
                </Form.Item>
              );
            }}
          </Form.Item>
          <Form.Item label="说明" name="note"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </ActionModal>
      )}
      {modal?.kind === 'appeal' && (
        <ActionModal title={c.appeal ? '登记二审结果' : '登记上诉'} onClose={close} initial={c.appeal ? { by: c.appeal.by, filedOn: c.appeal.filedOn, appealCaseNo: c.appeal.caseNo ?? undefined } : { by: 'plaintiff' }} submit={(v) => post(`${base}/appeal`, v)}>
          <Row gutter={12}>
            <Col span={12}><Form.Item label="上诉人" name="by" rules={[{ required: true }]}><Select options={Object.entries(APPEAL_BY_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item></Col>
            <Col span={12}><Form.Item label="上诉日期" name="filedOn" rules={[{ required: true, message: '请选择上诉日期' }]} extra={c.appeal ? undefined : APPEAL_PERIOD}><Input type="date" max={today} /></Form.Item></Col>
          </Row>
          <Form.Item label="二审案号" name="appealCaseNo"><Input maxLength={60} placeholder="如：(2026)京02行终88号" /></Form.Item>
          {c.appeal && (
            <Row gutter={12}>
              <Col span={12}><Form.Item label="二审结果" name="outcome" rules={[{ required: true, message: '请选择二审结果' }]}><Select options={outcomeOptions} /></Form.Item></Col>
              <Col span={12}><Form.Item label="二审裁判日期" name="outcomeOn" rules={[{ required: true, message: '请选择日期' }]}><Input type="date" max={today} /></Form.Item></Col>
            </Row>
          )}
        </ActionModal>
      )}
    </>
  );
}
