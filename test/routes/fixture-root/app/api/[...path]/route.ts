import { answer } from '../../../route-handler';

export const GET = answer('app/api/[...path]/route.ts');
export const OPTIONS = answer('app/api/[...path]/route.ts');
