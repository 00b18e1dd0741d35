// Every route handler answers with the name of its file and the params Next handed it, in the
// JSON body and in `x-route-file` / `x-route-params` (HEAD has no body), for each method it exports.
type Context = { params?: Promise<Record<string, string | string[]>> };

export const answer = (routeFile: string) => async (_request: Request, context: Context) => {
  const params = (await context?.params) ?? {};
  return Response.json(
    { routeFile, params },
    { headers: { 'x-route-file': routeFile, 'x-route-params': encodeURIComponent(JSON.stringify(params)) } },
  );
};
