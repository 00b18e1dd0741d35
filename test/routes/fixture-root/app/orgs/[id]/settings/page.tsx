import { RouteFile, type Params } from '../../../../route-file';

export default function Page({ params }: { params: Params }) {
  return <RouteFile file="app/orgs/[id]/settings/page.tsx" params={params} />;
}
