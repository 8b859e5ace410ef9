/**
 * Upload of an enforcement import file (CSV UTF-8 or XLSX): mode "all" (nothing is written if any row is rejected) or
 * "valid-only"; the result with every rejected row's number, code and message (first 1,000) and the full error report
 * to download.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Radio, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { EnforcementImportResult } from '../../../common/contracts/enforcement';
import { upload } from '../../app/api';
import { notifyError } from '../../app/notify';

export function ImportPanel({ url, columns, what }: { url: string; columns: readonly string[]; what: string }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'all' | 'valid-only'>('all');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<EnforcementImportResult | null>(null);
  const run = async () => {
    if (!file) return;
    const form = new FormData();
    form.append('mode', mode);
    form.append('file', file, file.name);
    setBusy(true);
    try {
      setResult(await upload<EnforcementImportResult>(url, form));
      void qc.invalidateQueries({ queryKey: ['enforcement'] });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ marginBottom: 16 }} data-testid="import-panel">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        导入{what}：CSV（UTF-8，首行为表头）或 Excel（.xlsx，第一个工作表），按编号幂等（已有的更新，不重复）。列及顺序：<Typography.Text code>{columns.join(',')}</Typography.Text>
      </Typography.Paragraph>
      <Space wrap>
        <Upload accept=".csv,.xlsx" maxCount={1} beforeUpload={(f) => (setFile(f as unknown as File), false)} onRemove={() => setFile(null)} fileList={file ? [{ uid: '1', name: file.name }] : []}>
          <Button>选择文件</Button>
        </Upload>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'all' | 'valid-only')} options={[{ value: 'all', label: '有错误行则全部不导入' }, { value: 'valid-only', label: '只导入有效行' }]} />
        <Button type="primary" disabled={!file} loading={busy} onClick={() => void run()}>导入</Button>
      </Space>
      {result && (
        <div style={{ marginTop: 12 }}>
          <Alert type={result.committed && !result.rejectedTotal ? 'success' : result.committed ? 'warning' : 'error'} showIcon message={result.committed ? (result.rejectedTotal ? `导入完成：已导入有效行，${result.rejectedTotal} 行被拒绝未导入（见下表及错误报告）` : '导入完成') : '未导入：有被拒绝的行（如需只导入有效行，请选择“只导入有效行”）'} />
          <Descriptions size="small" column={3} style={{ marginTop: 8 }} items={[{ key: 'i', label: '新增', children: result.imported }, { key: 'u', label: '更新', children: result.updated }, { key: 'r', label: '拒绝行', children: result.rejectedTotal }]} />
          {result.rejectedTotal > 0 && (
            <>
              <Space style={{ margin: '8px 0' }}>
                <a href={`/api/v1/enforcement/imports/${result.jobId}/errors?format=xlsx`}>下载错误报告（Excel）</a>
                <a href={`/api/v1/enforcement/imports/${result.jobId}/errors?format=csv`}>下载错误报告（CSV）</a>
              </Space>
              <Table size="small" rowKey={(r) => `${r.row}-${r.code}`} pagination={{ pageSize: 10 }} dataSource={result.rejected} caption="被拒绝的行" columns={[{ title: '行号', dataIndex: 'row' }, { title: '错误代码', dataIndex: 'code' }, { title: '说明', dataIndex: 'message' }]} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
