import type { z } from 'zod';
import type { StepSchema } from '../../common/contracts';

export type Step = z.infer<typeof StepSchema>;

/** The numbered explanation of a deadline computation, with the statute cited for each step. */
export function StepsList({ steps, label = '计算说明' }: { steps: Step[]; label?: string }) {
  if (!steps.length) return <p className="muted">暂无计算说明。</p>;
  return (
    <ol className="steps-list" aria-label={label}>
      {steps.map((s, i) => (
        <li key={`${s.code}-${i}`}>
          <span>{s.text}</span>
          {s.citation && !s.text.includes(s.citation.replace(/[《》]/g, '')) && !s.text.includes(s.citation) && (
            <span className="step-citation">依据：{s.citation}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
