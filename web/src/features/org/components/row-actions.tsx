import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import { deleteRow } from '../api.ts';
import type { OrgView, RenderContext, ResourceDef } from '../types.ts';

interface Props {
  def: ResourceDef;
  ctx: RenderContext;
  view: OrgView;
  onEdit: (view: OrgView) => void;
  onDeleted: (view: OrgView) => void;
  size?: 'small' | 'middle';
}

/** Edit and delete buttons of one row, shown only when the row's abilities allow them. */
export function RowActions({ def, ctx, view, onEdit, onDeleted, size = 'small' }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [deleting, setDeleting] = useState(false);
  const name = def.rowLabel(view, ctx);

  const remove = async () => {
    setDeleting(true);
    try {
      await deleteRow(def.key, view.id, view.version);
      message.success(t('common.deleted', { name }));
      onDeleted(view);
    } catch (err) {
      reportError(err);
    } finally {
      setDeleting(false);
    }
  };

  if (!view.abilities?.update && !view.abilities?.delete) return null;
  return (
    <Space size={4} wrap>
      {view.abilities.update && (
        <Button
          size={size}
          type="link"
          icon={<EditOutlined />}
          onClick={() => onEdit(view)}
          aria-label={`${t('common.edit')} ${name}`}
        >
          {t('common.edit')}
        </Button>
      )}
      {view.abilities.delete && (
        <Popconfirm
          title={t('common.deleteConfirm', { name })}
          description={t('common.deleteHint')}
          okText={t('common.delete')}
          okButtonProps={{ danger: true, loading: deleting }}
          cancelText={t('common.cancel')}
          onConfirm={remove}
        >
          <Button
            size={size}
            type="link"
            danger
            icon={<DeleteOutlined />}
            aria-label={`${t('common.delete')} ${name}`}
          >
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
