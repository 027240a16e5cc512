import { DashboardPage } from '../../components/dashboard-page';
import { EmptyState } from '../../components/empty-state';

export default function SessionsPage() {
  return (
    <DashboardPage title="Sessions">
      <EmptyState title="Coming in the next commit." />
    </DashboardPage>
  );
}
