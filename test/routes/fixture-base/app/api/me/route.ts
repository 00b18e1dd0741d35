import { answer } from '../../../route-handler';

export const GET = answer('app/api/me/route.ts');
