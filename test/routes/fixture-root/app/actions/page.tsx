import { RouteFile } from '../../route-file';
import { submit } from './actions';

export default function Page() {
  return (
    <>
      <RouteFile file="app/actions/page.tsx" />
      <form action={submit}>
        <input type="hidden" name="nonce" value="form" />
        <button type="submit">Run</button>
      </form>
    </>
  );
}
