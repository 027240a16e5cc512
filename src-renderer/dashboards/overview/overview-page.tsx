import { DashboardPage } from '../../components/dashboard-page';
import { EmptyState } from '../../components/empty-state';

export default function OverviewPage() {
  return (
    <DashboardPage title="Overview">
      <EmptyState title="Coming in the next commit." />
    </DashboardPage>
  );
}
