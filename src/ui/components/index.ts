export { Badge, buttonClass, EmptyState, FormError, Loading, PageHeader, type Variant } from './basics';
export { ConflictBadge } from './ConflictBadge';
export { CheckboxField, SelectField, TextAreaField, TextField } from './fields';
export { Icon, type IconName } from './icons';
export { BackLink, ButtonLink } from './links';
