import { Alert, Descriptions, Drawer, Grid, Skeleton } from 'antd';
import { useI18n } from '../../../i18n/index.tsx';
import { useOrgDetail } from '../api.ts';
import { dateTime, renderField } from '../render.tsx';
import type { OrgView, RenderContext, ResourceDef } from '../types.ts';
import { RowActions } from './row-actions.tsx';

interface Props {
  def: ResourceDef;
  ctx: RenderContext;
  id: string;
  onClose: () => void;
  onEdit: (view: OrgView) => void;
  onDeleted: (view: OrgView) => void;
}

/** Every field of one row, freshly loaded, with the edit and delete buttons the row allows. */
export function DetailDrawer({ def, ctx, id, onClose, onEdit, onDeleted }: Props) {
  const { t } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const detail = useOrgDetail(def.key, id);
  const view = detail.data;
  return (
    <Drawer
      open
      title={view ? def.rowLabel(view, ctx) : t('common.detailTitle', { resource: t(`res.${def.key}`) })}
      size={phone ? '100%' : 640}
      onClose={onClose}
      extra={
        view && (
          <RowActions def={def} ctx={ctx} view={view} onEdit={onEdit} onDeleted={onDeleted} size="middle" />
        )
      }
    >
      {detail.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {detail.isError && <Alert type="error" showIcon title={detail.error.message} />}
      {view && (
        <Descriptions
          column={1}
          bordered
          size="small"
          styles={{ label: { width: phone ? 110 : 160 } }}
          items={[
            ...def.fields
              .filter(
                (f) =>
                  f.name in view || ('labelFrom' in f && f.labelFrom !== undefined && f.labelFrom in view),
              )
              .map((f) => ({ key: f.name, label: t(f.label), children: renderField(f, view, ctx) })),
            { key: 'createdAt', label: t('common.createdAt'), children: dateTime(view.createdAt) },
            { key: 'updatedAt', label: t('common.updatedAt'), children: dateTime(view.updatedAt) },
          ]}
        />
      )}
    </Drawer>
  );
}
