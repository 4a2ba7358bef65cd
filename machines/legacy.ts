/**
 * Step names that links in the wild may still carry, and where they lead
 * now. Links live on in tickets and bookmarks long after a step is renamed
 * or removed: such a link opens the nearest step, with a short note, never
 * an error. Add an entry whenever a step is renamed or removed.
 */
export const legacySteps: Record<string, { now: string; note: string }> = {
  // Other names people use for these steps.
  'reverse-proxy': { now: 'proxy', note: 'This step is now called “proxy”.' },
  'check-logs': { now: 'logs', note: 'This step is now called “logs”.' },
  'increase-php-limits': { now: 'php-limits', note: 'This step is now called “php-limits”.' },
  'restart-services': { now: 'restart', note: 'This step is now called “restart”.' },
  // Removed on purpose: a firewall is never simply switched off.
  'disable-firewall': {
    now: 'firewall',
    note: 'The step “disable the firewall” is gone: a firewall should never be left off. The firewall step now shows how to test safely.',
  },
};
