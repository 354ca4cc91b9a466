import { FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Upload } from 'antd';
import { useT } from '../../../i18n/index.tsx';

/** 从 Word 导入: reads a .docx into the form's fields; what it could not place is listed as warnings. */
export function EditorWordImport({
  importing,
  warnings,
  onFile,
  onCloseWarnings,
}: {
  importing: boolean;
  warnings: string[];
  onFile: (file: File) => void;
  onCloseWarnings: () => void;
}) {
  const t = useT();
  return (
    <Card size="small" className="word-import" style={{ marginBottom: 16 }}>
      <Flex gap={12} align="center" wrap>
        <Upload
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          showUploadList={false}
          beforeUpload={(file) => {
            onFile(file);
            return false;
          }}
        >
          <Button icon={<FileWordOutlined />} loading={importing} size="large">
            {t('p.ed.word')}
          </Button>
        </Upload>
        <span className="muted">{t('p.ed.wordHint')}</span>
      </Flex>
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('p.ed.wordWarnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
          closable={{ 'aria-label': t('common.close'), onClose: onCloseWarnings }}
        />
      )}
    </Card>
  );
}
