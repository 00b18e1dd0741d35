/** Plural forms by CLDR category, for the dictionaries other than English. `#` stands for the count. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * A plural picker for `locale`: the form of `count`'s category (`Intl.PluralRules`), else `other`,
 * with `#` replaced by the count in the locale's digits (`Intl.NumberFormat`). Built on first use.
 */
export function plurals(locale: string): (count: number, forms: PluralForms) => string {
  let rules: Intl.PluralRules | undefined;
  let digits: Intl.NumberFormat | undefined;
  return (count, forms) => {
    rules ??= new Intl.PluralRules(locale);
    digits ??= new Intl.NumberFormat(locale);
    return (forms[rules.select(count)] ?? forms.other).replace('#', digits.format(count));
  };
}

/** The count alone, in the locale's digits and grouping (`1 250`, `1,250`). */
export function numbers(locale: string): (count: number) => string {
  let digits: Intl.NumberFormat | undefined;
  return (count) => (digits ??= new Intl.NumberFormat(locale)).format(count);
}
