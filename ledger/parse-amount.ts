/**
 * Finds the one amount in a sentence: "$1,200.50", "1.2k", "120 EUR", "EUR 120", "€45", "45.5 usd".
 * Returns integer minor units in the currency's own precision; refuses, with a message saying
 * what to type instead, negative, zero, too precise, too large and unknown-currency amounts.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { CURRENCY_SYMBOLS, formatMinor, isKnownCurrency, minorDigits } from './currencies.ts';
import { MAX_AMOUNT_MINOR } from './ledger-draft.ts';

export interface FoundAmount {
  amountMinor: number;
  currency: string;
  /** The text with the amount removed. */
  rest: string;
}

const SYMBOL = '[$€£¥]';
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;
const AMOUNT = new RegExp(
  String.raw`(?<minus>(?<!\w)-\s?|\bminus\s+)?(?:(?<sym>${SYMBOL})\s?|\b(?<pre>[A-Za-z]{3})\s?(?=[\d.]))?(?<![\w,.])(?<num>${NUMBER})(?<mult>[kKmM])?(?!\w)(?:\s?(?<post>${SYMBOL})|\s?(?<code>[A-Za-z]{3})\b)?`,
  'u',
);

function invalid(message: string, details: Record<string, unknown> = {}): CodedError {
  return new CodedError(ErrorCode.LedgerInvalidInput, message, { details });
}

/** The currency a 3-letter word names, undefined if it is not one, or an error for an unknown upper-case code. */
function currencyOf(word: string | undefined): string | undefined {
  if (!word) return undefined;
  const upper = word.toUpperCase();
  if (isKnownCurrency(upper)) return upper;
  if (word === upper) {
    throw invalid(`Unknown currency "${word}"; use an ISO 4217 code such as USD, EUR or GBP.`, {
      currency: word,
    });
  }
  return undefined;
}

export function findAmount(text: string, defaultCurrency: string): FoundAmount | undefined {
  const match = AMOUNT.exec(text);
  if (!match?.groups) return undefined;
  const g = match.groups;
  const pre = g.sym ? CURRENCY_SYMBOLS[g.sym] : currencyOf(g.pre);
  const postCode = g.code ? currencyOf(g.code) : undefined;
  const post = g.post ? CURRENCY_SYMBOLS[g.post] : postCode;
  if (pre && post && pre !== post) {
    throw invalid(`The amount "${match[0].trim()}" names two currencies; give one, e.g. "120 EUR".`);
  }
  const currency = pre ?? post ?? defaultCurrency;
  // A 3-letter word that is not a currency ("for 120", "120 for") stays in the text.
  const skip = g.pre && !pre ? match[0].indexOf(g.pre) + g.pre.length : 0;
  const end = g.code && !postCode ? match[0].lastIndexOf(g.code) : match[0].length;
  const rest = `${text.slice(0, match.index + skip)} ${text.slice(match.index + end)}`;
  if (g.minus)
    throw invalid(`The amount must be positive (got "${match[0].trim()}"); to undo an entry, reverse it.`);
  return { amountMinor: toMinor(g.num as string, g.mult, currency), currency, rest };
}

function toMinor(number: string, multiplier: string | undefined, currency: string): number {
  const digits = minorDigits(currency);
  const [whole = '0', fraction = ''] = number.replace(/,/g, '').split('.');
  const scale = multiplier ? (multiplier.toLowerCase() === 'k' ? 3 : 6) : 0;
  // Shift the decimal point for k/m in the string, so 1.2k is exactly 1200 (no float error).
  const shifted = `${whole}${fraction.padEnd(scale, '0').slice(0, scale)}`;
  const decimals = fraction.slice(scale);
  if (decimals.length > digits) {
    throw invalid(
      `"${number}${multiplier ?? ''}" has ${decimals.length} decimal places; ${currency} allows at most ${digits}.`,
    );
  }
  const minorText = `${shifted}${decimals.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  const minor = Number(minorText);
  if (minor === 0) throw invalid('The amount must be greater than zero.');
  if (minorText.length > 16 || minor > MAX_AMOUNT_MINOR) {
    throw invalid(
      `The amount is too large; one entry may be at most ${formatMinor(MAX_AMOUNT_MINOR, currency)}.`,
    );
  }
  return minor;
}
