/** A written insight on the dashboard, with the question that explains it in the chat. */
export interface Insight {
  kind: 'explain' | 'mover' | 'anomaly';
  /** One sentence with the figures. */
  text: string;
  /** Asked in a new chat thread by the insight's link (/chat?q=...). */
  question: string;
  /** How notable, 0..1, comparable across kinds; explain insights come first regardless. */
  score: number;
  /** What it is about, to keep two insights from saying the same thing. */
  key: string;
}

export const pct = (fraction: number) => `${Math.round(Math.abs(fraction) * 1000) / 10}%`;
