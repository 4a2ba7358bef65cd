'use client';

import { useEffect, useState } from 'react';
import { mailtoHref, textFileHref, type HandoffMessage as Message } from '@/handoff/message';
import { CopyButton } from '@/app/_components/guidance/CopyButton';

interface Props {
  message: Message;
  to?: string;
  /**
   * The progress link as a path, when the server could not know this site's
   * address: the browser puts its own in front. Without JavaScript the path
   * stays, with a note saying what to add.
   */
  relativeLink?: string;
}

/** The hand-off message, ready to copy, email, download or print. */
export function HandoffMessage({ message, to, relativeLink }: Props) {
  const [origin, setOrigin] = useState<string>();
  useEffect(() => setOrigin(window.location.origin), []);
  const shown = relativeLink && origin ? withOrigin(message, relativeLink, origin) : message;

  return (
    <div data-copy-scope className="mt-8">
      <label htmlFor="handoff-message" className="font-medium print:hidden">
        The message
      </label>
      {relativeLink && !origin && (
        <p id="handoff-message-hint" className="hint">
          The link in the message starts with “/”: put this site’s address from your browser’s address bar in front of it.
        </p>
      )}
      <textarea
        id="handoff-message"
        data-copy
        readOnly
        rows={18}
        value={shown.body}
        aria-describedby={relativeLink && !origin ? 'handoff-message-hint' : undefined}
        className="field font-mono text-sm print:hidden"
      />
      {/* A textarea prints clipped; print the whole text instead. */}
      <pre className="hidden whitespace-pre-wrap font-sans [overflow-wrap:anywhere] print:block">{shown.body}</pre>
      <div className="mt-3 flex flex-wrap gap-3 print:hidden">
        <CopyButton label="Copy the message" className="button-outline px-4 py-2" />
        <a href={mailtoHref(shown, to)} className="button-outline px-4 py-2">
          Open in your email app
        </a>
        <a href={textFileHref(shown)} download="502-bad-gateway-handoff.txt" className="button-outline px-4 py-2">
          Download as a text file
        </a>
      </div>
    </div>
  );
}

/** The link has a line of its own in the message, so only that line changes. */
function withOrigin(message: Message, link: string, origin: string): Message {
  return { ...message, body: message.body.replace(`\n${link}\n`, `\n${origin}${link}\n`) };
}
