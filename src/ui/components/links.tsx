// Links styled as buttons or as a back arrow. Separate from basics.tsx so the
// router stays out of chunks that only need plain pieces (the login, the splash).
import { Link, type LinkProps } from 'react-router';
import { buttonClass, type Variant } from './basics';

export function ButtonLink({ variant = 'primary', className, ...props }: LinkProps & { variant?: Variant }) {
  return <Link className={`${buttonClass(variant)} ${className ?? ''}`.trim()} {...props} />;
}

export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Link className="back-link" to={to}>
      <span aria-hidden="true">‹ </span>
      {label}
    </Link>
  );
}
