/** 部门管理: the organisation tree, with create / edit / delete (系统管理员). */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Tree, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import { DEPARTMENT_KIND_LABELS, DepartmentCreateBody, type Department } from '../../../common/contracts';
import { del, patch, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifySuccess } from '../../app/notify';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { buildDepartmentTree, descendantIds, kindLabel, type DepartmentNode } from '../../components/departments';
import { applyServerErrors, zodRule } from '../../components/forms';
import { keys, useDepartments } from '../../components/queries';

type FormValues = z.input<typeof DepartmentCreateBody>;

const KIND_OPTIONS = (Object.keys(DEPARTMENT_KIND_LABELS) as Department['kind'][]).map((k) => ({ value: k, label: DEPARTMENT_KIND_LABELS[k] }));

function withDisabled(nodes: DepartmentNode[], disabled: Set<string>): (DepartmentNode & { disabled?: boolean })[] {
  return nodes.map((n) => ({ ...n, disabled: disabled.has(n.key), children: withDisabled(n.children, disabled) }));
}

function DepartmentModal({
  mode,
  department,
  parentId,
  all,
  onClose,
}: {
  mode: 'create' | 'edit';
  department?: Department;
  parentId?: string;
  all: Department[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const qc = useQueryClient();
  const isRoot = mode === 'edit' && !department?.parentId;
  const treeData = useMemo(() => {
    const blocked = mode === 'edit' && department ? descendantIds(all, department.id) : new Set<string>();
    return withDisabled(buildDepartmentTree(all), blocked);
  }, [all, department, mode]);

  useEffect(() => {
    if (mode === 'edit' && department) form.setFieldsValue({ parentId: department.parentId ?? undefined, name: department.name, kind: department.kind, code: department.code, sort: department.sort });
    else form.setFieldsValue({ parentId, kind: 'section', sort: 0 });
  }, [form, mode, department, parentId]);

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body = { ...v, name: v.name.trim(), code: v.code.trim(), sort: v.sort ?? 0 };
      if (mode === 'create') return post<Department>('/departments', body);
      const { parentId: p, ...rest } = body;
      return patch<Department>(`/departments/${encodeURIComponent(department!.id)}`, isRoot ? rest : { ...rest, parentId: p });
    },
    meta: { silent: true },
    onSuccess: async (d) => {
      notifySuccess(mode === 'create' ? `已新建部门“${d.name}”` : `已保存部门“${d.name}”`);
      await qc.invalidateQueries({ queryKey: keys.departments });
      onClose();
    },
    onError: (e) => applyServerErrors(form, e),
  });

  return (
    <Modal
      open
      title={mode === 'create' ? '新建部门' : `编辑部门：${department?.name ?? ''}`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form form={form} name="department" layout="vertical" onFinish={(v) => save.mutate(v)}>
        {!isRoot && (
          <Form.Item label="上级部门" name="parentId" required rules={[zodRule(DepartmentCreateBody.shape.parentId)]}>
            <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="请选择上级部门" />
          </Form.Item>
        )}
        <Form.Item label="部门名称" name="name" required rules={[zodRule(DepartmentCreateBody.shape.name)]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label="部门类型" name="kind" rules={[{ required: true, message: '请选择部门类型' }]}>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item label="部门编码" name="code" required rules={[zodRule(DepartmentCreateBody.shape.code)]} extra="2–32 位字母、数字、下划线或连字符，全局唯一">
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item label="排序号" name="sort" extra="数字越小越靠前（0–9999）">
          <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DepartmentsPage() {
  const can = useCan();
  const canManage = can('system.department.manage');
  const { data, isPending, error } = useDepartments();
  const qc = useQueryClient();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [modal, setModal] = useState<{ mode: 'create' | 'edit' } | null>(null);
  const all = useMemo(() => data ?? [], [data]);
  const tree = useMemo(
    () => buildDepartmentTree(all, (d) => `${d.name}${d.userCount ? `（${d.userCount} 人）` : ''}`),
    [all],
  );
  const selected = all.find((d) => d.id === selectedId) ?? null;
  useEffect(() => {
    if (!selectedId && tree[0]) setSelectedId(tree[0].key);
  }, [selectedId, tree]);

  const remove = useMutation({
    mutationFn: (d: Department) => del(`/departments/${encodeURIComponent(d.id)}`),
    onSuccess: async (_r, d) => {
      notifySuccess(`已删除部门“${d.name}”`);
      setSelectedId(d.parentId);
      await qc.invalidateQueries({ queryKey: keys.departments });
    },
  });

  const parent = selected?.parentId ? all.find((d) => d.id === selected.parentId) : null;
  const children = selected ? all.filter((d) => d.parentId === selected.id).length : 0;

  return (
    <>
      <PageHeader title="部门管理" description="维护本局组织机构（科室、中心、司法所）。删除部门前须先移走其下级部门和用户。" />
      <ErrorAlert error={error} quiet />
      {isPending ? (
        <PageSpin />
      ) : (
        <div className="split">
          <Card title={<h2 className="section-title">组织机构</h2>} size="small">
            <Tree
              treeData={tree}
              defaultExpandAll
              showLine
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(k) => k[0] && setSelectedId(String(k[0]))}
              aria-label="部门树"
            />
          </Card>
          <Card
            title={<h2 className="section-title">{selected ? selected.name : '部门详情'}</h2>}
            extra={
              canManage &&
              selected && (
                <Space wrap>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ mode: 'create' })}>
                    新建下级部门
                  </Button>
                  <Button icon={<EditOutlined />} onClick={() => setModal({ mode: 'edit' })}>
                    编辑
                  </Button>
                  <Popconfirm
                    title={`删除部门“${selected.name}”？`}
                    description="删除后不可恢复；部门下仍有下级部门或用户时不能删除。"
                    okText="删除"
                    cancelText="取消"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove.mutate(selected)}
                    disabled={!selected.parentId}
                  >
                    <Button danger icon={<DeleteOutlined />} disabled={!selected.parentId} loading={remove.isPending}>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              )
            }
          >
            {selected ? (
              <Descriptions
                column={{ xs: 1, sm: 1, md: 2 }}
                bordered
                size="small"
                items={[
                  { key: 'name', label: '部门名称', children: selected.name },
                  { key: 'kind', label: '部门类型', children: kindLabel(selected.kind) },
                  { key: 'code', label: '部门编码', children: <span className="mono">{selected.code}</span> },
                  { key: 'parent', label: '上级部门', children: parent?.name ?? '（根部门）' },
                  { key: 'sort', label: '排序号', children: selected.sort },
                  { key: 'users', label: '直属用户', children: `${selected.userCount} 人` },
                  { key: 'children', label: '下级部门', children: `${children} 个` },
                ]}
              />
            ) : (
              <Empty description="请在左侧选择部门" />
            )}
          </Card>
        </div>
      )}
      {modal && (
        <DepartmentModal
          mode={modal.mode}
          department={modal.mode === 'edit' ? (selected ?? undefined) : undefined}
          parentId={modal.mode === 'create' ? (selected?.id ?? undefined) : undefined}
          all={all}
          onClose={() => setModal(null)}
        />
      )}
    </>
  );
}
