/**
 * Styling contract shared by every component: `className` on the root, a `classNames` map per
 * part ("slot"), `unstyled` to drop the kit's own classes, and `data-slot` on every part so CSS
 * can target parts without classes. Kit classes are `csk-*` classes in styles.css (Tailwind utilities
 * applied in its components layer) and a few `csk:`-prefixed utilities.
 */

export const cx = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;

export interface StylingProps<Slot extends string> {
  /** Classes added to the root element. */
  className?: string;
  /** Classes added per part, by slot name. */
  classNames?: Partial<Record<Slot, string>>;
  /** Renders without the kit's classes: only your classes and the data-slot/data-state hooks. */
  unstyled?: boolean;
}

/** `slot('device', 'csk:flex …')` → `{ 'data-slot': 'device', className }` honouring classNames and unstyled. */
export function slots<Slot extends string>({ classNames, unstyled }: StylingProps<Slot>) {
  return (name: Slot, kitClasses: string | undefined, ...extra: (string | false | undefined)[]) => ({
    'data-slot': name,
    className: cx(!unstyled && kitClasses, ...extra, classNames?.[name]),
  });
}
