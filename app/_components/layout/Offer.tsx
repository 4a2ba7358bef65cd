/**
 * A dashed box on a step offering a tool that does part of the work for the
 * person. The tools' pages run under a strict script policy, which only a
 * full page load brings, so this is a plain link, not a client-side one.
 */
export function Offer({ id, heading, text, href, action }: { id: string; heading: string; text: string; href: string; action: string }) {
  return (
    <aside aria-labelledby={id} className="mt-8 rounded-lg border-2 border-dashed border-blue-700 p-4 print:hidden dark:border-blue-400">
      <h2 id={id} className="text-lg font-semibold">
        {heading}
      </h2>
      <p className="mt-1">{text}</p>
      <p className="mt-2">
        <a href={href} className="link font-medium">
          {action}
        </a>
      </p>
    </aside>
  );
}
