// The same answers as the root fixture's (one file, two apps): see ../fixture-root/route-file.tsx.
export { RouteFile, type Params } from '../fixture-root/route-file';
