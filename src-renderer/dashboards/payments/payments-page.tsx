import { DashboardPage } from '../../components/dashboard-page';
import { EmptyState } from '../../components/empty-state';

export default function PaymentsPage() {
  return (
    <DashboardPage title="Payments">
      <EmptyState title="Coming in the next commit." />
    </DashboardPage>
  );
}
