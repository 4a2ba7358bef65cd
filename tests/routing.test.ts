import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stateFromSegments } from '@/machines/url-state';

/**
 * The routing rules, one row each: given these answers, the next step is
 * this. The path tests in machine.test.ts prove properties over the whole
 * graph; these rows pin down each rule, so a new rule (or a new step) gets
 * a row here.
 */
const owner = 'role=owner/evidence=skip';
const ssh = 'reload=broken/access=ssh/platform=debian-12';
const panel = 'reload=broken/access=panel/platform=cpanel';

const rules: [rule: string, answers: string, next: string][] = [
  // Finding out
  ['an owner is offered the live check first', 'role=owner', 'evidence'],
  ['a visitor goes straight to who sees it', 'role=visitor', 'reach'],
  ['skipping the check loses nothing: the questions follow', owner, 'reach'],
  ['the check’s answers skip the questions it answered', 'role=owner/evidence=checked/reach=everyone/error-page=nginx', 'reload'],
  ['a numbered Cloudflare page asks for the number', `${owner}/reach=everyone/error-page=cloudflare-52x`, 'cf-code'],
  ['a visitor is not asked the Cloudflare number', 'role=visitor/reach=everyone/error-page=cloudflare-52x', 'reload'],
  ['“only me” goes through the local fixes', `${owner}/reach=only-me/error-page=browser/reload=broken`, 'clear-cache'],
  ['a Cloudflare page answers the CDN question', `${owner}/reach=everyone/error-page=cloudflare-502/${panel}`, 'cms'],
  ['an Nginx page answers the web-server question', `${owner}/reach=everyone/error-page=nginx/${ssh}/cdn=no/cms=wordpress`, 'proxy'],
  [
    'SSH users of a site that is not a PHP CMS are asked what runs it',
    `${owner}/reach=everyone/error-page=not-sure/${ssh}/cdn=no/cms=none/server=nginx`,
    'app',
  ],
  ['whoever can act on the server is asked which panel or system it runs', `${owner}/reach=everyone/error-page=not-sure/reload=broken/access=ssh`, 'platform'],
  ['so is an account-panel user', `${owner}/reach=everyone/error-page=not-sure/reload=broken/access=panel`, 'platform'],
  ['nobody without access is asked the platform', `${owner}/reach=everyone/error-page=not-sure/reload=broken/access=none`, 'cdn'],
  ['nobody without access is asked about the web server', `${owner}/reach=everyone/error-page=not-sure/reload=broken/access=none/cdn=no/cms=wordpress`, 'dns'],

  // The usual order, without evidence
  ['panel users read their error log first', `${owner}/reach=everyone/error-page=not-sure/${panel}/cdn=no/cms=wordpress/server=nginx`, 'logs'],
  ['then PHP workers', `${owner}/reach=everyone/error-page=not-sure/${panel}/cdn=no/cms=wordpress/server=nginx/logs=broken`, 'php-workers'],
  ['then plugins', `${owner}/reach=everyone/error-page=not-sure/${panel}/cdn=no/cms=wordpress/server=nginx/logs=broken/php-workers=broken`, 'plugins'],
  [
    'a server panel (WHM, Plesk as administrator) restarts PHP after the log and the workers',
    `${owner}/reach=everyone/error-page=not-sure/reload=broken/access=server-panel/platform=cpanel/cdn=no/cms=wordpress/server=apache/logs=broken/php-workers=broken`,
    'restart',
  ],
  [
    'an account panel never meets the restart',
    `${owner}/reach=everyone/error-page=not-sure/${panel}/cdn=no/cms=wordpress/server=nginx/logs=broken/php-workers=broken`,
    'plugins',
  ],
  ['SSH users look at what the web server passes to first', `${owner}/reach=everyone/error-page=not-sure/${ssh}/cdn=no/cms=wordpress/server=nginx`, 'proxy'],
  ['then whether PHP-FPM runs', `${owner}/reach=everyone/error-page=not-sure/${ssh}/cdn=no/cms=wordpress/server=nginx/proxy=broken`, 'restart'],
  [
    'people without access check DNS, then ask the host',
    `${owner}/reach=everyone/error-page=not-sure/reload=broken/access=none/cdn=no/cms=none/dns=broken`,
    'contact-host',
  ],
  [
    'after the host, the hand-off',
    `${owner}/reach=everyone/error-page=not-sure/reload=broken/access=none/cdn=no/cms=none/dns=broken/contact-host=cannot`,
    'handoff',
  ],

  // Cloudflare's numbers
  ['520: the error log', `${owner}/reach=everyone/error-page=cloudflare-52x/cf-code=520/${panel}/cms=wordpress/server=nginx`, 'logs'],
  ['521: is the web server up', `${owner}/reach=everyone/error-page=cloudflare-52x/cf-code=521/${ssh}/cms=wordpress/server=nginx`, 'restart'],
  ['521 for panel users: server load', `${owner}/reach=everyone/error-page=cloudflare-52x/cf-code=521/${panel}/cms=wordpress/server=nginx`, 'server-health'],
  [
    '521: then the firewall',
    `${owner}/reach=everyone/error-page=cloudflare-52x/cf-code=521/${panel}/cms=wordpress/server=nginx/server-health=broken`,
    'firewall',
  ],
  ['522: server load first', `${owner}/reach=everyone/error-page=cloudflare-52x/cf-code=522/${panel}/cms=wordpress/server=nginx`, 'server-health'],
  ['523: DNS', `${owner}/reach=everyone/error-page=cloudflare-52x/cf-code=523/${panel}/cms=wordpress/server=nginx`, 'dns'],
  ['524: slow pages and time limits', `${owner}/reach=everyone/error-page=cloudflare-52x/cf-code=524/${panel}/cms=wordpress/server=nginx`, 'php-limits'],
  ['525: Cloudflare’s SSL/TLS mode', `${owner}/reach=everyone/error-page=cloudflare-52x/cf-code=525/${panel}/cms=wordpress/server=nginx`, 'cloudflare-ssl'],
  ['526: Cloudflare’s SSL/TLS mode', `${owner}/reach=everyone/error-page=cloudflare-52x/cf-code=526/${ssh}/cms=wordpress/server=nginx`, 'cloudflare-ssl'],
  [
    '526 even without access to the server',
    `${owner}/reach=everyone/error-page=cloudflare-52x/cf-code=526/reload=broken/access=none/cms=wordpress`,
    'cloudflare-ssl',
  ],
  [
    'Cloudflare’s own plain page: its status page first',
    `${owner}/reach=everyone/error-page=cloudflare-plain/${panel}/cms=wordpress/server=nginx`,
    'cloudflare-status',
  ],
  ['Cloudflare’s branded 502: what runs behind the web server', `${owner}/reach=everyone/error-page=cloudflare-502/${ssh}/cms=wordpress/server=nginx`, 'proxy'],

  // What the error page rules out
  ['the browser’s own page: DNS first', `${owner}/reach=everyone/error-page=browser/${panel}/cdn=no/cms=wordpress/server=nginx`, 'dns'],
  [
    'the browser’s own page: then the firewall test',
    `${owner}/reach=everyone/error-page=browser/${panel}/cdn=no/cms=wordpress/server=nginx/dns=broken`,
    'firewall',
  ],
  [
    'an Nginx page never leads to the firewall, bans or DNS',
    `${owner}/reach=everyone/error-page=nginx/${panel}/cdn=no/cms=wordpress/logs=broken/php-workers=broken/plugins=broken/server-health=broken/php-limits=broken/php-version=broken`,
    'contact-host',
  ],
  [
    'a host’s page: the error log, then the account’s limits',
    `${owner}/reach=everyone/error-page=host/${panel}/cdn=no/cms=wordpress/server=nginx/logs=broken`,
    'server-health',
  ],
  [
    '“only me” with no page: a ban, with the firewall test',
    `${owner}/reach=only-me/error-page=browser/reload=broken/clear-cache=broken/flush-dns=broken/other-network=broken/access=panel/platform=cpanel/cdn=no/cms=wordpress/server=nginx/dns=broken`,
    'firewall',
  ],
  [
    '“not sure” who, no page: the ban check without switching anything off',
    `${owner}/reach=not-sure/error-page=not-sure/reload=broken/clear-cache=broken/access=panel/platform=cpanel/cdn=no/cms=wordpress/server=nginx/logs=broken/php-workers=broken/plugins=broken/server-health=broken/php-limits=broken/php-version=broken`,
    'bans',
  ],
  [
    'a firewall switched off to test is switched back on next',
    `${owner}/reach=everyone/error-page=browser/${panel}/cdn=no/cms=wordpress/server=nginx/dns=broken/firewall=switched-off`,
    'firewall-back-on',
  ],

  // What runs behind the web server
  ['a Node app: the app first', `${owner}/reach=everyone/error-page=nginx/${ssh}/cdn=no/cms=none/app=node`, 'app-server'],
  [
    'a Node app: never the PHP fixes',
    `${owner}/reach=everyone/error-page=nginx/${ssh}/cdn=no/cms=none/app=node/app-server=broken/hops=broken/proxy=broken/restart=broken/logs=broken/server-health=broken`,
    'contact-host',
  ],

  // Evidence from the tools
  [
    'a busy-workers log line: PHP workers first',
    `${owner}/reach=everyone/error-page=nginx/${panel}/cdn=no/cms=wordpress/found=fpm-max-children`,
    'php-workers',
  ],
  ['a log line outranks the error page', `${owner}/reach=everyone/error-page=nginx/${ssh}/cdn=no/cms=wordpress/found=fpm-max-children`, 'php-workers'],
  [
    'a live check that found nothing listening: is the web server up',
    `role=owner/evidence=checked/reach=everyone/error-page=browser/check=refused/${ssh}/cdn=no/cms=wordpress/server=nginx`,
    'restart',
  ],
  [
    'a live check that waited 8 seconds for a page: PHP workers',
    `role=owner/evidence=checked/reach=everyone/error-page=not-sure/check=slow/${panel}/cdn=no/cms=wordpress/server=nginx`,
    'php-workers',
  ],
  [
    'a live check caught in a redirect loop behind Cloudflare: the SSL/TLS mode',
    `role=owner/evidence=checked/reach=everyone/check=redirect-loop+cdn-cloudflare/error-page=not-sure/${panel}/cdn=yes/cms=wordpress/server=nginx`,
    'cloudflare-ssl',
  ],

  // Jump-in links
  ['a jump-in link opens its step', 'start=php-workers', 'php-workers'],
  ['after a jump-in step, the plan’s next fix', 'start=php-workers/php-workers=broken', 'proxy'],
  ['a jump-in link keeps its context', 'start=logs/access=panel/platform=cpanel/logs=broken', 'php-workers'],
];

describe('routing, rule by rule', () => {
  for (const [rule, answers, next] of rules) {
    test(rule, () => {
      const state = stateFromSegments(answers.split('/'));
      assert.deepEqual(state.rejected, [], 'every part of the link is understood');
      assert.equal(state.step, next, answers);
    });
  }
});
