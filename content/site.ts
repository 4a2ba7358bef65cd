import { siteSettings } from './schema';

/**
 * Settings for this copy of the troubleshooter. A team running its own copy
 * edits the values below; the build checks them and stops with a clear
 * message if one is wrong.
 */
export const site = siteSettings.parse({
  /** The name shown in the header, page titles and messages. */
  productName: '502 Troubleshooter',

  /**
   * The public address this copy is served from, used in links people share.
   * Unset, pages use the address they were opened at (see ALLOWED_HOSTS in the README).
   */
  siteUrl: process.env.SITE_URL || undefined,

  /**
   * Where the hand-off message is sent. Give any of email, url and phone, or
   * none: without an email the message opens in a blank email.
   */
  support: {
    // email: 'support@example.com',
    // url: 'https://example.com/support',
    // phone: '+44 20 7946 0000',
  },

  /**
   * The panel or system your customers' sites run on, one of the answers in
   * content/steps/platform.mdx, e.g. 'cpanel' or 'plesk'. Set, the wizard
   * doesn't ask, and every step shows that platform's screens and commands.
   */
  // platform: 'cpanel',
});
