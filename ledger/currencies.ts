/**
 * ISO 4217 currencies as the runtime's ICU data knows them (Intl), with their minor-unit digits,
 * so no hand-kept list goes stale. Symbols map only where one currency owns the sign.
 */
const KNOWN = new Set(Intl.supportedValuesOf('currency'));

export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
};

export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN.has(code);
}

/** Digits after the decimal point: 2 for USD and EUR, 0 for JPY, 3 for BHD. */
export function minorDigits(code: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
    .maximumFractionDigits as number;
}

/** 1205000 USD → "12,050.00 USD" */
export function formatMinor(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+$)/g, ',');
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${amountMinor < 0 ? '-' : ''}${whole}${fraction} ${currency}`;
}
