// Every component, from the README's Quick start (components/security-page.tsx, verbatim there),
// rendered on the mock Clerk in a server component page.
import { DemoClerk } from '../../../components/demo-clerk';
import { SecurityPage } from '../../../components/security-page';

export default function DemoPage() {
  return (
    <DemoClerk>
      <main>
        <h1>Account</h1>
        <SecurityPage invoices={<p>Invoices: visible to you.</p>} />
      </main>
    </DemoClerk>
  );
}
