import { MeCard } from '../../../components/me-card';

export default function InvoicesPage() {
  return (
    <main>
      <h1>Invoices</h1>
      <MeCard />
    </main>
  );
}
