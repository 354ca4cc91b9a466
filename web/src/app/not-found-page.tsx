import { NotFoundState } from '../components/page-states.tsx';

export default function NotFoundPage() {
  return <NotFoundState />;
}
