import { answer } from '../../../../route-handler';

export const GET = answer('app/api/webhooks/stripe/route.ts');
export const POST = answer('app/api/webhooks/stripe/route.ts');
