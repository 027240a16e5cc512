import { DashboardPage } from '../../components/dashboard-page';
import { EmptyState } from '../../components/empty-state';

export default function CapturesPage() {
  return (
    <DashboardPage title="Captures">
      <EmptyState title="Coming in the next commit." />
    </DashboardPage>
  );
}
