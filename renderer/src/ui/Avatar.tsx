import { avatarColourClass } from '../lib/avatar-colour.ts';

export type AvatarProps = {
  id: string;
  initials: string;
};

/** Decorative: the name beside it already says who or what this is. */
export const Avatar = ({ id, initials }: AvatarProps) => (
  <span className={`avatar ${avatarColourClass(id)}`} aria-hidden="true">
    {initials}
  </span>
);
