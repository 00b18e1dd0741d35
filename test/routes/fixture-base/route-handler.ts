// The same answers as the root fixture's (one file, two apps): see ../fixture-root/route-handler.ts.
export { answer } from '../fixture-root/route-handler';
