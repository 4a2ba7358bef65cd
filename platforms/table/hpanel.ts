import type { Platform } from '../types';

/**
 * Hostinger's hPanel. Its customers share servers they have no root on, so
 * there is no PHP-FPM, web server or firewall for them to reach: no `php`,
 * `nginx`, `apache` or `firewall` here.
 *
 * Sources: none yet. The search index holds no page from
 * support.hostinger.com, so no hPanel breadcrumb (error log, PHP
 * configuration, resource usage, DNS zone, WordPress, SSH access) and no
 * statement that it runs LiteSpeed could be checked. They stay out until a
 * Hostinger page confirms them, and guidance says "ask your host".
 */
export const hpanel: Platform = {
  id: 'hpanel',
  label: "Hostinger's hPanel",
  kind: 'panel',
  family: 'panel',
  howToTell: 'Your hosting is with Hostinger and its control panel is called hPanel.',
  selinux: false,
  panel: {
    name: 'hPanel',
    // Nothing sourced yet; see the comment above.
    account: {},
    // Shared-hosting customers have no server-administration side.
    admin: {},
  },
};
