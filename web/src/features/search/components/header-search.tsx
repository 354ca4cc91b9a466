import { SearchOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../../i18n/index.tsx';
import { maxQueryLength } from '../search-params.ts';
import '../search.css';

/** The search box in the header: on phones a button to the search page, elsewhere a box that opens it. */
export function HeaderSearch({ phone }: { phone: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = pathname === '/search';
  const [text, setText] = useState('');
  // On the search page the box shows what is being searched; elsewhere it starts empty.
  useEffect(() => setText(onSearchPage ? (params.get('q') ?? '') : ''), [onSearchPage, params]);

  if (phone) {
    return (
      <Button
        type="text"
        icon={<SearchOutlined />}
        style={{ color: '#fff' }}
        aria-label={t('search.title')}
        onClick={() => void navigate('/search')}
      />
    );
  }
  return (
    <search className="header-search" aria-label={t('search.title')}>
      <Input.Search
        value={text}
        maxLength={maxQueryLength}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => {
          const q = v.trim();
          if (q) void navigate(`/search?q=${encodeURIComponent(q)}`);
        }}
        placeholder={t('search.headerPlaceholder')}
        aria-label={t('search.headerPlaceholder')}
      />
    </search>
  );
}
