/**
 * The decision period of a penalty case (《中华人民共和国行政处罚法》第六十条) as the server's deadline engine computed it:
 * the due date, and on click the engine's explanation step by step with its citations. An approved extension is marked
 * 待核实 (sector extension rules are not verified, law-rules.md §6.1).
 */
import { Button, Popover, Space, Tag, Typography } from 'antd';
import { PENALTY_EXTENSION_UNVERIFIED, type PenaltyDeadline } from '../../../common/contracts/enforcement-supervision';

export function PenaltyDeadlineCell({ deadline, overdue }: { deadline: PenaltyDeadline; overdue?: boolean }) {
  const content = (
    <div style={{ maxWidth: 480 }} data-testid="penalty-deadline-steps">
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>依据：{deadline.citation}</Typography.Paragraph>
      <ol style={{ paddingLeft: 20, margin: 0 }}>
        {deadline.steps.map((s, i) => (
          <li key={i}>{s.text}</li>
        ))}
      </ol>
      {deadline.tentative && <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }}>期限所涉年度的节假日安排尚未公布，该日期为暂定。</Typography.Paragraph>}
      {deadline.extensionDays > 0 && <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }}>{PENALTY_EXTENSION_UNVERIFIED}</Typography.Paragraph>}
    </div>
  );
  return (
    <Space size={4} wrap>
      {overdue ? <Tag color="red">{deadline.dueDate}（超期）</Tag> : <span>{deadline.dueDate}</span>}
      {deadline.extensionDays > 0 && <Tag color="orange">已延长 {deadline.extensionDays} 日（待核实）</Tag>}
      <Popover title="决定期限的计算" content={content} trigger="click">
        <Button size="small" type="link" aria-label={`决定期限计算说明 ${deadline.dueDate}`}>计算说明</Button>
      </Popover>
    </Space>
  );
}
