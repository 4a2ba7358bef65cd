import { postHelpful } from '@/outcomes/routes';

/** The "Did this help?" form on an ending, which works without JavaScript; see outcomes/routes.ts. */
export const dynamic = 'force-dynamic';
export const POST = postHelpful;
