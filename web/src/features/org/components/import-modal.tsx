import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ImportReport } from '@tongxin/common/org/schemas.ts';
import { Alert, App, Button, Modal, Result, Space, Steps, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import { downloadTemplate, importRows } from '../api.ts';
import type { OrgKey } from '../keys.ts';

interface Props {
  resource: OrgKey;
  onClose: () => void;
  onImported: () => void;
}

type Row = ImportReport['rows'][number];

function isReport(value: unknown): value is ImportReport {
  return typeof value === 'object' && value !== null && Array.isArray((value as ImportReport).rows);
}

/**
 * Excel import in two passes: the file is checked first (dry run) and every row's problems are listed;
 * "确认导入" sends the same file again for real. Nothing is imported while any row is wrong.
 */
export function ImportModal({ resource, onClose, onImported }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const resourceName = t(`res.${resource}`);
  const invalid = report ? report.rows.filter((r) => r.errors.length > 0).length : 0;
  const done = report !== null && !report.dryRun;

  const run = async (chosen: File, dryRun: boolean) => {
    setBusy(dryRun ? 'check' : 'import');
    try {
      const result = await importRows(resource, chosen, dryRun);
      setReport(result);
      if (!dryRun) {
        message.success(t('import.done', { imported: result.imported }));
        onImported();
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'IMPORT_INVALID' && isReport(err.details)) {
        setReport(err.details);
        message.error(err.message);
      } else reportError(err);
    } finally {
      setBusy(null);
    }
  };

  const choose = (chosen: File) => {
    if (!chosen.name.toLowerCase().endsWith('.xlsx')) {
      message.error(t('import.onlyXlsx'));
      return false;
    }
    setFile(chosen);
    setReport(null);
    void run(chosen, true);
    return false;
  };

  const columns = [
    { key: 'row', title: t('import.row'), dataIndex: 'row', width: 72 },
    { key: 'name', title: t('import.name'), dataIndex: 'name', width: 140 },
    {
      key: 'errors',
      title: t('import.result'),
      render: (_: unknown, r: Row) =>
        r.errors.length === 0 ? (
          <span style={{ color: '#1b5e20' }}>{t('import.ok')}</span>
        ) : (
          <ul className="import-error" style={{ margin: 0, paddingInlineStart: 18 }}>
            {r.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ),
    },
  ];

  return (
    <Modal
      open
      title={t('import.title', { resource: resourceName })}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      footer={
        done ? (
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              disabled={!file || !report || invalid > 0 || report.valid === 0 || busy !== null}
              loading={busy === 'import'}
              onClick={() => file && void run(file, false)}
            >
              {t('import.confirm')}
            </Button>
          </Space>
        )
      }
    >
      <Steps
        size="small"
        current={done ? 3 : report ? 2 : file ? 1 : 0}
        style={{ marginBottom: 16 }}
        items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.step3') }]}
      />
      {done ? (
        <Result status="success" title={t('import.done', { imported: report.imported })} />
      ) : (
        <>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadTemplate(resource, `${resource}-template`).catch(reportError)}
            style={{ marginBottom: 12 }}
          >
            {t('import.downloadTemplate')}
          </Button>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            beforeUpload={choose}
            disabled={busy !== null}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {file ? t('import.file', { name: file.name }) : t('import.choose')}
            </p>
            <p className="ant-upload-hint">{file ? t('import.rechoose') : t('import.chooseHint')}</p>
          </Upload.Dragger>
        </>
      )}
      {report && !done && (
        <div style={{ marginTop: 16 }}>
          <Alert
            type={invalid > 0 ? 'error' : 'success'}
            showIcon
            title={
              invalid > 0
                ? t('import.summary', { total: report.total, valid: report.valid, invalid })
                : t('import.allValid', { total: report.total })
            }
            description={invalid > 0 ? t('import.hasErrors') : undefined}
            style={{ marginBottom: 12 }}
          />
          <Table<Row>
            rowKey="row"
            size="small"
            columns={columns}
            dataSource={[...report.rows].sort(
              (a, b) => Number(b.errors.length > 0) - Number(a.errors.length > 0) || a.row - b.row,
            )}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            rowClassName={(r) => (r.errors.length > 0 ? 'import-error-row' : '')}
            scroll={{ y: 320 }}
          />
        </div>
      )}
      {busy === 'check' && (
        <Alert type="info" showIcon title={t('import.checking')} style={{ marginTop: 12 }} />
      )}
    </Modal>
  );
}
