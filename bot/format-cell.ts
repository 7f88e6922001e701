/** A table cell as text, by its column's format (currency, number, percent, days, or raw). */
export function formatCell(value: string | number | boolean | null, format: string): string {
  if (value === null) return '–';
  if (typeof value !== 'number') return String(value);
  switch (format) {
    case 'currency':
      return `${value < 0 ? '-' : ''}$${Math.abs(value).toLocaleString('en-US', {
        minimumFractionDigits: Math.abs(value) >= 1000 ? 0 : 2,
        maximumFractionDigits: Math.abs(value) >= 1000 ? 0 : 2,
      })}`;
    case 'percent':
      return `${(value * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
    case 'days':
      return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
    default:
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
}
