import { PermissionGate } from 'clerk-session-kit';

const invoices = [
  { id: 'INV-1042', customer: 'Globex', amount: '€1,200.00', status: 'Paid' },
  { id: 'INV-1043', customer: 'Initech', amount: '€860.50', status: 'Due' },
];

/** The invoices, for members who may read them; the New invoice button, for those who may manage them. */
export function InvoicesPage() {
  return (
    <section className="app-page" aria-labelledby="invoices-heading">
      <h1 id="invoices-heading">Invoices</h1>
      <PermissionGate
        permission="org:invoices:read"
        loading={<p aria-busy="true">Checking access…</p>}
        fallback={<p>You cannot see this organization’s invoices. Ask an admin for access.</p>}
        error={
          <p role="alert" className="app-alert">
            Access could not be checked. Reload the page to try again.
          </p>
        }
      >
        <table>
          <thead>
            <tr>
              <th scope="col">Invoice</th>
              <th scope="col">Customer</th>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((invoice) => (
              <tr key={invoice.id}>
                <td>{invoice.id}</td>
                <td>{invoice.customer}</td>
                <td>{invoice.amount}</td>
                <td>{invoice.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <PermissionGate permission="org:invoices:manage">
          <button type="button" className="app-button">
            New invoice
          </button>
        </PermissionGate>
      </PermissionGate>
    </section>
  );
}
