import { RouteFile } from '../route-file';

export default function Page() {
  return <RouteFile file="app/page.tsx" />;
}
