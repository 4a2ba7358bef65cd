import type { Facts } from '@/machines/facts';
import { site } from './site';

/** Facts this copy settles for every journey, so the wizard never asks them (content/site.ts). */
export const siteFacts: Partial<Facts> = site.platform ? { platform: site.platform } : {};
