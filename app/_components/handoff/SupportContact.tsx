import { site } from '@/content/site';

/** Where to send the message: the team's own contacts from the site settings, if any. */
export function SupportContact() {
  const { email, url, phone } = site.support;
  if (!email && !url && !phone) {
    return <p className="mt-2">Send it to your hosting company’s support (their help page or support email), or to whoever built or looks after your site.</p>;
  }
  return (
    <div className="mt-2">
      <p>Send it to our support team:</p>
      <ul className="mt-1 list-disc pl-5">
        {email && (
          <li>
            by email:{' '}
            <a href={`mailto:${email}`} className="link">
              {email}
            </a>
          </li>
        )}
        {url && (
          <li>
            on our{' '}
            <a href={url} className="link">
              support page
            </a>
          </li>
        )}
        {phone && (
          <li>
            by phone:{' '}
            <a href={`tel:${phone.replace(/[^+0-9]/g, '')}`} className="link">
              {phone}
            </a>
          </li>
        )}
      </ul>
    </div>
  );
}
