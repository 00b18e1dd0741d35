import { RouteFile, type Params } from '../../../../route-file';

export default function Page({ params }: { params: Params }) {
  return <RouteFile file="app/[locale]/sign-in/[[...sign-in]]/page.tsx" params={params} />;
}
