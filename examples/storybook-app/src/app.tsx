import { AppHeader } from './components/app-header';
import { InvoicesPage } from './components/invoices-page';

export function App() {
  return (
    <div className="app">
      <AppHeader />
      <main>
        <InvoicesPage />
      </main>
    </div>
  );
}
