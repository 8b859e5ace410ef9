/**
 * 执法单位联络员 (a tab of 执法监督台账, for the supervision body): which account speaks for which agency. A registration
 * lets the account see that agency's 督办单, 意见书, flags and analysis and report its rectification (modules/enforcement/
 * scope.ts); accounts offered are active ones holding the liaison's permission to report.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Liaison, LiaisonCandidate } from '../../../common/contracts/enforcement-supervision';
import { get, post } from '../../app/api';
import { announce, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../components/format';
import { useAgencyList } from './agencies';
import { liaisonErrorText } from './liaisons';

const KEY = ['enforcement', 'liaisons'] as const;

function AddLiaisonModal({ liaisons, onClose }: { liaisons: Liaison[]; onClose: () => void }) {
  const [form] = Form.useForm<{ userId?: string; agencyCode?: string }>();
  const qc = useQueryClient();
  const agencies = useAgencyList();
  const candidates = useQuery({ queryKey: [...KEY, 'candidates'], queryFn: () => get<{ data: LiaisonCandidate[] }>('/enforcement/liaisons/candidates') });
  const userId = Form.useWatch('userId', form);
  const [error, setError] = useState<string | null>(null);
  const taken = new Set(liaisons.filter((l) => l.userId === userId).map((l) => l.agencyCode));
  const save = useMutation({
    mutationFn: (v: { userId: string; agencyCode: string }) => post('/enforcement/liaisons', v),
    onSuccess: (_r, v) => {
      const u = candidates.data?.data.find((c) => c.userId === v.userId);
      notifySuccess(`已登记 ${u?.displayName ?? ''} 为${agencies.find((a) => a.code === v.agencyCode)?.name ?? v.agencyCode}联络员`);
      void qc.invalidateQueries({ queryKey: KEY });
      onClose();
    },
    onError: (e) => {
      const text = liaisonErrorText(e, 'add');
      setError(text);
      announce(text, 'assertive');
    },
  });
  const list = candidates.data?.data ?? [];
  return (
    <Modal open title="登记执法单位联络员" onCancel={onClose} onOk={() => form.submit()} okText="登记" confirmLoading={save.isPending} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="登记后，该账户可查看本执法主体的督办单、执法监督意见书、检测预警和检查分析，并报送整改报告。" description="可选账户：在用且具有“执法单位联络员”角色（报送整改报告权限）的账户；账户及角色由系统管理员、安全管理员维护。" />
      <ErrorAlert error={candidates.error} />
      {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={error} data-testid="liaison-error" />}
      <Form form={form} layout="vertical" name="addLiaison" onValuesChange={() => setError(null)} onFinish={(v) => save.mutate({ userId: v.userId!, agencyCode: v.agencyCode! })}>
        <Form.Item label="账户" name="userId" rules={[{ required: true, message: '请选择账户' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={candidates.isLoading}
            placeholder="按姓名或用户名查找"
            notFoundContent={candidates.isLoading ? '加载中…' : '没有可登记的账户：请先由安全管理员为账户分配“执法单位联络员”角色'}
            options={list.map((c) => ({ value: c.userId, label: `${c.displayName}（${c.username}）${c.departmentName ? ` · ${c.departmentName}` : ''}${c.agencyCodes.length ? ` · 已联络 ${c.agencyCodes.length} 个单位` : ''}` }))}
          />
        </Form.Item>
        <Form.Item label="执法主体" name="agencyCode" rules={[{ required: true, message: '请选择执法主体' }]} extra={userId && taken.size ? '灰色选项为该账户已登记的执法主体' : undefined}>
          <Select showSearch optionFilterProp="label" placeholder="选择执法主体" options={agencies.map((a) => ({ value: a.code, label: a.name, disabled: taken.has(a.code) }))} notFoundContent="尚未登记执法主体" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function LiaisonsPanel() {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: KEY, queryFn: () => get<{ data: Liaison[] }>('/enforcement/liaisons') });
  const [adding, setAdding] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (l: Liaison) => post('/enforcement/liaisons/remove', { userId: l.userId, agencyCode: l.agencyCode }),
    onSuccess: (_r, l) => {
      setRemoveError(null);
      notifySuccess(`已撤销 ${l.displayName} 的${l.agencyName ?? l.agencyCode}联络员登记`);
    },
    onError: (e) => {
      const text = liaisonErrorText(e, 'remove');
      setRemoveError(text);
      announce(text, 'assertive');
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
  const confirmRemove = (l: Liaison) =>
    Modal.confirm({
      title: '撤销联络员登记',
      content: `撤销后，${l.displayName}（${l.username}）将不能再查看${l.agencyName ?? l.agencyCode}的督办单、意见书等，也不能报送其整改报告。已报送的记录不受影响。`,
      okText: '撤销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => remove.mutateAsync(l).catch(() => undefined),
    });
  const data = q.data?.data ?? [];
  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">执法单位联络员代表本执法主体接收督办单、报送整改报告；其数据范围限于所登记的执法主体。</Typography.Text>
        <Button type="primary" onClick={() => setAdding(true)}>登记联络员</Button>
      </Space>
      <ErrorAlert error={q.error} />
      {removeError && <Alert type="error" showIcon role="alert" closable onClose={() => setRemoveError(null)} style={{ marginBottom: 12 }} title={removeError} />}
      <Table<Liaison>
        rowKey={(l) => `${l.userId}:${l.agencyCode}`}
        loading={q.isFetching}
        dataSource={data}
        pagination={data.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` } : false}
        locale={{ emptyText: <div style={{ padding: '16px 0', color: '#434343' }}>尚未登记执法单位联络员：点“登记联络员”，选择具有“执法单位联络员”角色的账户和其代表的执法主体</div> }}
        columns={[
          { title: '执法主体', dataIndex: 'agencyName', render: (n: string | null, l) => n ?? <>{l.agencyCode} <Tag color="red">执法主体未登记</Tag></> },
          { title: '联络员', dataIndex: 'displayName', render: (n: string, l) => <>{n}<Typography.Text type="secondary">（{l.username}）</Typography.Text></> },
          {
            title: '账户状态',
            render: (_: unknown, l) => (!l.active ? <Tag color="red">账户已停用</Tag> : !l.canReport ? <Tag color="orange" title="该账户已没有报送整改报告权限（角色已变更）：请核实后撤销登记，或请安全管理员恢复角色">无联络员角色</Tag> : <Tag color="green">正常</Tag>),
          },
          { title: '登记时间', dataIndex: 'createdAt', render: (d: string) => formatInstant(d).slice(0, 16) },
          { title: '操作', width: 90, render: (_: unknown, l) => <Button size="small" danger onClick={() => confirmRemove(l)} aria-label={`撤销 ${l.displayName} 的${l.agencyName ?? l.agencyCode}联络员登记`}>撤销</Button> },
        ]}
      />
      {adding && <AddLiaisonModal liaisons={data} onClose={() => setAdding(false)} />}
    </>
  );
}
