/** Shared pieces of the dispute and mediation pages: a modal form posting to a sub-resource, option lists. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { notifyError, notifySuccess } from '../../app/notify';
import { applyServerErrors } from '../../components/forms';

export const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
export const req = (message: string) => [{ required: true, message }];

/** One small form in a modal; on success the result replaces the cached record. */
export function ActionModal<T>({ title, onClose, submit, done, queryKey, initial, children, okText = '确定', width = 560 }: { title: string; onClose: () => void; submit: (v: Record<string, any>) => Promise<T>; done?: (r: T) => void; queryKey: readonly unknown[]; initial?: Record<string, unknown>; children: ReactNode; okText?: string; width?: number }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: submit,
    onSuccess: (r) => {
      qc.setQueryData(queryKey, r);
      void qc.invalidateQueries({ queryKey: [queryKey[0]] });
      notifySuccess(`${title}：已保存`);
      done?.(r);
      onClose();
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) notifyError(e);
    },
  });
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okText={okText} confirmLoading={m.isPending} width={width} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => m.mutate(v)}>
        {children}
      </Form>
    </Modal>
  );
}
