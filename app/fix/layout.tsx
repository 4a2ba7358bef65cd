import { FocusHeading } from '../_components/step/FocusHeading';

export default function FixLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <FocusHeading />
      {children}
    </>
  );
}
