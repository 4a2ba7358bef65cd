import { getPixel } from '@/outcomes/routes';

/** The same count for pages without JavaScript, as an image request; see outcomes/routes.ts. */
export const dynamic = 'force-dynamic';
export const GET = getPixel;
