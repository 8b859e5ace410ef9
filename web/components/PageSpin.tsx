import { Spin } from 'antd';

/** Loading indicator inside a page area, announced politely. */
export function PageSpin({ label = '正在加载…' }: { label?: string }) {
  return (
    <div className="page-spin" role="status">
      <Spin />
      <span className="visually-hidden">{label}</span>
    </div>
  );
}
