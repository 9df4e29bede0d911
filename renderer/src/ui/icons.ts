/**
 * The one icon set of the window: lucide's SVG icons, drawn in `currentColor`, so no button or
 * mark depends on a font the system may lack (emoji glyphs show as empty boxes on a Linux machine
 * without a colour-emoji font). Every icon the renderer uses is named here: named imports keep the
 * bundle to these few, and features take them from this file so the set stays one. Lucide marks an
 * icon `aria-hidden` unless it is given a label: the button around it carries `aria-label` and `title`.
 */
export type { LucideIcon as Icon } from 'lucide-react';
export {
  ArrowDown as JumpDownIcon,
  ArrowLeft as BackIcon,
  Check as CheckIcon,
  Clock as PendingIcon,
  Ellipsis as MoreIcon,
  FileText as FileIcon,
  Lock as LockIcon,
  MapPin as LocationIcon,
  Mic as MicIcon,
  Music as AudioFileIcon,
  Paperclip as AttachIcon,
  Pencil as EditIcon,
  Plus as PlusIcon,
  Reply as ReplyIcon,
  Settings as SettingsIcon,
  ShieldAlert as UnverifiedIcon,
  ShieldCheck as VerifiedIcon,
  ShieldQuestion as UnknownTrustIcon,
  SmilePlus as ReactIcon,
  Square as StopIcon,
  Trash2 as DeleteIcon,
  X as CloseIcon,
} from 'lucide-react';
