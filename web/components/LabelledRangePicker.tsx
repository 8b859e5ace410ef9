import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, type ComponentProps } from 'react';

type Props = ComponentProps<typeof DatePicker.RangePicker> & { label: string };

/**
 * antd's RangePicker renders two inputs and a <label for> can name only the first; this names both
 * (“时间范围 开始日期” / “时间范围 结束日期”) so that the end date is not an unlabelled field.
 */
export function LabelledRangePicker({ label, ...props }: Props) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const inputs = ref.current?.querySelectorAll('input');
    inputs?.[0]?.setAttribute('aria-label', `${label} 开始日期`);
    inputs?.[1]?.setAttribute('aria-label', `${label} 结束日期`);
  });
  return (
    <span ref={ref} className="labelled-range">
      <DatePicker.RangePicker {...props} />
    </span>
  );
}

export type RangeValue = [Dayjs | null, Dayjs | null] | null;
