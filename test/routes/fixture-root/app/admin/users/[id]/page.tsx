import { RouteFile, type Params } from '../../../../route-file';

export default function Page({ params }: { params: Params }) {
  return <RouteFile file="app/admin/users/[id]/page.tsx" params={params} />;
}
