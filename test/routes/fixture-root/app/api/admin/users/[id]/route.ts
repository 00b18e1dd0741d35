import { answer } from '../../../../../route-handler';

export const GET = answer('app/api/admin/users/[id]/route.ts');
export const HEAD = answer('app/api/admin/users/[id]/route.ts');
export const OPTIONS = answer('app/api/admin/users/[id]/route.ts');
