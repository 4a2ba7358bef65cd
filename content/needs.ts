import type { StepMeta } from '@/machines/meta';

/** What a step asks of a person, said the same way on the step and in the library. */
export const needsLabels: Record<NonNullable<StepMeta['needs']>, string> = {
  panel: 'Needs your hosting control panel or SSH',
  server: 'Needs SSH, or a panel for the whole server such as WHM',
  ssh: 'Needs SSH access to the server',
  domain: 'Needs access to your domain’s DNS settings',
  device: 'May need admin rights on this device',
};
