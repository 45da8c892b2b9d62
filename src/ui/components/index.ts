export { Badge, buttonClass, EmptyState, FormError, Loading, PageHeader, type Variant } from './basics';
export { CheckboxField, SelectField, TextAreaField, TextField } from './fields';
export { Icon, type IconName } from './icons';
export { BackLink, ButtonLink } from './links';
