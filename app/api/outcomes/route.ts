import { postOutcome } from '@/outcomes/routes';

/** A page's view, and at an ending its outcome, sent with sendBeacon; see outcomes/routes.ts. */
export const dynamic = 'force-dynamic';
export const POST = postOutcome;
