import { DeleteOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Collapse,
  Flex,
  Form,
  Input,
  Popconfirm,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useAbility } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, ForbiddenState } from '../../../components/page-states.tsx';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import { formatTime } from '../../proposals/labels.ts';
import {
  addSearchWord,
  deleteSearchWord,
  type ReindexProgress,
  reindexBatch,
  type SearchWord,
  useInvalidateSearch,
  useSearchDictionary,
} from '../api.ts';

/**
 * 检索词库 (系统管理, sysadmin): the committee's own words for Chinese segmentation, on top of the built-in
 * government vocabulary; new words apply at once to new indexing and queries, and the rebuild (in batches,
 * with progress) applies them to proposals indexed before.
 */
export default function DictionaryPage() {
  const t = useT();
  const allowed = useAbility('search.dictionary');
  const dictionary = useSearchDictionary();
  const invalidate = useInvalidateSearch();
  const reportError = useReportError();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ word: string }>();
  const [adding, setAdding] = useState(false);
  const [progress, setProgress] = useState<ReindexProgress | null>(null);
  const [rebuilding, setRebuilding] = useState(false);

  if (!allowed) return <ForbiddenState />;

  const add = async ({ word }: { word: string }) => {
    setAdding(true);
    try {
      const added = await addSearchWord(word);
      form.resetFields();
      message.success(t('search.dict.added', { word: added.word }));
      await invalidate();
    } catch (err) {
      reportError(err, form);
    } finally {
      setAdding(false);
    }
  };
  const remove = async (w: SearchWord) => {
    try {
      await deleteSearchWord(w.id);
      message.success(t('common.deleted', { name: w.word }));
      await invalidate();
    } catch (err) {
      reportError(err);
    }
  };
  const rebuild = async () => {
    setRebuilding(true);
    try {
      let next: string | null = null;
      do {
        const step: ReindexProgress = await reindexBatch(next);
        setProgress(step);
        next = step.next;
      } while (next);
      message.success(t('search.dict.rebuilt'));
      await invalidate();
    } catch (err) {
      reportError(err);
    } finally {
      setRebuilding(false);
    }
  };

  if (dictionary.isError && !dictionary.data) {
    return <ErrorState error={dictionary.error} onRetry={() => void dictionary.refetch()} />;
  }
  const data = dictionary.data;
  return (
    <>
      <PageHeader title={t('search.dict.title')} description={t('search.dict.desc')} />
      <Flex vertical gap={16}>
        <Card title={t('search.dict.words')} size="small">
          <Form form={form} layout="inline" onFinish={(v) => void add(v)} style={{ marginBottom: 12 }}>
            <Form.Item
              name="word"
              label={t('search.dict.word')}
              rules={[{ required: true, whitespace: true, message: t('search.dict.wordRequired') }]}
            >
              <Input maxLength={20} placeholder={t('search.dict.wordPlaceholder')} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={adding}>
                {t('common.add')}
              </Button>
            </Form.Item>
          </Form>
          <Table<SearchWord>
            rowKey="id"
            size="small"
            loading={dictionary.isFetching}
            dataSource={data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('search.dict.empty') }}
            columns={[
              { key: 'word', title: t('search.dict.word'), dataIndex: 'word' },
              { key: 'by', title: t('search.dict.addedBy'), dataIndex: 'createdByName' },
              { key: 'at', title: t('common.createdAt'), render: (_, w) => formatTime(w.createdAt) },
              {
                key: 'actions',
                title: t('common.actions'),
                render: (_, w) => (
                  <Popconfirm
                    title={t('common.deleteConfirm', { name: w.word })}
                    description={t('search.dict.deleteHint')}
                    onConfirm={() => remove(w)}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${t('common.delete')} ${w.word}`}
                    >
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>
        <Card title={t('search.dict.rebuildTitle')} size="small">
          <Typography.Paragraph>
            {t('search.dict.rebuildDesc', { n: data?.indexedDocuments ?? 0 })}
          </Typography.Paragraph>
          <Space wrap align="center">
            <Button
              icon={<SyncOutlined spin={rebuilding} />}
              loading={rebuilding}
              onClick={() => void rebuild()}
            >
              {t('search.dict.rebuild')}
            </Button>
            {progress && (
              <Progress
                style={{ width: 260 }}
                percent={progress.total ? Math.round((progress.done / progress.total) * 100) : 100}
                format={() => t('search.dict.progress', { done: progress.done, total: progress.total })}
              />
            )}
          </Space>
        </Card>
        <Collapse
          items={[
            {
              key: 'builtin',
              label: t('search.dict.builtin', { n: data?.builtin.length ?? 0 }),
              children: <WordTags words={data?.builtin ?? []} />,
            },
            {
              key: 'stop',
              label: t('search.dict.stopWords', { n: data?.stopWords.length ?? 0 }),
              children: (
                <>
                  <Typography.Paragraph type="secondary">
                    {t('search.dict.stopWordsDesc')}
                  </Typography.Paragraph>
                  <WordTags words={data?.stopWords ?? []} />
                </>
              ),
            },
          ]}
        />
      </Flex>
    </>
  );
}

function WordTags({ words }: { words: string[] }) {
  return (
    <Flex gap={6} wrap>
      {words.map((w) => (
        <Tag key={w} style={{ marginInlineEnd: 0 }}>
          {w}
        </Tag>
      ))}
    </Flex>
  );
}
