// Every page answers with the name of the route file that rendered it, and the params Next handed
// it: check-routes.mjs reads `route-file{…}` and `route-params{…}` from the HTML or the RSC
// payload and holds them against its table of requirements.
export type Params = Promise<Record<string, string | string[]>>;

export async function RouteFile({ file, params }: { file: string; params?: Params }) {
  const values = params ? await params : {};
  return <main data-route-file={file}>{`route-file{${file}} route-params{${encodeURIComponent(JSON.stringify(values))}}`}</main>;
}
