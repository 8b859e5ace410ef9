/** 说理模板: reasoning paragraphs by decision type and matter type; built-in ones read-only, department ones managed. */
import { CopyOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, List, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  RECON_DECISION_LABELS,
  RECON_MATTER_LABELS,
  type ReasoningTemplate,
  ReasoningTemplateBody,
  type ReconDecisionType,
  type ReconMatterType,
  TEMPLATE_PLACEHOLDERS,
} from '../../../common/contracts';
import { del, get, post, put } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors, zodRule } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { Highlight } from './components';

const decisionOptions = (Object.keys(RECON_DECISION_LABELS) as ReconDecisionType[]).map((k) => ({ value: k, label: RECON_DECISION_LABELS[k] }));
const matterOptions = (Object.keys(RECON_MATTER_LABELS) as ReconMatterType[]).map((k) => ({ value: k, label: RECON_MATTER_LABELS[k] }));
const PLACEHOLDER_TEXT = TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`);
const shape = ReasoningTemplateBody.shape;

export function ReasoningTemplatesPage() {
  const can = useCan();
  const manage = can('reconsideration.template.manage');
  const qc = useQueryClient();
  const [decisionType, setDecisionType] = useState<ReconDecisionType | undefined>();
  const [matterType, setMatterType] = useState<ReconMatterType | undefined>();
  const [editing, setEditing] = useState<ReasoningTemplate | 'new' | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: ['recon-templates', decisionType, matterType], queryFn: () => get<{ data: ReasoningTemplate[] }>('/reconsideration/reasoning-templates', { decisionType, matterType }) });
  const save = useMutation({
    mutationFn: (values: Record<string, string>) =>
      editing && editing !== 'new' ? put<ReasoningTemplate>(`/reconsideration/reasoning-templates/${editing.id}`, { ...values, version: editing.version }) : post<ReasoningTemplate>('/reconsideration/reasoning-templates', values),
    onSuccess: (t) => {
      notifySuccess(`已保存说理模板“${t.title}”`);
      setEditing(null);
      void qc.invalidateQueries({ queryKey: ['recon-templates'] });
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) notifyError(e);
    },
  });
  const remove = useMutation({
    mutationFn: (t: ReasoningTemplate) => del(`/reconsideration/reasoning-templates/${t.id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['recon-templates'] }),
    onError: notifyError,
  });
  const open = (t: ReasoningTemplate | 'new', copy = false) => {
    setEditing(copy ? 'new' : t);
    form.setFieldsValue(t === 'new' ? { decisionType, matterType, title: '', body: '', article: '《中华人民共和国行政复议法》' } : { ...t, title: copy ? `${t.title}（本部门）` : t.title });
  };
  const copyText = async (t: ReasoningTemplate) => {
    await navigator.clipboard.writeText(t.body);
    notifySuccess('已复制说理段落，请将占位符替换为本案内容');
  };

  return (
    <>
      <PageHeader
        title="说理模板"
        description={`按决定类型和事项类型整理的说理段落。占位符 ${PLACEHOLDER_TEXT.join('、')} 在使用时替换为本案的申请人、被申请人和被申请复议的行政行为。每个模板写明所依据的法律条文；内置模板只读，可另存为本部门模板后修改。`}
        extra={manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>新增模板</Button>}
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select aria-label="决定类型" allowClear placeholder="决定类型" style={{ width: 220 }} value={decisionType} onChange={setDecisionType} options={decisionOptions} />
          <Select aria-label="事项类型" allowClear placeholder="事项类型" style={{ width: 180 }} value={matterType} onChange={setMatterType} options={matterOptions} />
        </Space>
        <ErrorAlert error={list.error} />
        <List<ReasoningTemplate>
          loading={list.isLoading}
          dataSource={list.data?.data ?? []}
          locale={{ emptyText: '没有符合条件的模板' }}
          renderItem={(t) => (
            <List.Item
              actions={[
                <Button key="copy" size="small" icon={<CopyOutlined />} onClick={() => void copyText(t)} aria-label={`复制 ${t.title}`}>复制</Button>,
                ...(manage && t.builtin ? [<Button key="dup" size="small" onClick={() => open(t, true)} aria-label={`另存 ${t.title}`}>另存为本部门模板</Button>] : []),
                ...(manage && !t.builtin
                  ? [
                      <Button key="edit" size="small" icon={<EditOutlined />} onClick={() => open(t)} aria-label={`修改 ${t.title}`}>修改</Button>,
                      <Popconfirm key="del" title={`删除模板“${t.title}”？`} okText="删除" cancelText="取消" onConfirm={() => remove.mutate(t)}>
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${t.title}`}>删除</Button>
                      </Popconfirm>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {t.title}
                    <Tag>{RECON_DECISION_LABELS[t.decisionType]}</Tag>
                    <Tag>{RECON_MATTER_LABELS[t.matterType]}</Tag>
                    {t.builtin ? <Tag color="blue">内置</Tag> : <Tag color="green">{t.departmentName ?? '本部门'}</Tag>}
                  </Space>
                }
                description={
                  <>
                    <Typography.Paragraph style={{ marginBottom: 4 }}>
                      <Highlight text={t.body} terms={PLACEHOLDER_TEXT} />
                    </Typography.Paragraph>
                    <Typography.Text type="secondary">法律依据：{t.article}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Modal title={editing && editing !== 'new' ? '修改说理模板' : '新增说理模板'} open={!!editing} width={720} okText="保存" cancelText="取消" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={() => setEditing(null)} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v: Record<string, string>) => save.mutate(v)}>
          <Form.Item name="title" label="模板名称" rules={[zodRule(shape.title)]}>
            <Input maxLength={60} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="decisionType" label="决定类型" rules={[{ required: true, message: '请选择决定类型' }]}>
              <Select style={{ width: 240 }} options={decisionOptions} />
            </Form.Item>
            <Form.Item name="matterType" label="事项类型" rules={[{ required: true, message: '请选择事项类型' }]}>
              <Select style={{ width: 180 }} options={matterOptions} />
            </Form.Item>
          </Space>
          <Form.Item name="body" label="说理段落" extra={`可用占位符：${PLACEHOLDER_TEXT.join('、')}`} rules={[zodRule(shape.body)]}>
            <Input.TextArea rows={8} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="article" label="法律依据" extra="写明法律名称和条款，例如《中华人民共和国行政复议法》第六十八条" rules={[zodRule(shape.article)]}>
            <Input maxLength={300} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
