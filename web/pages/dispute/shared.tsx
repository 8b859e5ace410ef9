/** Shared pieces of the dispute and mediation pages: a modal form posting to a sub-resource, option lists. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, type FormRule, Modal } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { earliestRegisterDate } from '../../../common/contracts/dispute';
import { isValidIdNumber, isValidMobile, normalizeIdNumber, normalizeMobile } from '../../../common/validators';
import { useCurrentUser } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { descendantIds } from '../../components/departments';
import { applyServerErrors } from '../../components/forms';
import { useDepartments } from '../../components/queries';

export const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
export const req = (message: string) => [{ required: true, message }];

/**
 * The 司法所 the user's data scope covers, as options of a 司法所 filter: every 司法所 for a district-wide scope, those
 * under the user's department for a department-and-below scope, none for a single department or one's own records.
 * A list page shows its filter only when there is more than one to choose from; the server checks the scope again.
 */
export function useScopeOffices(): { value: string; label: string }[] {
  const me = useCurrentUser();
  const several = me.dataScope === 'all' || me.dataScope === 'departmentTree';
  const deps = useDepartments(several);
  return useMemo(() => {
    if (!several) return [];
    const list = deps.data ?? [];
    const mine = me.dataScope === 'all' ? null : descendantIds(list, me.departmentId);
    return list
      .filter((d) => d.kind === 'judicialOffice' && (!mine || mine.has(d.id)))
      .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))
      .map((d) => ({ value: d.id, label: d.name }));
  }, [several, deps.data, me.dataScope, me.departmentId]);
}

export { earliestRegisterDate };

/** 接报日期 / 受理日期 checked at the field: required, not after today, not before 1 January of the previous year. */
export const registerDateRules = (label: string, today: string): FormRule[] => [
  { required: true, message: `请选择${label}` },
  {
    validator: async (_rule, v?: string) => {
      if (!v) return;
      const earliest = earliestRegisterDate(today);
      if (v < earliest) throw new Error(`${label}不能早于上一年1月1日（${earliest.slice(0, 4)}年1月1日），登记簿按${label.replace(/日期$/, '')}年度编号，请核对日期`);
      if (v > today) throw new Error(`${label}不能晚于今天`);
    },
  },
];

/**
 * 身份证号 checked as it is typed (GB 11643 check digit, date of birth), so a wrong digit shows at the field itself
 * instead of a toast that does not say which party; the server checks again (ID_NUMBER_INVALID).
 */
export const idNumberRules = (required: boolean): FormRule[] => [
  ...(required ? [{ required: true, message: '请输入身份证号码' }] : []),
  {
    validator: async (_rule, v?: string) => {
      if (!v || !v.trim()) return;
      const n = normalizeIdNumber(v);
      if (n.length !== 18) throw new Error(`身份证号码应为 18 位，当前 ${n.length} 位`);
      if (!isValidIdNumber(n)) throw new Error('身份证号码校验未通过（GB 11643），请核对最后一位校验码和出生日期');
    },
  },
];

/** 手机号 (optional): 11 digits starting with 1. */
export const mobileRules: FormRule[] = [{ validator: async (_rule, v?: string) => { if (v && v.trim() && !isValidMobile(normalizeMobile(v))) throw new Error('手机号码应为 11 位数字，以 1 开头'); } }];

/** One small form in a modal; on success the result replaces the cached record. */
export function ActionModal<T>({ title, onClose, submit, done, queryKey, initial, children, okText = '确定', width = 560 }: { title: string; onClose: () => void; submit: (v: Record<string, any>) => Promise<T>; done?: (r: T) => void; queryKey: readonly unknown[]; initial?: Record<string, unknown>; children: ReactNode; okText?: string; width?: number }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const m = useMutation({
    // errors are shown here (at the field, or as one message): not again by the global handler
    meta: { silent: true },
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
