/**
 * The last few hundred answers by id, so "How I got this" and feedback work without a database
 * round trip; older ones are looked up through the thread store (the assistant saves every turn).
 */
import type { Answer } from '../assistant/answer.ts';

export class RecentAnswers {
  private readonly answers = new Map<string, Answer>();

  constructor(
    private readonly lookup: (answerId: string) => Promise<Answer | undefined> = async () => undefined,
    private readonly capacity = 500,
  ) {}

  remember(answer: Answer): void {
    this.answers.delete(answer.id);
    this.answers.set(answer.id, answer);
    if (this.answers.size > this.capacity) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
  }

  async find(answerId: string): Promise<Answer | undefined> {
    return this.answers.get(answerId) ?? (await this.lookup(answerId));
  }
}
